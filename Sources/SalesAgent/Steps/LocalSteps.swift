import LocalEngine
import SalesCore

/// Every step answered in-process by the local engine: offline, no network.
public struct LocalSteps: CaptureStep, DetectStep, GenerateStep {
    public let engine: LocalEngine

    public init(engine: LocalEngine) {
        self.engine = engine
    }

    public func capture(_ input: PromptInput, budget: Duration) async -> (SlotValues, StepReport) {
        let started = ContinuousClock.now
        let slots = engine.capture(message: input.message, context: input.context, history: input.history)
        return (slots, StepReport(backend: "local", milliseconds: (.now - started).milliseconds))
    }

    public func detect(_ input: PromptInput, budget: Duration) async -> (Detection, StepReport) {
        let started = ContinuousClock.now
        // TurnPipeline runs the opt-out guard before any detect and skips detect when it fires.
        let detection = engine.detect(message: input.message, context: input.context, history: input.history, optOutChecked: true)
        return (detection, StepReport(backend: "local", milliseconds: (.now - started).milliseconds))
    }

    public func generate(
        _ input: PromptInput, principle: Principle, situation: Situation, turn: Int, budget: Duration,
        onDelta: @escaping @Sendable (String) async -> Void
    ) async -> (String, StepReport) {
        let started = ContinuousClock.now
        let reply = engine.reply(principle: principle, context: input.context, turn: turn)
        await onDelta(reply)
        return (reply, StepReport(backend: "local", milliseconds: (.now - started).milliseconds))
    }
}
