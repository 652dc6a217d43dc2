import Foundation
import GatewayCore
import NIOCore

/// The inputs the benchmarks reuse: a typical agent request, a 400-token upstream stream in
/// OpenAI's wire format (what the simulator and OpenAI send), and policies of two sizes.
enum Fixtures {
    /// A chat request as the sales agent sends it: a system prompt, six turns of history,
    /// one tool and a JSON schema answer format (~2.5 KB).
    static let chatRequest: ByteBuffer = {
        let system = String(repeating: "You are a concise, friendly sales assistant for a helpdesk product. ", count: 10)
        var messages = [#"{"role":"system","content":"\#(system)"}"#]
        for turn in 0..<3 {
            messages.append(#"{"role":"user","content":"Turn \#(turn): we run support for 40 agents on Zendesk and the renewal is in March."}"#)
            messages.append(#"{"role":"assistant","content":"Thanks: what would make switching worth it before March, \#(turn)?"}"#)
        }
        let tool = #"{"type":"function","function":{"name":"record_slot","description":"Record a slot","parameters":{"type":"object","properties":{"name":{"type":"string"},"value":{"type":"string"}},"required":["name","value"]}}}"#
        let format = #"{"type":"json_schema","json_schema":{"name":"detect","strict":true,"schema":{"type":"object","properties":{"situation":{"type":"string"},"confidence":{"type":"number"}},"required":["situation","confidence"]}}}"#
        let body = #"{"model":"fast","temperature":0.2,"max_tokens":300,"messages":[\#(messages.joined(separator: ","))],"tools":[\#(tool)],"response_format":\#(format)}"#
        return ByteBuffer(string: body)
    }()

    /// One streamed answer as an OpenAI upstream sends it: the role chunk, 100 content chunks
    /// of about four tokens, the finish chunk, the usage chunk and `[DONE]` (103 chunks).
    static let upstreamStream: ByteBuffer = {
        func chunk(_ choices: String, usage: String = "") -> String {
            #"data: {"id":"chatcmpl-9x8Y7w6V5u","object":"chat.completion.chunk","created":1764720000,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_0ba0d124f1","choices":\#(choices)\#(usage)}"# + "\n\n"
        }
        var text = chunk(#"[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]"#)
        for index in 0..<100 {
            text += chunk(#"[{"index":0,"delta":{"content":" word\#(index) and more"},"logprobs":null,"finish_reason":null}]"#)
        }
        text += chunk(#"[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]"#)
        text += chunk("[]", usage: #","usage":{"prompt_tokens":420,"completion_tokens":400,"total_tokens":820}"#)
        text += "data: [DONE]\n\n"
        return ByteBuffer(string: text)
    }()

    /// The upstream body as the transport hands it over: pieces of about 1 KB.
    static let upstreamPieces: [ByteBuffer] = {
        var whole = upstreamStream
        var pieces: [ByteBuffer] = []
        while whole.readableBytes > 0 {
            pieces.append(whole.readSlice(length: min(1024, whole.readableBytes))!)
        }
        return pieces
    }()

    /// A policy with `aliases` aliases over four providers; lookups ask for the last one.
    static func policy(aliases: Int) throws -> Policy {
        var yaml = "providers:\n"
        for provider in 0..<4 { yaml += "  p\(provider): {kind: openai_compatible, base_url: sim}\n" }
        yaml += "models:\n"
        for alias in 0..<aliases {
            yaml += "  alias-\(alias): {strategy: fallback, routes: [{provider: p\(alias % 4), model: m\(alias)}, {provider: p\((alias + 1) % 4), model: m\(alias)}]}\n"
        }
        return try PolicyLoader.parse(yaml: yaml, file: "bench-policy.yaml")
    }
}
