import JSONCore
import NIOCore

/// A wire request that writes its own JSON body (the hot vendors' requests); others go
/// through `Encodable`. Nil from ``jsonBody()`` sends the value through `Encodable` too.
protocol DirectJSONBody {
    func jsonBody() -> ByteBuffer?
}

/// Writes one JSON object's members: the separators and the closing brace.
struct JSONObjectWriter {
    private var first = true

    init(_ out: inout ByteBuffer) {
        out.writeInteger(UInt8(ascii: "{"))
    }

    /// `"key":` then the value `write` puts down.
    mutating func member(_ key: String, _ out: inout ByteBuffer, _ write: (inout ByteBuffer) -> Void) {
        if first { first = false } else { out.writeInteger(UInt8(ascii: ",")) }
        out.writeJSONString(key)
        out.writeInteger(UInt8(ascii: ":"))
        write(&out)
    }

    mutating func string(_ key: String, _ value: String?, _ out: inout ByteBuffer) {
        if let value { member(key, &out) { $0.writeJSONString(value) } }
    }

    mutating func integer(_ key: String, _ value: Int?, _ out: inout ByteBuffer) {
        if let value { member(key, &out) { $0.writeJSONInteger(value) } }
    }

    mutating func bool(_ key: String, _ value: Bool?, _ out: inout ByteBuffer) {
        if let value { member(key, &out) { $0.writeJSONBool(value) } }
    }

    /// False (nothing written) for a number JSON cannot hold.
    mutating func number(_ key: String, _ value: Double?, _ out: inout ByteBuffer) -> Bool {
        guard let value else { return true }
        guard value.isFinite else { return false }
        member(key, &out) { $0.writeJSONNumber(value) }
        return true
    }

    func close(_ out: inout ByteBuffer) {
        out.writeInteger(UInt8(ascii: "}"))
    }
}

extension ByteBuffer {
    mutating func writeJSONBool(_ value: Bool) {
        if value { writeStaticString("true") } else { writeStaticString("false") }
    }

    /// A finite number: integral values below 1e15 as integers (as `JSONValue` encodes them),
    /// others in Swift's shortest round-tripping form.
    mutating func writeJSONNumber(_ value: Double) {
        if value.rounded() == value, abs(value) < 1e15 {
            writeJSONInteger(Int(value))
        } else {
            writeString(value.description)
        }
    }

    mutating func writeJSONArray<Element>(_ elements: [Element], _ write: (Element, inout ByteBuffer) -> Void) {
        writeInteger(UInt8(ascii: "["))
        for (offset, element) in elements.enumerated() {
            if offset > 0 { writeInteger(UInt8(ascii: ",")) }
            write(element, &self)
        }
        writeInteger(UInt8(ascii: "]"))
    }

    /// Any finite ``JSONValue`` (check ``JSONValue/isFinite`` first).
    mutating func writeJSONValue(_ value: JSONValue) {
        switch value {
        case .null: writeStaticString("null")
        case .bool(let flag): writeJSONBool(flag)
        case .number(let number): writeJSONNumber(number)
        case .string(let text): writeJSONString(text)
        case .array(let items): writeJSONArray(items) { $1.writeJSONValue($0) }
        case .object(let members):
            var object = JSONObjectWriter(&self)
            for (key, member) in members { object.member(key, &self) { $0.writeJSONValue(member) } }
            object.close(&self)
        }
    }
}

extension JSONValue {
    /// True when every number in the value is finite (what JSON can hold).
    var isFinite: Bool {
        switch self {
        case .null, .bool, .string: true
        case .number(let number): number.isFinite
        case .array(let items): items.allSatisfy(\.isFinite)
        case .object(let members): members.values.allSatisfy(\.isFinite)
        }
    }
}
