/// One attempt of a request, numbered in the order attempts start.
public struct AttemptID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let number: Int

    public init(_ number: Int) {
        self.number = number
    }

    public static func < (lhs: AttemptID, rhs: AttemptID) -> Bool { lhs.number < rhs.number }
    public var description: String { "#\(number)" }
}

/// Why the execution cancels an attempt, which decides how the driver settles it.
public enum AttemptCancelReason: Sendable, Hashable {
    /// Another attempt answered first (a race loser, a hedged primary): no verdict on the provider.
    case lostContest
    /// No first token before the attempt's time-to-first-token limit: a provider failure.
    case firstTokenTimeout
    /// The request ended (deadline, client gone): no verdict on the provider.
    case requestEnded
}

/// What ``RequestExecution`` asks its driver to do, in order.
public enum ExecutionAction: Sendable, Hashable {
    /// Start an attempt on `route`.
    case start(AttemptID, Route)
    /// Cancel a running attempt.
    case cancel(AttemptID, AttemptCancelReason)
    /// (Re)arm the request's one timer at this instant; nil disarms it.
    case schedule(ContinuousClock.Instant?)
    /// The hedge delay passed: may a hedge start on `route`? Answer with
    /// ``RequestExecution/hedgeDecided(granted:now:)`` (the budget is shared across requests).
    case askHedge(Route)
    /// This attempt's answer is the request's answer.
    case answer(AttemptID)
    /// This attempt answered after the request was decided: release its answer unused.
    case discard(AttemptID)
    /// The request failed.
    case fail(GatewayError)
    /// A retry (or a new race or hedge round) of `route` was decided: for metrics.
    case retried(Route)
    /// A hedge started on `route`.
    case hedgeFired(Route)
    /// The budget refused a hedge on `route`.
    case hedgeDenied(Route)
}
