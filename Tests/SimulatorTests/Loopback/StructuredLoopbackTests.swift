import Foundation
import Testing

@testable import Simulator

/// Tool calls and schema answers as each provider's clients read them, JSON and streamed.
@Suite("Simulator structured output over loopback")
struct StructuredLoopbackTests {
    private let parameters: [String: Any] = [
        "type": "object", "properties": ["day": ["type": "string"], "seats": ["type": "integer", "minimum": 2]],
        "required": ["day", "seats"],
    ]

    private func arguments(_ text: String?) throws -> [String: Any] {
        let text = try #require(text)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func openAIToolCallJSONAndStream() async throws {
        try await withSim(try zeroProfile()) { server in
            let tools: [[String: Any]] = [["type": "function", "function": ["name": "book_meeting", "parameters": parameters]]]
            let response = try await send(
                server, "/v1/chat/completions", json: openAIBody("please book meeting", extra: ["tools": tools]))
            let choice = try #require((try response.json()["choices"] as? [[String: Any]])?.first)
            #expect(choice["finish_reason"] as? String == "tool_calls")
            let message = try #require(choice["message"] as? [String: Any])
            #expect(message["content"] is NSNull)
            let call = try #require((message["tool_calls"] as? [[String: Any]])?.first)
            let function = try #require(call["function"] as? [String: Any])
            #expect(call["type"] as? String == "function" && function["name"] as? String == "book_meeting")
            let args = try arguments(function["arguments"] as? String)
            #expect(args["day"] as? String == "sim" && args["seats"] as? Int == 2)

            let streamed = try await sendStreaming(
                server, "/v1/chat/completions",
                json: openAIBody("hi", stream: true, extra: ["tools": tools, "tool_choice": "required"]))
            let chunks = try parseSSE(streamed.body).dropLast().map { try $0.json() }
            let deltas = chunks.compactMap { ($0["choices"] as? [[String: Any]])?.first }
            let fragments = deltas.compactMap { (($0["delta"] as? [String: Any])?["tool_calls"] as? [[String: Any]])?.first }
            #expect(fragments.first?["id"] as? String != nil)
            let joined = fragments.compactMap { ($0["function"] as? [String: Any])?["arguments"] as? String }.joined()
            #expect(try arguments(joined)["seats"] as? Int == 2)
            #expect(deltas.last?["finish_reason"] as? String == "tool_calls")
        }
    }

    @Test func openAIJSONSchemaAnswerMatchesTheSchemaAndStopEndsText() async throws {
        try await withSim(try zeroProfile()) { server in
            let format: [String: Any] = ["type": "json_schema", "json_schema": ["name": "slot", "schema": parameters, "strict": true]]
            let response = try await send(
                server, "/v1/chat/completions", json: openAIBody("what day?", extra: ["response_format": format]))
            let message = (try response.json()["choices"] as? [[String: Any]])?.first?["message"] as? [String: Any]
            let args = try arguments(message?["content"] as? String)
            #expect(args["day"] as? String == "sim" && args["seats"] as? Int == 2)

            let stopped = try await send(server, "/v1/chat/completions", json: openAIBody("alpha beta gamma", extra: ["stop": ["beta"]]))
            let choice = (try stopped.json()["choices"] as? [[String: Any]])?.first
            #expect((choice?["message"] as? [String: Any])?["content"] as? String == "echo: alpha ")
            #expect(choice?["finish_reason"] as? String == "stop")
        }
    }

    @Test func anthropicToolUseJSONAndStream() async throws {
        try await withSim(try zeroProfile()) { server in
            let body: [String: Any] = [
                "model": "claude-sim", "max_tokens": 64,
                "messages": [["role": "user", "content": "hi"]],
                "tools": [["name": "book_meeting", "input_schema": parameters]],
                "tool_choice": ["type": "tool", "name": "book_meeting"],
            ]
            let json = try await send(server, "/v1/messages", json: body).json()
            #expect(json["stop_reason"] as? String == "tool_use")
            let block = try #require((json["content"] as? [[String: Any]])?.first)
            #expect(block["type"] as? String == "tool_use" && block["name"] as? String == "book_meeting")
            #expect((block["input"] as? [String: Any])?["seats"] as? Int == 2)

            var streaming = body
            streaming["stream"] = true
            let events = parseSSE(try await sendStreaming(server, "/v1/messages", json: streaming).body)
            let start = try #require(events.first { $0.event == "content_block_start" }).json()
            #expect((start["content_block"] as? [String: Any])?["type"] as? String == "tool_use")
            let partial = try events.filter { $0.event == "content_block_delta" }
                .compactMap { (try $0.json()["delta"] as? [String: Any])?["partial_json"] as? String }.joined()
            #expect(try arguments(partial)["day"] as? String == "sim")
            let delta = try #require(events.first { $0.event == "message_delta" }).json()
            #expect((delta["delta"] as? [String: Any])?["stop_reason"] as? String == "tool_use")

            var stopping = body
            stopping["tools"] = nil
            stopping["tool_choice"] = nil
            stopping["messages"] = [["role": "user", "content": "one two three"]]
            stopping["stop_sequences"] = ["two"]
            let stopped = try await send(server, "/v1/messages", json: stopping).json()
            #expect(stopped["stop_reason"] as? String == "stop_sequence" && stopped["stop_sequence"] as? String == "two")
        }
    }

    @Test func geminiFunctionCallAndResponseSchema() async throws {
        try await withSim(try zeroProfile()) { server in
            let body: [String: Any] = [
                "contents": [["role": "user", "parts": [["text": "hi"]]]],
                "tools": [["functionDeclarations": [["name": "book_meeting", "parameters": parameters]]]],
                "toolConfig": ["functionCallingConfig": ["mode": "ANY"]],
            ]
            let json = try await send(server, "/v1beta/models/gemini-sim:generateContent", json: body).json()
            let part = ((json["candidates"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["parts"] as? [[String: Any]]
            let call = try #require(part?.first?["functionCall"] as? [String: Any])
            #expect(call["name"] as? String == "book_meeting" && (call["args"] as? [String: Any])?["seats"] as? Int == 2)

            let schemaBody: [String: Any] = [
                "contents": [["role": "user", "parts": [["text": "hi"]]]],
                "generationConfig": ["responseMimeType": "application/json", "responseSchema": parameters],
            ]
            let answer = try await send(server, "/v1beta/models/gemini-sim:generateContent", json: schemaBody).json()
            let text = (((answer["candidates"] as? [[String: Any]])?.first?["content"] as? [String: Any])?["parts"] as? [[String: Any]])?
                .first?["text"] as? String
            #expect(try arguments(text)["day"] as? String == "sim")
        }
    }
}
