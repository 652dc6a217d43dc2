import Foundation
import GatewayCore
import NIOCore
import Testing

@testable import GatewayProviders

@Suite("OpenAI chunk encoder")
struct ChunkEncoderTests {
    let encoder = OpenAIChunkEncoder(id: "chatcmpl-9", model: "fast", created: 1_700_000_000)

    /// The JSON payload of one `data: ...\n\n` frame.
    func payload(_ frame: ByteBuffer?) throws -> [String: Any] {
        let text = String(buffer: try #require(frame))
        #expect(text.hasPrefix("data: "))
        #expect(text.hasSuffix("\n\n"))
        return try jsonObject(buffer(String(text.dropFirst(6).dropLast(2))))
    }

    func delta(_ json: [String: Any]) throws -> [String: Any] {
        try #require(((json["choices"] as? [[String: Any]])?.first)?["delta"] as? [String: Any])
    }

    @Test("role chunk, text, finish, usage, done")
    func sequence() throws {
        let role = try payload(encoder.roleChunk())
        #expect(role["id"] as? String == "chatcmpl-9")
        #expect(role["object"] as? String == "chat.completion.chunk")
        #expect(role["created"] as? Int == 1_700_000_000)
        #expect(role["model"] as? String == "fast")
        #expect(try delta(role)["role"] as? String == "assistant")
        #expect(try delta(role)["content"] as? String == "")

        #expect(try delta(payload(encoder.encode(.textDelta("Hi"), includeUsage: false)))["content"] as? String == "Hi")
        #expect(encoder.encode(.textDelta(""), includeUsage: true) == nil)

        let finish = try payload(encoder.encode(.finished(.contentFilter), includeUsage: false))
        #expect(((finish["choices"] as? [[String: Any]])?.first)?["finish_reason"] as? String == "content_filter")
        #expect(try delta(finish).isEmpty)

        #expect(encoder.encode(.usage(Usage(inputTokens: 1, outputTokens: 2)), includeUsage: false) == nil)
        let usage = try payload(encoder.encode(.usage(Usage(inputTokens: 1, outputTokens: 2)), includeUsage: true))
        #expect((usage["choices"] as? [Any])?.isEmpty == true)
        #expect((usage["usage"] as? [String: Any])?["total_tokens"] as? Int == 3)

        #expect(String(buffer: encoder.done()) == "data: [DONE]\n\n")
    }

    @Test("tool-call deltas: first with id and name, then argument fragments")
    func toolDeltas() throws {
        let first = try delta(payload(encoder.encode(.toolCallDelta(ToolCallDelta(index: 1, id: "call_x", name: "f", argumentsFragment: "")), includeUsage: false)))
        let call = try #require((first["tool_calls"] as? [[String: Any]])?.first)
        #expect(call["index"] as? Int == 1)
        #expect(call["id"] as? String == "call_x")
        #expect(call["type"] as? String == "function")
        #expect((call["function"] as? [String: Any])?["name"] as? String == "f")
        let next = try delta(payload(encoder.encode(.toolCallDelta(ToolCallDelta(index: 1, argumentsFragment: #"{"q":"\n"}"#)), includeUsage: false)))
        let fragment = try #require((next["tool_calls"] as? [[String: Any]])?.first)
        #expect(fragment["id"] == nil)
        #expect((fragment["function"] as? [String: Any])?["name"] == nil)
        #expect((fragment["function"] as? [String: Any])?["arguments"] as? String == #"{"q":"\n"}"#)
    }

    @Test("error event")
    func errorEvent() throws {
        let json = try payload(encoder.errorEvent(message: "upstream \"failed\"", type: "upstream_error", code: "all_providers_failed"))
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["message"] as? String == "upstream \"failed\"")
        #expect(error["type"] as? String == "upstream_error")
        #expect(error["code"] as? String == "all_providers_failed")
        #expect(error["param"] is NSNull)
    }

    @Test("the escaper round-trips unicode and every control character", arguments: [
        "plain", "quote \" backslash \\ slash /", "tab\tnewline\nreturn\rbell\u{07}nul\u{00}esc\u{1B}unit\u{1F}",
        "ünïcödé — 日本語 — 🌍👩‍👩‍👧", "\u{2028}\u{2029}\u{7F}", "", String((0..<32).map { Character(UnicodeScalar(UInt8($0))) }),
    ])
    func escaping(text: String) throws {
        let json = try delta(payload(encoder.encode(.textDelta(text.isEmpty ? " " : text), includeUsage: false)))
        #expect(json["content"] as? String == (text.isEmpty ? " " : text))
        var raw = ByteBuffer()
        raw.writeJSONString(text)
        let parsed = try JSONSerialization.jsonObject(with: Data(buffer: raw), options: [.fragmentsAllowed])
        #expect(parsed as? String == text)
        #expect(!String(buffer: raw).unicodeScalars.dropFirst().dropLast().contains { $0.value < 0x20 })
    }

    @Test("control characters use short escapes or \\u00XX")
    func escapeForms() {
        var raw = ByteBuffer()
        raw.writeJSONString("\n\t\u{01}\u{1F}\"\\")
        #expect(String(buffer: raw) == #""\n\t\u0001\u001f\"\\""#)
    }

    @Test("ids and models with special characters are escaped too")
    func escapedPrefix() throws {
        let odd = OpenAIChunkEncoder(id: "id\"1", model: "m\\odel\n", created: 5)
        let json = try payload(odd.roleChunk())
        #expect(json["id"] as? String == "id\"1")
        #expect(json["model"] as? String == "m\\odel\n")
    }
}
