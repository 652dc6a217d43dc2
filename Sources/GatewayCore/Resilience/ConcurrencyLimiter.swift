import DequeModule

/// A per-provider in-flight limit with a bounded FIFO queue, as a pure state machine.
/// `Waiter` identifies a queued request; the driver keeps its continuation.
///
/// Transitions: `acquire` runs at once while `inFlight < maxInFlight`, else queues while
/// the queue has room, else rejects. `release` hands the freed slot to the oldest waiter
/// (in-flight count unchanged) or decrements. `cancel` removes a waiter that gave up.
public struct ConcurrencyLimiter<Waiter: Hashable & Sendable>: Sendable {
    public enum AcquireDecision: Sendable, Hashable {
        case run
        case queued
        case rejected
    }

    public let limits: ConcurrencyLimits
    public private(set) var inFlight = 0
    private var queue: Deque<Waiter> = []

    public init(limits: ConcurrencyLimits) {
        self.limits = limits
    }

    public var queued: Int { queue.count }

    public mutating func acquire(_ waiter: Waiter) -> AcquireDecision {
        if inFlight < limits.maxInFlight, queue.isEmpty {
            inFlight += 1
            return .run
        }
        guard queue.count < limits.maxQueue else { return .rejected }
        queue.append(waiter)
        return .queued
    }

    /// A running request finished. Returns the waiter that now runs in its slot, if any.
    public mutating func release() -> Waiter? {
        if let next = queue.popFirst() {
            return next
        }
        inFlight = max(inFlight - 1, 0)
        return nil
    }

    /// A queued waiter gave up (deadline, disconnect). Returns false when it was not
    /// queued any more (it was already handed a slot and must `release` it).
    public mutating func cancel(_ waiter: Waiter) -> Bool {
        guard let index = queue.firstIndex(of: waiter) else { return false }
        queue.remove(at: index)
        return true
    }
}
