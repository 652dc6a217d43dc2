import Foundation
import Testing

/// `sales-agent check-opt-out` as a user runs it: the built binary over files on disk.
@Suite("sales-agent check-opt-out")
struct CheckOptOutCommandTests {
    @Test("reports misses and false opt-outs with their rule, and the counts")
    func reportsErrors() throws {
        let file = try Self.write([
            #"{"text": "please stop emailing me", "opt_out": true}"#,
            #"{"text": "what does it cost per seat?", "opt_out": true}"#,
            #"{"text": "stop by our booth on Friday", "opt_out": false}"#,
            #"{"message": "unsubscribe", "situation": "opt_out"}"#,
        ])
        let (status, output) = try Self.run([file])
        #expect(status == 0)
        #expect(output.contains("\(file):2: MISSED [-] what does it cost per seat?"))
        #expect(!output.contains("\(file):1:"), "a caught opt-out is not listed without --all")
        #expect(output.contains("caught 2 of 3 opt-outs, flagged 0 of 1 look-alikes"))
    }

    @Test("a bad line is refused with the file and line named")
    func badLine() throws {
        let file = try Self.write([#"{"text": "stop", "opt_out": true}"#, "not json", String(repeating: "x", count: 70_000)])
        let (status, output) = try Self.run([file])
        #expect(status == 1)
        #expect(output.contains("\(file):2: not a JSON object"))
        let long = try Self.write([#"{"text": "stop", "opt_out": true}"#, String(repeating: "x", count: 70_000)])
        let (longStatus, longOutput) = try Self.run([long])
        #expect(longStatus == 1)
        #expect(longOutput.contains("\(long):2: 70000 bytes"))
    }

    private static func write(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("check-opt-out-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the binary to its end; returns its exit status and stdout + stderr.
    private static func run(_ arguments: [String]) throws -> (Int32, String) {
        let binary = try #require(AgentProcess.binary(), "the sales-agent binary is built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["check-opt-out"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
