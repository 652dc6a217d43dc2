import JSONCore

/// The relay's fast read of a plain stream chunk: one pass of a ``JSONCursor`` over the
/// chunk's bytes, building only the members the gateway uses (each choice's index, text
/// delta, refusal and finish reason) and skipping the rest (`id`, `object`, `model`,
/// `system_fingerprint`, `role`, `logprobs`…) without building them.
///
/// It answers only what it is sure of: a chunk with tool calls, usage or an error, a
/// member of an unexpected type, a repeated member it reads, or any document the parser
/// would refuse gives nil, and the caller reads the chunk through the tree
/// (``OpenAIWireChunk/init(json:)``), which decides and names every problem. So for every
/// chunk the result is either nil or what the tree read gives.
extension OpenAIWireChunk {
    static func plain(_ text: String, limits: JSONLimits) -> OpenAIWireChunk? {
        var text = text
        return text.withUTF8 { utf8 in
            guard var cursor = try? JSONCursor(UnsafeRawBufferPointer(utf8), limits: limits) else { return nil }
            return try? cursor.plainChunk()
        }
    }
}

extension JSONCursor {
    /// Thrown inside the scan for a chunk it leaves to the tree read.
    fileprivate struct NotPlain: Error {}

    private static let chunkKeys = Keys(["choices", "usage", "error"])
    private static let choiceKeys = Keys(["index", "delta", "finish_reason"])
    private static let deltaKeys = Keys(["content", "refusal", "tool_calls"])

    fileprivate mutating func plainChunk() throws -> OpenAIWireChunk? {
        guard try kind() == .object else { return nil }
        var root = try enterObject()
        var choices: [OpenAIWireChunk.Choice]?
        var seen = Members()
        while true {
            switch try nextMember(in: &root, of: Self.chunkKeys) {
            case .end:
                try finish()
                return OpenAIWireChunk(choices: choices, usage: nil, error: nil)
            case .key(0):
                try seen.insert(0)
                guard try !null() else { continue }
                guard try kind() == .array else { throw NotPlain() }
                var list: [OpenAIWireChunk.Choice] = []
                var array = try enterArray()
                while try nextElement(in: &array) { list.append(try plainChoice()) }
                choices = list
            case .key:
                // usage, error: read by the tree.
                guard try null() else { throw NotPlain() }
            case .other:
                try skip()
            }
        }
    }

    private mutating func plainChoice() throws -> OpenAIWireChunk.Choice {
        guard try kind() == .object else { throw NotPlain() }
        var object = try enterObject()
        var choice = OpenAIWireChunk.Choice(index: nil, delta: nil, finishReason: nil)
        var seen = Members()
        while true {
            switch try nextMember(in: &object, of: Self.choiceKeys) {
            case .end:
                return choice
            case .key(0):
                try seen.insert(0)
                if try !null() { choice.index = try plainInt() }
            case .key(1):
                try seen.insert(1)
                if try !null() { choice.delta = try plainDelta() }
            case .key:
                try seen.insert(2)
                if try !null() { choice.finishReason = try plainString() }
            case .other:
                try skip()
            }
        }
    }

    private mutating func plainDelta() throws -> OpenAIWireChunk.Delta {
        guard try kind() == .object else { throw NotPlain() }
        var object = try enterObject()
        var delta = OpenAIWireChunk.Delta(content: nil, refusal: nil, toolCalls: nil)
        var seen = Members()
        while true {
            switch try nextMember(in: &object, of: Self.deltaKeys) {
            case .end:
                return delta
            case .key(0):
                try seen.insert(0)
                if try !null() { delta.content = try plainString() }
            case .key(1):
                try seen.insert(1)
                if try !null() { delta.refusal = try plainString() }
            case .key:
                // tool_calls: read by the tree.
                guard try null() else { throw NotPlain() }
            case .other:
                try skip()
            }
        }
    }

    /// The members of one object read so far: a repeated one is left to the tree read
    /// (where the last of them wins).
    private struct Members {
        var bits: UInt8 = 0

        mutating func insert(_ member: UInt8) throws {
            let bit: UInt8 = 1 << member
            guard bits & bit == 0 else { throw NotPlain() }
            bits |= bit
        }
    }

    private mutating func plainString() throws -> String {
        guard try kind() == .string else { throw NotPlain() }
        return try string()
    }

    /// An integer as ``WireShape/int(_:_:)`` reads one, else not plain.
    private mutating func plainInt() throws -> Int {
        guard try kind() == .number else { throw NotPlain() }
        let value = try number()
        guard let integer = Int(exactly: value) else { throw NotPlain() }
        return integer
    }
}
