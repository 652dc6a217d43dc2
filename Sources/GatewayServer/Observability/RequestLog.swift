import GatewayCore
import Logging

/// One log line per request: fixed messages, data in metadata, never a key or a body.
enum RequestLog {
    static func finished(
        gateway: Gateway, alias: String, status: Int, stream: Bool, elapsed: Duration, trace: ExecutionTrace, cache: CacheOutcome
    ) {
        let overhead = elapsed - trace.upstreamTime
        gateway.metrics.requestFinished(alias: alias, status: status, duration: elapsed, overhead: overhead)
        guard gateway.logger.logLevel <= .info else { return }
        gateway.logger.info(
            "request",
            metadata: [
                "request_id": "\(RequestID.current ?? "-")",
                "alias": "\(alias)", "status": "\(status)", "stream": "\(stream)", "cache": "\(cache.rawValue)",
                "provider": "\(trace.provider ?? "-")", "model": "\(trace.model ?? "-")",
                "attempts": "\(trace.attempts)",
                "ms": "\(ExecutionTrace.formatMilliseconds(elapsed))",
                "overhead_ms": "\(ExecutionTrace.formatMilliseconds(overhead))",
            ])
    }

    /// A request answered from the cache.
    static func cached(gateway: Gateway, alias: String, stream: Bool, elapsed: Duration, outcome: CacheOutcome, tier: String) {
        gateway.metrics.requestFinished(alias: alias, status: 200, duration: elapsed, overhead: elapsed)
        guard gateway.logger.logLevel <= .info else { return }
        gateway.logger.info(
            "request",
            metadata: [
                "request_id": "\(RequestID.current ?? "-")",
                "alias": "\(alias)", "status": "200", "stream": "\(stream)", "cache": "\(outcome.rawValue)",
                "cache_tier": "\(tier)", "provider": "cache", "ms": "\(ExecutionTrace.formatMilliseconds(elapsed))",
            ])
    }

    static func failed(gateway: Gateway, alias: String, error: GatewayError, stream: Bool, elapsed: Duration, trace: ExecutionTrace) {
        let overhead = elapsed - trace.upstreamTime
        gateway.metrics.requestFinished(alias: alias, status: error.httpStatus, duration: elapsed, overhead: overhead)
        let level: Logger.Level
        switch error.severity {
        case .debug: level = .debug
        case .info: level = .info
        case .warning: level = .warning
        case .error: level = .error
        }
        gateway.logger.log(
            level: level, "request failed",
            metadata: [
                "request_id": "\(RequestID.current ?? "-")",
                "alias": "\(alias)", "status": "\(error.httpStatus)", "stream": "\(stream)",
                "code": "\(error.code)", "attempts": "\(trace.attempts)",
                "ms": "\(ExecutionTrace.formatMilliseconds(elapsed))",
                "error": "\(error.message)",
            ])
    }
}
