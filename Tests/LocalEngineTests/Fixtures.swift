import Embeddings
import Foundation
import SalesCore

/// Paths and data shared by the tests.
enum Fixtures {
    /// The package root, found from this file's location.
    static let root: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// `golden/dev*.jsonl`: the dev split only (training and tuning data).
    static var devPaths: [String] {
        let golden = path("golden")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden)) ?? []
        return names.filter { $0.hasPrefix("dev") && $0.hasSuffix(".jsonl") }.sorted().map { golden + "/" + $0 }
    }

    /// Dev turns, de-duplicated by id (the part files may later be merged into `dev.jsonl`).
    static func devTurns() throws -> [GoldenTurn] {
        var seen = Set<String>()
        return try devPaths.flatMap { try GoldenFile.load(path: $0) }.filter { seen.insert($0.id).inserted }
    }

    /// Paths listed in an environment variable, comma-separated.
    static func paths(fromEnvironment name: String) -> [String]? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value.split(separator: ",").map { String($0).hasPrefix("/") ? String($0) : path(String($0)) }
    }
}

/// The sentence embedder linked into the binary, loaded once for all tests.
enum SharedEmbedder {
    static let instance: StaticEmbedder = {
        do {
            return try StaticEmbedder.bundled()
        } catch {
            preconditionFailure("the bundled embedding table does not load: \(error)")
        }
    }()
}

/// The playbook shipped in `policies/playbook.yaml`.
enum Playbooks {
    static func shipped() throws -> Playbook {
        let file = Fixtures.path("policies/playbook.yaml")
        return try PlaybookLoader.parse(yaml: String(contentsOfFile: file, encoding: .utf8), file: file)
    }
}
