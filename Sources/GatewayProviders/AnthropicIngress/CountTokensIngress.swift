import Foundation
import GatewayCore
import JSONCore
import NIOCore

/// `POST /v1/messages/count_tokens`: a Messages request without `max_tokens`, checked as
/// `/v1/messages` checks its fields, then forwarded as it came with the route's model id.
public enum CountTokensIngress {
    /// The fields the gateway forwards; others are refused by name.
    static let knownFields: Set<String> = ["model", "messages", "system", "tools", "tool_choice"]

    /// A checked request: the alias it names and the body to forward.
    public struct Request: Sendable {
        public var alias: String
        var members: [String: JSONValue]

        /// The body with `model` set to the provider's model id.
        public func body(model: String) throws(GatewayError) -> ByteBuffer {
            var members = members
            members["model"] = .string(model)
            do {
                return ByteBuffer(bytes: try JSONEncoder().encode(JSONValue.object(members)))
            } catch {
                throw .invalidRequest(message: "the request cannot be encoded as JSON", param: nil)
            }
        }
    }

    public static func decode(_ body: ByteBuffer, limits: JSONLimits) throws(GatewayError) -> Request {
        let object = try IngressObject.root(body, limits: limits, known: knownFields) { key in
            AnthropicIngress.refusedFields[key] ?? "is not a count_tokens field the gateway forwards"
        }
        guard case .string(let model)? = object.value("model") else {
            throw IngressObject.invalid("model", "is required and must be a string")
        }
        guard let items = try object.array("messages"), !items.isEmpty else {
            throw IngressObject.invalid("messages", "must be a non-empty array of messages")
        }
        _ = try AnthropicIngress.system(object)
        for (index, item) in items.enumerated() {
            _ = try AnthropicIngressMessages.messages(item, path: "messages[\(index)]")
        }
        let tools = try AnthropicIngressMessages.tools(object)
        _ = try AnthropicIngressMessages.toolChoice(object, tools: tools)
        return Request(alias: model, members: object.members)
    }

    /// `{"input_tokens": N}`.
    public static func encodeResponse(inputTokens: Int) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("{\"input_tokens\":")
        out.writeJSONInteger(inputTokens)
        out.writeStaticString("}")
        return out
    }
}
