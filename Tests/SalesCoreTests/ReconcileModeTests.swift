import SalesCore
import Testing

@Suite("Reconcile modes: what a trigger leads to")
struct ReconcileModeTests {
    let greeting = Detection(situation: .greeting, confidence: 0.9)
    let objection = SlotValues([.objection: "too pricey"])

    func policy(_ mode: ReconcilePolicy.Mode) -> ReconcilePolicy { ReconcilePolicy(mode: mode) }

    @Test func noTriggerKeepsTheFirstAnswerInEveryMode() {
        for mode in ReconcilePolicy.Mode.allCases {
            let policy = policy(mode)
            let reasons = policy.reasons(before: SlotValues(), captured: SlotValues([.companyName: "Acme"]), firstDetection: greeting)
            #expect(reasons.isEmpty)
            #expect(policy.action(reasons: reasons, firstDetection: greeting, localOnUpdated: nil) == .keep, "\(mode)")
            let disagreeing = Detection(situation: .objectionPrice, confidence: 0.9)
            #expect(policy.action(reasons: reasons, firstDetection: greeting, localOnUpdated: disagreeing) == .keep, "\(mode)")
        }
    }

    @Test func triggersReconcileWithTheLLMInTheLLMModesAndNeverWhenOff() {
        for mode in [ReconcilePolicy.Mode.llm, .short] {
            let reasons = policy(mode).reasons(before: SlotValues(), captured: objection, firstDetection: greeting)
            #expect(reasons == [.criticalSlot])
            #expect(policy(mode).action(reasons: reasons, firstDetection: greeting, localOnUpdated: nil) == .reconcile)
            #expect(policy(mode).action(reasons: reasons, firstDetection: greeting, localOnUpdated: greeting) == .reconcile, "an LLM mode ignores the referee")
        }
        #expect(policy(.off).action(reasons: [.criticalSlot, .lowConfidence], firstDetection: greeting, localOnUpdated: nil) == .keepOff)
    }

    @Test func localCheckAsksTheRefereeThenReconcilesOnlyOnDisagreement() {
        for mode in [ReconcilePolicy.Mode.localCheck, .localCheckShort] {
            let policy = policy(mode)
            let reasons = policy.reasons(before: SlotValues(), captured: objection, firstDetection: greeting)
            #expect(policy.action(reasons: reasons, firstDetection: greeting, localOnUpdated: nil) == .checkLocally)
            #expect(policy.action(reasons: reasons, firstDetection: greeting, localOnUpdated: Detection(situation: .greeting, confidence: 0.4)) == .keepLocalAgrees, "agreement is about the situation, not the confidence")
            #expect(policy.action(reasons: reasons, firstDetection: greeting, localOnUpdated: Detection(situation: .objectionPrice, confidence: 0.8)) == .reconcile)
            let shaky = Detection(situation: .stall, confidence: 0.4)
            let low = policy.reasons(before: SlotValues(), captured: SlotValues(), firstDetection: shaky)
            #expect(low == [.lowConfidence])
            #expect(policy.action(reasons: low, firstDetection: shaky, localOnUpdated: Detection(situation: .stall, confidence: 0.9)) == .keepLocalAgrees)
        }
    }

    @Test func modesSayWhichSecondOpinionRuns() {
        #expect(ReconcilePolicy.Mode.allCases.filter(\.checksLocally) == [.localCheck, .localCheckShort])
        #expect(ReconcilePolicy.Mode.allCases.filter(\.usesShortPrompt) == [.short, .localCheckShort])
        #expect(ReconcilePolicy().mode == ReconcilePolicy.defaultMode)
        #expect(ReconcilePolicy.defaultMode != .off, "SPEC §2: the default keeps the two-pass reconcile")
    }

    @Test func theShortPromptCarriesTheFirstAnswerAndTheNewValuesNotTheHistory() throws {
        let builder = PromptBuilder(playbook: try loadShippedPlaybook(), variant: .compact)
        let history = [
            GoldenTurn.Message(role: "customer", text: "We are Acme Logistics, 200 people, dispatch runs on spreadsheets and email."),
            GoldenTurn.Message(role: "agent", text: "What breaks first when a driver calls in sick?"),
            GoldenTurn.Message(role: "customer", text: "Honestly the whole morning plan has to be redone by hand."),
            GoldenTurn.Message(role: "agent", text: "Plans start at $40 per seat per month."),
        ]
        let input = PromptInput(
            message: "That's more than we budgeted.",
            context: SlotValues([.companyName: "Acme Logistics", .companySize: "200 people", .currentSolution: "spreadsheets"]),
            history: history)
        let short = builder.reconcile(input, first: greeting, newValues: SlotValues([.budgetSignal: "more than we budgeted"]))
        let full = builder.detect(input)
        #expect(short.last == PromptMessage(role: "user", content: "That's more than we budgeted."), "the simulator's script keys on the message")
        let system = short[0].content
        #expect(system.contains("it read as greeting") && system.contains("more than we budgeted"))
        #expect(system.contains("Agent said last: Plans start at $40 per seat per month."))
        #expect(!system.contains("Acme Logistics") && !system.contains("driver calls in sick"))
        #expect(TokenEstimate.tokens(short) < TokenEstimate.tokens(full))
    }
}
