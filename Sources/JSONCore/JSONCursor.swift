/// A pull reader over one JSON document for decoders that want a few members and no tree:
/// the caller walks objects and arrays member by member, reads the values it needs and
/// skips the rest. Same grammar and limits as ``JSONParser`` (size checked up front, depth
/// as containers open; skipped strings and numbers are validated, not built), so a document
/// the cursor walks to ``finish()`` is one the parser accepts.
///
/// The cursor reads `bytes` in place: use it inside the closure that lent them.
public struct JSONCursor {
    var reader: JSONReader
    var depth = 0

    /// The kinds of value the cursor can be at.
    public enum Kind: Sendable, Hashable {
        case object, array, string, number, bool, null
    }

    /// The member keys a decoder looks for, matched as bytes: no string is built for a key.
    public struct Keys: Sendable {
        let utf8: [[UInt8]]

        public init(_ keys: [String]) {
            utf8 = keys.map { Array($0.utf8) }
        }
    }

    /// What ``nextMember(in:of:)`` found.
    public enum Member: Sendable, Hashable {
        /// The key at this position of the ``Keys``; the cursor is at its value.
        case key(Int)
        /// Another key; the cursor is at its value.
        case other
        /// The object ended, and is closed.
        case end
    }

    /// An open object or array: whether its first member is still to come.
    public struct Container: Sendable {
        var first = true
    }

    /// A cursor at the start of `bytes`; throws when they pass `limits.maxBytes`.
    public init(_ bytes: UnsafeRawBufferPointer, limits: JSONLimits) throws(JSONParseError) {
        guard bytes.count <= limits.maxBytes else {
            throw JSONParseError(.tooLarge(limit: limits.maxBytes), offset: 0, line: 1, column: 1)
        }
        reader = JSONReader(bytes: bytes, maxDepth: limits.maxDepth)
    }

    /// The kind of the next value (whitespace skipped).
    public mutating func kind() throws(JSONParseError) -> Kind {
        reader.skipWhitespace()
        switch try reader.peek() {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case let other: throw reader.failure(.unexpectedCharacter(other))
        }
    }

    /// Opens the object the cursor is at.
    public mutating func enterObject() throws(JSONParseError) -> Container {
        try enter(UInt8(ascii: "{"))
    }

    /// Opens the array the cursor is at.
    public mutating func enterArray() throws(JSONParseError) -> Container {
        try enter(UInt8(ascii: "["))
    }

    /// The next member's key, the cursor then at its value (which the caller must read or
    /// skip); nil after the object's last member, the object then closed.
    public mutating func nextKey(in container: inout Container) throws(JSONParseError) -> String? {
        guard try advance(in: &container, closing: UInt8(ascii: "}")) else { return nil }
        guard try reader.peek() == UInt8(ascii: "\"") else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        let key = try reader.string()
        reader.skipWhitespace()
        guard try reader.peek() == UInt8(ascii: ":") else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        reader.index += 1
        return key
    }

    /// The next member, named by its position in `keys` when it is one of them; the cursor
    /// then at its value (which the caller must read or skip).
    public mutating func nextMember(in container: inout Container, of keys: Keys) throws(JSONParseError) -> Member {
        guard try advance(in: &container, closing: UInt8(ascii: "}")) else { return .end }
        guard try reader.peek() == UInt8(ascii: "\"") else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        let start = reader.index + 1
        var end = start
        let bytes = reader.bytes
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20, bytes[end] < 0x80 {
            end += 1
        }
        var found = Member.other
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            // A plain ASCII key: compared in place.
            let key = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            if let position = keys.utf8.firstIndex(where: { $0.count == key.count && $0.elementsEqual(key) }) { found = .key(position) }
            reader.index = end + 1
        } else {
            // Escapes, non-ASCII or an error: the string reader decides.
            let key = Array(try reader.string().utf8)
            if let position = keys.utf8.firstIndex(of: key) { found = .key(position) }
        }
        reader.skipWhitespace()
        guard try reader.peek() == UInt8(ascii: ":") else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        reader.index += 1
        return found
    }

    /// True with the cursor at the array's next element (which the caller must read or skip);
    /// false after its last, the array then closed.
    public mutating func nextElement(in container: inout Container) throws(JSONParseError) -> Bool {
        try advance(in: &container, closing: UInt8(ascii: "]"))
    }

    /// The string the cursor is at.
    public mutating func string() throws(JSONParseError) -> String {
        guard try kind() == .string else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        return try reader.string()
    }

    /// The number the cursor is at.
    public mutating func number() throws(JSONParseError) -> Double {
        guard try kind() == .number else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        return try reader.number()
    }

    /// The number the cursor is at when it is written as an integer (no fraction, no
    /// exponent) of at most 15 digits, so it is exact; nil for any other number, which is
    /// consumed all the same.
    public mutating func integer() throws(JSONParseError) -> Int? {
        guard try kind() == .number else { throw reader.failure(.unexpectedCharacter(reader.bytes[reader.index])) }
        let start = reader.index
        let value = try reader.number()
        for offset in start..<reader.index {
            let byte = reader.bytes[offset]
            guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { return nil }
        }
        // Up to 15 digits the reader's value is exact; beyond, a Double may have rounded it.
        guard reader.index - start <= (reader.bytes[start] == UInt8(ascii: "-") ? 16 : 15) else { return nil }
        return Int(exactly: value)
    }

    /// Consumes a `null` and returns true, or returns false at any other value.
    public mutating func null() throws(JSONParseError) -> Bool {
        guard try kind() == .null else { return false }
        try reader.literal("null")
        return true
    }

    /// Skips the value the cursor is at, checking it as the parser would.
    public mutating func skip() throws(JSONParseError) {
        switch try kind() {
        case .object:
            var container = try enterObject()
            while try nextKey(in: &container) != nil { try skip() }
        case .array:
            var container = try enterArray()
            while try nextElement(in: &container) { try skip() }
        case .string: try reader.skipString()
        case .number: _ = try reader.number()
        case .bool: try reader.literal(reader.bytes[reader.index] == UInt8(ascii: "t") ? "true" : "false")
        case .null: try reader.literal("null")
        }
    }

    /// Checks that nothing but whitespace follows the document's value.
    public mutating func finish() throws(JSONParseError) {
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.failure(.trailingCharacters) }
    }

    private mutating func enter(_ opening: UInt8) throws(JSONParseError) -> Container {
        reader.skipWhitespace()
        let found = try reader.peek()
        guard found == opening else { throw reader.failure(.unexpectedCharacter(found)) }
        depth += 1
        guard depth <= reader.maxDepth else { throw reader.failure(.tooDeep(limit: reader.maxDepth)) }
        reader.index += 1
        return Container()
    }

    /// Past the separator before the next member, or past `closing` (false).
    private mutating func advance(in container: inout Container, closing: UInt8) throws(JSONParseError) -> Bool {
        reader.skipWhitespace()
        let found = try reader.peek()
        if found == closing {
            reader.index += 1
            depth -= 1
            return false
        }
        if container.first {
            container.first = false
        } else {
            guard found == UInt8(ascii: ",") else { throw reader.failure(.unexpectedCharacter(found)) }
            reader.index += 1
            reader.skipWhitespace()
            _ = try reader.peek()
        }
        return true
    }
}
