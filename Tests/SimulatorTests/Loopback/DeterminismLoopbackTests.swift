import Foundation
import Testing

@testable import Simulator

@Suite("Determinism and scripts over loopback")
struct DeterminismLoopbackTests {
    private static let latencyProfile = """
        defaults:
          ttft_ms: {median: 3, p95: 12}
          prefill_ms_per_input_token: 0.01
          decode_ms_per_output_token: 0.1
          faults: {server_error: 0.2}
        """

    private func serviceTimes(seed: UInt64) async throws -> [String] {
        let profile = try zeroProfile(seed: seed, extra: Self.latencyProfile)
        return try await withSim(profile) { server in
            var values: [String] = []
            for (message, tag) in [("a", "capture"), ("b", nil), ("a", "capture"), ("c", "detect"), ("a", "capture")] {
                let headers = tag.map { [("x-request-tag", $0)] } ?? []
                let response = try await send(server, "/v1/chat/completions", json: openAIBody(message), headers: headers)
                values.append("\(response.status):" + (response.headers.first(name: "x-sim-service-ms") ?? "missing"))
            }
            return values
        }
    }

    @Test func sameSeedSameSequenceGivesSameServiceTimes() async throws {
        let first = try await serviceTimes(seed: 42)
        let second = try await serviceTimes(seed: 42)
        #expect(first == second)
        #expect(!first.contains { $0.hasSuffix("missing") })
        let repeats = [first[0], first[2], first[4]]
        #expect(Set(repeats).count > 1, "identical requests draw differently: \(repeats)")
        #expect(try await serviceTimes(seed: 43) != first)
    }

    @Test func scriptResponderLooksUpTagAndMessage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sim-script-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("script.jsonl").path
        let lines = [
            #"{"tag": "capture", "message": "We have 20 people", "response": "{\"team_size\": \"20 people\"}"}"#,
            "",
            #"{"message": "hello", "response": "untagged answer", "id": "ignored"}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let profile = try SimProfile.parse(yaml: "responder: script\nscript: \(script)\n", file: "p.yaml")
        try await withSim(profile) { server in
            func content(_ message: String, tag: String?) async throws -> String? {
                let headers = tag.map { [("x-request-tag", $0)] } ?? []
                let response = try await send(server, "/v1/chat/completions", json: openAIBody(message), headers: headers)
                let choice = (try response.json()["choices"] as? [[String: Any]])?.first
                return (choice?["message"] as? [String: Any])?["content"] as? String
            }
            let scripted = try await content("  We have 20 people \n", tag: "capture")
            let otherTag = try await content("We have 20 people", tag: "detect")
            let untagged = try await content("hello", tag: nil)
            #expect(scripted == #"{"team_size": "20 people"}"#)
            #expect(otherTag == "echo: We have 20 people")
            #expect(untagged == "untagged answer")
        }
    }

    @Test func badScriptLineNamesFileAndLine() async throws {
        let error = try #require(throws: SimProfileError.self) {
            try ScriptTable.parse(jsonl: "{\"message\": \"a\", \"response\": \"b\"}\n\n{\"message\": 3}\n", file: "s.jsonl")
        }
        #expect(error.description.hasPrefix("s.jsonl:3: message:"))
        let broken = try #require(throws: SimProfileError.self) { try ScriptTable.parse(jsonl: "{oops\n", file: "s.jsonl") }
        #expect(broken.line == 1)

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).jsonl").path
        try "{\"message\": \"a\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let profile = try SimProfile.parse(yaml: "responder: script\nscript: \(path)\n", file: "p.yaml")
        await #expect(throws: SimProfileError(file: path, line: 1, field: "response", problem: "expected a string")) {
            _ = try await SimServer.start(profile: profile, port: 0)
        }
    }
}
