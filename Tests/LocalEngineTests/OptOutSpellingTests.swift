@testable import LocalEngine
import SeededRandom
import Testing

/// The spelling check's one-edit test against the full optimal-string-alignment distance.
@Suite("Opt-out spelling")
struct OptOutSpellingTests {
    @Test("within one edit exactly when the distance is at most one")
    func oneEditAgreesWithDistance() {
        let alphabet = Array("stopaé")
        var generator = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let a = (0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let b = (0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            #expect(OptimalStringAlignment.isWithinOneEdit(a, b) == (distance(a, b) <= 1), "\(String(a)) \(String(b))")
        }
        #expect(OptimalStringAlignment.isWithinOneEdit(Array("stpo"), Array("stop")))
        #expect(!OptimalStringAlignment.isWithinOneEdit(Array("spto"), Array("stop")))
    }

    /// Optimal string alignment distance, by dynamic programming.
    private func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
