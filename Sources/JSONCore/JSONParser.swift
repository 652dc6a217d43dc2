/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``: one pass whose cost is
/// linear in the input, the size checked before any work and the nesting depth checked as
/// it grows, so no document can cost more than its length or overflow the stack.
/// Duplicate object keys keep the last value. Numbers must be finite doubles.
public enum JSONParser {
    /// Parses one JSON document (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeRawBufferPointer, limits: JSONLimits) throws(JSONParseError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw JSONParseError(.tooLarge(limit: limits.maxBytes), offset: 0, line: 1, column: 1)
        }
        var reader = JSONReader(bytes: bytes, maxDepth: limits.maxDepth)
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.failure(.trailingCharacters) }
        return value
    }

    /// Parses the UTF-8 bytes of `bytes`.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits) throws(JSONParseError) -> JSONValue {
        try withRawBytes(of: bytes) { (raw) throws(JSONParseError) in try parse(raw, limits: limits) }
    }

    /// Parses the UTF-8 encoding of `text`.
    public static func parse(_ text: String, limits: JSONLimits) throws(JSONParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { utf8 in
            Result { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(utf8), limits: limits) }
        }.get()
    }

    /// Checks only the size and the nesting depth, in one linear pass: the guard in front
    /// of decoders that have no such limits of their own (Foundation's `JSONDecoder`).
    public static func checkBounds(_ bytes: UnsafeRawBufferPointer, limits: JSONLimits) throws(JSONParseError) {
        guard bytes.count <= limits.maxBytes else {
            throw JSONParseError(.tooLarge(limit: limits.maxBytes), offset: 0, line: 1, column: 1)
        }
        var depth = 0
        var inString = false
        var escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limits.maxDepth {
                    throw JSONReader(bytes: bytes, maxDepth: limits.maxDepth, index: offset).failure(.tooDeep(limit: limits.maxDepth))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
    }

    /// ``checkBounds(_:limits:)`` over the UTF-8 bytes of `bytes`.
    public static func checkBounds(_ bytes: [UInt8], limits: JSONLimits) throws(JSONParseError) {
        try withRawBytes(of: bytes) { (raw) throws(JSONParseError) in try checkBounds(raw, limits: limits) }
    }

    private static func withRawBytes<T>(
        of bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(JSONParseError) -> T
    ) throws(JSONParseError) -> T {
        let result: Result<T, JSONParseError> = bytes.withUnsafeBytes { raw in
            do throws(JSONParseError) { return .success(try body(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
