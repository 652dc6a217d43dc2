import Foundation
@testable import LocalEngine
import SalesCore
import SeededRandom
import Testing

/// A rule's anchors only let the guard skip text the rule cannot match: wherever the
/// regular expression matches, one of its anchors is in the text.
@Suite("Opt-out rule anchors")
struct OptOutAnchorTests {
    static let rules = OptOutRules.patterns + OptOutLookAlike.patterns + [OptOutRules.firstPersonLegal, OptOutRules.keepMe]

    @Test("every match on the project's texts, and on their mutations, contains an anchor")
    func anchorsAreSound() throws {
        var texts = try (OptOutCase.load() + OptOutCase.load("Tests/Fixtures/opt-out-challenge3.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge4.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge5.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge6.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge7.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge8.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge9.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge10.jsonl") + OptOutCase.load("Tests/Fixtures/opt-out-challenge11.jsonl")).flatMap { [$0.text] + ($0.history ?? []).map(\.text) }
        for name in ["dev", "test", "shift", "heldout-b"] {
            let data = try String(contentsOfFile: Fixtures.path("golden/\(name).jsonl"), encoding: .utf8)
            for line in data.split(separator: "\n") {
                let turn = try JSONDecoder().decode(GoldenTurn.self, from: Data(line.utf8))
                texts.append(turn.message)
                texts += turn.history.map(\.text)
            }
        }
        var generator = SplitMix64(seed: 17)
        var checked = 0
        var unsound: [String] = []
        for text in Set(texts).sorted() {
            let words = OptOutText(text).words
            for variant in [words] + Self.mutations(of: words, using: &generator) {
                let normalized = " " + variant.joined(separator: " ") + " "
                let bytes = Array(normalized.utf8)
                for rule in Self.rules where !rule.anchors.isEmpty && rule.occurs(in: normalized) {
                    checked += 1
                    if !rule.mayMatch(bytes) { unsound.append("\(rule.name): \(normalized)") }
                }
            }
        }
        #expect(checked > 2_000, "only \(checked) matches checked")
        #expect(unsound.isEmpty, "anchors miss \(unsound.count) matches:\n\(unsound.prefix(20).joined(separator: "\n"))")
    }

    @Test("a rule is skipped on text holding none of its anchors")
    func anchorsSkip() {
        let rule = OptOutRules.patterns.first { $0.name == "close_my_file" }!
        #expect(!rule.mayMatch(Array(" please stop by our booth ".utf8)))
        #expect(rule.mayMatch(Array(" close my file please ".utf8)))
    }

    /// Variants near the rules' edges: each drops one word, doubles one, or swaps two neighbours.
    private static func mutations(of words: [String], using generator: inout SplitMix64) -> [[String]] {
        guard words.count > 1 else { return [] }
        return (0..<6).map { round in
            var variant = words
            let index = Int.random(in: 0..<(words.count - 1), using: &generator)
            switch round % 3 {
            case 0: variant.remove(at: index)
            case 1: variant.insert(words[index], at: index)
            default: variant.swapAt(index, index + 1)
            }
            return variant
        }
    }
}
