import NIOCore

extension ByteBuffer {
    /// Writes `value` as a JSON string literal: quotes and backslashes escaped, control
    /// characters below 0x20 as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; all other
    /// UTF-8 bytes copied as they are, in runs.
    mutating func writeJSONString(_ value: String) {
        writeInteger(UInt8(ascii: "\""))
        var string = value
        string.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index {
                    writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart..<index]))
                }
                writeJSONEscape(byte)
                runStart = index + 1
            }
            if runStart < bytes.count {
                writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[runStart...]))
            }
        }
        writeInteger(UInt8(ascii: "\""))
    }

    /// Writes `value` as a JSON string, or `null`.
    mutating func writeJSONString(orNull value: String?) {
        if let value { writeJSONString(value) } else { writeStaticString("null") }
    }

    /// Writes a decimal integer.
    mutating func writeJSONInteger(_ value: Int) {
        writeString(String(value))
    }

    private mutating func writeJSONEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): writeStaticString("\\\"")
        case UInt8(ascii: "\\"): writeStaticString("\\\\")
        case 0x0A: writeStaticString("\\n")
        case 0x0D: writeStaticString("\\r")
        case 0x09: writeStaticString("\\t")
        case 0x08: writeStaticString("\\b")
        case 0x0C: writeStaticString("\\f")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            writeStaticString("\\u00")
            writeInteger(hex[Int(byte >> 4)])
            writeInteger(hex[Int(byte & 0x0F)])
        }
    }
}
