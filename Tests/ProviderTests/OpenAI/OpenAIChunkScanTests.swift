import JSONCore
import SeededRandom
import Testing

@testable import GatewayProviders

/// The relay's one-pass read of plain chunks against the tree read it stands in for: for any
/// chunk it gives the tree's answer or leaves the chunk to it (nil), never a third answer.
@Suite("OpenAI chunk scan")
struct OpenAIChunkScanTests {
    static func tree(_ text: String) -> OpenAIWireChunk? {
        guard let json = try? JSONParser.parse(text, limits: .document) else { return nil }
        return try? OpenAIWireChunk(json: json)
    }

    static func plain(_ text: String) -> OpenAIWireChunk? {
        OpenAIWireChunk.plain(text, limits: .document)
    }

    static let plainChunks = [
        #"{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"c","choices":[{"index":0,"delta":{"content":"Hello \"world\"\n\u00e9 😀"},"finish_reason":null}]}"#,
        #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}"#,
        #"{"choices":[{"index":1,"delta":{"refusal":"no"},"finish_reason":"content_filter"},{"index":0,"delta":{"content":"a"}}]}"#,
        #"{"choices":[]}"#,
        #"{"choices":null,"error":null}"#,
        #"  { "choices" : [ { "index" : 0 , "delta" : { "content" : null , "tool_calls" : null } } ] }  "#,
        #"{"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null,"logprobs":{"content":[{"token":"x","logprob":-0.1,"bytes":[120],"top_logprobs":[]}]}}]}"#,
        #"{"choices":[{"index":2.0,"delta":null}]}"#,
    ]

    @Test func plainChunksReadAsTheTreeReadsThem() throws {
        for text in Self.plainChunks {
            let plain = try #require(Self.plain(text), "\(text)")
            #expect(plain == Self.tree(text), "\(text)")
        }
    }

    @Test func chunksWithToolCallsUsageErrorsOrSurprisesAreLeftToTheTree() {
        let left = [
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"f","arguments":"{"}}]}}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#,
            #"{"error":{"message":"overloaded","type":"server_error"}}"#,
            #"{"choices":[{"index":"0"}]}"#, #"{"choices":[{"index":0.5}]}"#, #"{"choices":[{"delta":{"content":5}}]}"#,
            #"{"choices":{}}"#, #"{"choices":[1]}"#, #"[]"#, #"{"choices":[{"index":0,"index":1}]}"#, #"{"choices":[],"choices":[]}"#,
            #"{"choices":[{"delta":{"content":"a","content":"b"}}]}"#, #"{"choices":[]"#, #"{"choices":[]} x"#, #"{"choices":[{"delta":{"content":"\x"}}]}"#,
        ]
        for text in left {
            #expect(Self.plain(text) == nil, "\(text)")
        }
    }

    @Test func mutatedChunksNeverGetAnAnswerTheTreeWouldNotGive() {
        var mutator = ByteMutator(seed: 7, alphabet: Array(#"{}[],:"\ 0123456789.-nultrefasx"#.utf8) + [0xC3, 0xA9, 0xFF, 0x01])
        let (wrong, answered) = plainReadDifferential(
            seeds: Self.plainChunks, mutator: &mutator, count: 1_500, fast: Self.plain, thorough: Self.tree)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(answered > 1_000, "the mutations that keep a chunk plain are still read in one pass")
    }
}
