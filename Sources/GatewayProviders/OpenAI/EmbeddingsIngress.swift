import Foundation
import GatewayCore
import JSONCore
import NIOCore

/// `POST /v1/embeddings` in OpenAI's shape: the request, decoded and checked, and the
/// response for vectors computed elsewhere.
public enum EmbeddingsIngress {
    /// The most inputs one request may carry (OpenAI's limit).
    public static let maxInputs = 2048

    public struct Request: Sendable, Equatable {
        public var model: String
        public var inputs: [String]
        /// `encoding_format: base64`: little-endian float32 bytes, base64-encoded.
        public var base64: Bool
        public var dimensions: Int?
    }

    public static func decode(_ body: ByteBuffer, limits: JSONLimits) throws(GatewayError) -> Request {
        let object = try IngressObject.root(body, limits: limits, known: ["model", "input", "encoding_format", "dimensions", "user"]) { _ in
            "is not an embeddings field the gateway supports"
        }
        _ = try object.string("user")
        return Request(
            model: try object.requiredString("model"),
            inputs: try inputs(object),
            base64: try OpenAIIngress.oneOf(object, "encoding_format", ["float", "base64"]) == "base64",
            dimensions: try OpenAIIngress.integer(object, "dimensions", in: 1...4096))
    }

    /// `input`: a string or 1…2048 strings (token arrays are refused: token ids belong to
    /// another vendor's tokenizer).
    static func inputs(_ body: IngressObject) throws(GatewayError) -> [String] {
        switch body.value("input") {
        case .string(let text)?:
            return [text]
        case .array(let items)?:
            guard !items.isEmpty, items.count <= maxInputs else {
                throw IngressObject.invalid("input", "must hold 1 to \(maxInputs) strings")
            }
            var texts: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw IngressObject.invalid("input[\(index)]", "must be a string (token arrays are not supported)")
                }
                texts.append(text)
            }
            return texts
        default:
            throw IngressObject.invalid("input", "is required: a string or an array of strings")
        }
    }

    /// `{"object":"list","data":[{"object":"embedding","index","embedding"}],"model","usage"}`.
    public static func encodeResponse(_ vectors: [[Float]], model: String, promptTokens: Int, base64: Bool) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeStaticString("{\"object\":\"list\",\"data\":[")
        for (index, vector) in vectors.enumerated() {
            if index > 0 { out.writeStaticString(",") }
            out.writeStaticString("{\"object\":\"embedding\",\"index\":")
            out.writeJSONInteger(index)
            out.writeStaticString(",\"embedding\":")
            if base64 {
                out.writeJSONString(vector.withUnsafeBytes { Data($0) }.base64EncodedString())
            } else {
                out.writeStaticString("[")
                for (position, value) in vector.enumerated() {
                    if position > 0 { out.writeStaticString(",") }
                    out.writeString(value.isFinite ? String(value) : "0")
                }
                out.writeStaticString("]")
            }
            out.writeStaticString("}")
        }
        out.writeStaticString("],\"model\":")
        out.writeJSONString(model)
        out.writeStaticString(",\"usage\":{\"prompt_tokens\":")
        out.writeJSONInteger(promptTokens)
        out.writeStaticString(",\"total_tokens\":")
        out.writeJSONInteger(promptTokens)
        out.writeStaticString("}}")
        return out
    }
}
