import Foundation
import JSONCore

/// Scripted answers keyed by (request tag, trimmed last user message), loaded from JSONL.
///
/// Each non-blank line is `{"tag": "capture", "message": "...", "response": "..."}`; `tag` may be
/// missing or null (matches untagged requests); other keys are ignored.
struct ScriptTable: Sendable {
    private var answers: [String: String] = [:]

    /// The number of scripted answers.
    var count: Int { answers.count }

    private static func key(tag: String?, message: String) -> String {
        (tag ?? "") + "\u{0}" + message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The scripted answer for `tag` and `message`, if any.
    func answer(tag: String?, message: String) -> String? {
        answers[Self.key(tag: tag, message: message)]
    }

    /// Reads the script at `path`.
    static func load(path: String) throws -> ScriptTable {
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw SimProfileError(file: path, line: 0, field: "script", problem: "cannot read the script file")
        }
        return try parse(jsonl: text, file: path)
    }

    /// Parses JSONL text; a bad line throws an error naming `file:line`.
    static func parse(jsonl: String, file: String) throws -> ScriptTable {
        var table = ScriptTable()
        var lineNumber = 0
        for line in jsonl.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            func failure(_ field: String, _ problem: String) -> SimProfileError {
                SimProfileError(file: file, line: lineNumber, field: field, problem: problem)
            }
            let object: Any
            do {
                let bytes = Array(line.utf8)
                try JSONParser.checkBounds(bytes, limits: .document)
                object = try JSONSerialization.jsonObject(with: Data(bytes))
            } catch let error as JSONParseError {
                throw failure("json", error.description)
            } catch {
                throw failure("json", "not valid JSON")
            }
            guard let entry = object as? [String: Any] else { throw failure("json", "expected a JSON object") }
            guard let message = entry["message"] as? String else { throw failure("message", "expected a string") }
            guard let response = entry["response"] as? String else { throw failure("response", "expected a string") }
            let tag: String?
            switch entry["tag"] {
            case nil, is NSNull: tag = nil
            case let value as String: tag = value
            default: throw failure("tag", "expected a string or null")
            }
            table.answers[key(tag: tag, message: message)] = response
        }
        return table
    }
}
