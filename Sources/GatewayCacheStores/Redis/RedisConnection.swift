import CHiredis
import Foundation

/// One blocking hiredis connection. Not thread-safe: each worker thread owns one. Connect,
/// reads and writes are each bounded by the timeout given at connect (`redisConnectWithTimeout`
/// and `redisSetTimeout`, i.e. the socket's send and receive timeouts).
final class RedisConnection {
    private let context: UnsafeMutablePointer<redisContext>

    private init(context: UnsafeMutablePointer<redisContext>) {
        self.context = context
    }

    /// Connects, authenticates and selects the database; throws a message without secrets.
    static func connect(url: RedisURL, timeout: Duration) throws(CacheStoreErrorDetail) -> RedisConnection {
        var tv = timeval(
            tv_sec: Int(timeout.components.seconds),
            tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        if tv.tv_sec == 0 && tv.tv_usec == 0 { tv.tv_usec = 1000 }
        let made: UnsafeMutablePointer<redisContext>?
        switch url.endpoint {
        case .tcp(let host, let port): made = redisConnectWithTimeout(host, Int32(port), tv)
        case .unix(let path): made = redisConnectUnixWithTimeout(path, tv)
        }
        guard let made else { throw CacheStoreErrorDetail("cannot allocate a redis context") }
        if let problem = errorText(made) {
            redisFree(made)
            throw CacheStoreErrorDetail("connect failed: \(problem)")
        }
        // From here the connection owns the context and frees it in deinit.
        let connection = RedisConnection(context: made)
        guard redisSetTimeout(made, tv) == REDIS_OK else {
            throw CacheStoreErrorDetail("cannot set the socket timeout")
        }
        if let password = url.password {
            let auth = url.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            try connection.expectOK(connection.command(auth.map { Array($0.utf8) }), doing: "AUTH")
        }
        if url.database != 0 {
            try connection.expectOK(
                connection.command(["SELECT", String(url.database)].map { Array($0.utf8) }), doing: "SELECT")
        }
        return connection
    }

    deinit { redisFree(context) }

    /// Sends one command and reads its reply. An I/O error or timeout leaves the connection
    /// unusable: the caller drops it.
    func command(_ arguments: [[UInt8]]) throws(CacheStoreErrorDetail) -> RedisReply {
        try pipeline([arguments])[0]
    }

    /// Sends every command in one write, then reads their replies in order (one round trip
    /// for the batch). An I/O error or timeout leaves the connection unusable.
    func pipeline(_ commands: [[[UInt8]]]) throws(CacheStoreErrorDetail) -> [RedisReply] {
        for arguments in commands {
            guard append(arguments) == REDIS_OK else {
                throw CacheStoreErrorDetail(Self.errorText(context) ?? "cannot queue the command")
            }
        }
        var replies: [RedisReply] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
                throw CacheStoreErrorDetail(Self.errorText(context) ?? "no reply")
            }
            defer { freeReplyObject(raw) }
            replies.append(Self.convert(raw.assumingMemoryBound(to: redisReply.self).pointee))
        }
        return replies
    }

    private func append(_ arguments: [[UInt8]]) -> Int32 {
        var lengths = arguments.map(\.count)
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: max(lengths.reduce(0, +), 1))
        defer { storage.deallocate() }
        var pointers: [UnsafePointer<CChar>?] = []
        var offset = 0
        for argument in arguments {
            argument.withUnsafeBufferPointer { bytes in
                if let base = bytes.baseAddress {
                    UnsafeMutableRawPointer(storage + offset).copyMemory(from: base, byteCount: bytes.count)
                }
            }
            pointers.append(UnsafePointer(storage + offset))
            offset += argument.count
        }
        return pointers.withUnsafeMutableBufferPointer { argv in
            lengths.withUnsafeMutableBufferPointer { argvlen in
                redisAppendCommandArgv(context, Int32(arguments.count), argv.baseAddress, argvlen.baseAddress)
            }
        }
    }

    private func expectOK(_ reply: RedisReply, doing step: String) throws(CacheStoreErrorDetail) {
        switch reply {
        case .status("OK"): return
        case .error(let message): throw CacheStoreErrorDetail("\(step) refused: \(Self.firstWord(message))")
        default: throw CacheStoreErrorDetail("\(step): unexpected reply")
        }
    }

    private static func convert(_ reply: redisReply) -> RedisReply {
        switch reply.type {
        case REDIS_REPLY_STRING:
            return .string(bytes(reply.str, reply.len))
        case REDIS_REPLY_STATUS:
            return .status(String(decoding: bytes(reply.str, reply.len), as: UTF8.self))
        case REDIS_REPLY_ERROR:
            return .error(String(decoding: bytes(reply.str, reply.len), as: UTF8.self))
        case REDIS_REPLY_INTEGER:
            return .integer(Int64(reply.integer))
        case REDIS_REPLY_NIL:
            return .null
        case REDIS_REPLY_ARRAY:
            var elements: [RedisReply] = []
            for index in 0..<Int(reply.elements) {
                if let element = reply.element[index] { elements.append(convert(element.pointee)) }
            }
            return .array(elements)
        default:
            return .error("unsupported reply type \(reply.type)")
        }
    }

    private static func bytes(_ pointer: UnsafeMutablePointer<CChar>?, _ length: Int) -> [UInt8] {
        guard let pointer, length > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String? {
        guard context.pointee.err != 0 else { return nil }
        return withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The error code of a Redis error reply (`WRONGPASS`, `NOAUTH` …), without its text.
    static func firstWord(_ message: String) -> String {
        String(message.prefix { $0 != " " })
    }
}

/// A failure message from ``RedisConnection`` (never holding a password).
struct CacheStoreErrorDetail: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
