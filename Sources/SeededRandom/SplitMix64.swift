/// SplitMix64: a tiny, well-distributed generator whose whole state is one `UInt64`, so a
/// seed gives the same numbers on every machine and run (Swift's own hashing and
/// `SystemRandomNumberGenerator` do not). The one copy every target uses: simulator draws,
/// training shuffles, message variants, index training, benches and tests.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one item: `seed` mixed with the FNV-1a hash of `key`.
    public init(seed: UInt64, key: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `0..<count` (count > 0).
    public mutating func below(_ count: Int) -> Int {
        Int(next() % UInt64(count))
    }

    /// A uniform double in [0, 1) with 53 bits of precision.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A Fisher–Yates shuffle whose result depends only on the seed.
    public mutating func shuffle(_ values: inout [Int]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, below(index + 1))
        }
    }
}
