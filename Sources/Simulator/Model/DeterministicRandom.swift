import SeededRandom
import Foundation

/// FNV-1a 64-bit: a fixed, process-independent hash (unlike `Hasher`, which is seeded per process).
struct FNV1a64 {
    /// The running hash value.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes raw bytes into the hash.
    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    /// Mixes a string (its UTF-8 bytes) followed by a 0xFF separator, so ("ab","c") ≠ ("a","bc").
    mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(bytes: CollectionOfOne(0xFF))
    }

    /// Mixes the eight little-endian bytes of an integer.
    mutating func combine(_ integer: UInt64) {
        var remaining = integer
        for _ in 0..<8 {
            combine(bytes: CollectionOfOne(UInt8(truncatingIfNeeded: remaining)))
            remaining >>= 8
        }
    }
}

/// The random numbers one request consumes, derived only from its identity and occurrence index.
struct SimDraws: Sendable, Equatable {
    /// Uniform in [0, 1): compared against the cumulative fault rates.
    var faultRoll: Double
    /// Standard normal: scaled into the log-normal TTFT.
    var ttftNormal: Double

    /// The hash identifying "the same request": seed, model, tag and last user message.
    static func requestKey(seed: UInt64, model: String, tag: String?, lastUserMessage: String) -> UInt64 {
        var hash = FNV1a64()
        hash.combine(seed)
        hash.combine(model)
        hash.combine(tag ?? "")
        hash.combine(lastUserMessage)
        return hash.value
    }

    /// Draws for the `occurrence`-th (0-based) request with `key`: replays repeat, repeats differ.
    init(key: UInt64, occurrence: Int) {
        var hash = FNV1a64()
        hash.combine(key)
        hash.combine(UInt64(occurrence))
        var generator = SplitMix64(seed: hash.value)
        faultRoll = generator.nextUnit()
        // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
        let u1 = 1 - generator.nextUnit()
        let u2 = generator.nextUnit()
        ttftNormal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    init(faultRoll: Double, ttftNormal: Double) {
        self.faultRoll = faultRoll
        self.ttftNormal = ttftNormal
    }
}
