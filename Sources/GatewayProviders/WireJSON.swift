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

    /// One decoder for every document: it has no per-document state (default options),
    /// and making one per streamed chunk was a measurable part of the chunk relay.
    private static let decoder = JSONDecoder()

    /// Decodes `T` from a body.
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        try body.withUnsafeReadableBytes { try JSONParser.checkBounds($0, limits: limits) }
        return try decoder.decode(type, from: body)
    }

    /// Decodes `T` from the text of an SSE event's data: one copy of the bytes, checked
    /// and decoded in place.
    static func decode<T: Decodable>(_ type: T.Type, fromText text: String) throws -> T {
        let data = Data(text.utf8)
        try data.withUnsafeBytes { try JSONParser.checkBounds($0, limits: limits) }
        return try decoder.decode(type, from: data)
    }

    /// A JSON value from text (tool arguments), through the bounded parser.
    static func value(fromText text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(text, limits: limits)
    }
}
