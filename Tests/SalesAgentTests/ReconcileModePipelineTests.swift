import SalesAgent
import SalesCore
import Testing

/// Counts calls, so a test sees which second opinion a turn paid for.
actor CallCounter {
    private(set) var counts: [String: Int] = [:]

    func add(_ name: String) { counts[name, default: 0] += 1 }
    func count(_ name: String) -> Int { counts[name] ?? 0 }
}

/// A capture step that always finds the same values.
struct FixedCaptureStep: CaptureStep {
    let slots: SlotValues

    func capture(_ input: PromptInput, budget: Duration) async -> (SlotValues, StepReport) {
        (slots, StepReport(backend: "fake", milliseconds: 0))
    }
}

/// A detect step standing in for the LLM: answers `first` on the old context and `second`
/// on any context holding an objection; counts detects and short reconciles apart.
struct ScriptedDetectStep: DetectStep {
    let first: Situation
    let second: Situation
    let counter: CallCounter
    let name: String

    func detect(_ input: PromptInput, budget: Duration) async -> (Detection, StepReport) {
        await counter.add(name + ".detect")
        let situation = input.context[.objection] == nil ? first : second
        return (Detection(situation: situation, confidence: 0.95), StepReport(backend: name, milliseconds: 0))
    }

    func reconcile(_ input: PromptInput, first: Detection, newValues: SlotValues, budget: Duration) async -> (Detection, StepReport) {
        await counter.add(name + ".reconcile")
        return (Detection(situation: second, confidence: 0.95), StepReport(backend: name, milliseconds: 0))
    }
}

@Suite("Reconcile modes in the pipeline: who is asked and who decides")
struct ReconcileModePipelineTests {
    static let message = "Honestly that's more than we can pay."

    /// A pipeline whose capture finds an objection the first detect (greeting) does not
    /// explain, so every mode's trigger fires; the referee answers `referee` on the updated context.
    func pipeline(_ mode: ReconcilePolicy.Mode, referee: Situation, counter: CallCounter) throws -> TurnPipeline {
        let base = try TestPipelines.local()
        return TurnPipeline(
            capture: FixedCaptureStep(slots: SlotValues([.objection: "more than we can pay"])),
            detect: ScriptedDetectStep(first: .greeting, second: .objectionPrice, counter: counter, name: "llm"),
            generate: base.generate, selector: base.selector,
            configuration: PipelineConfiguration(reconcile: ReconcilePolicy(mode: mode)),
            referee: ScriptedDetectStep(first: referee, second: referee, counter: counter, name: "referee"))
    }

    @Test func theLLMModesReconcileEveryTriggerWithoutAskingTheReferee() async throws {
        for (mode, call) in [(ReconcilePolicy.Mode.llm, "llm.detect"), (.short, "llm.reconcile")] {
            let counter = CallCounter()
            let (result, _) = try await pipeline(mode, referee: .greeting, counter: counter).run(SessionState(id: "s"), message: Self.message)
            #expect(result.reconciled && result.reconcileAction == .reconcile && result.decidedBy == .reconcile, "\(mode)")
            #expect(result.situation == .objectionPrice, "\(mode): the second pass decided")
            #expect(result.reconcileReasons == [.criticalSlot])
            #expect(await counter.count("referee.detect") == 0)
            #expect(await counter.count(call) == (mode == .llm ? 2 : 1), "\(mode): the second pass was \(call)")
        }
    }

    @Test func localCheckKeepsTheFirstAnswerWhenTheRefereeAgrees() async throws {
        let counter = CallCounter()
        let (result, _) = try await pipeline(.localCheck, referee: .greeting, counter: counter).run(SessionState(id: "s"), message: Self.message)
        #expect(!result.reconciled && result.reconcileAction == .keepLocalAgrees && result.decidedBy == .detect)
        #expect(result.situation == .greeting)
        #expect(result.reconcileReasons.isEmpty, "no second pass ran, so no reason for one is reported")
        #expect(result.steps.reconcileCheck?.backend == "referee")
        #expect(await counter.count("referee.detect") == 1)
        #expect(await counter.count("llm.detect") == 1, "one LLM detect: no reconcile call")
    }

    @Test func localCheckAsksTheLLMWhenTheRefereeDisagrees() async throws {
        for (mode, call) in [(ReconcilePolicy.Mode.localCheck, "llm.detect"), (.localCheckShort, "llm.reconcile")] {
            let counter = CallCounter()
            let (result, _) = try await pipeline(mode, referee: .objectionPrice, counter: counter).run(SessionState(id: "s"), message: Self.message)
            #expect(result.reconciled && result.reconcileAction == .reconcile, "\(mode)")
            #expect(result.situation == .objectionPrice)
            #expect(await counter.count("referee.detect") == 1)
            #expect(await counter.count(call) == (mode == .localCheck ? 2 : 1), "\(mode): the LLM, not the referee, decided")
        }
    }

    @Test func offNeverRunsASecondPass() async throws {
        let counter = CallCounter()
        let (result, _) = try await pipeline(.off, referee: .objectionPrice, counter: counter).run(SessionState(id: "s"), message: Self.message)
        #expect(!result.reconciled && result.reconcileAction == .keepOff && result.situation == .greeting)
        #expect(await counter.counts == ["llm.detect": 1])
    }

    @Test func theOptOutGuardStillDecidesBeforeAnyReconcile() async throws {
        for mode in ReconcilePolicy.Mode.allCases {
            let counter = CallCounter()
            let (result, state) = try await pipeline(mode, referee: .greeting, counter: counter).run(SessionState(id: "s"), message: "STOP")
            #expect(result.decidedBy == .optOutGuard && result.situation == .optOut && state.closed, "\(mode)")
            #expect(await counter.counts.isEmpty, "\(mode): no detect, no referee")
        }
    }
}
