import Foundation
import JSONCore

/// Finds the JSON object in what an LLM wrote: inside prose, inside a code fence, with
/// trailing commas or smart quotes, and parses it.
public enum JSONExtraction {
    /// An LLM answer is a few kilobytes at most; deeper or larger JSON is not an answer.
    static let limits = JSONLimits(maxBytes: 256 * 1024, maxDepth: 16)

    /// The first balanced `{…}` in `text`, repaired and parsed; nil when there is none.
    public static func object(in text: String) -> [String: Any]? {
        for candidate in candidates(in: text) {
            let repaired = Array(removeTrailingCommas(candidate).utf8)
            if (try? JSONParser.checkBounds(repaired, limits: limits)) != nil,
                let object = try? JSONSerialization.jsonObject(with: Data(repaired)) as? [String: Any]
            {
                return object
            }
        }
        return nil
    }

    /// Balanced-brace spans, outermost first, skipping braces inside strings.
    static func candidates(in text: String) -> [String] {
        let normalized = text
            .replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
        let scalars = Array(normalized.unicodeScalars)
        var spans: [String] = []
        var start = 0
        while let open = scalars[start...].firstIndex(of: "{") {
            var depth = 0
            var inString = false
            var escaped = false
            var end: Int?
            for index in open..<scalars.count {
                let scalar = scalars[index]
                if inString {
                    if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                    continue
                }
                if scalar == "\"" { inString = true } else if scalar == "{" { depth += 1 } else if scalar == "}" {
                    depth -= 1
                    if depth == 0 {
                        end = index
                        break
                    }
                }
            }
            guard let end else { break }
            var span = String.UnicodeScalarView()
            span.append(contentsOf: scalars[open...end])
            spans.append(String(span))
            start = end + 1
        }
        return spans
    }

    /// Drops commas that directly precede `}` or `]` outside strings.
    static func removeTrailingCommas(_ text: String) -> String {
        var result = ""
        var pendingComma = false
        var pendingSpace = ""
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                result.append(character)
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if pendingComma {
                if character.isWhitespace {
                    pendingSpace.append(character)
                    continue
                }
                if character != "}" && character != "]" { result.append(",") }
                result += pendingSpace
                pendingComma = false
                pendingSpace = ""
            }
            if character == "," {
                pendingComma = true
                continue
            }
            if character == "\"" { inString = true }
            result.append(character)
        }
        if pendingComma { result.append(",") }
        return result + pendingSpace
    }
}
