import Foundation
import Locking
import TestSupport

/// A `sales-agent serve` child process on a loopback port it picks itself (port 0). Its
/// stderr is drained continuously; `start` returns once the `url=` line appears.
final class AgentProcess: Sendable {
    let process: Process
    let baseURL: String
    private let stderr: StderrCollector

    var pid: Int32 { process.processIdentifier }

    private init(process: Process, baseURL: String, stderr: StderrCollector) {
        self.process = process
        self.baseURL = baseURL
        self.stderr = stderr
    }

    /// The built `sales-agent` binary beside the test bundle, or under `.build/debug`.
    static func binary() -> String? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("sales-agent"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sales-agent"))
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/sales-agent"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `binary serve --port 0 <arguments>` and waits for its listening line.
    static func start(binary: String, arguments: [String], timeout: Duration = .seconds(120)) async throws -> AgentProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardError = pipe
        let collector = StderrCollector(pipe.fileHandleForReading)
        try process.run()
        let deadline = ContinuousClock.now + TestTiming.scaled(timeout)
        while ContinuousClock.now < deadline {
            if let url = collector.listeningURL() {
                return AgentProcess(process: process, baseURL: url, stderr: collector)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        // One look after the deadline: a poller that was not scheduled for a while (a busy
        // machine) must not miss a line that arrived in time.
        if let url = collector.listeningURL() {
            return AgentProcess(process: process, baseURL: url, stderr: collector)
        }
        process.terminateIfRunning()
        throw TestFailure("sales-agent did not report its url; stderr:\n\(collector.text)")
    }

    /// Sends SIGKILL and waits until the process is gone.
    func kill9() async throws {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try await eventually("sales-agent exits after SIGKILL") { !self.process.isRunning }
    }

    /// Everything the process wrote to stderr so far.
    var stderrText: String { stderr.text }
}

extension Process {
    /// SIGKILL when still running: cleanup for every test path.
    func terminateIfRunning() {
        if isRunning { kill(processIdentifier, SIGKILL) }
    }
}

/// Drains a pipe on Foundation's reader thread so the child never blocks on a full pipe.
final class StderrCollector: Sendable {
    private let buffer = Locked<String>("")

    init(_ handle: FileHandle) {
        handle.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            self.append(data)
        }
    }

    private func append(_ data: Data) {
        buffer.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }

    var text: String { buffer.withLock { $0 } }

    /// The `url=http://...` of the listening line, once written.
    func listeningURL() -> String? {
        let text = self.text
        guard let line = text.split(separator: "\n").first(where: { $0.contains("sales-agent listening") }),
            let range = line.range(of: "url=")
        else { return nil }
        let url = line[range.upperBound...].prefix { !$0.isWhitespace }
        return url.isEmpty ? nil : String(url)
    }
}
