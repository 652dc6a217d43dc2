import LocalEngine
import SalesCore

/// How a turn runs.
public struct PipelineConfiguration: Sendable, Hashable {
    /// The order of capture and detect.
    public enum Mode: String, Sendable, Hashable, CaseIterable, Codable {
        /// capture ∥ detect(old context), then a reconcile when the policy says so.
        case parallel
        /// capture → detect(updated context): the baseline the plan started from.
        case sequential
    }

    public var mode: Mode
    public var reconcile: ReconcilePolicy
    /// Budget of one LLM step before the local engine answers instead.
    public var stepBudget: Duration
    /// Budget of the reply.
    public var generateBudget: Duration
    /// What capture and detect see besides the message (``PromptShape``); the same view
    /// goes to the gateway's prompts and to the local engine, so an eval measures it.
    public var shape: PromptShape

    public init(
        mode: Mode = .parallel, reconcile: ReconcilePolicy = ReconcilePolicy(), stepBudget: Duration = .seconds(2),
        generateBudget: Duration = .seconds(5), shape: PromptShape = .full
    ) {
        self.shape = shape
        self.mode = mode
        self.reconcile = reconcile
        self.stepBudget = stepBudget
        self.generateBudget = generateBudget
    }
}

/// The turn pipeline of SPEC §2: capture ∥ detect(old context) → merge → reconcile? →
/// select → generate. Steps are protocols; this type only orders them and keeps time.
public struct TurnPipeline: Sendable {
    public let capture: any CaptureStep
    public let detect: any DetectStep
    public let generate: any GenerateStep
    public let selector: CachedSelector
    public let playbook: Playbook
    public let configuration: PipelineConfiguration
    /// Runs on every message before detect; what it finds no detect answer overrules.
    public let optOutGuard = OptOutGuard()
    /// The in-process detect that referees a triggered reconcile in the local-check modes
    /// (``ReconcilePolicy/Mode/checksLocally``); nil: every trigger runs the reconcile.
    public let referee: (any DetectStep)?

    public init(
        capture: any CaptureStep, detect: any DetectStep, generate: any GenerateStep, selector: CachedSelector,
        configuration: PipelineConfiguration, referee: (any DetectStep)? = nil
    ) {
        self.referee = referee
        self.capture = capture
        self.detect = detect
        self.generate = generate
        self.selector = selector
        self.playbook = selector.selector.playbook
        self.configuration = configuration
    }

    /// What capture, detect and the reconcile produced for one message.
    public struct Understanding: Sendable {
        public var captured: SlotValues
        public var detection: Detection
        public var reconcileReasons: [ReconcilePolicy.Reason]
        public var capture: StepReport
        public var detect: StepReport
        public var reconcile: StepReport?
        /// Which step settled the situation.
        public var decidedBy: Decision = .detect
        /// The opt-out guard's rule, when it decided.
        public var optOutRule: String?
        /// The first detect's own answer (``detection`` is the reconcile's when one ran).
        public var firstDetection: Detection?
        /// What the reconcile policy did after capture and the first detect.
        public var reconcileAction: ReconcilePolicy.Action = .keep
        /// The local referee's run on the updated context, when a local-check mode ran it.
        public var reconcileCheck: StepReport?
        /// The local referee's answer, when it ran.
        public var refereeDetection: Detection?
        /// The policy's triggers, whether or not a second detect followed (``reconcileReasons``
        /// holds them only when one ran).
        public var triggeredReasons: [ReconcilePolicy.Reason] = []
    }

    /// What capture sees of `input` under the configured shape.
    func captureInput(_ input: PromptInput) -> PromptInput {
        configuration.shape == .cacheable ? input.captureView : input
    }

    /// What detect sees of `input` under the configured shape.
    func detectInput(_ input: PromptInput) -> PromptInput {
        configuration.shape == .cacheable ? input.detectView : input
    }

    /// What settled a turn's situation.
    public enum Decision: String, Sendable, Hashable, Codable {
        /// The opt-out guard found a request not to be contacted; detect did not run.
        case optOutGuard = "opt_out_guard"
        /// The first detect (on the context before capture).
        case detect
        /// The second detect, on the context after capture.
        case reconcile
    }

    /// The first half of a turn: capture ∥ detect(old context), merge, reconcile when the
    /// policy says so (or capture → detect in sequential mode).
    public func understand(_ state: SessionState, message: String) async -> Understanding {
        let before = PromptInput(message: message, context: state.context, history: state.history)
        let budget = configuration.stepBudget
        let guardStarted = ContinuousClock.now
        if let verdict = optOutGuard.check(message: message, history: state.history) {
            let guardReport = StepReport(backend: "opt_out_guard", milliseconds: (.now - guardStarted).milliseconds)
            let (captured, report) = await capture.capture(captureInput(before), budget: budget)
            return Understanding(
                captured: captured, detection: Detection(situation: .optOut, confidence: 1), reconcileReasons: [],
                capture: report, detect: guardReport, decidedBy: .optOutGuard, optOutRule: verdict.rule)
        }
        switch configuration.mode {
        case .parallel:
            async let capturing = capture.capture(captureInput(before), budget: budget)
            async let detecting = detect.detect(detectInput(before), budget: budget)
            let (captured, detected) = await (capturing, detecting)
            return await reconciling(state, message: message, captured: captured, detected: detected)
        case .sequential:
            let captured = await capture.capture(captureInput(before), budget: budget)
            let updated = PromptInput(message: message, context: state.context.merging(captured.0), history: state.history)
            let detected = await detect.detect(detectInput(updated), budget: budget)
            return Understanding(
                captured: captured.0, detection: detected.0, reconcileReasons: [], capture: captured.1, detect: detected.1,
                firstDetection: detected.0)
        }
    }

    /// Runs one customer turn on `state`; returns the result and the next state.
    public func run(
        _ state: SessionState, message: String, onDelta: @escaping @Sendable (String) async -> Void = { _ in }
    ) async -> (TurnResult, SessionState) {
        let started = ContinuousClock.now
        let understanding = await understand(state, message: message)
        let captured = (understanding.captured, understanding.capture)
        let detected = (understanding.detection, understanding.detect)
        let reconcile = understanding.reconcile
        let reasons = understanding.reconcileReasons
        let context = state.context.merging(captured.0)
        let situation = detected.0.situation
        let selectStarted = ContinuousClock.now
        let resistance = state.resistance + (situation.isObjection ? 1 : 0)
        let (selection, cached) = selector.select(
            SelectionInput(
                situation: situation, filledSlots: context.slots, resistance: resistance, turn: state.turns + 1,
                recentPrinciples: state.principles))
        let selectTime = ContinuousClock.now - selectStarted
        let principle = playbook.principle(named: selection.principle) ?? playbook.principles[0]
        let replyInput = PromptInput(message: message, context: context, history: state.history)
        let (reply, generated) = await generate.generate(
            replyInput, principle: principle, situation: situation, turn: state.turns + 1,
            budget: configuration.generateBudget, onDelta: onDelta)
        var result = TurnResult(
            reply: reply, situation: situation, confidence: detected.0.confidence, principle: principle.name,
            rule: selection.rule, selectorCached: cached, capturedSlots: captured.0, reconciled: reconcile != nil,
            reconcileReasons: reasons,
            timings: .init(
                capture: captured.1.milliseconds, detect: detected.1.milliseconds, reconcile: reconcile?.milliseconds ?? 0,
                select: selectTime.milliseconds, generate: generated.milliseconds, total: (.now - started).milliseconds),
            steps: .init(
                capture: captured.1, detect: detected.1, reconcile: reconcile, generate: generated,
                reconcileCheck: understanding.reconcileCheck),
            turn: state.turns + 1, sessionClosed: situation == .optOut, decidedBy: understanding.decidedBy,
            optOutRule: understanding.optOutRule, firstSituation: understanding.firstDetection?.situation)
        result.reconcileAction = understanding.reconcileAction
        return (result, state.applying(message: message, result: result))
    }
}
