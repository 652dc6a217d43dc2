import JSONCore
import Testing

@testable import Simulator

@Suite("Simulator structured output: schema instances, tool-call rules, stop sequences")
struct StructuredTests {
    private func schema(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text, limits: .request)
    }

    @Test func minimalInstanceFillsRequiredPropertiesWithTypedValues() throws {
        let value = SimStructured.minimalInstance(of: try schema("""
            {"type":"object","required":["name","age","tags","when","ok","kind"],
             "properties":{"name":{"type":"string","minLength":5},"age":{"type":"integer","minimum":18},
               "tags":{"type":"array","items":{"type":"string"},"minItems":2},"when":{"type":"string","format":"date"},
               "ok":{"type":"boolean"},"kind":{"enum":["lead","customer"]},"note":{"type":"string"}}}
            """))
        #expect(value == .object([
            "name": .string("simxx"), "age": .number(18), "tags": .array([.string("sim"), .string("sim")]),
            "when": .string("2026-01-01"), "ok": .bool(false), "kind": .string("lead"),
        ]))
    }

    @Test func minimalInstanceResolvesReferencesAndPicksNonNullOptions() throws {
        let value = SimStructured.minimalInstance(of: try schema("""
            {"type":"object","properties":{"owner":{"$ref":"#/$defs/Person"},"reason":{"anyOf":[{"type":"null"},{"type":"string"}]}},
             "$defs":{"Person":{"type":"object","properties":{"email":{"type":"string","format":"email"}},"required":["email"]}}}
            """))
        #expect(value == .object(["owner": .object(["email": .string("sim@example.com")]), "reason": .string("sim")]))
    }

    @Test func selfReferenceStopsAtTheDepthLimit() throws {
        let looping = try schema(##"{"$ref":"#"}"##)
        #expect(SimStructured.minimalInstance(of: looping) == .null)
    }

    @Test func toolCallRules() throws {
        let tools = [
            SimTool(name: "book_meeting", parameters: try schema(#"{"type":"object","properties":{"day":{"type":"string"}},"required":["day"]}"#)),
            SimTool(name: "lookup_price", parameters: .object([:])),
        ]
        let auto = SimStructured.toolCall(tools: tools, choice: .auto, lastUserMessage: "Please book meeting for Tuesday", number: 3)
        #expect(auto == SimToolCall(id: "call_sim_3", name: "book_meeting", arguments: #"{"day":"sim"}"#))
        #expect(SimStructured.toolCall(tools: tools, choice: .auto, lastUserMessage: "hello", number: 1) == nil)
        #expect(SimStructured.toolCall(tools: tools, choice: .none, lastUserMessage: "book_meeting", number: 1) == nil)
        #expect(SimStructured.toolCall(tools: tools, choice: .required, lastUserMessage: "hi", number: 1)?.name == "book_meeting")
        #expect(SimStructured.toolCall(tools: tools, choice: .named("lookup_price"), lastUserMessage: "hi", number: 1)?.arguments == "{}")
        #expect(SimStructured.toolCall(tools: tools, choice: .named("missing"), lastUserMessage: "hi", number: 1) == nil)
    }

    @Test func stopSequenceEndsTheAnswerBeforeTheFirstOneItContains() {
        let answer = SimAnswer(raw: "one two. three END four", forcedTokens: nil, maxTokens: nil, tokensPerChunk: 1, stop: ["END", "."])
        #expect(answer.text == "one two")
        #expect(answer.stopSequence == ".")
        let untouched = SimAnswer(raw: "one two", forcedTokens: nil, maxTokens: nil, tokensPerChunk: 1, stop: ["zzz", ""])
        #expect(untouched.text == "one two" && untouched.stopSequence == nil)
    }

    @Test func requestsReadToolsChoicesSchemasAndStopsInEveryFormat() throws {
        let openAI = try SimRequest.parse(Array("""
            {"model":"m","messages":[{"role":"user","content":"hi"}],"stop":"\\n",
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
             "tool_choice":{"type":"function","function":{"name":"f"}},
             "response_format":{"type":"json_schema","json_schema":{"name":"s","schema":{"type":"object"}}}}
            """.utf8), format: .openAI, pathModel: nil, pathStream: false)
        #expect(openAI.tools.map(\.name) == ["f"] && openAI.toolChoice == .named("f") && openAI.stop == ["\n"])
        #expect(openAI.responseSchema == .object(["type": .string("object")]))

        let anthropic = try SimRequest.parse(Array("""
            {"model":"m","max_tokens":5,"messages":[{"role":"user","content":"hi"}],"stop_sequences":["a","b"],
             "tools":[{"name":"g","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"}}
            """.utf8), format: .anthropic, pathModel: nil, pathStream: false)
        #expect(anthropic.tools.map(\.name) == ["g"] && anthropic.toolChoice == .required && anthropic.stop == ["a", "b"])

        let gemini = try SimRequest.parse(Array("""
            {"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":{"stopSequences":["z"],"responseMimeType":"application/json",
             "responseSchema":{"type":"object"}},"tools":[{"functionDeclarations":[{"name":"h","parameters":{"type":"object"}}]}],
             "toolConfig":{"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["h"]}}}
            """.utf8), format: .gemini, pathModel: "x", pathStream: false)
        #expect(gemini.tools.map(\.name) == ["h"] && gemini.toolChoice == .named("h") && gemini.stop == ["z"])
        #expect(gemini.jsonMode && gemini.responseSchema != nil)
    }
}
