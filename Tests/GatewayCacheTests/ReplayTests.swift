import GatewayCache
import GatewayCore
import Testing

@Suite("SSE replay events")
struct ReplayTests {
    func fold(_ events: [StreamEvent]) -> StreamAccumulator {
        var accumulator = StreamAccumulator()
        for event in events { accumulator.apply(event) }
        return accumulator
    }

    @Test func textReplaysInPiecesAndFoldsBack() {
        let answer = Fixtures.answer(text: String(repeating: "Grüße 🚀 ", count: 30), now: Fixtures.t0)
        let events = answer.streamEvents(chunkCharacters: 16)
        #expect(events.filter(\.isContent).count == (answer.text.count + 15) / 16)
        #expect(events.suffix(2) == [.finished(.stop), .usage(Usage(inputTokens: 12, outputTokens: 3))])
        let folded = fold(events)
        #expect(folded.text == answer.text)
        #expect(folded.finishReason == .stop)
        #expect(folded.usage == answer.usage)
    }

    @Test func toolCallsReplayWholeAndAStoredStreamRoundTrips() {
        var answer = Fixtures.answer(text: "", now: Fixtures.t0)
        answer.toolCalls = [ToolCall(id: "c1", name: "weather", arguments: #"{"city":"Paris"}"#), ToolCall(id: "c2", name: "time", arguments: "{}")]
        answer.finishReason = .toolCalls
        answer.usage = nil
        let folded = fold(answer.streamEvents())
        #expect(folded.toolCalls == answer.toolCalls)
        #expect(folded.finishReason == .toolCalls)
        #expect(folded.usage == nil)
        let stored = CachedAnswer(
            response: folded.response(id: "x", model: answer.model), provider: answer.provider,
            now: answer.createdAt, ttl: answer.expiresAt - answer.createdAt)
        #expect(stored == answer)
    }
}
