import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("OpenAI request mapping")
struct OpenAIRequestMappingTests {
    @Test("every canonical field reaches the Chat Completions body")
    func fullRequestFields() throws {
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(fullRequest, model: "gpt-4o", dialect: .openai, stream: false))
        #expect(json["model"] as? String == "gpt-4o")
        #expect(json["temperature"] as? Double == 0.5)
        #expect(json["top_p"] as? Double == 0.9)
        #expect(json["max_completion_tokens"] as? Int == 200)
        #expect(json["max_tokens"] == nil)
        #expect(json["stop"] as? [String] == ["END", "STOP"])
        #expect((json["response_format"] as? [String: Any])?["type"] as? String == "json_object")
        #expect(json["user"] as? String == "user-42")
        #expect(json["tool_choice"] as? String == "auto")
        #expect(json["stream"] == nil)

        let messages = try #require(json["messages"] as? [[String: Any]])
        #expect(messages.map { $0["role"] as? String } == ["system", "system", "user", "assistant", "tool", "user"])
        #expect(messages[0]["content"] as? String == "Be brief.")
        let parts = try #require(messages[2]["content"] as? [[String: Any]])
        #expect(parts[0]["type"] as? String == "text")
        #expect(parts[0]["text"] as? String == "What is in this image?")
        #expect(parts[1]["type"] as? String == "image_url")
        #expect((parts[1]["image_url"] as? [String: Any])?["url"] as? String == "https://example.com/cat.png")
        #expect(messages[3]["content"] == nil)
        let call = try #require((messages[3]["tool_calls"] as? [[String: Any]])?.first)
        #expect(call["id"] as? String == "call_1")
        #expect(call["type"] as? String == "function")
        #expect((call["function"] as? [String: Any])?["name"] as? String == "get_weather")
        #expect((call["function"] as? [String: Any])?["arguments"] as? String == #"{"city":"Paris"}"#)
        #expect(messages[4]["tool_call_id"] as? String == "call_1")
        #expect(messages[4]["content"] as? String == #"{"temp":21}"#)

        let tool = try #require((json["tools"] as? [[String: Any]])?.first)
        #expect(tool["type"] as? String == "function")
        let function = try #require(tool["function"] as? [String: Any])
        #expect(function["name"] as? String == "get_weather")
        #expect(function["description"] as? String == "Weather for a city")
        #expect((function["parameters"] as? [String: Any])?["type"] as? String == "object")
    }

    @Test("openai_compatible servers get max_tokens")
    func compatibleMaxTokens() throws {
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(fullRequest, model: "llama3", dialect: .compatible, stream: false))
        #expect(json["max_tokens"] as? Int == 200)
        #expect(json["max_completion_tokens"] == nil)
    }

    @Test("streaming asks for the usage chunk")
    func streamOptions() throws {
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(fullRequest, model: "gpt-4o", dialect: .openai, stream: true))
        #expect(json["stream"] as? Bool == true)
        #expect((json["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
    }

    @Test("a minimal request carries no optional fields")
    func minimal() throws {
        let request = ChatRequest(model: "a", messages: [ChatMessage(role: .user, text: "hi")])
        let json = try wireJSON(OpenAIRequestMapping.wireRequest(request, model: "gpt-4o", dialect: .openai, stream: false))
        #expect(Set(json.keys) == ["model", "messages"])
    }

    @Test("json_schema response format and every tool choice")
    func schemaAndToolChoices() throws {
        var request = fullRequest
        request.responseFormat = .jsonSchema(name: "answer", schema: .object(["type": .string("object")]))
        request.toolChoice = .function("get_weather")
        var json = try wireJSON(OpenAIRequestMapping.wireRequest(request, model: "m", dialect: .openai, stream: false))
        let format = try #require(json["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let schema = try #require(format["json_schema"] as? [String: Any])
        #expect(schema["name"] as? String == "answer")
        #expect((schema["schema"] as? [String: Any])?["type"] as? String == "object")
        let choice = try #require(json["tool_choice"] as? [String: Any])
        #expect(choice["type"] as? String == "function")
        #expect((choice["function"] as? [String: Any])?["name"] as? String == "get_weather")

        for (canonical, wire) in [(ToolChoice.none, "none"), (.required, "required"), (.auto, "auto")] {
            request.toolChoice = canonical
            json = try wireJSON(OpenAIRequestMapping.wireRequest(request, model: "m", dialect: .openai, stream: false))
            #expect(json["tool_choice"] as? String == wire)
        }
    }
}
