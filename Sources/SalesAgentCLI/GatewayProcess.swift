import AsyncHTTPClient
import Foundation
import LoadBench
import SalesCore

/// `llm-gateway serve` as a child process on an ephemeral port (LoadBench's
/// ``ChildServer``), with the simulator answering every provider: API keys are removed from
/// its environment.
enum GatewayProcess {
    /// Starts the gateway next to this executable, waits until `/health/ready`, runs `body`
    /// with its base URL, and stops it however `body` ends.
    static func with<T: Sendable>(
        simProfile: String, extraArguments: [String] = [], _ body: (_ url: String) async throws -> T
    ) async throws -> T {
        let binary = try siblingExecutable("llm-gateway")
        var environment = ProcessInfo.processInfo.environment
        for key in ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY"] { environment[key] = nil }
        // Notice level: the listening line (url=) and nothing per request.
        let gateway = try await ChildServer.launch(
            name: "llm-gateway", executable: binary,
            arguments: ["serve", "--port", "0", "--sim-profile", simProfile, "--log-level", "notice"] + extraArguments,
            environment: environment, announcement: .logLine, readyPath: "/health/ready", client: HTTPClient.shared)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(gateway.url))
        } catch {
            result = .failure(error)
        }
        await gateway.stop()
        return try result.get()
    }

    /// An executable built next to this one (`swift build` puts all products together).
    static func siblingExecutable(_ name: String) throws -> URL {
        let candidate = ChildServer.ownExecutable().deletingLastPathComponent().appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw GatewayProcessError(message: "\(candidate.path) not found: build it first with `swift build`")
        }
        return candidate
    }
}

struct GatewayProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A simulator profile file for the demo and the bench: the seed profile's latencies with
/// the script responder answering capture and detect with the gold labels.
enum ScriptedSimProfile {
    /// `repliesOnly`: the script holds only the golden replies (the demo); capture and detect
    /// are then answered live by the agent's local engine.
    /// `variants`: bench variants of golden turns, answered like their originals.
    static func write(
        golden: [String], seedProfile: String = "policies/sim-seed.yaml", repliesOnly: Bool = false,
        variants: [(original: GoldenTurn, variant: GoldenTurn)] = []
    ) throws -> (profile: String, cleanup: () -> Void) {
        guard let seed = try? String(contentsOfFile: seedProfile, encoding: .utf8) else {
            throw GatewayProcessError(message: "\(seedProfile) not found: run from the repository root")
        }
        var turns: [GoldenTurn] = []
        for file in golden { turns += try GoldenFile.load(path: file) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-agent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sim-script.jsonl")
        let lines = repliesOnly
            ? SimScript.replyLines(for: turns) : SimScript.lines(for: turns) + SimScript.variantLines(variants, golden: turns)
        try (lines.joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("sim-seed-scripted.yaml")
        let text = seed.replacingOccurrences(of: "responder: echo", with: "responder: script\nscript: \(script.path)")
        try text.write(to: profile, atomically: true, encoding: .utf8)
        return (profile.path, { try? FileManager.default.removeItem(at: folder) })
    }
}

