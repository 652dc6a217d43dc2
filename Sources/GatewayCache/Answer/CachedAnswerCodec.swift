import GatewayCore

/// Why stored bytes could not be read as a ``CachedAnswer``.
public enum CachedAnswerDecodingError: Error, Sendable, Hashable {
    /// The bytes do not start with the codec's magic: not ours.
    case foreignBytes
    /// A format version this build does not read.
    case unsupportedVersion(UInt8)
    /// The bytes end early, overflow, hold invalid UTF-8 or an unknown value, or run on.
    case corrupt
}

/// The compact binary form of a ``CachedAnswer`` used in Redis and in the snapshot.
///
/// Layout (format 1): magic `"GWCA"`, a version byte, then the fields in declaration order.
/// Integers are LEB128 varints (signed ones zig-zag encoded); strings are a varint byte
/// count then UTF-8; the usage is a presence byte then two varints; tool calls a varint
/// count then (id, name, arguments). Decoding checks every length against the bytes left
/// and rejects trailing bytes, so foreign or corrupt input is an error, never a crash.
public enum CachedAnswerCodec {
    /// The first four bytes of every encoding.
    public static let magic: [UInt8] = Array("GWCA".utf8)
    /// The format version written by this build.
    public static let version: UInt8 = 1

    /// The bytes of `answer`.
    public static func encode(_ answer: CachedAnswer) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(answer.text.utf8.count + 64)
        writer.bytes.append(contentsOf: magic)
        writer.bytes.append(version)
        writer.string(answer.text)
        writer.varint(UInt64(answer.toolCalls.count))
        for call in answer.toolCalls {
            writer.string(call.id)
            writer.string(call.name)
            writer.string(call.arguments)
        }
        writer.string(answer.finishReason.rawValue)
        if let usage = answer.usage {
            writer.bytes.append(1)
            writer.signed(Int64(usage.inputTokens))
            writer.signed(Int64(usage.outputTokens))
        } else {
            writer.bytes.append(0)
        }
        writer.string(answer.provider)
        writer.string(answer.model)
        writer.signed(answer.createdAt.millisecondsSince1970)
        writer.signed(answer.expiresAt.millisecondsSince1970)
        return writer.bytes
    }

    /// The answer in `bytes`, or an error saying why they are not one.
    public static func decode(_ bytes: some Collection<UInt8>) throws(CachedAnswerDecodingError) -> CachedAnswer {
        var reader = ByteReader(Array(bytes))
        guard let head = reader.take(magic.count), head.elementsEqual(magic) else { throw .foreignBytes }
        guard let format = reader.byte() else { throw .corrupt }
        guard format == version else { throw .unsupportedVersion(format) }
        let text = try reader.string()
        let callCount = try reader.varint()
        guard callCount <= UInt64(reader.remaining) else { throw .corrupt }
        var calls: [ToolCall] = []
        for _ in 0..<callCount {
            calls.append(ToolCall(id: try reader.string(), name: try reader.string(), arguments: try reader.string()))
        }
        guard let finish = FinishReason(rawValue: try reader.string()) else { throw .corrupt }
        var usage: Usage?
        switch reader.byte() {
        case 0: usage = nil
        case 1: usage = Usage(inputTokens: try reader.int(), outputTokens: try reader.int())
        default: throw .corrupt
        }
        let provider = try reader.string()
        let model = try reader.string()
        let created = try reader.signed()
        let expires = try reader.signed()
        guard reader.remaining == 0 else { throw .corrupt }
        return CachedAnswer(
            text: text, toolCalls: calls, finishReason: finish, usage: usage,
            provider: provider, model: model,
            createdAt: CacheInstant(millisecondsSince1970: created),
            expiresAt: CacheInstant(millisecondsSince1970: expires))
    }
}
