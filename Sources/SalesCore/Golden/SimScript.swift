import Foundation

/// Builds the simulator's `script` responder lines from golden turns: capture answers
/// with the gold slots and detect with the gold situation, keyed by (tag, message).
/// The first label wins when the same message appears twice.
public enum SimScript {
    /// The reply the simulated generate step gives (generate has no gold label).
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
        for turn in turns {
            let slots = (try? encoder.encode(["slots": turn.slots])).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            add(tag: "capture", message: turn.message, response: slots)
            add(tag: "detect", message: turn.message, response: #"{"situation":"\#(turn.situation.rawValue)","confidence":0.95}"#)
            add(tag: "generate", message: turn.message, response: genericReply)
        }
        return lines
    }
}
