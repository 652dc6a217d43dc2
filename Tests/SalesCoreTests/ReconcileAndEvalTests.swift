import SalesCore
import Testing

@Suite("Reconcile decision, golden files and metrics")
struct ReconcileAndEvalTests {
    let policy = ReconcilePolicy()

    @Test func confidentConsistentDetectionSkipsReconcile() {
        let reasons = policy.reasons(
            before: SlotValues([.companyName: "Acme"]),
            captured: SlotValues([.objection: "too expensive", .budgetSignal: "too expensive"]),
            firstDetection: Detection(situation: .objectionPrice, confidence: 0.9))
        #expect(reasons.isEmpty)
    }

    @Test func unexplainedCriticalSlotLowConfidenceAndMaterialChangeReconcile() {
        let greeting = Detection(situation: .greeting, confidence: 0.9)
        #expect(policy.reasons(before: SlotValues(), captured: SlotValues([.objection: "too pricey"]), firstDetection: greeting) == [.criticalSlot])
        #expect(policy.reasons(before: SlotValues(), captured: SlotValues(), firstDetection: Detection(situation: .stall, confidence: 0.4)) == [.lowConfidence])
        let changed = policy.reasons(
            before: SlotValues([.timeline: "Q3"]), captured: SlotValues([.timeline: "next month"]),
            firstDetection: Detection(situation: .greeting, confidence: 0.95))
        #expect(changed == [.criticalSlot], "a changed critical value the detection does not explain")
        let explained = policy.reasons(
            before: SlotValues([.competitors: "Blue Yonder"]), captured: SlotValues([.competitors: "Toolio"]),
            firstDetection: Detection(situation: .objectionCompetitor, confidence: 0.95))
        #expect(explained.isEmpty, "a competitor objection already accounts for a newly named competitor")
    }

    @Test func manyNewSlotsAreMaterialAFewAreNot() {
        let confident = Detection(situation: .discoveryShare, confidence: 0.9)
        let three = SlotValues([.companyName: "Acme", .companySize: "200 people", .currentSolution: "spreadsheets"])
        #expect(policy.reasons(before: SlotValues(), captured: three, firstDetection: confident).isEmpty)
        var four = three
        four[.industry] = "logistics"
        #expect(policy.reasons(before: SlotValues(), captured: four, firstDetection: confident) == [.materialChange])
        #expect(policy.reasons(before: four, captured: four, firstDetection: confident).isEmpty, "repeating known values changes nothing")
    }

    @Test func goldenFileErrorsNameFileAndLine() {
        let text = """
            {"id":"a-t1","message":"hi","situation":"greeting","slots":{}}

            {"id":"a-t2","message":"hm","situation":"grumpy","slots":{}}
            """
        do {
            _ = try GoldenFile.parse(text, file: "g.jsonl")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("g.jsonl:3: "), "\(error)")
            #expect("\(error)".contains("situation"))
        }
        #expect(throws: GoldenFileError.self) { try GoldenFile.parse(#"{"id": "x", "message": "#, file: "g.jsonl") }
        #expect(throws: GoldenFileError.self) { try GoldenFile.parse(#"{"id":"x","message":"m","situation":"stall","slots":{"shoe_size":"9"}}"#, file: "g.jsonl") }
    }

    @Test func metricsFollowTheSpec() {
        let gold = [
            GoldenTurn(id: "1", message: "about $20k a year", situation: .pricingQuestion, slots: SlotValues([.budgetAmount: "about $20k a year"])),
            GoldenTurn(id: "2", message: "stop emailing me", situation: .optOut, slots: SlotValues()),
        ]
        let predicted = [
            // token F1("$20k a year", "about $20k a year") = 0.857 ≥ 0.5: correct.
            TurnPrediction(situation: .pricingQuestion, slots: SlotValues([.budgetAmount: "$20k a year", .timeline: "a year"])),
            TurnPrediction(situation: .goodbye, slots: SlotValues()),
        ]
        let report = Evaluator.report(gold: gold, predicted: predicted)
        #expect(report.turns == 2)
        #expect(report.situationAccuracy == 0.5)
        #expect(report.slotPrecision == 0.5)
        #expect(report.slotRecall == 1)
        #expect(abs(report.slotF1 - 2.0 / 3.0) < 1e-9)
        #expect(report.confusion["opt_out"]?["goodbye"] == 1)
    }

    @Test func tokenF1() {
        #expect(TokenF1.score("About $20K!", "about 20k") == 1)
        #expect(TokenF1.score("next week", "tomorrow") == 0)
    }
}
