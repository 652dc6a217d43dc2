/// Identifies one caller waiting in ``SingleFlightMachine``.
public struct WaiterID: Sendable, Hashable {
    /// A number unique within one driver.
    public var raw: UInt64
    /// The waiter numbered `raw`.
    public init(_ raw: UInt64) { self.raw = raw }
}

/// Identifies one upstream call (a flight) in ``SingleFlightMachine``.
public struct FlightID: Sendable, Hashable {
    /// A number unique within one machine.
    public var raw: UInt64
}

/// Single-flight as a pure state machine: identical concurrent misses share one call.
///
/// The call belongs to the flight, not to any waiter: the first arrival starts it and every
/// arrival (the first included) waits for it alike. So the first caller going away does not
/// cancel a call others still wait for; only when the *last* waiter goes does the machine
/// say to cancel it. Success and failure alike resume every waiter with the one result
/// (the caller caches only a success).
///
/// Per key: no flight → (`waiterArrived`) → flying with waiters → (`callFinished`) → no
/// flight; or → (`waiterCancelled` of the last waiter) → no flight, call cancelled. A late
/// `callFinished` of a cancelled flight is recognised by its ``FlightID`` and ignored.
public struct SingleFlightMachine<Key: Hashable & Sendable>: Sendable {
    private struct Flight: Sendable {
        var id: FlightID
        var waiters: [WaiterID]
    }

    /// What to do when a caller arrives.
    public enum ArrivalAction: Sendable, Hashable {
        /// Nobody is calling for this key: start the call (it belongs to this flight).
        case startCall(FlightID)
        /// A call is in flight: wait for its result.
        case wait(FlightID)
    }

    /// What to do when a waiter is cancelled.
    public enum CancellationAction: Sendable, Hashable {
        /// Resume only this waiter with a cancellation error; the call goes on for the others.
        case resumeCancelled(WaiterID)
        /// Resume it, and cancel the call: nobody waits for it any more.
        case resumeCancelledAndCancelCall(WaiterID, FlightID)
        /// The waiter was not waiting (already resumed): nothing to do.
        case none
    }

    /// What to do when a call finishes.
    public enum CompletionAction: Sendable, Hashable {
        /// Resume these waiters, in arrival order, with the call's result.
        case resume([WaiterID])
        /// The flight was cancelled already; drop the result.
        case ignore
    }

    private var flights: [Key: Flight] = [:]
    private var nextFlight: UInt64 = 0

    /// No flights.
    public init() {}

    /// A caller missed the cache for `key`.
    public mutating func waiterArrived(_ waiter: WaiterID, key: Key) -> ArrivalAction {
        if var flight = flights[key] {
            flight.waiters.append(waiter)
            flights[key] = flight
            return .wait(flight.id)
        }
        nextFlight += 1
        let id = FlightID(raw: nextFlight)
        flights[key] = Flight(id: id, waiters: [waiter])
        return .startCall(id)
    }

    /// A waiter's task was cancelled (its client went away).
    public mutating func waiterCancelled(_ waiter: WaiterID, key: Key) -> CancellationAction {
        guard var flight = flights[key], let position = flight.waiters.firstIndex(of: waiter) else {
            return .none
        }
        flight.waiters.remove(at: position)
        if flight.waiters.isEmpty {
            flights[key] = nil
            return .resumeCancelledAndCancelCall(waiter, flight.id)
        }
        flights[key] = flight
        return .resumeCancelled(waiter)
    }

    /// The call of flight `id` for `key` finished (with a value or an error).
    public mutating func callFinished(_ id: FlightID, key: Key) -> CompletionAction {
        guard let flight = flights[key], flight.id == id else { return .ignore }
        flights[key] = nil
        return .resume(flight.waiters)
    }

    /// How many calls are in flight.
    public var flightCount: Int { flights.count }

    /// How many callers wait on `key`'s flight.
    public func waiterCount(key: Key) -> Int { flights[key]?.waiters.count ?? 0 }
}
