/// A local reply template: text with `{slot}` and `{slot|fallback}` placeholders.
public struct ReplyTemplate: Sendable, Hashable {
    /// A piece of a parsed template.
    public enum Piece: Sendable, Hashable {
        case text(String)
        case slot(Slot, fallback: String?)
    }

    public let source: String
    public let pieces: [Piece]

    /// Parses `source`; throws a message naming the bad placeholder.
    public init(_ source: String) throws(TemplateError) {
        self.source = source
        var pieces: [Piece] = []
        var text = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            guard character == "{" else {
                text.append(character)
                index = source.index(after: index)
                continue
            }
            guard let close = source[index...].firstIndex(of: "}") else {
                throw TemplateError(problem: "unclosed '{' in template")
            }
            let inner = source[source.index(after: index)..<close]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            guard let slot = Slot(rawValue: name) else {
                throw TemplateError(problem: "unknown slot '\(name)' in template")
            }
            if !text.isEmpty {
                pieces.append(.text(text))
                text = ""
            }
            pieces.append(.slot(slot, fallback: parts.count > 1 ? String(parts[1]) : nil))
            index = source.index(after: close)
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    /// Slots the template mentions.
    public var slots: [Slot] {
        pieces.compactMap { if case .slot(let slot, _) = $0 { slot } else { nil } }
    }

    /// The reply with captured values filled in and fallbacks where a slot is missing.
    public func render(_ context: SlotValues) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .slot(let slot, let fallback): result += context[slot] ?? fallback ?? ""
            }
        }
        return result
    }
}

/// A template that does not parse.
public struct TemplateError: Error, Sendable {
    public var problem: String
}

import Foundation
