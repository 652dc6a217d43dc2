import SeededRandom

/// The randomness of retry jitter, as a value: seeded from the system generator in
/// production and from a fixed seed in tests, so an execution replays exactly.
public struct JitterSource: RandomNumberGenerator, Sendable, Hashable {
    private var generator: SplitMix64

    public init(seed: UInt64) {
        self.generator = SplitMix64(seed: seed)
    }

    /// A source seeded from the system's generator.
    public static func system() -> JitterSource {
        var system = SystemRandomNumberGenerator()
        return JitterSource(seed: system.next())
    }

    public mutating func next() -> UInt64 {
        generator.next()
    }
}
