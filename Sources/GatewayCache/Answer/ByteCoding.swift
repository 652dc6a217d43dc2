/// Appends varints and length-prefixed strings (``CachedAnswerCodec``'s primitives).
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ value: String) {
        let utf8 = value.utf8
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``ByteWriter`` wrote, checking every length against the bytes left.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func varint() throws(CachedAnswerDecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard let byte = byte(), shift < 64 else { throw .corrupt }
            let payload = UInt64(byte & 0x7f)
            guard shift < 63 || payload <= 1 else { throw .corrupt }
            value |= payload << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func signed() throws(CachedAnswerDecodingError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    mutating func int() throws(CachedAnswerDecodingError) -> Int {
        let value = try signed()
        guard let result = Int(exactly: value) else { throw .corrupt }
        return result
    }

    mutating func string() throws(CachedAnswerDecodingError) -> String {
        let length = try varint()
        guard length <= UInt64(remaining), let slice = take(Int(length)) else { throw .corrupt }
        guard let text = String(validating: slice, as: UTF8.self) else { throw .corrupt }
        return text
    }
}
