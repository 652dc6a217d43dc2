import SalesCore

/// The agent's parsers: the repair of what an LLM answered, and golden files.
enum AgentTargets {
    /// Input: the LLM's answer, a NUL byte, the customer message. Capture values must be
    /// verbatim substrings of the message (what the repair promises).
    static let outputRepair = FuzzTarget(name: "repair") { bytes in
        let parts = text(bytes).split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
        let answer = String(parts[0])
        let message = parts.count > 1 ? String(parts[1]) : ""
        let (values, _) = OutputRepair.capture(answer, message: message)
        for (slot, value) in values {
            precondition(message.contains(value), "captured \(slot) value '\(value)' is not in the message")
        }
        _ = OutputRepair.detect(answer)
    }

    /// A golden JSONL file; turns that parse must survive encode → parse unchanged.
    static let goldenFile = FuzzTarget(name: "golden") { bytes in
        let turns: [GoldenTurn]
        do {
            turns = try GoldenFile.parse(text(bytes), file: "fuzz.jsonl")
        } catch {
            _ = "\(error)"
            return
        }
        JSONCheck.encodes(turns, "golden turns")
    }
}
