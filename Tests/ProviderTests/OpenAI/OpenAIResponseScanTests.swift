import JSONCore
import NIOCore
import SeededRandom
import Testing

@testable import GatewayProviders

/// The one-pass read of plain `chat.completion` answers against the `Decodable` decode it
/// stands in for: for any body it gives that decode's answer or leaves the body to it (nil).
@Suite("OpenAI answer scan")
struct OpenAIResponseScanTests {
    static func decoded(_ text: String) -> OpenAIWireResponse? {
        try? ProviderHTTP.decodeJSON(OpenAIWireResponse.self, from: ByteBuffer(string: text))
    }

    static func plain(_ text: String) -> OpenAIWireResponse? {
        OpenAIWireResponse.plain(ByteBuffer(string: text), limits: .document)
    }

    static let plainAnswers = [
        #"{"id":"chatcmpl-9","object":"chat.completion","created":1700000000,"model":"gpt-4o","system_fingerprint":"fp_4","choices":[{"index":0,"message":{"role":"assistant","content":"Hi \"you\" é 😀\n","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}"#,
        #"{"choices":[{"message":{"content":null,"refusal":"I can't"},"finish_reason":"content_filter"}]}"#,
        #"{"choices":[{"index":1,"message":{"content":"b"}},{"index":0,"message":{"content":"a","tool_calls":null}}],"usage":null}"#,
        #"{"choices":[]}"#,
        #" { "choices" : [ { "message" : { } } ] , "usage" : { "prompt_tokens" : 1 , "completion_tokens" : 2 , "prompt_tokens_details" : null } } "#,
        #"{"object":"a","object":"b","choices":[],"usage":{"prompt_tokens":999999999999999,"completion_tokens":-3}}"#,
    ]

    @Test func plainAnswersReadAsTheDecodeReadsThem() throws {
        for text in Self.plainAnswers {
            let plain = try #require(Self.plain(text), "\(text)")
            #expect(plain == Self.decoded(text), "\(text)")
        }
    }

    @Test func toolCallsSurprisesAndBrokenBodiesAreLeftToTheDecode() {
        let left = [
            #"{"choices":[{"message":{"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}"#,
            #"{"id":"x"}"#, #"{"choices":null}"#, #"{"choices":[{}]}"#, #"{"choices":[{"message":null}]}"#,
            #"{"choices":[{"index":"0","message":{}}]}"#, #"{"choices":[{"index":1.0,"message":{}}]}"#, #"{"choices":[{"index":1e2,"message":{}}]}"#,
            #"{"choices":[],"usage":{"prompt_tokens":1}}"#, #"{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2.5}}"#,
            #"{"choices":[],"choices":[]}"#, #"{"choices":[{"message":{"content":1}}]}"#, #"{"choices":[]"#, #"{"choices":[]}x"#, #"[]"#,
            #"{"choices":[],"usage":{"prompt_tokens":99999999999999999999,"completion_tokens":1}}"#,
            #"{"choices":[],"usage":{"prompt_tokens":9007199254740993,"completion_tokens":1}}"#,
        ]
        for text in left {
            #expect(Self.plain(text) == nil, "\(text)")
        }
    }

    @Test func mutatedAnswersNeverGetAnAnswerTheDecodeWouldNotGive() {
        var mutator = ByteMutator(seed: 11, alphabet: Array(#"{}[],:"\ 0123456789.-eElnutrfas"#.utf8))
        let (wrong, answered) = plainReadDifferential(
            seeds: Self.plainAnswers, mutator: &mutator, count: 1_200, fast: Self.plain, thorough: Self.decoded)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(answered > 1_000, "the mutations that keep an answer plain are still read in one pass")
    }
}
