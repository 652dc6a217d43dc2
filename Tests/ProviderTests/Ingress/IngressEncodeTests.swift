import Foundation
import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

@Suite("Ingress response encoding")
struct IngressEncodeTests {
    @Test("chat.completion with text and usage")
    func response() throws {
        let response = ChatResponse(id: "chatcmpl-1", model: "x", text: "Hello \"you\"\n", finishReason: .length, usage: Usage(inputTokens: 3, outputTokens: 4))
        let json = try jsonObject(OpenAIIngress.encodeResponse(response, model: "fast", created: 1_700_000_000))
        #expect(json["id"] as? String == "chatcmpl-1")
        #expect(json["object"] as? String == "chat.completion")
        #expect(json["created"] as? Int == 1_700_000_000)
        #expect(json["model"] as? String == "fast")
        let choice = try #require((json["choices"] as? [[String: Any]])?.first)
        #expect(choice["index"] as? Int == 0)
        #expect(choice["finish_reason"] as? String == "length")
        let message = try #require(choice["message"] as? [String: Any])
        #expect(message["role"] as? String == "assistant")
        #expect(message["content"] as? String == "Hello \"you\"\n")
        #expect(message["tool_calls"] == nil)
        let usage = try #require(json["usage"] as? [String: Any])
        #expect(usage["prompt_tokens"] as? Int == 3)
        #expect(usage["completion_tokens"] as? Int == 4)
        #expect(usage["total_tokens"] as? Int == 7)
    }

    @Test("chat.completion with tool calls has null content")
    func toolCalls() throws {
        let response = ChatResponse(
            id: "c", model: "x", text: "", toolCalls: [ToolCall(id: "call_1", name: "f", arguments: #"{"a":"b"}"#)],
            finishReason: .toolCalls, usage: nil
        )
        let json = try jsonObject(OpenAIIngress.encodeResponse(response, model: "m", created: 0))
        let message = try #require(((json["choices"] as? [[String: Any]])?.first)?["message"] as? [String: Any])
        #expect(message["content"] is NSNull)
        let call = try #require((message["tool_calls"] as? [[String: Any]])?.first)
        #expect(call["id"] as? String == "call_1")
        #expect(call["type"] as? String == "function")
        #expect((call["function"] as? [String: Any])?["arguments"] as? String == #"{"a":"b"}"#)
        #expect(json["usage"] == nil)
    }

    @Test("errors use GatewayError's properties")
    func error() throws {
        let json = try jsonObject(OpenAIIngress.encodeError(.invalidRequest(message: "'temperature' bad", param: "temperature")))
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["message"] as? String == "'temperature' bad")
        #expect(error["type"] as? String == "invalid_request_error")
        #expect(error["param"] as? String == "temperature")
        #expect(error["code"] as? String == "invalid_request")
        let timeout = try #require(try jsonObject(OpenAIIngress.encodeError(.deadlineExceeded(milliseconds: 5))) ["error"] as? [String: Any])
        #expect(timeout["param"] is NSNull)
        #expect(timeout["type"] as? String == "timeout_error")
    }

    @Test("model list")
    func models() throws {
        let json = try jsonObject(OpenAIIngress.encodeModelList(["fast", "smart"], created: 1_790_000_000))
        #expect(json["object"] as? String == "list")
        let data = try #require(json["data"] as? [[String: Any]])
        #expect(data.map { $0["id"] as? String } == ["fast", "smart"])
        #expect(data.allSatisfy { $0["object"] as? String == "model" && $0["created"] as? Int == 1_790_000_000 && $0["owned_by"] as? String == "llm-gateway" })
        #expect(try (jsonObject(OpenAIIngress.encodeModelList([], created: 0))["data"] as? [Any])?.isEmpty == true)
    }
}
