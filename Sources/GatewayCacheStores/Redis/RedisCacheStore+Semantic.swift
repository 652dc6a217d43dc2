import GatewayCache

/// Semantic entries shared by every gateway on the same Redis: one list per bucket, appended
/// to, trimmed and given its TTL in one Lua script.
extension RedisCacheStore: SharedSemanticStore {
    /// KEYS[1] = the bucket's list; ARGV = entry, max length, TTL in milliseconds.
    static let appendScript = """
        redis.call('RPUSH', KEYS[1], ARGV[1])
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
        return 1
        """

    public func appendSemanticEntry(_ key: String, _ entry: [UInt8], maxLength: Int, ttl: Duration) async throws(CacheStoreError) {
        let milliseconds = max(1, ttl.wholeMilliseconds)
        _ = try await call([
            Array("EVAL".utf8), Array(Self.appendScript.utf8), Array("1".utf8), Array(key.utf8), entry, Array(String(maxLength).utf8),
            Array(String(milliseconds).utf8),
        ])
    }

    public func semanticEntries(_ key: String) async throws(CacheStoreError) -> [[UInt8]] {
        let reply = try await call(["LRANGE", key, "0", "-1"].map { Array($0.utf8) })
        switch reply {
        case .array(let items):
            return items.compactMap { item in
                if case .string(let bytes) = item { return bytes }
                return nil
            }
        case .null: return []
        default: throw .badReply("LRANGE: unexpected reply")
        }
    }
}
