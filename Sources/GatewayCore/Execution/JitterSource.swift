/// The randomness of retry jitter, as a value: seeded from the system generator in
/// production and from a fixed seed in tests, so an execution replays exactly.
public struct JitterSource: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) {
        self.state = seed
    }

    /// A source seeded from the system's generator.
    public static func system() -> JitterSource {
        var system = SystemRandomNumberGenerator()
        return JitterSource(seed: system.next())
    }

    /// SplitMix64.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
