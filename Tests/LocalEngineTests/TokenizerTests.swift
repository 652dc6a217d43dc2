import Foundation
@testable import LocalEngine
import SalesCore
import SeededRandom
import Testing

/// The tokenizer's ASCII path must give exactly the tokens of the general path.
@Suite("Tokenizer")
struct TokenizerTests {
    @Test("every byte of ASCII is read as the general path reads it")
    func everyASCIICharacter() {
        for byte in UInt8(0)..<0x80 {
            let scalar = Character(Unicode.Scalar(byte))
            for text in ["a\(scalar)b", "1\(scalar)2", "\(scalar)", "A\(scalar)", "x \(scalar) Y", "don\(scalar)t"] {
                #expect(same(text), "\(byte)")
            }
        }
    }

    @Test("random ASCII text tokenizes the same on both paths")
    func randomText() {
        let alphabet = Array("aZq9 0 \t\r\n\u{0B}\u{0C}'-.,!?$%\"():;/Mx1_")
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(same(text), "\(text.debugDescription)")
        }
    }

    @Test("golden messages tokenize the same on both paths")
    func goldenMessages() throws {
        for name in ["dev", "test", "shift"] {
            let data = try String(contentsOfFile: Fixtures.path("golden/\(name).jsonl"), encoding: .utf8)
            for line in data.split(separator: "\n") {
                let turn = try JSONDecoder().decode(GoldenTurn.self, from: Data(line.utf8))
                guard turn.message.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
                #expect(same(turn.message), "\(turn.id)")
            }
        }
    }

    private func same(_ text: String) -> Bool {
        let fast = Tokenizer.tokenizeASCII(text)
        let general = Tokenizer.tokenizeCharacters(text)
        return fast == general && fast.map { String(text[$0.range]) } == general.map { String(text[$0.range]) }
    }
}
