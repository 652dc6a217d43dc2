import Foundation
import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

/// Issue 13, part 1: every documented field a client sends is decoded and reaches an
/// OpenAI upstream; unknown fields travel in `extra`; bad values are named.
@Suite("Request fields pass through")
struct PassThroughTests {
    static let body = """
        {"model":"fast","messages":[{"role":"user","content":"hi"}],
         "seed":42,"presence_penalty":0.5,"frequency_penalty":-0.25,"logit_bias":{"50256":-100},
         "logprobs":true,"top_logprobs":3,"parallel_tool_calls":false,"reasoning_effort":"low",
         "metadata":{"team":"sales"},"store":true,"service_tier":"flex",
         "response_format":{"type":"json_schema","json_schema":{"name":"plan","strict":true,"schema":{"type":"object"}}},
         "tools":[{"type":"function","function":{"name":"lookup","strict":true,"parameters":{"type":"object"}}}],
         "vendor_knob":{"depth":2}}
        """

    static func decoded() throws -> ChatRequest {
        try OpenAIIngress.decodeRequest(ByteBuffer(string: body))
    }

    @Test func everyDocumentedFieldIsDecoded() throws {
        let request = try Self.decoded()
        #expect(request.options.seed == 42)
        #expect(request.options.presencePenalty == 0.5)
        #expect(request.options.frequencyPenalty == -0.25)
        #expect(request.options.logitBias == ["50256": -100])
        #expect(request.options.logprobs == true)
        #expect(request.options.topLogprobs == 3)
        #expect(request.options.parallelToolCalls == false)
        #expect(request.options.reasoningEffort == "low")
        #expect(request.service == ServiceOptions(metadata: ["team": "sales"], store: true, serviceTier: "flex"))
        #expect(request.responseFormat == .jsonSchema(name: "plan", schema: .object(["type": .string("object")]), strict: true))
        #expect(request.tools.first?.strict == true)
        #expect(request.extra == ["vendor_knob": .object(["depth": .number(2)])])
    }

    @Test func everyFieldReachesAnOpenAIUpstream() throws {
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(try Self.decoded(), model: "gpt-4o", dialect: .openai, stream: false))
        #expect(json["seed"] as? Int == 42)
        #expect(json["presence_penalty"] as? Double == 0.5)
        #expect(json["frequency_penalty"] as? Double == -0.25)
        #expect((json["logit_bias"] as? [String: Any])?["50256"] as? Int == -100)
        #expect(json["logprobs"] as? Bool == true)
        #expect(json["top_logprobs"] as? Int == 3)
        #expect(json["parallel_tool_calls"] as? Bool == false)
        #expect(json["reasoning_effort"] as? String == "low")
        #expect((json["metadata"] as? [String: Any])?["team"] as? String == "sales")
        #expect(json["store"] as? Bool == true)
        #expect(json["service_tier"] as? String == "flex")
        let schema = try #require((json["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])
        #expect(schema["strict"] as? Bool == true)
        let function = try #require((json["tools"] as? [[String: Any]])?.first?["function"] as? [String: Any])
        #expect(function["strict"] as? Bool == true)
        #expect((json["vendor_knob"] as? [String: Any])?["depth"] as? Int == 2)
    }

    @Test func anExtraFieldNeverOverwritesADocumentedOne() throws {
        var request = try Self.decoded()
        request.extra["model"] = .string("sneaky")
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(request, model: "gpt-4o", dialect: .openai, stream: false))
        #expect(json["model"] as? String == "gpt-4o")
    }

    @Test(arguments: [
        (#""seed":1.5"#, "seed"),
        (#""presence_penalty":3"#, "presence_penalty"),
        (#""logit_bias":{"abc":1}"#, "logit_bias.abc"),
        (#""logit_bias":{"1":101}"#, "logit_bias.1"),
        (#""top_logprobs":2"#, "top_logprobs"),
        (#""reasoning_effort":"max""#, "reasoning_effort"),
        (#""service_tier":"gold""#, "service_tier"),
        (#""metadata":{"a":1}"#, "metadata.a"),
    ])
    func badValuesAreNamed(member: String, param: String) {
        let body = #"{"model":"fast","messages":[{"role":"user","content":"hi"}],"# + member + "}"
        #expect {
            _ = try OpenAIIngress.decodeRequest(ByteBuffer(string: body))
        } throws: { error in
            guard case GatewayError.invalidRequest(_, let named) = error else { return false }
            return named == param
        }
    }

    /// The README's field table is `FieldSupport.markdownTable`, so the adapters and the
    /// documentation cannot drift apart.
    @Test func theReadmeCarriesTheFieldTable() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(FieldSupport.markdownTable), "README.md's field table differs from FieldSupport.rows")
    }
}
