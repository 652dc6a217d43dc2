import ArgumentParser
import Foundation
import SalesAgent
import SalesCore

/// `sales-agent export-sim-script`: writes the simulator's `script` responder file from
/// golden files, so the simulated LLM answers capture and detect with the gold labels
/// and the bench measures latency, not model quality.
struct ExportSimScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-sim-script", abstract: "Write the simulator script responder file from golden files.")

    @Option(name: .customLong("golden"), help: "Golden files (repeatable).")
    var goldenFiles: [String] = ["golden/dev.jsonl", "golden/test.jsonl"]

    @Option(help: "Output JSONL file.")
    var out = "golden/sim-script.jsonl"

    func run() throws {
        var turns: [GoldenTurn] = []
        for file in goldenFiles {
            do {
                turns += try GoldenFile.load(path: file)
            } catch {
                printError("\(error)")
                throw ExitCode(1)
            }
        }
        let lines = SimScript.lines(for: turns)
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        print("\(out): \(lines.count) entries from \(turns.count) turns")
    }
}
