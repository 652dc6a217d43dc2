import Foundation

/// A real `redis-server` on a free loopback port, started and killed by a test; no
/// persistence (`--save "" --appendonly no`). Readiness is a PING polled with a deadline.
final class RedisServer: @unchecked Sendable {
    // @unchecked: `process` is replaced only by the test that owns the server.
    let port: Int
    private let extraArguments: [String]
    private var process: Process?

    /// Starts a server on a free port (or on `port`, to restart one), with extra settings
    /// such as `--requirepass` or `--unixsocket`.
    init(port: Int? = nil, extraArguments: [String] = []) throws {
        self.port = try port ?? freeLoopbackPort()
        self.extraArguments = extraArguments
        try start()
    }

    var url: String { "redis://127.0.0.1:\(port)/0" }

    private var password: String? {
        extraArguments.firstIndex(of: "--requirepass").map { extraArguments[$0 + 1] }
    }

    /// Starts the server process and waits until it answers PING.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--loglevel", "warning",
        ] + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let deadline = Date(timeIntervalSinceNow: 10)
        while !ping(port: port, password: password) {
            guard Date() < deadline, process.isRunning else { throw ServerDidNotStart() }
            usleep(2_000)
        }
    }

    /// Kills the server at once (SIGKILL) and waits for it to exit.
    func kill() {
        guard let process else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    deinit { kill() }
}

struct ServerDidNotStart: Error {}

/// A port that was free a moment ago (bound to port 0, then released).
func freeLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw ServerDidNotStart() }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
}

/// True if something on `port` answers `PING` with `+PONG` (after `AUTH` when given).
func ping(port: Int, password: String? = nil) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = loopback(port: port)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return false }
    let request = Array(((password.map { "AUTH \($0)\r\n" } ?? "") + "PING\r\n").utf8)
    guard send(fd, request, request.count, 0) == request.count else { return false }
    var received: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64)
    let expected = Array("+PONG".utf8)
    while received.count < 64 {
        let count = recv(fd, &chunk, chunk.count, 0)
        guard count > 0 else { return false }
        received += chunk[0..<count]
        if let text = String(validating: received, as: UTF8.self), text.contains("+PONG") { return true }
        if received.starts(with: Array("-".utf8)) { return false }
    }
    return received.starts(with: expected)
}

/// A TCP listener that accepts connections (the kernel completes the handshake) and never
/// reads or answers: a Redis that hangs.
final class SilentListener: @unchecked Sendable {
    // @unchecked: immutable after init.
    let port: Int
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else { throw ServerDidNotStart() }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
