@testable import LocalEngine
import SalesCore
import Testing

@Suite("Token model")
struct TokenTaggerTests {
    /// A model that tags `giant`, `excel` and `sheet` as `current_solution` and nothing else.
    let excelModel = SpanModel(
        labels: ["none", "current_solution"], bias: [2, -2], features: ["w:giant", "w:excel", "w:sheet"],
        weights: [[0, 5], [0, 5], [0, 5]])

    @Test("a value is the run of tagged words, across a comma but not across a sentence end")
    func runs() {
        let tagger = TokenTagger(model: excelModel)
        let one = MessageText("I do rotas on a giant, excel sheet every Sunday.")
        #expect(tagger.tag(one, rules: [:]).mapValues { one.span($0) } == [.currentSolution: "giant, excel sheet"])
        let two = MessageText("It is giant. Excel sheet, mostly.")
        #expect(tagger.tag(two, rules: [:]).mapValues { two.span($0) } == [.currentSolution: "Excel sheet"], "the longer run wins")
        #expect(tagger.tag(MessageText("We use paper."), rules: [:]).isEmpty)
    }

    @Test("training labels: each word gets the slot of the value covering it, the shorter of two nested values keeps its words")
    func labels() {
        let message = MessageText("We track it in Acme Sheets, and email.")
        var gold = SlotValues()
        gold[.currentSolution] = "Acme Sheets, and email"
        gold[.companyName] = "acme"  // matched ignoring case
        gold[.painPoint] = "We track it"  // not a slot the token model serves
        let labels = TokenTrainer.labels(of: message, gold: gold).map { $0 == 0 ? "-" : TokenTrainer.labels[$0] }
        let solution = "current_solution"
        #expect(labels == ["-", "-", "-", "-", "company_name", solution, solution, solution, solution, "-"], "\(labels)")
        #expect(TokenTrainer.tokenRange(of: "not in the message", in: message) == nil)
    }

    @Test("the shipped model has a token model, and it survives the model file's round trip")
    func shippedRoundTrip() throws {
        let shipped = try #require(LocalModel.shipped.tokens)
        #expect(shipped.labels.first == "none")
        #expect(Set(shipped.labels.dropFirst().compactMap(Slot.init(rawValue:))) == Set(SlotMerge.tokenUse.keys))
        let reread = try LocalModel.decode(json: try LocalModel.shipped.jsonText(), source: "round trip")
        #expect(reread == LocalModel.shipped)
    }
}
