import GatewayCache
import GatewayCore
import Logging
import Locking
import Synchronization

/// Every tenant's quotas on this gateway, and the shared counter (Redis) that makes the
/// per-minute quotas hold across gateways. Without Redis, or while it is down, each
/// gateway enforces the per-minute quotas locally (no errors); `max_in_flight` is always
/// per gateway.
final class QuotaBank: Sendable {
    /// Per tenant: its quota state and the counters reported in health and metrics.
    struct Entry: Sendable {
        var quota: TenantQuota
        var requests = 0
        var tokens = 0
        var rejections: [String: Int] = [:]
    }

    private let entries = Locked<[String: Entry]>([:])
    private let shared: (any SharedQuotaCounter)?
    private let sharedHealth: @Sendable () -> StoreHealth?

    init(shared: (any SharedQuotaCounter)?, sharedHealth: @escaping @Sendable () -> StoreHealth?) {
        self.shared = shared
        self.sharedHealth = sharedHealth
    }

    /// `ok` or `degraded` (quotas enforced per gateway) when a shared counter is configured.
    var health: StoreHealth? { sharedHealth() }

    /// Admits a request of `tokens` estimated prompt tokens for `tenant`, or says why not.
    func admit(_ tenant: TenantConfig, tokens: Int, now: ContinuousClock.Instant) async -> (TenantLease?, TenantQuota.Refusal?) {
        let limitsPerMinute = tenant.requestsPerMinute != nil || tenant.tokensPerMinute != nil
        if let shared, limitsPerMinute, sharedHealth() == .ok {
            if let refusal = local(tenant, now: now, { $0.admit(tokens: tokens, now: now, skipWindows: true) }) {
                return (nil, refused(tenant, refusal))
            }
            do {
                switch try await shared.admit(
                    tenant: tenant.name, requestsPerMinute: tenant.requestsPerMinute, tokensPerMinute: tenant.tokensPerMinute,
                    tokens: tokens)
                {
                case .admitted:
                    counted(tenant, tokens: tokens)
                    return (TenantLease(bank: self, tenant: tenant, estimated: tokens, sharedWindows: true), nil)
                case .refusedRequests(let seconds):
                    release(tenant, now: now)
                    return (nil, refused(tenant, .requestsPerMinute(limit: tenant.requestsPerMinute ?? 0, retryAfterSeconds: seconds)))
                case .refusedTokens(let seconds):
                    release(tenant, now: now)
                    return (nil, refused(tenant, .tokensPerMinute(limit: tenant.tokensPerMinute ?? 0, retryAfterSeconds: seconds)))
                }
            } catch {
                // Redis failed this call: count locally instead (its breaker logs the outage once).
                release(tenant, now: now)
            }
        }
        if let refusal = local(tenant, now: now, { $0.admit(tokens: tokens, now: now) }) {
            return (nil, refused(tenant, refusal))
        }
        counted(tenant, tokens: tokens)
        return (TenantLease(bank: self, tenant: tenant, estimated: tokens, sharedWindows: false), nil)
    }

    /// A lease ended: the in-flight slot is freed and the tokens settled.
    func finished(_ lease: TenantLease, actual: Int?, now: ContinuousClock.Instant) async {
        let tenant = lease.tenant
        entries.withLock { entries in
            entries[tenant.name]?.quota.finished(estimated: lease.estimated, actual: actual, now: now, skipWindows: lease.sharedWindows)
            if let actual { entries[tenant.name]?.tokens += actual - lease.estimated }
        }
        if lease.sharedWindows, let actual, let shared {
            try? await shared.settle(tenant: tenant.name, tokens: actual - lease.estimated)
        }
    }

    /// Per tenant: requests and tokens admitted, and rejections by kind, since start.
    var counters: [String: Entry] { entries.withLock { $0 } }

    private func local(_ tenant: TenantConfig, now: ContinuousClock.Instant, _ body: (inout TenantQuota) -> TenantQuota.Refusal?) -> TenantQuota.Refusal? {
        entries.withLock { entries in
            if entries[tenant.name]?.quota.config != tenant {
                // New tenant, or its policy changed on reload: keep its counts, take the new limits.
                let previous = entries[tenant.name]
                var entry = Entry(quota: TenantQuota(config: tenant, now: now))
                if let previous {
                    entry.requests = previous.requests
                    entry.tokens = previous.tokens
                    entry.rejections = previous.rejections
                }
                entries[tenant.name] = entry
            }
            return body(&entries[tenant.name]!.quota)
        }
    }

    private func release(_ tenant: TenantConfig, now: ContinuousClock.Instant) {
        entries.withLock { $0[tenant.name]?.quota.finished(estimated: 0, actual: nil, now: now, skipWindows: true) }
    }

    private func counted(_ tenant: TenantConfig, tokens: Int) {
        entries.withLock { entries in
            entries[tenant.name]?.requests += 1
            entries[tenant.name]?.tokens += tokens
        }
    }

    private func refused(_ tenant: TenantConfig, _ refusal: TenantQuota.Refusal) -> TenantQuota.Refusal {
        entries.withLock { $0[tenant.name]?.rejections[refusal.kind, default: 0] += 1 }
        return refusal
    }
}

/// One admitted request's hold on its tenant's quota, given back exactly once.
final class TenantLease: Sendable {
    let tenant: TenantConfig
    let estimated: Int
    let sharedWindows: Bool
    private let bank: QuotaBank
    private let done = Atomic<Bool>(false)

    init(bank: QuotaBank, tenant: TenantConfig, estimated: Int, sharedWindows: Bool) {
        self.bank = bank
        self.tenant = tenant
        self.estimated = estimated
        self.sharedWindows = sharedWindows
    }

    /// Frees the slot and settles the tokens to `actual` (prompt + completion) when known.
    func finish(actual: Int?) async {
        guard !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await bank.finished(self, actual: actual, now: .now)
    }
}
