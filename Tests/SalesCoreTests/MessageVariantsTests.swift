import Foundation
import SalesCore
import Testing
import TestSupport

@Suite("Bench variants of golden messages")
struct MessageVariantsTests {
    static let golden: [GoldenTurn] = {
        (try? GoldenFilesTests.load("dev.jsonl") + GoldenFilesTests.load("test.jsonl")) ?? []
    }()

    static let negations: Set<String> = ["not", "no", "never", "none", "nothing", "nobody", "nor", "neither", "without", "cannot", "except"]

    static let unmarkedNegations: Set<String> = ["dont", "cant", "wont", "isnt", "doesnt", "didnt", "arent", "wasnt"]

    /// Words of `text` split on whitespace, curly apostrophes made straight.
    static func words(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\u{2019}", with: "'").split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func letters(_ word: String) -> String {
        String(word.lowercased().filter { $0.isLetter || $0 == "'" })
    }

    /// Negation words, in order ("don't" stays "don't": a contraction rule never touches it).
    static func negationWords(_ text: String) -> [String] {
        words(text).map(letters).filter { negations.contains($0) || $0.hasSuffix("n't") || unmarkedNegations.contains($0) }
    }

    static func numberWords(_ text: String) -> [String] {
        words(text).filter { $0.contains(where: \.isNumber) }
    }

    /// Capitalised words after the first (names), the pronoun "I" forms left out.
    static func capitalised(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in words(text).dropFirst() where word.contains(where: \.isUppercase) {
            guard !["i", "i'm", "i've", "i'd", "i'll"].contains(letters(word)) else { continue }
            counts[word, default: 0] += 1
        }
        return counts
    }

    @Test func theGoldenSetLoads() {
        #expect(Self.golden.count > 100)
    }

    @Test func aSeedGivesTheSameVariantsEveryTimeAndAnotherSeedOthers() async throws {
        let golden = Self.golden
        let (unstable, differentFromOtherSeed, replayed, replayedAgain) = try await onOwnThread {
            var unstable: [String] = []
            var differentFromOtherSeed = 0
            for turn in golden {
                for kind in MessageVariants.Kind.allCases {
                    let once = MessageVariants.variant(of: turn, kind: kind, seed: 7)
                    if MessageVariants.variant(of: turn, kind: kind, seed: 7) != once { unstable.append("\(turn.id) \(kind)") }
                    if MessageVariants.variant(of: turn, kind: kind, seed: 8).text != once.text { differentFromOtherSeed += 1 }
                }
            }
            return (
                unstable, differentFromOtherSeed, MessageVariants.replay([golden], seed: 7),
                MessageVariants.replay([golden], seed: 7)
            )
        }
        #expect(unstable.isEmpty, "\(unstable)")
        #expect(differentFromOtherSeed > golden.count / 4, "another seed picks other rules")
        #expect(replayed == replayedAgain)
        let kinds = Set(replayed[0].map { $0.id.split(separator: "~").last.map(String.init) ?? "" })
        #expect(kinds == ["exact", "retype", "paraphrase"])
    }

    @Test func variantsKeepQuotesNumbersNamesAndNegations() async throws {
        let golden = Self.golden
        let (changed, problems) = try await onOwnThread {
            var changed = 0
            var problems: [String] = []
            for turn in golden {
                for kind in [MessageVariants.Kind.retype, .paraphrase] {
                    for seed: UInt64 in [1, 7, 42] {
                        let text = MessageVariants.variant(of: turn, kind: kind, seed: seed).text
                        if text != turn.message { changed += 1 }
                        for (slot, value) in turn.slots where !text.contains(value) {
                            problems.append("\(turn.id) \(kind) seed \(seed): \(slot.rawValue) '\(value)' lost in '\(text)'")
                        }
                        if Self.numberWords(text) != Self.numberWords(turn.message) {
                            problems.append("numbers \(turn.id): '\(turn.message)' → '\(text)'")
                        }
                        if Self.negationWords(text) != Self.negationWords(turn.message) {
                            problems.append("negations \(turn.id): '\(turn.message)' → '\(text)'")
                        }
                        for (name, count) in Self.capitalised(turn.message) where (Self.capitalised(text)[name] ?? 0) < count {
                            problems.append("names \(turn.id): '\(name)' in '\(turn.message)' → '\(text)'")
                        }
                    }
                }
            }
            return (changed, problems)
        }
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(20).joined(separator: "\n"))")
        #expect(changed > golden.count * 2 * 3 * 9 / 10, "nearly every retype and paraphrase changes the text")
    }

    @Test func exactIsTheSameTextAndRulesAreNamed() throws {
        let turn = GoldenTurn(
            id: "x", message: "Honestly we are currently using spreadsheets and we don't have $50k, not before March.",
            situation: .objectionPrice, slots: SlotValues([.currentSolution: "spreadsheets", .budgetAmount: "$50k"]))
        #expect(MessageVariants.variant(of: turn, kind: .exact, seed: 3).text == turn.message)
        var seen: Set<String> = []
        for seed: UInt64 in 0..<64 {
            for kind in [MessageVariants.Kind.retype, .paraphrase] {
                let variant = MessageVariants.variant(of: turn, kind: kind, seed: seed)
                #expect(!variant.rules.isEmpty)
                seen.formUnion(variant.rules)
                for kept in ["spreadsheets", "don't", "$50k,", " not ", " before ", " March."] {
                    #expect(variant.text.contains(kept), "'\(kept)' lost in '\(variant.text)'")
                }
            }
        }
        // "punctuation" never fires here: the final word holds a capital (a name), so it is locked.
        #expect(seen.isSuperset(of: ["case", "whitespace", "filler", "contraction", "synonym", "lead_in"]), "\(seen)")
        #expect(!seen.contains("punctuation"))
        let contracted = try #require((0..<64).lazy.map { MessageVariants.variant(of: turn, kind: .paraphrase, seed: $0) }.first { $0.rules.contains("contraction") })
        #expect(contracted.text.contains("we're currently"))
    }
}
