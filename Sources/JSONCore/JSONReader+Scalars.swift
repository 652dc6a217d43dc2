/// Strings and numbers: the two token kinds with an inner grammar.
extension JSONReader {
    /// A string at `index` (which holds the opening quote). Strings without escapes are
    /// validated and copied in one step; escapes go through a byte buffer.
    mutating func string() throws(JSONParseError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try validated(UnsafeRawBufferPointer(rebasing: bytes[start..<index]), at: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw failure(.controlCharacterInString) }
            index += 1
        }
        throw failure(.unexpectedEnd)
    }

    /// Skips the string at `index`, checked as ``string()`` checks it; an ASCII string
    /// without escapes takes one scan and builds nothing.
    mutating func skipString() throws(JSONParseError) {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") || byte >= 0x80 {
                index = start
                _ = try string()
                return
            }
            if byte < 0x20 { throw failure(.controlCharacterInString) }
            index += 1
        }
        throw failure(.unexpectedEnd)
    }

    private mutating func escapedString(from start: Int) throws(JSONParseError) -> String {
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try validated(utf8, at: start)
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw failure(.controlCharacterInString)
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw failure(.unexpectedEnd)
    }

    /// The escape after a backslash (`index` at the letter), appended as UTF-8.
    private mutating func appendEscape(to utf8: inout [UInt8]) throws(JSONParseError) {
        let letter = try peek()
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(letter)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var code = UInt32(try hex4())
            if (0xD800..<0xDC00).contains(code) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure(.invalidUnicodeScalar)
                }
                index += 2
                let low = UInt32(try hex4())
                guard (0xDC00..<0xE000).contains(low) else { throw failure(.invalidUnicodeScalar) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw failure(.invalidUnicodeScalar) }
            utf8.append(contentsOf: UTF8.encode(scalar)!)
        default:
            index -= 1
            throw failure(.invalidEscape)
        }
    }

    private mutating func hex4() throws(JSONParseError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure(.unexpectedEnd) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidUnicodeScalar)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// The string of `utf8`, or an `invalidUTF8` error at `start`. ASCII (keys, most values)
    /// takes a byte scan and one copy; the rest the standard library's validation.
    private func validated(_ utf8: UnsafeRawBufferPointer, at start: Int) throws(JSONParseError) -> String {
        var high: UInt8 = 0
        for byte in utf8 { high |= byte }
        if high < 0x80 { return String(decoding: utf8, as: UTF8.self) }
        return try validated(Array(utf8), at: start)
    }

    private func validated(_ utf8: [UInt8], at start: Int) throws(JSONParseError) -> String {
        guard let text = String(validating: utf8, as: UTF8.self) else {
            var at = self
            at.index = start
            throw at.failure(.invalidUTF8)
        }
        return text
    }

    /// A number per RFC 8259's grammar; integers of up to 15 digits are read directly,
    /// others through the standard library's correctly rounded conversion.
    mutating func number() throws(JSONParseError) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var integer: Int64 = 0
        var digits = 0
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure(.invalidNumber) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            digits = 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                if digits < 18 { integer = integer * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            try digitRun()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digitRun()
        }
        if isInteger, digits <= 15 {
            return negative ? -Double(integer) : Double(integer)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw failure(.invalidNumber)
        }
        return value
    }

    private mutating func digitRun() throws(JSONParseError) {
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure(.invalidNumber) }
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
