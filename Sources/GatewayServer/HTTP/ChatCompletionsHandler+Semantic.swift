import Foundation
import GatewayCache
import GatewayCore
import Hummingbird
import Logging

extension ChatCompletionsHandler {
    /// The request's semantic plan, when its alias has a semantic tier and it may be looked
    /// up or stored (`key`). An upstream embedder that failed is counted
    /// (`outcome="embed_failed"`) and the request goes on without the semantic tier.
    func semanticPlan(_ chat: ChatRequest, alias: AliasConfig, namespace: String, key: CacheKey?) async -> SemanticPlan? {
        let cache = gateway.cache
        guard let key, let semantic = cache.semantic else { return nil }
        switch await semantic.plan(
            request: chat, alias: alias.name, namespace: namespace, version: key.version, threshold: alias.cache?.semanticThreshold)
        {
        case .planned(let plan): return plan
        case .notApplicable: return nil
        case .embedFailed:
            cache.metrics.lookup(alias: alias.name, tier: "semantic", outcome: "embed_failed")
            return nil
        }
    }

    /// The semantic tier after an exact miss: the normalised text, then the bucket's vectors
    /// through the guards. A hit is answered like an exact one (JSON, or SSE replay) with
    /// `x-gateway-cache: hit-semantic` and the score; every hit is logged with both texts.
    func semanticLookup(_ plan: SemanticPlan, chat: ChatRequest, alias: AliasConfig, started: ContinuousClock.Instant) async -> Response? {
        let cache = gateway.cache
        guard let semantic = cache.semantic else { return nil }
        await semantic.fillIfDue(plan.bucket, now: cache.clock.now())
        switch semantic.index.lookup(plan.query, in: plan.bucket, threshold: plan.threshold, now: cache.clock.now()) {
        case .miss:
            cache.metrics.lookup(alias: alias.name, tier: "semantic", outcome: "miss")
            return nil
        case .vetoed(let reason, let score, _):
            cache.metrics.guardVeto(reason: reason.rawValue)
            cache.metrics.lookup(alias: alias.name, tier: "semantic", outcome: "vetoed")
            gateway.logger.debug("semantic candidate vetoed", metadata: ["alias": "\(alias.name)", "reason": "\(reason.rawValue)", "score": "\(score)"])
            return nil
        case .hit(let hit):
            guard case .hit(let answer, _) = await cache.exact.lookup(storageKey: hit.answerKey) else {
                // The answer left the exact tier (evicted or expired): nothing to serve.
                cache.metrics.lookup(alias: alias.name, tier: "semantic", outcome: "miss")
                return nil
            }
            cache.metrics.lookup(alias: alias.name, tier: "semantic", outcome: "hit")
            let elapsed = ContinuousClock.now - started
            gateway.logger.info(
                "semantic hit",
                metadata: [
                    "alias": "\(alias.name)", "namespace": "\(plan.bucket.namespace)", "score": "\(Self.formatScore(hit.score))",
                    "normalized_match": "\(hit.normalizedMatch)", "query": "\(Self.truncated(plan.query.text))",
                    "cached": "\(Self.truncated(hit.cachedText))",
                ])
            let headers = CachedResponses.headers(answer: answer, outcome: .hitSemantic, score: Double(hit.score), elapsed: elapsed)
            RequestLog.cached(gateway: gateway, alias: alias.name, stream: chat.stream, elapsed: elapsed, outcome: .hitSemantic, tier: "semantic")
            return chat.stream
                ? CachedResponses.stream(answer, chat: chat, api: api, headers: headers)
                : CachedResponses.json(answer, chat: chat, api: api, headers: headers)
        }
    }

    /// Adds a stored answer's question to the semantic index (only when the exact tier stored
    /// it); returns the shared-tier write for after the response.
    func semanticInsert(_ plan: SemanticPlan?, answer: CachedAnswer, key: CacheKey, ttl: Duration) -> (@Sendable () async -> Void)? {
        guard let plan, let semantic = gateway.cache.semantic else { return nil }
        let entry = SemanticEntry(answerKey: key.storageKey, text: plan.query.text, expiresAt: answer.expiresAt)
        semantic.index.insert(entry, vector: plan.query.vector, in: plan.bucket)
        return semantic.sharedAppend(entry, vector: plan.query.vector, bucket: plan.bucket, ttl: ttl)
    }

    static func formatScore(_ score: Float) -> String {
        String(format: "%.4f", Double(score))
    }

    /// At most 200 characters of a logged message (the log handler escapes control characters).
    static func truncated(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}

