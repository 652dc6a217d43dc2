import Foundation
import NIOCore
import NIOPosix

/// A `redis-server` the bench runs on a free loopback port, without persistence; ready once
/// it accepts a TCP connection.
final class RedisChild {
    let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    /// `redis://127.0.0.1:PORT/0`.
    var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Starts `executable` on a free port and waits (with a deadline) until it accepts connections.
    static func launch(executable: String = "/usr/bin/redis-server", timeout: Duration = .seconds(10)) async throws -> RedisChild {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchSetupError("redis-server is not installed at \(executable) (Debian: apt-get install redis-server)")
        }
        let port = try await BenchStack.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no",
            "--loglevel", "warning",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = RedisChild(port: port, process: process)
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, process.isRunning {
            if await accepts(port: port) { return child }
            try await Task.sleep(for: .milliseconds(20))
        }
        await child.stop()
        throw BenchSetupError("redis-server on port \(port) did not accept connections within \(timeout)")
    }

    /// True when something on loopback `port` accepts a connection.
    static func accepts(port: Int) async -> Bool {
        guard let channel = try? await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(200)).connect(host: "127.0.0.1", port: port).get()
        else { return false }
        try? await channel.close()
        return true
    }

    /// SIGTERM, then SIGKILL after five seconds.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(5)
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
