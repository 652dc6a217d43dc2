import GatewayCache
import GatewayCore

/// Tenant quotas shared by every gateway on the same Redis: six ten-second buckets per
/// counter, read and incremented in one Lua script (atomic), on Redis's own clock so
/// gateways never disagree on the window.
extension RedisCacheStore: SharedQuotaCounter {
    /// KEYS[1] = the tenant's key prefix; ARGV = requests limit, tokens limit (-1: none), tokens.
    /// Returns {admitted (1/0), refused kind (0 none, 1 requests, 2 tokens), seconds to the next bucket}.
    static let admitScript = """
        local now = redis.call('TIME')
        local bucket = math.floor(tonumber(now[1]) / 10)
        local wait = 10 - (tonumber(now[1]) % 10)
        local requests, tokens = 0, 0
        for i = bucket - 5, bucket do
          requests = requests + (tonumber(redis.call('GET', KEYS[1] .. 'r:' .. i)) or 0)
          tokens = tokens + (tonumber(redis.call('GET', KEYS[1] .. 't:' .. i)) or 0)
        end
        local requestLimit, tokenLimit, amount = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        if requestLimit >= 0 and requests + 1 > requestLimit then return {0, 1, wait} end
        if tokenLimit >= 0 and tokens + amount > tokenLimit then return {0, 2, wait} end
        redis.call('INCR', KEYS[1] .. 'r:' .. bucket)
        redis.call('PEXPIRE', KEYS[1] .. 'r:' .. bucket, 70000)
        redis.call('INCRBY', KEYS[1] .. 't:' .. bucket, amount)
        redis.call('PEXPIRE', KEYS[1] .. 't:' .. bucket, 70000)
        return {1, 0, wait}
        """

    /// KEYS[1] = the tenant's key prefix; ARGV[1] = the token delta.
    static let settleScript = """
        local now = redis.call('TIME')
        local key = KEYS[1] .. 't:' .. math.floor(tonumber(now[1]) / 10)
        redis.call('INCRBY', key, tonumber(ARGV[1]))
        redis.call('PEXPIRE', key, 70000)
        return 1
        """

    static func quotaPrefix(_ tenant: String) -> String { "llmgw:q:\(tenant):" }

    public func admit(tenant: String, requestsPerMinute: Int?, tokensPerMinute: Int?, tokens: Int) async throws -> SharedQuotaDecision {
        let reply = try await call([
            "EVAL", Self.admitScript, "1", Self.quotaPrefix(tenant), String(requestsPerMinute ?? -1), String(tokensPerMinute ?? -1),
            String(tokens),
        ].map { Array($0.utf8) })
        guard case .array(let items) = reply, items.count == 3,
            case .integer(let admitted) = items[0], case .integer(let kind) = items[1], case .integer(let wait) = items[2]
        else { throw CacheStoreError.badReply("EVAL quota: unexpected reply") }
        if admitted == 1 { return .admitted }
        let seconds = max(1, Int(wait))
        return kind == 1 ? .refusedRequests(retryAfterSeconds: seconds) : .refusedTokens(retryAfterSeconds: seconds)
    }

    public func settle(tenant: String, tokens delta: Int) async throws {
        guard delta != 0 else { return }
        _ = try await call(["EVAL", Self.settleScript, "1", Self.quotaPrefix(tenant), String(delta)].map { Array($0.utf8) })
    }
}
