/// A semantic entry as the shared store holds it: format byte, answer key, question text
/// (at most 2,000 characters are shared), expiry, then the vector as little-endian float32.
public enum SemanticEntryCodec {
    static let format: UInt8 = 1
    static let sharedTextLimit = 2_000

    public static func encode(_ entry: SemanticEntry, vector: [Float]) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.append(format)
        writer.string(entry.answerKey)
        writer.string(String(entry.text.prefix(sharedTextLimit)))
        writer.signed(entry.expiresAt.millisecondsSince1970)
        writer.varint(UInt64(vector.count))
        writer.bytes.reserveCapacity(writer.bytes.count + vector.count * 4)
        for value in vector {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { writer.bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
        return writer.bytes
    }

    /// The answer key and expiry of an encoded entry, read without decoding its vector or
    /// reading its text for the guards: what a refill checks before paying for the rest.
    public static func header(_ bytes: [UInt8]) -> (answerKey: String, expiresAt: CacheInstant)? {
        var reader = ByteReader(bytes)
        guard reader.byte() == format, let answerKey = try? reader.string(), (try? reader.string()) != nil, let expires = try? reader.signed()
        else { return nil }
        return (answerKey, CacheInstant(millisecondsSince1970: expires))
    }

    /// The entry and its vector; nil for bytes of another format, a vector of another
    /// `dimension`, or anything truncated or corrupt.
    public static func decode(_ bytes: [UInt8], dimension: Int) -> (entry: SemanticEntry, vector: [Float])? {
        var reader = ByteReader(bytes)
        guard reader.byte() == format,
            let answerKey = try? reader.string(), let text = try? reader.string(), let expires = try? reader.signed(),
            let count = try? reader.varint(), count == UInt64(dimension), let raw = reader.take(dimension * 4), reader.remaining == 0
        else { return nil }
        var vector = [Float](repeating: 0, count: dimension)
        var index = raw.startIndex
        for k in 0..<dimension {
            var bits: UInt32 = 0
            for shift in stride(from: 0, to: 32, by: 8) {
                bits |= UInt32(raw[index]) << UInt32(shift)
                index += 1
            }
            vector[k] = Float(bitPattern: bits)
        }
        let entry = SemanticEntry(answerKey: answerKey, text: text, expiresAt: CacheInstant(millisecondsSince1970: expires))
        return (entry, vector)
    }
}
