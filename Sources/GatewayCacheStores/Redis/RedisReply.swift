/// A Redis reply as read by ``RedisConnection`` (RESP2 types).
enum RedisReply: Sendable, Hashable {
    case string([UInt8])
    case status(String)
    case integer(Int64)
    case null
    case array([RedisReply])
    case error(String)
}
