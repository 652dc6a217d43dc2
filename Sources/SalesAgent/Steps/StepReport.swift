import SalesCore

/// How one pipeline step was answered: which backend, whether it fell back and why,
/// how long it took, and what the gateway said about the call.
public struct StepReport: Sendable, Hashable, Codable {
    /// `gateway:<alias>` or `local`.
    public var backend: String
    /// Why the LLM answer was not used, when the local engine answered instead.
    public var fallbackReason: String?
    public var milliseconds: Double
    public var gateway: GatewayCallInfo?
    /// Estimated prompt tokens sent (0 for local).
    public var promptTokens: Int
    public var repair: RepairNotes?

    public init(
        backend: String, fallbackReason: String? = nil, milliseconds: Double, gateway: GatewayCallInfo? = nil,
        promptTokens: Int = 0, repair: RepairNotes? = nil
    ) {
        self.backend = backend
        self.fallbackReason = fallbackReason
        self.milliseconds = milliseconds
        self.gateway = gateway
        self.promptTokens = promptTokens
        self.repair = repair
    }

    enum CodingKeys: String, CodingKey {
        case backend, milliseconds, gateway, repair
        case fallbackReason = "fallback_reason"
        case promptTokens = "prompt_tokens"
    }
}

/// Extracts slots from the customer's message.
public protocol CaptureStep: Sendable {
    func capture(_ input: PromptInput, budget: Duration) async -> (SlotValues, StepReport)
}

/// Classifies the message's situation.
public protocol DetectStep: Sendable {
    func detect(_ input: PromptInput, budget: Duration) async -> (Detection, StepReport)
    /// The second pass on the updated context with the short reconcile prompt
    /// (``ReconcilePolicy/Mode/short``): `first` is the first detection, `newValues` what
    /// capture found in this message. A step without a cheaper form detects again.
    func reconcile(_ input: PromptInput, first: Detection, newValues: SlotValues, budget: Duration) async -> (Detection, StepReport)
}

extension DetectStep {
    public func reconcile(_ input: PromptInput, first: Detection, newValues: SlotValues, budget: Duration) async -> (Detection, StepReport) {
        await detect(input, budget: budget)
    }
}

/// Writes the reply; `onDelta` receives text as it is produced.
public protocol GenerateStep: Sendable {
    func generate(
        _ input: PromptInput, principle: Principle, situation: Situation, turn: Int, budget: Duration,
        onDelta: @escaping @Sendable (String) async -> Void
    ) async -> (String, StepReport)
}

extension Duration {
    /// Milliseconds as a Double.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
