import SalesAgent
import SalesCore

/// A generate step that announces each call and then waits until the test opens its gate,
/// so a turn can be held in flight for as long as a test needs.
struct GatedGenerateStep: GenerateStep {
    let gate: Gate
    let reply: String

    init(gate: Gate, reply: String = "Held reply.") {
        self.gate = gate
        self.reply = reply
    }

    func generate(
        _ input: PromptInput, principle: Principle, situation: Situation, turn: Int, budget: Duration,
        onDelta: @escaping @Sendable (String) async -> Void
    ) async -> (String, StepReport) {
        await gate.arrive()
        await onDelta(reply)
        return (reply, StepReport(backend: "local", milliseconds: 0))
    }
}

/// Holds callers in `arrive()` until `open()`; `arrivals` yields once per caller that
/// arrived, so a test can wait for "the turn is in flight" without sleeping.
actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    nonisolated let arrivals: AsyncStream<Void>
    private nonisolated let arrivalSink: AsyncStream<Void>.Continuation

    init() {
        (arrivals, arrivalSink) = AsyncStream<Void>.makeStream()
    }

    func arrive() async {
        arrivalSink.yield()
        guard !isOpen else { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }

    /// Waits for the next caller to arrive.
    nonisolated func nextArrival() async {
        var iterator = arrivals.makeAsyncIterator()
        _ = await iterator.next()
    }
}

/// A detect step that always answers one situation.
struct FixedDetectStep: DetectStep {
    let situation: Situation

    func detect(_ input: PromptInput, budget: Duration) async -> (Detection, StepReport) {
        (Detection(situation: situation, confidence: 0.95), StepReport(backend: "local", milliseconds: 0))
    }
}
