import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("OpenAI stream decoding")
struct OpenAIStreamDecoderTests {
    static let textStream = """
        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Héllo"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" wörld 🌍"},"logprobs":null,"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

        data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}

        data: [DONE]


        """

    static let toolStream = """
        data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_DdmO9","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}\r
        \r
        data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"loc"}}]},"finish_reason":null}]}\r
        \r
        data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ation\\":\\"Paris\\"}"}}]},"finish_reason":null}]}\r
        \r
        data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}\r
        \r
        data: [DONE]\r
        \r

        """

    @Test("text chunks, finish and usage, in any chunking", arguments: awkwardChunkings)
    func textStream(chunkSize: Int) async throws {
        let events = try await streamEvents(Self.textStream, decoder: OpenAIStreamDecoder(), chunkSize: chunkSize)
        #expect(events == [
            .textDelta("Héllo"), .textDelta(" wörld 🌍"), .finished(.stop),
            .usage(Usage(inputTokens: 9, outputTokens: 4)),
        ])
    }

    @Test("tool-call deltas accumulate into one call", arguments: awkwardChunkings)
    func toolStream(chunkSize: Int) async throws {
        let events = try await streamEvents(Self.toolStream, decoder: OpenAIStreamDecoder(), chunkSize: chunkSize)
        var accumulator = StreamAccumulator()
        events.forEach { accumulator.apply($0) }
        #expect(accumulator.toolCalls == [ToolCall(id: "call_DdmO9", name: "get_weather", arguments: #"{"location":"Paris"}"#)])
        #expect(accumulator.finishReason == .toolCalls)
        #expect(accumulator.text == "")
    }

    @Test("a stream without [DONE] is interrupted")
    func missingDone() async {
        let cut = Self.textStream.replacingOccurrences(of: "data: [DONE]", with: "")
        let error = await caughtError { _ = try await streamEvents(cut, decoder: OpenAIStreamDecoder(), chunkSize: 5) }
        #expect((error as? UpstreamError)?.kind == "stream_interrupted")
    }

    @Test("an in-stream error object throws")
    func inStreamError() async {
        let stream = """
            data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}

            data: {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}


            """
        let error = await caughtError { _ = try await streamEvents(stream, decoder: OpenAIStreamDecoder(), chunkSize: 9) }
        #expect(error as? UpstreamError == .serverError(status: 500, message: "The server had an error while processing your request. Sorry about that!"))
        var decoder = OpenAIStreamDecoder()
        #expect(throws: UpstreamError.rateLimited(retryAfter: nil, message: "slow down")) {
            _ = try decoder.decode(SSEEvent(data: #"{"error":{"message":"slow down","type":"rate_limit_exceeded"}}"#))
        }
    }

    @Test("an undecodable chunk is a malformed response")
    func garbage() {
        var decoder = OpenAIStreamDecoder()
        #expect(throws: UpstreamError.self) { _ = try decoder.decode(SSEEvent(data: "{not json")) }
    }

    /// The trim skips Foundation for data that needs none; data padded with spaces, tabs or
    /// other Unicode spaces still decodes as before, and `[DONE]` still ends the stream.
    @Test func paddedChunkDataDecodesLikeUnpadded() throws {
        let chunk = #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"#
        var plain = OpenAIStreamDecoder()
        let expected = try plain.decode(SSEEvent(data: chunk))
        #expect(expected == [.textDelta("hi")])
        for padded in [" " + chunk, chunk + "\t", "\u{00A0}" + chunk + " \t"] {
            var decoder = OpenAIStreamDecoder()
            #expect(try decoder.decode(SSEEvent(data: padded)) == expected, "\(padded.debugDescription)")
        }
        var done = OpenAIStreamDecoder()
        #expect(try done.decode(SSEEvent(data: " [DONE] ")).isEmpty)
        #expect(done.isComplete)
        #expect(OpenAIStreamDecoder.trimmed(chunk) == chunk)
    }

    /// The chunk is read from the bounded parser's tree with `decodeIfPresent`'s rules: null
    /// members are absent, usage details come through, a member of the wrong type is a
    /// malformed response naming where it is.
    @Test func chunkMembersOfTheWrongTypeNameTheirPath() throws {
        var decoder = OpenAIStreamDecoder()
        let withDetails = #"{"choices":null,"usage":{"prompt_tokens":9,"completion_tokens":4,"prompt_tokens_details":{"cached_tokens":8},"completion_tokens_details":{"reasoning_tokens":2}}}"#
        #expect(try decoder.decode(SSEEvent(data: withDetails)) == [
            .usage(Usage(inputTokens: 9, outputTokens: 4, cachedInputTokens: 8, reasoningTokens: 2))
        ])
        for (chunk, path) in [
            (#"{"choices":[{"index":0,"delta":{"content":7}}]}"#, "choices[0].delta.content"),
            (#"{"choices":[{"index":1.5,"delta":{}}]}"#, "choices[0].index"),
            (#"{"choices":{"index":0}}"#, "choices"),
            (#"{"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":["x"]}}]}}]}"#, "choices[0].delta.tool_calls[0].function.arguments"),
            (#"{"usage":{"completion_tokens":4}}"#, "usage.prompt_tokens"),
            (#"[1,2]"#, "chunk"),
        ] {
            do {
                _ = try decoder.decode(SSEEvent(data: chunk))
                Issue.record("\(chunk) decoded")
            } catch let error as UpstreamError {
                #expect("\(error)".contains(path), "\(chunk): \(error)")
            }
        }
    }
}
