import SeededRandom
import GatewayCache
import GatewayCore
import Testing

@Suite("Cached answer codec")
struct CachedAnswerCodecTests {
    static let samples: [CachedAnswer] = [
        Fixtures.answer(now: Fixtures.t0),
        CachedAnswer(
            text: "", toolCalls: [
                ToolCall(id: "call_1", name: "weather", arguments: #"{"city":"Zürich"}"#),
                ToolCall(id: "call_2", name: "time", arguments: "{}"),
            ],
            finishReason: .toolCalls, usage: nil, provider: "anthropic", model: "claude-x",
            createdAt: CacheInstant(millisecondsSince1970: 0), expiresAt: CacheInstant(millisecondsSince1970: -5)),
        Fixtures.answer(text: String(repeating: "ünïcødé 🚀 ", count: 500), now: Fixtures.t0, ttl: .seconds(86_400 * 365)),
    ]

    @Test(arguments: samples)
    func roundTrips(answer: CachedAnswer) throws {
        let bytes = CachedAnswerCodec.encode(answer)
        #expect(Array(bytes.prefix(4)) == Array("GWCA".utf8))
        #expect(try CachedAnswerCodec.decode(bytes) == answer)
    }

    @Test func foreignBytesAreRejected() {
        #expect(throws: CachedAnswerDecodingError.foreignBytes) { try CachedAnswerCodec.decode(Array(#"{"text":"hi"}"#.utf8)) }
        #expect(throws: CachedAnswerDecodingError.foreignBytes) { try CachedAnswerCodec.decode([UInt8]()) }
    }

    @Test func anotherVersionIsRejected() {
        var bytes = CachedAnswerCodec.encode(Self.samples[0])
        bytes[4] = 9
        #expect(throws: CachedAnswerDecodingError.unsupportedVersion(9)) { try CachedAnswerCodec.decode(bytes) }
    }

    @Test func everyTruncationIsAnError() {
        let bytes = CachedAnswerCodec.encode(Self.samples[1])
        for length in 0..<bytes.count {
            #expect(throws: CachedAnswerDecodingError.self) { try CachedAnswerCodec.decode(bytes.prefix(length)) }
        }
    }

    @Test func trailingBytesAreAnError() {
        let bytes = CachedAnswerCodec.encode(Self.samples[0]) + [0]
        #expect(throws: CachedAnswerDecodingError.corrupt) { try CachedAnswerCodec.decode(bytes) }
    }

    @Test func randomAndMutatedBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        let valid = CachedAnswerCodec.encode(Self.samples[1])
        for round in 0..<5_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                if round % 4 == 0 { bytes = CachedAnswerCodec.magic + [CachedAnswerCodec.version] + bytes }
            } else {
                bytes = valid
                for _ in 0..<3 {
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            }
            // Either an answer or an error; reaching the next round is the assertion.
            _ = try? CachedAnswerCodec.decode(bytes)
        }
    }
}
