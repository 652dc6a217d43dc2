import JSONCore

/// What the one-pass readers of plain vendor documents share (`OpenAIWireChunk.plain`,
/// `OpenAIWireResponse.plain`): they read only documents of the shape they expect, and throw
/// ``NotPlain`` for anything else so the caller decodes the document the thorough way.
extension JSONCursor {
    /// The document is not of the plain shape: the thorough decode decides it.
    struct NotPlain: Error {}

    /// The members of one object read so far, by their place among its ``Keys``.
    struct Seen {
        private var bits: UInt16 = 0

        /// A member read twice is not plain: the thorough decode knows which one wins.
        mutating func insert(_ member: Int) throws(NotPlain) {
            let bit = UInt16(1) << UInt16(member)
            guard bits & bit == 0 else { throw NotPlain() }
            bits |= bit
        }
    }

    /// The next member that is one of `keys` (by its place), other members skipped; nil once
    /// the object ended. The cursor is then at the member's value.
    mutating func nextKnown(in container: inout Container, of keys: Keys, seen: inout Seen) throws -> Int? {
        while true {
            switch try nextMember(in: &container, of: keys) {
            case .end: return nil
            case .other: try skip()
            case .key(let key):
                try seen.insert(key)
                return key
            }
        }
    }

    mutating func enterPlainObject() throws -> Container {
        guard try kind() == .object else { throw NotPlain() }
        return try enterObject()
    }

    mutating func enterPlainArray() throws -> Container {
        guard try kind() == .array else { throw NotPlain() }
        return try enterArray()
    }

    mutating func plainString() throws -> String {
        guard try kind() == .string else { throw NotPlain() }
        return try string()
    }

    /// A number that is an exact integer, however written (as `WireShape.int` reads one).
    mutating func plainWholeNumber() throws -> Int {
        guard try kind() == .number, let integer = Int(exactly: try number()) else { throw NotPlain() }
        return integer
    }

    /// A number written as an integer (as `Decodable` reads an `Int`).
    mutating func plainInteger() throws -> Int {
        guard try kind() == .number, let value = try integer() else { throw NotPlain() }
        return value
    }
}
