/// Seeded edits of a byte string, for property tests of parsers: each mutation makes one to
/// `maxEdits` edits (replace, delete or insert a byte drawn from `alphabet`), so a valid
/// document becomes the near-misses hostile or broken input is made of.
public struct ByteMutator {
    private var random: SplitMix64
    private let alphabet: [UInt8]
    private let maxEdits: Int

    public init(seed: UInt64, alphabet: [UInt8], maxEdits: Int = 2) {
        precondition(!alphabet.isEmpty && maxEdits > 0)
        random = SplitMix64(seed: seed)
        self.alphabet = alphabet
        self.maxEdits = maxEdits
    }

    /// `bytes` with a few seeded edits; never empty (an emptied result is one space).
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var mutated = bytes.isEmpty ? [0x20] : bytes
        for _ in 0..<1 + Int(random.next() % UInt64(maxEdits)) {
            let at = Int(random.next() % UInt64(mutated.count))
            let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
            switch random.next() % 3 {
            case 0: mutated[at] = byte
            case 1: mutated.remove(at: at)
            default: mutated.insert(byte, at: at)
            }
            if mutated.isEmpty { mutated = [0x20] }
        }
        return mutated
    }
}
