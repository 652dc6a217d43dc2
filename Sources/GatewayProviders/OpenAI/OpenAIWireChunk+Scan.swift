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
    private static let chunkKeys = Keys(["choices", "usage", "error"])
    private static let choiceKeys = Keys(["index", "delta", "finish_reason"])
    private static let deltaKeys = Keys(["content", "refusal", "tool_calls"])

    fileprivate mutating func plainChunk() throws -> OpenAIWireChunk {
        var root = try enterPlainObject()
        var seen = Seen()
        var choices: [OpenAIWireChunk.Choice]?
        while let key = try nextKnown(in: &root, of: Self.chunkKeys, seen: &seen) {
            // usage, error: read by the tree.
            guard key == 0 else {
                guard try null() else { throw NotPlain() }
                continue
            }
            guard try !null() else { continue }
            var list: [OpenAIWireChunk.Choice] = []
            var array = try enterPlainArray()
            while try nextElement(in: &array) { list.append(try plainChoice()) }
            choices = list
        }
        try finish()
        return OpenAIWireChunk(choices: choices, usage: nil, error: nil)
    }

    private mutating func plainChoice() throws -> OpenAIWireChunk.Choice {
        var object = try enterPlainObject()
        var seen = Seen()
        var choice = OpenAIWireChunk.Choice(index: nil, delta: nil, finishReason: nil)
        while let key = try nextKnown(in: &object, of: Self.choiceKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: choice.index = try plainWholeNumber()
            case 1: choice.delta = try plainDelta()
            default: choice.finishReason = try plainString()
            }
        }
        return choice
    }

    private mutating func plainDelta() throws -> OpenAIWireChunk.Delta {
        var object = try enterPlainObject()
        var seen = Seen()
        var delta = OpenAIWireChunk.Delta(content: nil, refusal: nil, toolCalls: nil)
        while let key = try nextKnown(in: &object, of: Self.deltaKeys, seen: &seen) {
            guard try !null() else { continue }
            switch key {
            case 0: delta.content = try plainString()
            case 1: delta.refusal = try plainString()
            default: throw NotPlain()  // tool calls: read by the tree.
            }
        }
        return delta
    }
}
