import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("Gemini stream decoding")
struct GeminiStreamDecoderTests {
    static let stream = """
        data: {"candidates": [{"content": {"parts": [{"text": "The"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 6,"totalTokenCount": 6},"modelVersion": "gemini-2.0-flash"}\r
        \r
        data: {"candidates": [{"content": {"parts": [{"text": " quick brown fox — ünïcode"}],"role": "model"}}],"usageMetadata": {"promptTokenCount": 6,"totalTokenCount": 6},"modelVersion": "gemini-2.0-flash"}\r
        \r
        data: {"candidates": [{"content": {"parts": [{"text": " jumps."}],"role": "model"},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 6,"candidatesTokenCount": 9,"totalTokenCount": 15},"modelVersion": "gemini-2.0-flash"}\r
        \r

        """

    @Test("text chunks, finish and usage, in any chunking", arguments: awkwardChunkings)
    func textStream(chunkSize: Int) async throws {
        let events = try await streamEvents(Self.stream, decoder: GeminiStreamDecoder(), chunkSize: chunkSize)
        #expect(events == [
            .textDelta("The"), .textDelta(" quick brown fox — ünïcode"), .textDelta(" jumps."),
            .finished(.stop), .usage(Usage(inputTokens: 6, outputTokens: 9)),
        ])
    }

    @Test("function calls stream whole, with ids")
    func functionCalls() async throws {
        let stream = """
            data: {"candidates": [{"content": {"parts": [{"functionCall": {"name": "find", "args": {"q": "x"}}}, {"functionCall": {"id": "fc-2", "name": "open", "args": {}}}],"role": "model"},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 3,"candidatesTokenCount": 4}}


            """
        let events = try await streamEvents(stream, decoder: GeminiStreamDecoder(), chunkSize: 16)
        var accumulator = StreamAccumulator()
        events.forEach { accumulator.apply($0) }
        #expect(accumulator.toolCalls.map(\.name) == ["find", "open"])
        #expect(accumulator.toolCalls.map(\.arguments) == [#"{"q":"x"}"#, "{}"])
        #expect(accumulator.toolCalls[1].id == "fc-2")
        #expect(accumulator.toolCalls[0].id.hasPrefix("call_"))
        #expect(accumulator.finishReason == .toolCalls)
    }

    @Test("no chunk with a finishReason means the stream was interrupted")
    func cut() async {
        let cut = String(Self.stream[..<Self.stream.range(of: "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" jumps")!.lowerBound])
        let error = await caughtError { _ = try await streamEvents(cut, decoder: GeminiStreamDecoder(), chunkSize: 10) }
        #expect((error as? UpstreamError)?.kind == "stream_interrupted")
    }

    @Test("an in-stream error throws its HTTP twin")
    func inStreamError() {
        var decoder = GeminiStreamDecoder()
        #expect(throws: UpstreamError.overloaded(status: 503, message: "The model is overloaded.")) {
            _ = try decoder.decode(SSEEvent(data: #"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#))
        }
    }
}
