import NIOConcurrencyHelpers

/// The simulator's shared mutable state: request numbers, repeat counters and stats.
///
/// Events in (`requestStarted`, `faultInjected`, `requestFinished`), no I/O; `SimLedger` drives it under one lock.
struct SimLedgerState: Sendable {
    private var nextNumber = 1
    private var occurrences: [UInt64: Int] = [:]
    private var faultKeyUses: [String: Int] = [:]
    private var stats = SimStats()
    private var recentHead = 0

    /// What a starting request learns: its number, how often its key was seen before, and how often its fault key.
    struct Start: Sendable, Equatable {
        /// The per-server request number.
        var number: Int
        /// 0 for the first request with this key, 1 for the second, …
        var occurrence: Int
        /// Uses of `x-sim-fault-key` before this one (nil when the request carries none).
        var faultKeyUse: Int?
    }

    /// A generation request arrived; `key` is its draw key (nil for a refused body, which draws nothing).
    mutating func requestStarted(key: UInt64?, faultKey: String?, model: String, tag: String?) -> Start {
        let number = nextNumber
        nextNumber += 1
        var occurrence = 0
        if let key {
            occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
        }
        var faultKeyUse: Int?
        if let faultKey {
            faultKeyUse = faultKeyUses[faultKey, default: 0]
            faultKeyUses[faultKey] = faultKeyUse! + 1
        }
        stats.requests += 1
        stats.inFlight += 1
        stats.byModel[model, default: 0] += 1
        if let tag { stats.byTag[tag, default: 0] += 1 }
        return Start(number: number, occurrence: occurrence, faultKeyUse: faultKeyUse)
    }

    /// A request outside the generation count (an embeddings call) used `faultKey`: the
    /// uses before this one.
    mutating func faultKeyUsed(_ faultKey: String) -> Int {
        let uses = faultKeyUses[faultKey, default: 0]
        faultKeyUses[faultKey] = uses + 1
        return uses
    }

    /// A fault was chosen for a request.
    mutating func faultInjected(_ fault: SimFault) {
        stats.faults[fault.rawValue, default: 0] += 1
    }

    /// A request ended: answered, faulted, refused, or abandoned by its client (`clientClosed`).
    mutating func requestFinished(_ ticket: SimTicket, clientClosed: Bool) {
        stats.inFlight -= 1
        if clientClosed { stats.cancelledByClient += 1 }
        let record = ticket.record(clientClosed: clientClosed)
        if record.outcome == "completed" { stats.completed += 1 }
        if stats.recent.count < SimStats.recentLimit {
            stats.recent.append(record)
        } else {
            stats.recent[recentHead] = record
            recentHead = (recentHead + 1) % SimStats.recentLimit
        }
    }

    /// The stats with `recent` in order, oldest first.
    var snapshot: SimStats {
        var copy = stats
        copy.recent = Array(stats.recent[recentHead...] + stats.recent[..<recentHead])
        return copy
    }
}

/// `SimLedgerState` behind one lock, shared by every connection of a server.
final class SimLedger: Sendable {
    private let state = NIOLockedValueBox(SimLedgerState())

    /// See `SimLedgerState.requestStarted`.
    func requestStarted(key: UInt64?, faultKey: String?, model: String, tag: String?) -> SimLedgerState.Start {
        state.withLockedValue { $0.requestStarted(key: key, faultKey: faultKey, model: model, tag: tag) }
    }

    /// See `SimLedgerState.faultKeyUsed`.
    func faultKeyUsed(_ faultKey: String) -> Int {
        state.withLockedValue { $0.faultKeyUsed(faultKey) }
    }

    /// See `SimLedgerState.faultInjected`.
    func faultInjected(_ fault: SimFault) {
        state.withLockedValue { $0.faultInjected(fault) }
    }

    /// See `SimLedgerState.requestFinished`.
    func requestFinished(_ ticket: SimTicket, clientClosed: Bool) {
        state.withLockedValue { $0.requestFinished(ticket, clientClosed: clientClosed) }
    }

    /// A consistent copy of the stats.
    func snapshot() -> SimStats {
        state.withLockedValue { $0.snapshot }
    }
}
