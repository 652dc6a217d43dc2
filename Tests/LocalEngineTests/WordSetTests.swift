import Foundation
@testable import LocalEngine
import SalesCore
import Testing

/// A `WordSet` answers for a token exactly as the plain set of its words does; its filter only
/// saves the look-up.
@Suite("Word sets")
struct WordSetTests {
    @Test("a token is in the word set exactly when its text is in the words")
    func sameAnswersAsTheSet() throws {
        let lists: [WordSet] = [WordLists.months, WordLists.weekdays, WordLists.pronounsAndFunctionWords, ContactScanner.notNames, CompanyNames.notCompany]
        let data = try String(contentsOfFile: Fixtures.path("golden/dev.jsonl"), encoding: .utf8)
        var hits = 0
        for line in data.split(separator: "\n") {
            let turn = try JSONDecoder().decode(GoldenTurn.self, from: Data(line.utf8))
            for token in MessageText(turn.message).tokens {
                for list in lists {
                    let answer = list.contains(token)
                    #expect(answer == list.words.contains(token.lower), "\(token.lower)")
                    if answer { hits += 1 }
                }
            }
        }
        #expect(hits > 1_000)
    }

    @Test("words outside the set are answered no, by token and by text")
    func wordsOutside() {
        let set: WordSet = ["monday", "tuesday"]
        let others = (0..<1_000).map { "word\($0)" }
        let passed = others.filter { set.contains(Token(kind: .word, range: "".startIndex..<"".startIndex, lower: $0, isCapitalized: false)) }
        #expect(passed.isEmpty)
        #expect(set.contains("monday") && !set.contains("friday"))
    }
}
