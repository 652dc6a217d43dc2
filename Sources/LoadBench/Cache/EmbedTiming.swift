import BenchKit
import Embeddings

/// The bundled embedder's time per message by length, in process (what a semantic lookup
/// adds before its search): generated support text cut to each length, timed one call at a time.
public struct EmbedTiming: Sendable, Encodable {
    /// Characters per message.
    public var characters: Int
    /// Per embed, in µs.
    public var p50Micros: Double
    public var p99Micros: Double

    public static let lengths = [30, 100, 300, 1_000, 4_000]

    /// Each length timed over `calls` calls (a few distinct messages in turn).
    public static func measure(calls: Int = 2_000) throws -> [EmbedTiming] {
        let embedder = try StaticEmbedder.bundled()
        var text = ""
        var next = 0
        while text.count < (lengths.max() ?? 0) + 64 {
            text += BenchSentences.question(next) + " "
            next += 1
        }
        return lengths.map { length in
            let messages = (0..<8).map { String(text.dropFirst($0 * 7).prefix(length)) }
            var samples: [Double] = []
            samples.reserveCapacity(calls)
            var checksum: Float = 0
            for call in 0..<calls {
                let started = ContinuousClock.now
                checksum += embedder.embed(messages[call & 7])[0]
                let elapsed = ContinuousClock.now - started
                samples.append(Double(elapsed.components.attoseconds) * 1e-12 + Double(elapsed.components.seconds) * 1e6)
            }
            let summary = LatencySummary(samples)
            return EmbedTiming(characters: length, p50Micros: summary.p50, p99Micros: checksum.isNaN ? -1 : summary.p99)
        }
    }
}
