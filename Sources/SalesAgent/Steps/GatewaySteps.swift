import GatewayCore
import SalesCore

/// Model aliases per step, as named in the gateway's policy.
public struct StepModels: Sendable, Hashable {
    public var capture: String
    public var detect: String
    public var generate: String

    public init(capture: String = "fast", detect: String = "fast", generate: String = "smart") {
        self.capture = capture
        self.detect = detect
        self.generate = generate
    }
}

/// Every step answered by an LLM through the gateway; a step the LLM cannot answer in
/// its budget, or answers with nothing usable, is answered by the local engine instead,
/// and the report says so.
public struct GatewaySteps: CaptureStep, DetectStep, GenerateStep {
    public let client: GatewayClient
    public let prompts: PromptBuilder
    public let models: StepModels
    public let fallback: LocalSteps
    /// Whether a reply the gateway marks simulated may be used (a bench or the demo, whose
    /// replies are scripted on purpose). Otherwise such a reply never reaches the customer:
    /// the local templates answer and the turn says so.
    public let acceptSimulatedReplies: Bool

    public init(client: GatewayClient, prompts: PromptBuilder, models: StepModels, fallback: LocalSteps, acceptSimulatedReplies: Bool = false) {
        self.client = client
        self.prompts = prompts
        self.models = models
        self.fallback = fallback
        self.acceptSimulatedReplies = acceptSimulatedReplies
    }

    public func capture(_ input: PromptInput, budget: Duration) async -> (SlotValues, StepReport) {
        let messages = prompts.capture(input)
        let started = ContinuousClock.now
        do {
            let (text, info) = try await call(budget) {
                try await client.complete(
                    model: models.capture, messages: messages, tag: "capture", jsonMode: true, maxTokens: 300, timeout: budget)
            }
            let (slots, notes) = OutputRepair.capture(text, message: input.message)
            if notes.notJSON {
                return await fallBack(reason: "capture answer was not JSON", started: started, info: info, notes: notes) {
                    await fallback.capture(input, budget: budget)
                }
            }
            return (slots, report("gateway:\(models.capture)", started: started, info: info, messages: messages, notes: notes))
        } catch {
            return await fallBack(reason: Self.reason(error), started: started, info: nil, notes: nil) {
                await fallback.capture(input, budget: budget)
            }
        }
    }

    public func detect(_ input: PromptInput, budget: Duration) async -> (Detection, StepReport) {
        await detect(input, messages: prompts.detect(input), budget: budget)
    }

    /// The second pass with the short reconcile prompt; same alias and tag as detect (it is a
    /// detect call, and the simulator times it as one).
    public func reconcile(_ input: PromptInput, first: Detection, newValues: SlotValues, budget: Duration) async -> (Detection, StepReport) {
        await detect(input, messages: prompts.reconcile(input, first: first, newValues: newValues), budget: budget)
    }

    private func detect(_ input: PromptInput, messages: [PromptMessage], budget: Duration) async -> (Detection, StepReport) {
        let started = ContinuousClock.now
        do {
            let (text, info) = try await call(budget) {
                try await client.complete(
                    model: models.detect, messages: messages, tag: "detect", jsonMode: true, maxTokens: 60, timeout: budget)
            }
            let (detection, notes) = OutputRepair.detect(text)
            guard let detection else {
                let reason = notes.unknownSituation.map { "unknown situation '\($0)'" } ?? "detect answer was not JSON"
                return await fallBack(reason: reason, started: started, info: info, notes: notes) {
                    await fallback.detect(input, budget: budget)
                }
            }
            return (detection, report("gateway:\(models.detect)", started: started, info: info, messages: messages, notes: notes))
        } catch {
            return await fallBack(reason: Self.reason(error), started: started, info: nil, notes: nil) {
                await fallback.detect(input, budget: budget)
            }
        }
    }

    public func generate(
        _ input: PromptInput, principle: Principle, situation: Situation, turn: Int, budget: Duration,
        onDelta: @escaping @Sendable (String) async -> Void
    ) async -> (String, StepReport) {
        let messages = prompts.generate(input, principle: principle, situation: situation)
        let started = ContinuousClock.now
        let streamed = DeltaGate(onDelta: onDelta, holdEcho: !acceptSimulatedReplies)
        let rejectSimulated = !acceptSimulatedReplies
        do {
            let (text, info) = try await call(budget) {
                let answer = try await client.stream(
                    model: models.generate, messages: messages, tag: "generate", maxTokens: 200, timeout: budget,
                    rejectSimulated: rejectSimulated, onDelta: { try? await streamed.forward($0) })
                try await streamed.finish()
                return answer
            }
            let reply = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !reply.isEmpty {
                return (reply, report("gateway:\(models.generate)", started: started, info: info, messages: messages, notes: nil))
            }
            return await fallBack(reason: "empty reply", started: started, info: info, notes: nil) {
                await fallback.generate(input, principle: principle, situation: situation, turn: turn, budget: budget, onDelta: onDelta)
            }
        } catch {
            // Text already shown to the customer cannot be taken back: finish it locally only
            // if nothing was streamed yet.
            if await streamed.sentAny {
                let partial = await streamed.text
                return (partial, StepReport(
                    backend: "gateway:\(models.generate)", fallbackReason: "stream broke: \(Self.reason(error))",
                    milliseconds: (.now - started).milliseconds, promptTokens: TokenEstimate.tokens(messages)))
            }
            return await fallBack(reason: Self.reason(error), started: started, info: nil, notes: nil) {
                await fallback.generate(input, principle: principle, situation: situation, turn: turn, budget: budget, onDelta: onDelta)
            }
        }
    }

    /// Runs a gateway call within the step's budget.
    private func call<T: Sendable>(_ budget: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withTimeLimit(until: .now + budget, operation)
    }

    private func report(_ backend: String, started: ContinuousClock.Instant, info: GatewayCallInfo?, messages: [PromptMessage], notes: RepairNotes?) -> StepReport {
        StepReport(
            backend: backend, milliseconds: (.now - started).milliseconds, gateway: info,
            promptTokens: TokenEstimate.tokens(messages), repair: notes.flatMap { $0.isClean ? nil : $0 })
    }

    private func fallBack<Value>(
        reason: String, started: ContinuousClock.Instant, info: GatewayCallInfo?, notes: RepairNotes?,
        _ local: () async -> (Value, StepReport)
    ) async -> (Value, StepReport) {
        let (value, _) = await local()
        return (value, StepReport(
            backend: "local", fallbackReason: reason, milliseconds: (.now - started).milliseconds, gateway: info,
            repair: notes))
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case is TimeLimitExceeded: "no answer within the step budget"
        case let simulated as SimulatedReplyError: simulated.description
        case is CancellationError: "cancelled"
        default: String(describing: error)
        }
    }
}

/// Forwards streamed text and remembers what was sent. With `holdEcho`, the first few
/// characters are held until they show the reply is not the simulator's `echo:` (for a
/// gateway that does not mark simulated replies yet); such a reply is never forwarded.
actor DeltaGate {
    let onDelta: @Sendable (String) async -> Void
    let holdEcho: Bool
    private(set) var text = ""
    private var held = ""
    var sentAny: Bool { !text.isEmpty }

    static let echoPrefix = "echo:"

    init(onDelta: @escaping @Sendable (String) async -> Void, holdEcho: Bool = false) {
        self.onDelta = onDelta
        self.holdEcho = holdEcho
    }

    func forward(_ delta: String) async throws {
        guard holdEcho, text.isEmpty else {
            text += delta
            await onDelta(delta)
            return
        }
        held += delta
        if held.lowercased().hasPrefix(Self.echoPrefix) { throw SimulatedReplyError() }
        guard held.count >= Self.echoPrefix.count || !Self.echoPrefix.hasPrefix(held.lowercased()) else { return }
        let release = held
        held = ""
        text += release
        await onDelta(release)
    }

    /// The end of the stream: releases held text, or throws if it was an echo.
    func finish() async throws {
        guard !held.isEmpty else { return }
        if held.lowercased().hasPrefix(Self.echoPrefix) { throw SimulatedReplyError() }
        let release = held
        held = ""
        text += release
        await onDelta(release)
    }
}
