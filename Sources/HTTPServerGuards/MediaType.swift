/// Content types both servers accept as JSON.
public enum MediaType {
    /// `application/json` or any `application/…+json` type, parameters and case ignored.
    /// On every request: one pass over the bytes, nothing built.
    public static func isJSON(_ contentType: String) -> Bool {
        var utf8 = Substring(contentType).utf8
        if let semicolon = utf8.firstIndex(of: UInt8(ascii: ";")) { utf8 = utf8[..<semicolon] }
        let essence = utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        let application = Array("application/".utf8)
        guard essence.count >= application.count,
            zip(essence.prefix(application.count), application).allSatisfy({ lowered($0) == $1 })
        else { return false }
        let subtype = essence.dropFirst(application.count)
        if subtype.count == 4, zip(subtype, "json".utf8).allSatisfy({ lowered($0) == $1 }) { return true }
        return subtype.count > 5 && zip(subtype.suffix(5), "+json".utf8).allSatisfy { lowered($0) == $1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
