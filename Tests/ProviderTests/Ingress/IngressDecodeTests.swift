import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

@Suite("Ingress request decoding")
struct IngressDecodeTests {
    func decode(_ json: String) throws(GatewayError) -> ChatRequest {
        try OpenAIIngress.decodeRequest(buffer(json))
    }

    @Test("string content, sampling fields, stream options; unknown fields ignored")
    func simple() throws {
        let request = try decode("""
            {"model":"fast","messages":[{"role":"developer","content":"Be nice."},{"role":"user","content":"Hi","name":"ann"}],
             "temperature":1,"top_p":0.5,"max_tokens":64,"stop":"END","user":"u1","stream":true,
             "stream_options":{"include_usage":true},"seed":7,"logit_bias":{},"n":1,"parallel_tool_calls":true}
            """)
        #expect(request.model == "fast")
        #expect(request.messages == [ChatMessage(role: .system, text: "Be nice."), ChatMessage(role: .user, parts: [.text("Hi")], name: "ann")])
        #expect(request.temperature == 1)
        #expect(request.topP == 0.5)
        #expect(request.maxTokens == 64)
        #expect(request.stop == ["END"])
        #expect(request.user == "u1")
        #expect(request.stream)
        #expect(request.includeUsage)
        #expect(request.responseFormat == nil)
        #expect(request.tools.isEmpty)
    }

    @Test("content parts, tools, tool calls, stop array, json_object")
    func full() throws {
        let request = try decode("""
            {"model":"m","messages":[
               {"role":"system","content":[{"type":"text","text":"sys"}]},
               {"role":"user","content":[{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"https://x/y.png","detail":"low"}}]},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"42"}],
             "tools":[{"type":"function","function":{"name":"f","description":"does f","parameters":{"type":"object","properties":{"a":{"type":"integer"}}}}}],
             "tool_choice":{"type":"function","function":{"name":"f"}},
             "stop":["a","b"],"max_completion_tokens":10,"max_tokens":99,
             "response_format":{"type":"json_object"}}
            """)
        #expect(request.messages[0] == ChatMessage(role: .system, parts: [.text("sys")]))
        #expect(request.messages[1].parts == [.text("look"), .imageURL("https://x/y.png")])
        #expect(request.messages[2].parts.isEmpty)
        #expect(request.messages[2].toolCalls == [ToolCall(id: "call_1", name: "f", arguments: #"{"a":1}"#)])
        #expect(request.messages[3].toolCallID == "call_1")
        #expect(request.messages[3].text == "42")
        #expect(request.tools.count == 1)
        #expect(request.tools[0].name == "f")
        #expect(request.tools[0].description == "does f")
        #expect(request.tools[0].parameters?["type"] == .string("object"))
        #expect(request.toolChoice == .function("f"))
        #expect(request.stop == ["a", "b"])
        #expect(request.maxTokens == 10)
        #expect(request.responseFormat == .jsonObject)
        #expect(!request.stream)
    }

    @Test("json_schema response format and string tool choices")
    func schema() throws {
        let request = try decode("""
            {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required",
             "response_format":{"type":"json_schema","json_schema":{"name":"out","strict":true,"schema":{"type":"object"}}}}
            """)
        #expect(request.responseFormat == .jsonSchema(name: "out", schema: .object(["type": .string("object")]), strict: true))
        #expect(request.toolChoice == .required)
    }

    @Test("invalid JSON names no param")
    func invalidJSON() {
        #expect {
            _ = try decode(#"{"model": "m", "messages": ["#)
        } throws: { error in
            guard case .invalidRequest(let message, let param) = error as? GatewayError else { return false }
            return message.hasPrefix("request body is not valid JSON: ") && param == nil
        }
        #expect(throws: GatewayError.invalidRequest(message: "request body must be a JSON object", param: nil)) {
            _ = try decode("[1,2]")
        }
    }

    static let user = #"{"role":"user","content":"hi"}"#

    @Test("each invalid field is named in param", arguments: [
        (#"{"messages":[\#(user)]}"#, "model"),
        (#"{"model":7,"messages":[\#(user)]}"#, "model"),
        (#"{"model":"m"}"#, "messages"),
        (#"{"model":"m","messages":[]}"#, "messages"),
        (#"{"model":"m","messages":{"role":"user"}}"#, "messages"),
        (#"{"model":"m","messages":[\#(user),"hi"]}"#, "messages[1]"),
        (#"{"model":"m","messages":[\#(user),\#(user),{"role":"wizard","content":"x"}]}"#, "messages[2].role"),
        (#"{"model":"m","messages":[{"content":"x"}]}"#, "messages[0].role"),
        (#"{"model":"m","messages":[{"role":"user","content":5}]}"#, "messages[0].content"),
        (#"{"model":"m","messages":[{"role":"user"}]}"#, "messages[0].content"),
        (#"{"model":"m","messages":[{"role":"user","content":[{"type":"audio"}]}]}"#, "messages[0].content[0].type"),
        (#"{"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]}"#, "messages[0].content[0].text"),
        (#"{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]}"#, "messages[0].content[0].image_url.url"),
        (#"{"model":"m","messages":[{"role":"tool","content":"x"}]}"#, "messages[0].tool_call_id"),
        (#"{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{}}]}]}"#, "messages[0].tool_calls[0].function.name"),
        (#"{"model":"m","messages":[\#(user)],"temperature":2.5}"#, "temperature"),
        (#"{"model":"m","messages":[\#(user)],"temperature":-0.1}"#, "temperature"),
        (#"{"model":"m","messages":[\#(user)],"temperature":"hot"}"#, "temperature"),
        (#"{"model":"m","messages":[\#(user)],"top_p":1.5}"#, "top_p"),
        (#"{"model":"m","messages":[\#(user)],"max_tokens":0}"#, "max_tokens"),
        (#"{"model":"m","messages":[\#(user)],"max_tokens":1.5}"#, "max_tokens"),
        (#"{"model":"m","messages":[\#(user)],"max_completion_tokens":-5}"#, "max_completion_tokens"),
        (#"{"model":"m","messages":[\#(user)],"stop":5}"#, "stop"),
        (#"{"model":"m","messages":[\#(user)],"stop":["a",1]}"#, "stop"),
        (#"{"model":"m","messages":[\#(user)],"response_format":{"type":"yaml"}}"#, "response_format.type"),
        (#"{"model":"m","messages":[\#(user)],"response_format":"json"}"#, "response_format"),
        (#"{"model":"m","messages":[\#(user)],"response_format":{"type":"json_schema"}}"#, "response_format.json_schema"),
        (#"{"model":"m","messages":[\#(user)],"tools":{}}"#, "tools"),
        (#"{"model":"m","messages":[\#(user)],"tools":[{"type":"retrieval"}]}"#, "tools[0].type"),
        (#"{"model":"m","messages":[\#(user)],"tools":[{"type":"function"}]}"#, "tools[0].function"),
        (#"{"model":"m","messages":[\#(user)],"tools":[{"type":"function","function":{"name":"f","parameters":"x"}}]}"#, "tools[0].function.parameters"),
        (#"{"model":"m","messages":[\#(user)],"tool_choice":"sometimes"}"#, "tool_choice"),
        (#"{"model":"m","messages":[\#(user)],"tool_choice":"required"}"#, "tool_choice"),
        (#"{"model":"m","messages":[\#(user)],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}}"#, "tool_choice.function.name"),
        (#"{"model":"m","messages":[\#(user)],"stream":"yes"}"#, "stream"),
        (#"{"model":"m","messages":[\#(user)],"stream_options":{"include_usage":1}}"#, "stream_options.include_usage"),
        (#"{"model":"m","messages":[\#(user)],"n":9}"#, "n"),
        (#"{"model":"m","messages":[\#(user)],"n":0}"#, "n"),
    ])
    func invalid(json: String, param: String) {
        do {
            _ = try decode(json)
            Issue.record("accepted \(json)")
        } catch {
            guard case .invalidRequest(let message, let got) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(got == param, "\(json)")
            #expect(message.contains(param))
        }
    }
}
