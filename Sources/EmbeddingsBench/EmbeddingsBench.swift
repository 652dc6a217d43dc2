import BenchKit
import Embeddings

/// Times the table load and `StaticEmbedder.embed` per message length.
///
///     swift run -c release EmbeddingsBench [--iterations N]
@main
struct EmbeddingsBench {
    /// Message lengths in characters; past 8,000 the tokenizer's input cap applies.
    static let lengths = [30, 300, 4_000, 8_000, 100_000]

    static func main() throws {
        let arguments = CommandLine.arguments
        let iterations = arguments.firstIndex(of: "--iterations").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 20_000

        var loads: [Double] = []
        var embedder: StaticEmbedder?
        for _ in 0..<5 {
            let started = ContinuousClock.now
            embedder = try StaticEmbedder.bundled()
            loads.append(milliseconds(since: started))
        }
        guard let embedder else { return }
        let load = LatencySummary(loads)
        print("table: \(embedder.identifier), \(embedder.tokenizer.vocabularySize) tokens x \(embedder.dimension)")
        print("load (parse + widen to float32), 5 runs: median \(format(load.p50)) ms, min \(format(loads.min() ?? 0)) ms")
        print("embed, \(iterations) calls per length, 64 different messages each (microseconds):")
        print("  chars  tokens   p50(into)  p99(into)   p50(array)  p99(array)")
        var output = [Float](repeating: 0, count: embedder.dimension)
        for length in lengths {
            let messages = (0..<64).map { Messages.message(length: length, variant: $0) }
            let tokens = messages.map { embedder.tokenizer.tokenIDs($0).count }.reduce(0, +) / messages.count
            var into: [Double] = [], array: [Double] = []
            into.reserveCapacity(iterations)
            array.reserveCapacity(iterations)
            output.withUnsafeMutableBufferPointer { out in
                for i in 0..<(iterations / 10) { embedder.embed(messages[i & 63], into: out) }  // warm-up
                for i in 0..<iterations {
                    let started = ContinuousClock.now
                    embedder.embed(messages[i & 63], into: out)
                    into.append(milliseconds(since: started) * 1000)
                }
            }
            for i in 0..<iterations {
                let started = ContinuousClock.now
                let vector = embedder.embed(messages[i & 63])
                array.append(milliseconds(since: started) * 1000)
                precondition(vector.count == embedder.dimension)
            }
            let a = LatencySummary(into), b = LatencySummary(array)
            print(pad(length, 7), pad(tokens, 7), pad(format(a.p50), 11), pad(format(a.p99), 10),
                  pad(format(b.p50), 12), pad(format(b.p99), 11))
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return "\(scaled)"
    }

    static func pad(_ value: some CustomStringConvertible, _ width: Int) -> String {
        let text = value.description
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
