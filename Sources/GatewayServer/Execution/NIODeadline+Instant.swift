import NIOCore

extension NIODeadline {
    /// The same moment as a `ContinuousClock` instant (requests keep their deadline as one;
    /// AsyncHTTPClient and event-loop timers take a `NIODeadline`).
    init(_ instant: ContinuousClock.Instant) {
        self = .now() + .nanoseconds((instant - .now).nanoseconds)
    }
}
