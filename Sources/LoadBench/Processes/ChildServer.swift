import AsyncHTTPClient
import Foundation

/// A server the bench runs as a child process (the simulator, the gateway, a peer), with its
/// output in a log file, found by the URL it announces and waited for until it is ready.
public final class ChildServer {
    /// How the bench learns the child's URL.
    public enum Announcement: Sendable {
        /// From the first `url=http://HOST:PORT` in its log (`llm-gateway sim` and `serve`
        /// log one at notice level when listening; started with `--port 0`).
        case logLine
        /// Known in advance (the bench chose the port).
        case fixed(String)
    }

    public let name: String
    /// `http://HOST:PORT`.
    public let url: String
    let process: Process
    /// The child's process id (for its CPU time and memory in `/proc`).
    public var processID: Int32 { process.processIdentifier }
    private let logFile: URL

    private init(name: String, url: String, process: Process, logFile: URL) {
        self.name = name
        self.url = url
        self.process = process
        self.logFile = logFile
    }

    /// Starts `executable` and returns once `GET {url}{readyPath}` answers 2xx; throws with
    /// the child's log when it exits first or `timeout` passes.
    public static func launch(
        name: String, executable: URL, arguments: [String], environment: [String: String]? = nil,
        announcement: Announcement, readyPath: String, client: HTTPClient, timeout: Duration = .seconds(30)
    ) async throws -> ChildServer {
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(name)-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw BenchSetupError("cannot create \(logFile.path)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let handle = try FileHandle(forWritingTo: logFile)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try? handle.close()
        let deadline = ContinuousClock.now + timeout
        var url: String?
        while ContinuousClock.now < deadline, process.isRunning {
            if url == nil {
                switch announcement {
                case .fixed(let fixed): url = fixed
                case .logLine: url = announcedURL(in: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
                }
            }
            if let url, await isReady(url + readyPath, client: client) {
                return ChildServer(name: name, url: url, process: process, logFile: logFile)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let child = ChildServer(name: name, url: url ?? "?", process: process, logFile: logFile)
        let reason = process.isRunning ? "was not ready after \(timeout)" : "exited with status \(process.terminationStatus)"
        let log = child.logTail()
        await child.stop()
        throw BenchSetupError("\(name) \(reason); its log:\n\(log)")
    }

    /// The `url=http://…` of the first log line that says `listening` (the logger may quote
    /// the value); earlier lines may name other URLs (the gateway logs each provider's).
    public static func announcedURL(in log: String) -> String? {
        for line in log.split(separator: "\n") where line.contains("listening") {
            guard let range = line.range(of: #"url="?https?://[^\s"]+"#, options: .regularExpression) else { continue }
            return String(line[range].dropFirst(4).filter { $0 != "\"" })
        }
        return nil
    }

    /// The last few lines of the child's output.
    public func logTail(lines: Int = 30) -> String {
        let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// SIGTERM, then SIGKILL if it has not exited within five seconds; removes the log.
    public func stop() async {
        if process.isRunning {
            process.terminate()
            let deadline = ContinuousClock.now + .seconds(5)
            while process.isRunning, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: logFile)
    }

    private static func isReady(_ url: String, client: HTTPClient) async -> Bool {
        guard let response = try? await client.execute(HTTPClientRequest(url: url), timeout: .seconds(2)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 20)
        return (200..<300).contains(response.status.code)
    }

    /// This program's own executable, to start `sim` and `serve` from the same build.
    public static func ownExecutable() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        if let url = Bundle.main.executableURL { return url }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }
}

/// The bench could not set up what it measures; the message says what to do.
public struct BenchSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
