/// Captured slot values: the session context, or what one message yielded. Ordered by
/// slot so that equal contents compare, hash and print the same.
public struct SlotValues: Sendable, Hashable, Codable, Sequence {
    private var storage: [Slot: String]

    public init(_ values: [Slot: String] = [:]) {
        self.storage = values
    }

    public subscript(slot: Slot) -> String? {
        get { storage[slot] }
        set { storage[slot] = newValue }
    }

    public var isEmpty: Bool { storage.isEmpty }
    public var count: Int { storage.count }
    public var slots: Set<Slot> { Set(storage.keys) }

    /// Entries in slot order.
    public var entries: [(slot: Slot, value: String)] {
        storage.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public func makeIterator() -> IndexingIterator<[(slot: Slot, value: String)]> {
        entries.makeIterator()
    }

    /// This context with `other`'s values added (later values win).
    public func merging(_ other: SlotValues) -> SlotValues {
        var merged = self
        for (slot, value) in other.storage { merged.storage[slot] = value }
        return merged
    }

    /// `{"slot": "value"}` keyed by the slots' wire names.
    public var wireDictionary: [String: String] {
        var result: [String: String] = [:]
        for (slot, value) in storage { result[slot.rawValue] = value }
        return result
    }

    public init(from decoder: any Decoder) throws {
        let raw = try [String: String](from: decoder)
        var values: [Slot: String] = [:]
        for (key, value) in raw {
            guard let slot = Slot(rawValue: key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown slot '\(key)'"))
            }
            values[slot] = value
        }
        self.storage = values
    }

    public func encode(to encoder: any Encoder) throws {
        try wireDictionary.encode(to: encoder)
    }
}
