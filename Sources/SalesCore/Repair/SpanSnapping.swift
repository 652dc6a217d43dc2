/// Finds where a value an LLM quoted actually stands in the message, so every captured
/// slot value is a verbatim substring.
public enum SpanSnapping {
    /// `value` itself when it is a substring of `message`; else the same text in the
    /// message's own case; else the message span with the best token F1 (≥ 0.5); else nil.
    public static func snap(_ value: String, into message: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
        guard !trimmed.isEmpty else { return nil }
        if message.contains(trimmed) { return trimmed }
        if let range = message.range(of: trimmed, options: [.caseInsensitive, .diacriticInsensitive]) {
            return String(message[range])
        }
        return bestWindow(for: trimmed, in: message)
    }

    private static func bestWindow(for value: String, in message: String) -> String? {
        let target = TokenF1.tokens(value)
        guard !target.isEmpty else { return nil }
        let words = wordRanges(message)
        guard !words.isEmpty else { return nil }
        var best: (score: Double, range: Range<String.Index>)?
        // Windows of target.count - 2 ... + 3 words; a message with fewer words than the
        // shortest window has none (found by fuzzing: the range used to trap).
        let minLength = max(1, target.count - 2)
        let maxLength = min(words.count, target.count + 3)
        guard minLength <= maxLength else { return nil }
        for length in minLength...maxLength {
            for start in 0...(words.count - length) {
                let range = words[start].lowerBound..<words[start + length - 1].upperBound
                let score = TokenF1.score(TokenF1.tokens(String(message[range])), target)
                if score > (best?.score ?? 0) { best = (score, range) }
            }
        }
        guard let best, best.score >= 0.5 else { return nil }
        return String(message[best.range])
    }

    private static func wordRanges(_ message: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = message.startIndex
        while index < message.endIndex {
            if message[index].isWhitespace {
                if let begun = start { ranges.append(begun..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = message.index(after: index)
        }
        if let begun = start { ranges.append(begun..<message.endIndex) }
        return ranges
    }
}

/// Token F1 between two texts: lower-cased alphanumeric tokens (SPEC §5).
public enum TokenF1 {
    public static func tokens(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    public static func score(_ predicted: [String], _ gold: [String]) -> Double {
        guard !predicted.isEmpty, !gold.isEmpty else { return predicted.isEmpty && gold.isEmpty ? 1 : 0 }
        var counts: [String: Int] = [:]
        for token in gold { counts[token, default: 0] += 1 }
        var common = 0
        for token in predicted where counts[token, default: 0] > 0 {
            counts[token]! -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(predicted.count)
        let recall = Double(common) / Double(gold.count)
        return 2 * precision * recall / (precision + recall)
    }

    public static func score(_ predicted: String, _ gold: String) -> Double {
        score(tokens(predicted), tokens(gold))
    }
}

import Foundation
