/// The pure core of cross-request micro-batching (the upstream embedder's): callers enqueue
/// one input each; the open batch is sent when it holds `maxInputs` inputs or when its
/// window's timer fires, whichever comes first. No clock is read here: the driver arms the
/// timer the machine asks for and reports when it fired. A sent batch's answer is fanned
/// out to every caller still waiting in it; a failed batch fails all of them; a caller that
/// cancelled is left out (before sending, its input is dropped from the batch).
public struct MicroBatchMachine<Ticket: Hashable & Sendable>: Sendable {
    public struct Settings: Sendable, Hashable {
        /// The most inputs one upstream call carries (1: no batching, every input alone).
        public var maxInputs: Int
        /// How long the first input of a batch waits for company.
        public var maxWait: Duration

        public init(maxInputs: Int, maxWait: Duration) {
            precondition(maxInputs >= 1, "a batch holds at least one input")
            self.maxInputs = maxInputs
            self.maxWait = maxWait
        }
    }

    /// One upstream call's worth: the callers and their inputs, in the same order.
    public struct Batch: Sendable, Hashable {
        public let id: UInt64
        public let tickets: [Ticket]
        public let inputs: [String]
    }

    /// What the driver must do after an event.
    public enum Action: Sendable, Hashable {
        /// Start the window of batch `id`: report ``timerFired(batch:)`` after `after`.
        case armTimer(batch: UInt64, after: Duration)
        /// Send this batch upstream, then report ``finish(_:with:)``.
        case send(Batch)
    }

    /// One caller's outcome from a finished batch.
    public enum Delivery<Vector: Sendable>: Sendable {
        case vector(Vector)
        case failed
    }

    public let settings: Settings
    private var nextID: UInt64 = 0
    private var open: (id: UInt64, tickets: [Ticket], inputs: [String])?
    /// Sent batches: their callers still waiting (cancelled ones are removed).
    private var inFlight: [UInt64: [Ticket]] = [:]

    public init(settings: Settings) {
        self.settings = settings
    }

    /// Batches sent and not yet finished.
    public var inFlightCount: Int { inFlight.count }
    /// The batch inputs join now, if one is open.
    public var openBatchID: UInt64? { open?.id }
    /// Inputs waiting in the open batch.
    public var openCount: Int { open?.tickets.count ?? 0 }

    /// Adds one caller's input: it opens a batch (arm its timer) or joins the open one
    /// (send it if that made it full).
    public mutating func enqueue(_ ticket: Ticket, input: String) -> [Action] {
        var actions: [Action] = []
        if open == nil {
            nextID &+= 1
            open = (nextID, [], [])
            if settings.maxInputs > 1 { actions.append(.armTimer(batch: nextID, after: settings.maxWait)) }
        }
        open!.tickets.append(ticket)
        open!.inputs.append(input)
        if open!.tickets.count >= settings.maxInputs, let batch = takeOpen() { actions.append(.send(batch)) }
        return actions
    }

    /// The window of batch `id` ended: send it, unless it was already sent (full) or every
    /// caller in it cancelled.
    public mutating func timerFired(batch id: UInt64) -> Action? {
        guard open?.id == id, let batch = takeOpen() else { return nil }
        return .send(batch)
    }

    /// A caller gave up. Returns true when it was waiting (open or in flight); an open batch
    /// left empty is dropped (its timer then finds nothing to send).
    public mutating func cancel(_ ticket: Ticket) -> Bool {
        if var batch = open, let position = batch.tickets.firstIndex(of: ticket) {
            batch.tickets.remove(at: position)
            batch.inputs.remove(at: position)
            open = batch.tickets.isEmpty ? nil : batch
            return true
        }
        for (id, tickets) in inFlight {
            guard let position = tickets.firstIndex(of: ticket) else { continue }
            inFlight[id]!.remove(at: position)
            return true
        }
        return false
    }

    /// A sent batch's answer: `vectors` in the batch's input order, or nil when the call
    /// failed (or answered the wrong number of vectors). Returns each waiting caller's outcome.
    public mutating func finish<Vector: Sendable>(_ sent: Batch, with vectors: [Vector]?) -> [(Ticket, Delivery<Vector>)] {
        guard let waiting = inFlight.removeValue(forKey: sent.id) else { return [] }
        guard let vectors, vectors.count == sent.tickets.count else { return waiting.map { ($0, .failed) } }
        var byTicket: [Ticket: Vector] = [:]
        for (ticket, vector) in zip(sent.tickets, vectors) { byTicket[ticket] = vector }
        return waiting.map { ticket in (ticket, byTicket[ticket].map { .vector($0) } ?? .failed) }
    }

    private mutating func takeOpen() -> Batch? {
        guard let batch = open else { return nil }
        open = nil
        guard !batch.tickets.isEmpty else { return nil }
        inFlight[batch.id] = batch.tickets
        return Batch(id: batch.id, tickets: batch.tickets, inputs: batch.inputs)
    }
}
