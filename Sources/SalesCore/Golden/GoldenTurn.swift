import Foundation
import JSONCore

/// One labelled customer turn (SPEC §5). Other keys in a line are ignored.
public struct GoldenTurn: Sendable, Hashable, Codable {
    /// One earlier message of the conversation.
    public struct Message: Sendable, Hashable, Codable {
        public var role: String
        public var text: String

        public init(role: String, text: String) {
            self.role = role
            self.text = text
        }
    }

    public var id: String
    public var conversation: String?
    public var turn: Int?
    public var history: [Message]
    public var context: SlotValues
    public var message: String
    public var situation: Situation
    public var slots: SlotValues
    /// Who wrote the conversation (dev lines built by `golden.py` carry it), so
    /// cross-validation can hold out one author's voice at a time.
    public var author: String?

    public init(
        id: String, conversation: String? = nil, turn: Int? = nil, history: [Message] = [], context: SlotValues = SlotValues(),
        message: String, situation: Situation, slots: SlotValues, author: String? = nil
    ) {
        self.author = author
        self.id = id
        self.conversation = conversation
        self.turn = turn
        self.history = history
        self.context = context
        self.message = message
        self.situation = situation
        self.slots = slots
    }

    enum CodingKeys: String, CodingKey {
        case id, conversation, turn, history, context, message, situation, slots, author
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        conversation = try container.decodeIfPresent(String.self, forKey: .conversation)
        turn = try container.decodeIfPresent(Int.self, forKey: .turn)
        history = try container.decodeIfPresent([Message].self, forKey: .history) ?? []
        context = try container.decodeIfPresent(SlotValues.self, forKey: .context) ?? SlotValues()
        message = try container.decode(String.self, forKey: .message)
        situation = try container.decode(Situation.self, forKey: .situation)
        slots = try container.decodeIfPresent(SlotValues.self, forKey: .slots) ?? SlotValues()
        author = try container.decodeIfPresent(String.self, forKey: .author)
    }
}

/// Reads golden JSONL files. A bad line is an error naming `file:line` and the problem,
/// never a crash; blank lines are skipped.
public enum GoldenFile {
    public static func load(path: String) throws -> [GoldenTurn] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GoldenFileError(file: path, line: 0, problem: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [GoldenTurn] {
        let decoder = JSONDecoder()
        var turns: [GoldenTurn] = []
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            do {
                let bytes = Array(line.utf8)
                try JSONParser.checkBounds(bytes, limits: .document)
                turns.append(try decoder.decode(GoldenTurn.self, from: Data(bytes)))
            } catch let error as JSONParseError {
                throw GoldenFileError(file: file, line: number, problem: error.description)
            } catch let error as DecodingError {
                throw GoldenFileError(file: file, line: number, problem: describe(error))
            }
        }
        return turns
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let where_ = path(context)
            if context.debugDescription.contains("Cannot initialize Situation") {
                let value = context.debugDescription.components(separatedBy: "value ").last ?? ""
                let known = Situation.allCases.map(\.rawValue).joined(separator: ", ")
                return "\(where_): unknown situation '\(value)' (known: \(known))"
            }
            return where_.isEmpty ? "not valid JSON: \(context.debugDescription)" : "\(where_): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A golden file line that could not be read: prints as `file:line: problem`.
public struct GoldenFileError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var problem: String

    public var description: String { "\(file):\(line): \(problem)" }
}
