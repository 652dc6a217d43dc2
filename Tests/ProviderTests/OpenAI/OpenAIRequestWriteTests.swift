import Foundation
import JSONCore
import NIOCore
import NIOFoundationCompat
import Testing

@testable import GatewayProviders

/// The request body written by hand against the `Encodable` encoding it replaces: the
/// same JSON document (compared as parsed trees, member order aside) for every member.
@Suite("OpenAI request writer")
struct OpenAIRequestWriteTests {
    static func encodable(_ request: OpenAIWireRequest) throws -> JSONValue {
        let data = try JSONEncoder().encode(request)
        return try JSONParser.parse(Array(data), limits: .document)
    }

    static func written(_ request: OpenAIWireRequest) throws -> JSONValue {
        let body = try #require(request.jsonBody())
        return try JSONParser.parse(Array(body.readableBytesView), limits: .document)
    }

    static var everyMember: OpenAIWireRequest {
        var request = OpenAIWireRequest(
            model: "gpt-4o",
            messages: [
                OpenAIWireMessage(role: "system", content: .text("Be \"brief\".\n\tÜnïcode 😀 \u{01}"), name: nil, toolCalls: nil, toolCallID: nil),
                OpenAIWireMessage(
                    role: "user",
                    content: .parts([
                        OpenAIWirePart(type: "text", text: "look", imageURL: nil),
                        OpenAIWirePart(type: "image_url", text: nil, imageURL: OpenAIWireImageURL(url: "https://x.test/a.png?b=1&c=/d")),
                    ]), name: "dana", toolCalls: nil, toolCallID: nil),
                OpenAIWireMessage(
                    role: "assistant", content: nil, name: nil,
                    toolCalls: [OpenAIWireToolCall(id: "call_1", type: "function", function: OpenAIWireFunctionCall(name: "f", arguments: #"{"a":1}"#))],
                    toolCallID: nil),
                OpenAIWireMessage(role: "tool", content: .text("42"), name: nil, toolCalls: nil, toolCallID: "call_1"),
            ],
            temperature: 0.7, topP: 1, maxTokens: 100, maxCompletionTokens: 200, stop: ["\n\n", "END"],
            responseFormat: OpenAIWireResponseFormat(
                type: "json_schema",
                jsonSchema: OpenAIWireJSONSchema(
                    name: "answer", schema: .object(["type": .string("object"), "required": .array([.string("a")]), "x": .number(2.5)]), strict: true)),
            user: "u-1",
            tools: [
                OpenAIWireTool(function: OpenAIWireFunction(name: "f", description: "does f", parameters: .object(["type": .string("object")]), strict: false)),
                OpenAIWireTool(function: OpenAIWireFunction(name: "g", description: nil, parameters: nil, strict: nil)),
            ],
            toolChoice: .function("f"), stream: true, streamOptions: OpenAIWireStreamOptions(includeUsage: true), n: 2, seed: 7,
            presencePenalty: -0.5, frequencyPenalty: 0.25, logitBias: ["50256": -100, "11": 5], logprobs: true, topLogprobs: 3,
            parallelToolCalls: false, reasoningEffort: "low", metadata: ["k": "v", "w": "z"], store: false, serviceTier: "auto")
        request.extra = ["vendor_knob": .object(["deep": .array([.null, .bool(true), .number(1e-7)])]), "model": .string("never overwrites")]
        return request
    }

    @Test func everyMemberIsWrittenAsTheEncoderWritesIt() throws {
        let request = Self.everyMember
        #expect(try Self.written(request) == Self.encodable(request))
    }

    @Test func aMinimalRequestAndTheOtherToolChoiceFormsMatchToo() throws {
        var request = OpenAIWireRequest(
            model: "m", messages: [OpenAIWireMessage(role: "user", content: .text("hi"), name: nil, toolCalls: nil, toolCallID: nil)])
        #expect(try Self.written(request) == Self.encodable(request))
        request.toolChoice = .mode("required")
        request.responseFormat = OpenAIWireResponseFormat(type: "json_object", jsonSchema: nil)
        #expect(try Self.written(request) == Self.encodable(request))
    }

    @Test func aNumberJSONCannotHoldIsLeftToTheEncoder() {
        var request = Self.everyMember
        request.temperature = .nan
        #expect(request.jsonBody() == nil)
        request = Self.everyMember
        request.extra = ["x": .number(.infinity)]
        #expect(request.jsonBody() == nil)
    }
}
