import Foundation
import HTTPServerGuards
import Hummingbird
import JSONCore
import SalesCore

/// `POST /v1/sessions` body: `{"id"?: string, "context"?: {"slot": "value"}}`, all optional.
struct CreateSessionBody: Sendable, Equatable {
    var id: String?
    var context: SlotValues

    init(id: String? = nil, context: SlotValues = SlotValues()) {
        self.id = id
        self.context = context
    }

    /// Parses an object body; unknown top-level keys are ignored.
    init(_ fields: [String: JSONValue]) throws(APIError) {
        switch fields["id"] {
        case nil, .null: id = nil
        case .string(let value): id = value
        case .some(let other): throw .invalidField(name: "id", problem: "must be a string, got \(other.typeName)")
        }
        switch fields["context"] {
        case nil, .null: context = SlotValues()
        case .object(let entries): context = try Self.slots(entries)
        case .some(let other): throw .invalidField(name: "context", problem: "must be an object of slot values, got \(other.typeName)")
        }
    }

    private static func slots(_ entries: [String: JSONValue]) throws(APIError) -> SlotValues {
        var values = SlotValues()
        for name in entries.keys.sorted() {
            guard let slot = Slot(rawValue: name) else { throw .unknownSlot(name) }
            guard case .string(let value) = entries[name] else {
                throw .invalidField(name: "context.\(name)", problem: "must be a string, got \(entries[name]?.typeName ?? "nothing")")
            }
            values[slot] = value
        }
        return values
    }
}

/// `POST /v1/sessions/{id}/messages` body: `{"message": "...", "stream"?: bool}`.
struct MessageBody: Sendable, Equatable {
    var message: String
    var stream: Bool

    /// Parses an object body; unknown top-level keys are ignored.
    init(_ fields: [String: JSONValue]) throws(APIError) {
        switch fields["message"] {
        case nil: throw .invalidMessage("'message' is required")
        case .string(let text):
            guard text.contains(where: { !$0.isWhitespace }) else { throw .invalidMessage("'message' must not be empty") }
            message = text
        case .some(let other): throw .invalidMessage("'message' must be a string, got \(other.typeName)")
        }
        switch fields["stream"] {
        case nil, .null: stream = false
        case .bool(let value): stream = value
        case .some(let other): throw .invalidField(name: "stream", problem: "must be a boolean, got \(other.typeName)")
        }
    }
}

/// Reads a request body: checks the media type and size, then decodes a JSON object.
enum JSONBodyReader {
    /// The largest body accepted.
    static let limitBytes = 64 * 1024
    /// Size and nesting bounds of a body: 64 KiB, 64 levels.
    static let limits = JSONLimits(maxBytes: limitBytes, maxDepth: 64)

    /// The body's top-level object; nil when the body is empty and `optional`.
    static func object(_ request: inout Request, optional: Bool) async throws(APIError) -> [String: JSONValue]? {
        let contentType = request.headers[.contentType]
        if let contentType, !MediaType.isJSON(contentType) { throw .unsupportedMediaType(contentType) }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limitBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw .payloadTooLarge(limitBytes: limitBytes)
        } catch {
            throw .malformedJSON("the body could not be read")
        }
        if body.readableBytes == 0, optional { return nil }
        guard contentType != nil else { throw .unsupportedMediaType("(none)") }
        let value: JSONValue
        do {
            value = try body.withUnsafeReadableBytes { try JSONParser.parse($0, limits: limits) }
        } catch let error as JSONParseError {
            throw .malformedJSON(error.description)
        } catch {
            throw .malformedJSON("cannot parse")
        }
        guard case .object(let fields) = value else { throw .bodyNotObject }
        return fields
    }
}
