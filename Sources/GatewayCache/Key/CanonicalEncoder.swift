import GatewayCore

/// A value as ``CanonicalEncoder`` collects it before writing: scalars, arrays, and
/// objects whose members are written sorted by the UTF-8 bytes of their keys.
enum CanonicalValue {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array(CanonicalArray)
    case object(CanonicalObject)
    /// A nested encoder's result, resolved when written.
    case pending(CanonicalEncoder)
}

/// The members of an object being encoded (a reference, so nested containers can fill it),
/// in the order written; sorted (last write of a key winning) when the text is written.
final class CanonicalObject {
    var members: [(key: String, value: CanonicalValue)] = []

    func set(_ key: String, _ value: CanonicalValue) {
        members.append((key, value))
    }
}

/// The items of an array being encoded.
final class CanonicalArray {
    var items: [CanonicalValue] = []
}

/// A minimal `Encoder` writing a canonical compact JSON text: object keys sorted by their
/// UTF-8 bytes (so dictionary order never matters), no whitespace, integers in decimal,
/// doubles in Swift's shortest round-trip form, absent optionals left out (synthesized
/// `encodeIfPresent`). About ten times cheaper than Foundation's `JSONEncoder` with
/// `.sortedKeys`, which matters because every cacheable request derives a key.
final class CanonicalEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: CanonicalValue = .null

    /// The canonical bytes of `value`.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = CanonicalEncoder()
        try value.encode(to: encoder)
        var writer = CanonicalWriter()
        writer.write(encoder.value)
        return writer.bytes
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: CanonicalObject
        if case .object(let existing) = value {
            object = existing
        } else {
            object = CanonicalObject()
            value = .object(object)
        }
        return KeyedEncodingContainer(CanonicalKeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: CanonicalArray
        if case .array(let existing) = value {
            array = existing
        } else {
            array = CanonicalArray()
            value = .array(array)
        }
        return CanonicalUnkeyedContainer(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleValueContainer(encoder: self)
    }

    /// A scalar directly, or a nested value through a child encoder.
    /// Metatype comparisons, not `as?` casts: a cast from an unspecialized generic is slow.
    static func wrap<T: Encodable>(_ value: T) throws -> CanonicalValue {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return .int(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == JSONValue.self { return canonical(unsafeBitCast(value, to: JSONValue.self)) }
        let child = CanonicalEncoder()
        try value.encode(to: child)
        return .pending(child)
    }
}

extension CanonicalEncoder {
    /// Free-form JSON (tool and response schemas) converted directly, not through `Codable`:
    /// the same text as `JSONValue.encode(to:)` would give, several times cheaper.
    static func canonical(_ json: JSONValue) -> CanonicalValue {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .double(number)
        case .string(let text): return .string(text)
        case .array(let items):
            let array = CanonicalArray()
            array.items = items.map(canonical)
            return .array(array)
        case .object(let members):
            let object = CanonicalObject()
            object.members = members.map { ($0.key, canonical($0.value)) }
            return .object(object)
        }
    }
}

/// Writes a ``CanonicalValue`` as compact sorted-key JSON.
struct CanonicalWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(512) }

    mutating func write(_ value: CanonicalValue) {
        switch value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .uint(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                bytes.append(contentsOf: String(Int64(number)).utf8)
            } else {
                bytes.append(contentsOf: "\(number)".utf8)
            }
        case .string(let text): writeString(text)
        case .pending(let child): write(child.value)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            // Stable sort by key bytes; of equal keys the last written wins.
            let ordered = object.members.enumerated().sorted { lhs, rhs in
                if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
                return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
            }
            var first = true
            for (index, member) in ordered.enumerated() {
                if index + 1 < ordered.count, ordered[index + 1].element.key == member.element.key { continue }
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(member.element.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.element.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                default:
                    let digits: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(digits.utf8Start[Int(byte >> 4)])
                    bytes.append(digits.utf8Start[Int(byte & 0x0f)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
