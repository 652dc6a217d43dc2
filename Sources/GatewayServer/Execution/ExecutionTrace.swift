import GatewayCore
import GatewayProviders

/// What answered a request and what it cost: the source of the `x-gateway-*` headers
/// and of the request's log line.
struct ExecutionTrace: Sendable {
    var provider: String?
    var model: String?
    /// True when the built-in simulator produced the answer (never passed off as real).
    var simulated = false
    var attempts = 0
    /// Time spent waiting on providers (attempts that answered or failed).
    var upstreamTime: Duration = .zero
    var failures: [ProviderFailure] = []
    /// The answering upstream's own service time, when it reports one (the simulator does).
    var upstreamServiceTime: Duration?
    /// The tier a `tier` alias chose.
    var tier: String?
}

extension ExecutionTrace {
    /// Marks a cached answer's provider as simulated, so a hit says so too.
    static let simulatedSuffix = "+sim"

    /// The provider name a cached answer keeps: `NAME+sim` when the simulator wrote it.
    var cachedProvider: String? {
        provider.map { simulated ? $0 + Self.simulatedSuffix : $0 }
    }
}

/// A streamed answer whose first content has arrived; the rest is still upstream.
struct StreamStart: Sendable {
    /// Events up to and including the first content event.
    var events: [StreamEvent]
    /// The upstream iterator, handed to the response body writer.
    var rest: HandOff<UpstreamEventStream.AsyncIterator>
    /// True when the upstream stream already ended while reading the first events.
    var ended: Bool
    /// Time from the attempt's start to its first content event.
    var firstToken: Duration
    /// The upstream's own service time, when it reports one.
    var serviceTime: Duration?
    /// Settles the attempt (breaker, stats, limiter slot) once the stream ends.
    var completion: AttemptCompletion
}

/// The answer of a request: complete, or a stream that has started.
enum ExecutionAnswer: Sendable {
    case complete(ChatResponse, serviceTime: Duration?)
    case stream(StreamStart)

    var serviceTime: Duration? {
        switch self {
        case .complete(_, let serviceTime): serviceTime
        case .stream(let start): start.serviceTime
        }
    }
}
