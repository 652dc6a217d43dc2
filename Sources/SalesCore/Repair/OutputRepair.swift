/// What repairing an LLM answer changed, for the turn's report and for tests.
public struct RepairNotes: Sendable, Hashable, Codable {
    /// Names that are not slots, dropped.
    public var unknownSlots: [String] = []
    /// Slots whose value could not be found in the message, dropped.
    public var unquotedValues: [String] = []
    /// Slots whose value was snapped to the message's own text.
    public var snappedValues: [String] = []
    /// The answer held no JSON object at all.
    public var notJSON = false
    /// The situation named is not one of the 17.
    public var unknownSituation: String?

    public init() {}

    public var isClean: Bool {
        unknownSlots.isEmpty && unquotedValues.isEmpty && snappedValues.isEmpty && !notJSON && unknownSituation == nil
    }
}

/// Validates and repairs what the LLM answered for capture and detect. Never throws:
/// what cannot be repaired is dropped, and the caller falls back to the local engine.
public enum OutputRepair {
    /// Slots from a capture answer (`{"slots": {...}}` or a bare `{...}`), each value a
    /// verbatim substring of `message`.
    public static func capture(_ answer: String, message: String) -> (SlotValues, RepairNotes) {
        var notes = RepairNotes()
        guard let object = JSONExtraction.object(in: answer) else {
            notes.notJSON = true
            return (SlotValues(), notes)
        }
        let raw = (object["slots"] as? [String: Any]) ?? object
        var values = SlotValues()
        for (name, value) in raw.sorted(by: { $0.key < $1.key }) {
            guard let slot = slotNamed(name) else {
                notes.unknownSlots.append(name)
                continue
            }
            let text: String
            switch value {
            case let string as String: text = string
            case let number as NSNumber: text = number.stringValue
            case let list as [Any]: text = list.compactMap { $0 as? String }.first ?? ""
            default: text = ""
            }
            guard let snapped = SpanSnapping.snap(text, into: message) else {
                if !text.isEmpty { notes.unquotedValues.append(slot.rawValue) }
                continue
            }
            if snapped != text { notes.snappedValues.append(slot.rawValue) }
            values[slot] = snapped
        }
        return (values, notes)
    }

    /// The detection in an answer like `{"situation": "stall", "confidence": 0.8}`; nil
    /// when no known situation can be read from it.
    public static func detect(_ answer: String) -> (Detection?, RepairNotes) {
        var notes = RepairNotes()
        guard let object = JSONExtraction.object(in: answer) else {
            notes.notJSON = true
            // A bare situation name is still an answer.
            if let situation = situationNamed(answer) { return (Detection(situation: situation, confidence: 0.5), notes) }
            return (nil, notes)
        }
        let name = (object["situation"] as? String) ?? (object["label"] as? String) ?? ""
        guard let situation = situationNamed(name) else {
            notes.unknownSituation = name
            return (nil, notes)
        }
        let confidence: Double
        switch object["confidence"] {
        case let number as NSNumber: confidence = number.doubleValue
        case let text as String: confidence = Double(text.replacingOccurrences(of: "%", with: "")).map { $0 > 1 ? $0 / 100 : $0 } ?? 0.5
        default: confidence = 0.5
        }
        return (Detection(situation: situation, confidence: confidence > 1 ? confidence / 100 : confidence), notes)
    }

    /// A slot from a name written loosely: `Budget Amount`, `budget-amount`, `budgetAmount`.
    static func slotNamed(_ name: String) -> Slot? {
        Slot(rawValue: normalized(name))
    }

    /// A situation written loosely (`Objection: price`, `objection-price`, `"stall"`).
    static func situationNamed(_ name: String) -> Situation? {
        Situation(rawValue: normalized(name))
    }

    static func normalized(_ name: String) -> String {
        var result = ""
        var previousLower = false
        for character in name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'`.")))
        {
            if character.isUppercase, previousLower { result.append("_") }
            if character.isLetter || character.isNumber {
                result.append(contentsOf: character.lowercased())
                previousLower = character.isLowercase
            } else if !result.hasSuffix("_"), !result.isEmpty {
                result.append("_")
                previousLower = false
            }
        }
        while result.hasSuffix("_") { result.removeLast() }
        return result
    }
}

import Foundation
