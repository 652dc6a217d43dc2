import Foundation
import LocalEngine
import SalesCore
import Testing
import TestSupport

@Suite("Opt-out guard's learned model")
struct OptOutModelTests {
    @Test("the model compiled into the binary is the one in policies/opt-out-model.json, trained")
    func embeddedEqualsFile() throws {
        let text = try String(contentsOfFile: Fixtures.path("policies/opt-out-model.json"), encoding: .utf8)
        let file = try JSONDecoder().decode(OptOutModel.self, from: Data(text.utf8))
        let shipped = try #require(OptOutModel.shipped, "the embedded opt-out model decodes")
        #expect(shipped.features.count > 1_000, "the shipped model is trained")
        #expect(shipped == file, "regenerate both with `swift run sales-agent train-local`")
        #expect(shipped.threshold == OptOutTrainer.threshold)
    }

    @Test("training is deterministic: the fixtures and the dev split reproduce the shipped model")
    func trainingReproducesShippedModel() async throws {
        let labelled = try OptOutTrainer.trainingFiles.flatMap { try OptOutCase.load($0) }
            .map { OptOutExample(text: $0.text, history: $0.history ?? [], optOut: $0.optOut) }
        let dev = try Fixtures.devTurns().map { OptOutExample(text: $0.message, history: $0.history, optOut: $0.situation == .optOut) }
        let model = try await onOwnThread { OptOutTrainer.train(labelled + dev) }
        #expect(model == OptOutModel.shipped)
    }

    /// A model that knows one word, so the guard's use of it is seen exactly.
    private static let stopWord = OptOutModel(threshold: 0.9, bias: -5, features: ["w:halt"], weights: [10])

    @Test("where no rule fires, a sure model decides, with the rule `learned`; below the threshold it does not")
    func modelDecidesWhereRulesAreSilent() {
        let rulesOnly = OptOutGuard(model: nil)
        let guardrail = OptOutGuard(model: Self.stopWord)
        #expect(rulesOnly.check(message: "halt, everyone") == nil)
        #expect(guardrail.check(message: "halt, everyone")?.rule == "learned")
        #expect(guardrail.check(message: "carry on, everyone") == nil)
        #expect(Self.stopWord.probability(message: "carry on") < 0.01)
    }

    @Test("the rules still decide first, and the model never calls a rules' look-alike an opt-out")
    func rulesFirstAndLookAlikesStay() {
        let guardrail = OptOutGuard(model: Self.stopWord)
        #expect(guardrail.check(message: "unsubscribe me please")?.rule != "learned")
        // `stop the trial from auto-renewing` is a look-alike (a product term to stop).
        #expect(guardrail.check(message: "halt, and stop the trial from auto-renewing") == nil)
    }

    @Test("the shipped guard catches an opt-out in wording the rules do not name")
    func shippedModelGeneralizes() throws {
        let message = "Kindly deprioritize us in your outreach — permanently, not just for this quarter."
        #expect(OptOutGuard(model: nil).check(message: message) == nil)
        #expect(OptOutGuard().check(message: message)?.rule == "learned")
    }

    @Test("a model file with mismatched weights is refused")
    func corruptModel() {
        let text = #"{"feature_version":1,"threshold":0.9,"bias":0,"features":["w:a","w:b"],"weights":[1]}"#
        #expect(throws: (any Error).self) { _ = try JSONDecoder().decode(OptOutModel.self, from: Data(text.utf8)) }
    }
}
