import AsyncHTTPClient
import Foundation
import SalesCore

/// `llm-gateway serve` as a child process on an ephemeral port, with the simulator
/// answering every provider (API keys are removed from its environment).
final class GatewayProcess {
    let process: Process
    let url: String
    private let logFile: URL

    /// Starts the gateway next to this executable and waits until `/health/ready`.
    static func start(simProfile: String, extraArguments: [String] = []) async throws -> GatewayProcess {
        let binary = try Self.siblingExecutable("llm-gateway")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("llm-gateway-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw GatewayProcessError(message: "cannot create \(log.path)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--sim-profile", simProfile, "--log-level", "notice"] + extraArguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GEMINI_API_KEY"] { environment[key] = nil }
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.contains("llm-gateway listening") }),
                let range = line.range(of: #"url=http://[0-9.]+:[0-9]+"#, options: .regularExpression)
            {
                let url = String(line[range].dropFirst(4))
                if await Self.isReady(url) { return GatewayProcess(process: process, url: url, logFile: log) }
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw GatewayProcessError(message: "llm-gateway did not become ready:\n\(text)")
    }

    private init(process: Process, url: String, logFile: URL) {
        self.process = process
        self.url = url
        self.logFile = logFile
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    private static func isReady(_ url: String) async -> Bool {
        let request = HTTPClientRequest(url: url + "/health/ready")
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)) else { return false }
        return response.status == .ok
    }

    /// An executable built next to this one (`swift build` puts all products together).
    static func siblingExecutable(_ name: String) throws -> URL {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = own.deletingLastPathComponent().appendingPathComponent(name)
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
    static func write(golden: [String], seedProfile: String = "policies/sim-seed.yaml") throws -> (profile: String, cleanup: () -> Void) {
        guard let seed = try? String(contentsOfFile: seedProfile, encoding: .utf8) else {
            throw GatewayProcessError(message: "\(seedProfile) not found: run from the repository root")
        }
        var turns: [GoldenTurn] = []
        for file in golden { turns += try GoldenFile.load(path: file) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sales-agent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("sim-script.jsonl")
        try (SimScript.lines(for: turns).joined(separator: "\n") + "\n").write(to: script, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("sim-seed-scripted.yaml")
        let text = seed.replacingOccurrences(of: "responder: echo", with: "responder: script\nscript: \(script.path)")
        try text.write(to: profile, atomically: true, encoding: .utf8)
        return (profile.path, { try? FileManager.default.removeItem(at: folder) })
    }
}

