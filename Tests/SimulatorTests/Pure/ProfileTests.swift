import Foundation
import Testing

@testable import Simulator

@Suite("Profile parsing")
struct ProfileTests {
    @Test func parsesTheDocumentedExample() throws {
        let yaml = """
            seed: 42
            responder: echo
            defaults:
              ttft_ms: {median: 120, p95: 300}
              prefill_ms_per_input_token: 0.02
              decode_ms_per_output_token: 4
              faults: {rate_limit: 0, server_error: 0, overloaded: 0, reset: 0, cut: 0, stall: 0, retry_after_s: 1}
            tags:
              capture: {ttft_ms: {median: 150, p95: 190}, decode_ms_per_output_token: 0}
            models:
              sim-flaky: {faults: {server_error: 0.2}}
            """
        let profile = try SimProfile.parse(yaml: yaml, file: "example.yaml")
        #expect(profile.seed == 42)
        #expect(profile.modelNames == ["sim-flaky"])
        let untagged = profile.settings(model: "other", tag: nil)
        #expect(untagged.ttft == SimTTFT(medianMs: 120, p95Ms: 300))
        #expect(untagged.decodeMsPerOutputToken == 4)
        let capture = profile.settings(model: "sim-flaky", tag: "capture")
        #expect(capture.ttft == SimTTFT(medianMs: 150, p95Ms: 190))
        #expect(capture.decodeMsPerOutputToken == 0)
        #expect(capture.prefillMsPerInputToken == 0.02)
        #expect(capture.faults.rates[.serverError] == 0.2)
        #expect(capture.faults.retryAfterSeconds == 1)
    }

    @Test func unknownKeyIsRejectedWithFileLineAndField() throws {
        let yaml = "seed: 1\ndefaults:\n  decode_ms_per_output_tokens: 3\n"
        let error = try #require(throws: SimProfileError.self) { try SimProfile.parse(yaml: yaml, file: "p.yaml") }
        #expect(error.file == "p.yaml")
        #expect(error.line == 3)
        #expect(error.field == "defaults.decode_ms_per_output_tokens")
        #expect(error.description.hasPrefix("p.yaml:3: defaults.decode_ms_per_output_tokens: unknown key"))
    }

    @Test func unknownTopLevelAndFaultKeysAreRejected() throws {
        let top = try #require(throws: SimProfileError.self) { try SimProfile.parse(yaml: "seed: 1\nsed: 2\n", file: "p.yaml") }
        #expect(top.line == 2 && top.field == "sed")
        let yaml = "models:\n  m:\n    faults: {timeout: 0.1}\n"
        let fault = try #require(throws: SimProfileError.self) { try SimProfile.parse(yaml: yaml, file: "p.yaml") }
        #expect(fault.line == 3 && fault.field == "models.m.faults.timeout")
    }

    @Test func badValuesNameTheirLineAndField() throws {
        let cases: [(String, Int, String)] = [
            ("seed: -3\n", 1, "seed"),
            ("defaults:\n  ttft_ms: {median: 100, p95: 50}\n", 2, "defaults.ttft_ms"),
            ("defaults:\n  ttft_ms: {median: 100}\n", 2, "defaults.ttft_ms"),
            ("defaults:\n  decode_ms_per_output_token: fast\n", 2, "defaults.decode_ms_per_output_token"),
            ("tags:\n  x:\n    faults: {cut: 1.5}\n", 3, "tags.x.faults.cut"),
            ("tags:\n  x:\n    faults: {cut: 0.6, stall: 0.6}\n", 3, "tags.x.faults"),
            ("responder: poetry\n", 1, "responder"),
            ("responder: script\n", 1, "script"),
        ]
        for (yaml, line, field) in cases {
            let error = try #require(throws: SimProfileError.self) { try SimProfile.parse(yaml: yaml, file: "p.yaml") }
            #expect(error.line == line, "\(yaml)")
            #expect(error.field == field, "\(yaml)")
        }
    }

    @Test func yamlSyntaxErrorsCarryALine() throws {
        let error = try #require(throws: SimProfileError.self) {
            try SimProfile.parse(yaml: "seed: 1\ndefaults: {ttft_ms: [\n", file: "p.yaml")
        }
        #expect(error.line > 0)
        #expect(error.file == "p.yaml")
    }

    @Test func duplicateKeysNameTheKeyAndItsLine() throws {
        let error = try #require(throws: SimProfileError.self) {
            try SimProfile.parse(yaml: "responder: echo\nseed: 1\nseed: 2\n", file: "p.yaml")
        }
        #expect(error.field == "seed")
        #expect(error.line == 2)
        #expect(error.description == "p.yaml:2: seed: duplicate key")
    }

    @Test func builtinsParseAndUnknownNameIsNil() throws {
        for name in ["zero", "default", "seed"] {
            #expect(SimProfile.builtin(named: name) != nil, "\(name)")
        }
        #expect(SimProfile.builtin(named: "nope") == nil)
        let seed = try #require(SimProfile.builtin(named: "seed"))
        #expect(seed.seed == 42)
        #expect(seed.settings(model: "sim-small", tag: "capture").ttft.medianMs == 105)
        let zero = try #require(SimProfile.builtin(named: "zero"))
        let settings = zero.settings(model: "sim-small", tag: nil)
        #expect(settings.ttft.sample(normal: 3) == 0 && settings.decodeMsPerOutputToken == 0)
        #expect(settings.faults.decide(roll: 0) == nil)
    }

    @Test func policyFilesAreByteIdenticalToTheEmbeddedProfiles() throws {
        let policies = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("policies")
        for (name, embedded) in SimProfile.builtinYAML {
            let file = policies.appendingPathComponent("sim-\(name).yaml")
            let onDisk = try String(contentsOf: file, encoding: .utf8)
            #expect(onDisk == embedded, "policies/sim-\(name).yaml differs from SimProfile.builtinYAML[\"\(name)\"]")
        }
    }

    @Test func resolveTakesAPathThenABuiltin() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sim-resolve-\(UUID()).yaml").path
        try "seed: 99\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SimProfile.resolve(nameOrPath: path).seed == 99)
        #expect(try SimProfile.load(path: path).seed == 99)
        #expect(try SimProfile.resolve(nameOrPath: "zero").seed == SimProfile.builtin(named: "zero")?.seed)
        #expect(throws: SimProfileError.self) { try SimProfile.resolve(nameOrPath: "no-such-profile") }
    }
}
