import GatewayCore
import Testing

@testable import GatewayProviders

@Suite("Gemini request mapping")
struct GeminiRequestMappingTests {
    @Test("every canonical field reaches the generateContent body")
    func fullRequestFields() throws {
        let json = try wireJSON(GeminiRequestMapping.wireRequest(fullRequest))
        let system = try #require(json["systemInstruction"] as? [String: Any])
        #expect((system["parts"] as? [[String: Any]])?.first?["text"] as? String == "Be brief.\n\nAnswer in English.")

        let config = try #require(json["generationConfig"] as? [String: Any])
        #expect(config["temperature"] as? Double == 0.5)
        #expect(config["topP"] as? Double == 0.9)
        #expect(config["maxOutputTokens"] as? Int == 200)
        #expect(config["stopSequences"] as? [String] == ["END", "STOP"])
        #expect(config["responseMimeType"] as? String == "application/json")

        let declarations = try #require((json["tools"] as? [[String: Any]])?.first?["functionDeclarations"] as? [[String: Any]])
        #expect(declarations.first?["name"] as? String == "get_weather")
        #expect(declarations.first?["description"] as? String == "Weather for a city")
        #expect((declarations.first?["parametersJsonSchema"] as? [String: Any])?["type"] as? String == "object")
        let toolConfig = try #require((json["toolConfig"] as? [String: Any])?["functionCallingConfig"] as? [String: Any])
        #expect(toolConfig["mode"] as? String == "AUTO")

        let contents = try #require(json["contents"] as? [[String: Any]])
        #expect(contents.map { $0["role"] as? String } == ["user", "model", "user"])
        let userParts = try #require(contents[0]["parts"] as? [[String: Any]])
        #expect(userParts[0]["text"] as? String == "What is in this image?")
        #expect((userParts[1]["fileData"] as? [String: Any])?["fileUri"] as? String == "https://example.com/cat.png")
        let call = try #require((contents[1]["parts"] as? [[String: Any]])?.first?["functionCall"] as? [String: Any])
        #expect(call["name"] as? String == "get_weather")
        #expect((call["args"] as? [String: Any])?["city"] as? String == "Paris")
        // The tool result (named after the call it answers) and the next user turn merge.
        let last = try #require(contents[2]["parts"] as? [[String: Any]])
        let result = try #require(last[0]["functionResponse"] as? [String: Any])
        #expect(result["name"] as? String == "get_weather")
        #expect((result["response"] as? [String: Any])?["temp"] as? Int == 21)
        #expect(last[1]["text"] as? String == "And tomorrow?")
    }

    @Test("a plain request has contents only")
    func minimal() throws {
        let request = ChatRequest(model: "a", messages: [ChatMessage(role: .user, text: "hi")])
        let json = try wireJSON(GeminiRequestMapping.wireRequest(request))
        #expect(Set(json.keys) == ["contents"])
    }

    @Test("tool choices", arguments: [
        (ToolChoice.auto, "AUTO", nil), (.none, "NONE", nil), (.required, "ANY", nil), (.function("get_weather"), "ANY", ["get_weather"]),
    ] as [(ToolChoice, String, [String]?)])
    func toolChoices(choice: ToolChoice, mode: String, names: [String]?) throws {
        var request = fullRequest
        request.toolChoice = choice
        let json = try wireJSON(GeminiRequestMapping.wireRequest(request))
        let config = try #require((json["toolConfig"] as? [String: Any])?["functionCallingConfig"] as? [String: Any])
        #expect(config["mode"] as? String == mode)
        #expect(config["allowedFunctionNames"] as? [String] == names)
    }

    @Test("JSON schema, inline images and non-JSON tool results")
    func schemaImagesResults() throws {
        let request = ChatRequest(
            model: "a",
            messages: [
                ChatMessage(role: .user, parts: [.imageURL("data:image/jpeg;base64,/9j/4AAQ")]),
                ChatMessage(role: .assistant, parts: [], toolCalls: [ToolCall(id: "c9", name: "lookup", arguments: "{}")]),
                ChatMessage(role: .tool, parts: [.text("plain text result")], toolCallID: "c9"),
            ],
            responseFormat: .jsonSchema(name: "x", schema: .object(["type": .string("object")]))
        )
        let json = try wireJSON(GeminiRequestMapping.wireRequest(request))
        let config = try #require(json["generationConfig"] as? [String: Any])
        #expect(config["responseMimeType"] as? String == "application/json")
        #expect((config["responseJsonSchema"] as? [String: Any])?["type"] as? String == "object")
        let contents = try #require(json["contents"] as? [[String: Any]])
        let inline = try #require((contents[0]["parts"] as? [[String: Any]])?.first?["inlineData"] as? [String: Any])
        #expect(inline["mimeType"] as? String == "image/jpeg")
        #expect(inline["data"] as? String == "/9j/4AAQ")
        let result = try #require((contents[2]["parts"] as? [[String: Any]])?.first?["functionResponse"] as? [String: Any])
        #expect(result["name"] as? String == "lookup")
        #expect((result["response"] as? [String: Any])?["content"] as? String == "plain text result")
    }

    @Test("the URL names the model and the method; the key never appears in it")
    func urls() {
        #expect(GeminiProvider.url(base: "http://h", model: "gemini-2.0-flash", stream: false) == "http://h/v1beta/models/gemini-2.0-flash:generateContent")
        #expect(GeminiProvider.url(base: "http://h", model: "models/gemini-2.0-flash", stream: true) == "http://h/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse")
    }
}
