import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

@Suite("Anthropic request mapping")
struct AnthropicRequestMappingTests {
    @Test("every canonical field reaches the Messages body")
    func fullRequestFields() throws {
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(fullRequest, model: "claude-sonnet-4-5", stream: false))
        #expect(json["model"] as? String == "claude-sonnet-4-5")
        #expect(json["max_tokens"] as? Int == 200)
        #expect(json["system"] as? String == "Be brief.\n\nAnswer in English.")
        #expect(json["temperature"] as? Double == 0.5)
        #expect(json["top_p"] as? Double == 0.9)
        #expect(json["stop_sequences"] as? [String] == ["END", "STOP"])
        #expect((json["metadata"] as? [String: Any])?["user_id"] as? String == "user-42")
        // JSON was asked for beside a tool: the answer is a call of the tool or of the JSON tool.
        #expect((json["tool_choice"] as? [String: Any])?["type"] as? String == "any")
        #expect((json["tools"] as? [[String: Any]])?.map { $0["name"] as? String } == ["get_weather", "json_answer"])
        #expect(json["stream"] == nil)

        let tool = try #require((json["tools"] as? [[String: Any]])?.first)
        #expect(tool["name"] as? String == "get_weather")
        #expect(tool["description"] as? String == "Weather for a city")
        #expect((tool["input_schema"] as? [String: Any])?["type"] as? String == "object")

        let messages = try #require(json["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["user", "assistant", "user"])
        let first = try #require(messages[0]["content"] as? [[String: Any]])
        #expect(first[0]["type"] as? String == "text")
        #expect(first[0]["text"] as? String == "What is in this image?")
        #expect(first[1]["type"] as? String == "image")
        let source = try #require(first[1]["source"] as? [String: Any])
        #expect(source["type"] as? String == "url")
        #expect(source["url"] as? String == "https://example.com/cat.png")

        let toolUse = try #require((messages[1]["content"] as? [[String: Any]])?.first)
        #expect(toolUse["type"] as? String == "tool_use")
        #expect(toolUse["id"] as? String == "call_1")
        #expect(toolUse["name"] as? String == "get_weather")
        #expect((toolUse["input"] as? [String: Any])?["city"] as? String == "Paris")

        // The tool result and the next user message merge into one user turn.
        let last = try #require(messages[2]["content"] as? [[String: Any]])
        #expect(last.count == 2)
        #expect(last[0]["type"] as? String == "tool_result")
        #expect(last[0]["tool_use_id"] as? String == "call_1")
        #expect(last[0]["content"] as? String == #"{"temp":21}"#)
        #expect(last[1]["text"] as? String == "And tomorrow?")
    }

    @Test("max_tokens defaults to the model's output limit; no system when there is none; stream flag")
    func defaults() throws {
        let request = ChatRequest(model: "a", messages: [ChatMessage(role: .user, text: "hi")])
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(request, model: "claude", stream: true))
        #expect(json["max_tokens"] as? Int == AnthropicModelLimits.unknownModelLimit)
        #expect(json["system"] == nil)
        #expect(json["stream"] as? Bool == true)
        #expect(Set(json.keys) == ["model", "max_tokens", "messages", "stream"])
    }

    @Test("consecutive same-role messages merge")
    func mergesSameRole() throws {
        let request = ChatRequest(model: "a", messages: [
            ChatMessage(role: .user, text: "one"),
            ChatMessage(role: .user, text: "two"),
            ChatMessage(role: .assistant, text: "three"),
            ChatMessage(role: .system, text: "late system"),
            ChatMessage(role: .assistant, text: "four"),
            ChatMessage(role: .user, text: "five"),
        ])
        let wire = AnthropicRequestMapping.wireRequest(request, model: "claude", stream: false)
        #expect(wire.messages.map(\.role) == ["user", "assistant", "user"])
        #expect(wire.messages.map(\.content.count) == [2, 2, 1])
        #expect(wire.system == "late system")
    }

    @Test("tool choices", arguments: [
        (ToolChoice.auto, "auto", nil), (.required, "any", nil), (.none, "none", nil), (.function("get_weather"), "tool", "get_weather"),
    ] as [(ToolChoice, String, String?)])
    func toolChoices(choice: ToolChoice, type: String, name: String?) throws {
        var request = fullRequest
        request.toolChoice = choice
        request.responseFormat = nil
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(request, model: "claude", stream: false))
        let wire = try #require(json["tool_choice"] as? [String: Any])
        #expect(wire["type"] as? String == type)
        #expect(wire["name"] as? String == name)
    }

    @Test("data URL images go as base64; temperature is clamped to Anthropic's range")
    func imagesAndTemperature() throws {
        let request = ChatRequest(
            model: "a",
            messages: [ChatMessage(role: .user, parts: [.imageURL("data:image/png;base64,iVBORw0KGgo=")])],
            temperature: 1.7
        )
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(request, model: "claude", stream: false))
        #expect(json["temperature"] as? Double == 1.0)
        let block = try #require(((json["messages"] as? [[String: Any]])?.first?["content"] as? [[String: Any]])?.first)
        let source = try #require(block["source"] as? [String: Any])
        #expect(source["type"] as? String == "base64")
        #expect(source["media_type"] as? String == "image/png")
        #expect(source["data"] as? String == "iVBORw0KGgo=")
    }
}

/// Issue 13: what Anthropic has no field for is translated faithfully (JSON through a forced
/// tool, the model's output limit, parallel tool use) or refused by name.
@Suite("Anthropic translations and refusals")
struct AnthropicTranslationTests {
    static let schema: JSONValue = .object([
        "type": .string("object"), "properties": .object(["plan": .object(["type": .string("string")])]),
        "required": .array([.string("plan")]),
    ])

    @Test func jsonSchemaBecomesAForcedToolWithTheSchema() throws {
        var request = ChatRequest(model: "fast", messages: [ChatMessage(role: .user, text: "Which plan?")])
        request.responseFormat = .jsonSchema(name: "choice", schema: Self.schema)
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(request, model: "claude-sonnet-4-5", stream: false))
        let tools = try #require(json["tools"] as? [[String: Any]])
        #expect(tools.count == 1)
        #expect(tools[0]["name"] as? String == "json_answer")
        #expect((tools[0]["input_schema"] as? [String: Any])?["required"] as? [String] == ["plan"])
        let choice = try #require(json["tool_choice"] as? [String: Any])
        #expect(choice["type"] as? String == "tool")
        #expect(choice["name"] as? String == "json_answer")
        #expect(json["max_tokens"] as? Int == 64_000, "claude-sonnet-4-5's output limit, not a guess")
    }

    @Test func theJSONToolsCallIsTheAnswersContent() throws {
        let body = #"{"id":"msg_1","model":"claude","stop_reason":"tool_use","content":[{"type":"tool_use","id":"t1","name":"json_answer","input":{"plan":"pro"}}],"usage":{"input_tokens":3,"output_tokens":4}}"#
        var request = ChatRequest(model: "fast", messages: [ChatMessage(role: .user, text: "Which plan?")])
        request.responseFormat = .jsonObject
        let answer = try AnthropicResponseMapping.response(
            from: ByteBuffer(string: body), model: "claude", jsonAnswer: AnthropicRequestMapping.answersThroughJSONTool(request))
        #expect(answer.text == #"{"plan":"pro"}"#)
        #expect(answer.toolCalls.isEmpty)
        #expect(answer.finishReason == .stop)
    }

    @Test func parallelToolCallsFalseDisablesParallelToolUse() throws {
        var request = ChatRequest(
            model: "fast", messages: [ChatMessage(role: .user, text: "hi")], tools: [ToolDefinition(name: "lookup")])
        request.options.parallelToolCalls = false
        let json = try wireJSON(AnthropicRequestMapping.wireRequest(request, model: "claude", stream: false))
        #expect((json["tool_choice"] as? [String: Any])?["disable_parallel_tool_use"] as? Bool == true)
    }

    @Test func fieldsAnthropicCannotHonourAreNamed() {
        var request = ChatRequest(model: "fast", messages: [ChatMessage(role: .user, text: "hi")])
        request.options.seed = 7
        request.options.logprobs = true
        request.extra = ["vendor_knob": .bool(true)]
        #expect(FieldSupport.refused(in: request, by: .anthropic) == ["seed", "logprobs", "vendor_knob"])
        #expect(FieldSupport.refused(in: request, by: .gemini) == ["vendor_knob"], "Gemini has seed and logprobs")
        #expect(FieldSupport.refused(in: request, by: .openai).isEmpty)
    }
}
