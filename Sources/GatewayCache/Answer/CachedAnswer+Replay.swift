import GatewayCore

extension CachedAnswer {
    /// The answer as the canonical events of a live stream, for SSE replay through the
    /// ingress's chunk encoder: the text in pieces of at most `chunkCharacters` characters,
    /// one delta per tool call (id, name and all its arguments), the finish reason, then the
    /// usage if known (the encoder sends it only when `stream_options.include_usage`).
    /// Folding the events with `StreamAccumulator` gives back text, tool calls, finish
    /// reason and usage.
    public func streamEvents(chunkCharacters: Int = 64) -> [StreamEvent] {
        var events: [StreamEvent] = []
        let size = max(chunkCharacters, 1)
        var rest = Substring(text)
        while !rest.isEmpty {
            let piece = rest.prefix(size)
            events.append(.textDelta(String(piece)))
            rest = rest.dropFirst(piece.count)
        }
        for (index, call) in toolCalls.enumerated() {
            events.append(.toolCallDelta(ToolCallDelta(index: index, id: call.id, name: call.name, argumentsFragment: call.arguments)))
        }
        events.append(.finished(finishReason))
        if let usage { events.append(.usage(usage)) }
        return events
    }
}
