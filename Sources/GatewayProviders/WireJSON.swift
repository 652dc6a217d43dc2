import Foundation
import GatewayCore
import JSONCore
import NIOCore
import NIOFoundationCompat

/// Every JSON document read from a provider passes here: its size and nesting depth are
/// checked in one linear pass before Foundation's decoder (which has no depth limit of its
/// own that fails gracefully) sees it.
enum WireJSON {
    /// What a provider's body or stream event may be: 32 MiB, 64 levels deep.
    static let limits = JSONLimits.document

    /// Decodes `T` from a body.
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        try body.withUnsafeReadableBytes { try JSONParser.checkBounds($0, limits: limits) }
        return try JSONDecoder().decode(type, from: body)
    }

    /// Decodes `T` from the text of an SSE event's data.
    static func decode<T: Decodable>(_ type: T.Type, fromText text: String) throws -> T {
        let bytes = Array(text.utf8)
        try JSONParser.checkBounds(bytes, limits: limits)
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    /// A JSON value from text (tool arguments), through the bounded parser.
    static func value(fromText text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(text, limits: limits)
    }
}
