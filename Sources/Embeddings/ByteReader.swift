/// Reads the little-endian sections of a table file, checking every length against the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The next `count` bytes; the offset then moves to the next multiple of 4.
    mutating func take(_ count: Int, section: String) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw EmbeddingTableError.truncated(section: section) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset = min(bytes.count, offset + count + (-count & 3))
        return slice
    }

    mutating func u32(_ section: String) throws -> UInt32 {
        UInt32(littleEndian: try take(4, section: section).loadUnaligned(as: UInt32.self))
    }

    /// A count read as `Int`, refused when it is larger than `limit`.
    mutating func count(_ section: String, limit: Int) throws -> Int {
        let value = Int(try u32(section))
        guard value <= limit else { throw EmbeddingTableError.implausible(section: section, value: value) }
        return value
    }

    /// `count` little-endian u32 values.
    mutating func u32s(_ count: Int, section: String) throws -> [UInt32] {
        let raw = try take(count * 4, section: section)
        return (0..<count).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
    }
}
