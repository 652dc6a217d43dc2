import Foundation

/// Builds the simulator's `script` responder lines from golden turns: capture answers
/// with the gold slots, detect with the gold situation, and generate with the agent reply
/// the conversation actually continued with (the next turn's history), keyed by
/// (tag, message). The first label wins when the same message appears twice.
public enum SimScript {
    /// The reply the simulated generate step gives when the conversation has no next turn.
    public static let genericReply = "Thanks for sharing that. What would a good outcome look like for your team?"

    public static func lines(for turns: [GoldenTurn]) -> [String] {
        var seen: Set<String> = []
        var lines: [String] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func add(tag: String, message: String, response: String) {
            let key = tag + "\u{1}" + message.trimmingCharacters(in: .whitespacesAndNewlines)
            guard seen.insert(key).inserted else { return }
            let line = ["tag": tag, "message": message, "response": response]
            if let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) { lines.append(text) }
        }
        let replies = goldReplies(turns)
        for turn in turns {
            let slots = (try? encoder.encode(["slots": turn.slots])).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            add(tag: "capture", message: turn.message, response: slots)
            add(tag: "detect", message: turn.message, response: #"{"situation":"\#(turn.situation.rawValue)","confidence":0.95}"#)
            add(tag: "generate", message: turn.message, response: replies[turn.id] ?? genericReply)
        }
        return lines
    }

    /// Lines for bench variants (retyped or paraphrased copies of golden messages): each
    /// variant message answered like its original (gold slots and situation, and the reply
    /// the golden conversation continued with), so a variant that misses the cache gets the
    /// same answer as one that hits.
    public static func variantLines(_ pairs: [(original: GoldenTurn, variant: GoldenTurn)], golden turns: [GoldenTurn]) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let replies = goldReplies(turns)
        var seen = Set(turns.map(\.message))
        var lines: [String] = []
        for (original, variant) in pairs where seen.insert(variant.message).inserted {
            let slots = (try? encoder.encode(["slots": original.slots])).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            let answers = [
                ("capture", slots), ("detect", #"{"situation":"\#(original.situation.rawValue)","confidence":0.95}"#),
                ("generate", replies[original.id] ?? genericReply),
            ]
            for (tag, response) in answers {
                let line = ["tag": tag, "message": variant.message, "response": response]
                if let data = try? encoder.encode(line), let text = String(data: data, encoding: .utf8) { lines.append(text) }
            }
        }
        return lines
    }

    /// Only generate lines, and only for turns the golden conversation answered: the demo's
    /// simulator serves the golden replies and nothing else (no generic line that could
    /// contradict the principle the agent chose).
    public static func replyLines(for turns: [GoldenTurn]) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let replies = goldReplies(turns)
        var seen: Set<String> = []
        return turns.compactMap { turn in
            guard let reply = replies[turn.id], seen.insert(turn.message).inserted else { return nil }
            let line = ["tag": "generate", "message": turn.message, "response": reply]
            return (try? encoder.encode(line)).flatMap { String(data: $0, encoding: .utf8) }
        }
    }

    /// Turn id → the agent's reply to that turn, read from the history of the turn after it.
    public static func goldReply(_ turn: GoldenTurn, in turns: [GoldenTurn]) -> String? {
        goldReplies(turns)[turn.id]
    }

    /// Turn id → the agent's reply to that turn, read from the history of the turn after it.
    static func goldReplies(_ turns: [GoldenTurn]) -> [String: String] {
        var replies: [String: String] = [:]
        for turn in turns {
            guard let reply = turn.history.last, reply.role == "agent", turn.history.count >= 2 else { continue }
            let answered = turn.history[turn.history.count - 2]
            guard answered.role == "customer",
                let previous = turns.first(where: {
                    $0.conversation == turn.conversation && $0.message == answered.text && $0.id != turn.id
                })
            else { continue }
            replies[previous.id] = reply.text
        }
        return replies
    }
}
