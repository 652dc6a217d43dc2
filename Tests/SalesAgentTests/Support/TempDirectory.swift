import Foundation

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct TempDirectory: Sendable {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("sales-agent-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a new directory, removing it afterwards.
    static func with<T>(_ body: (TempDirectory) async throws -> T) async throws -> T {
        let directory = try TempDirectory()
        defer { directory.remove() }
        return try await body(directory)
    }
}
