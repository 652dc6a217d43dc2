import Yams

/// Reads the keys of one YAML mapping. Every key read is remembered; ``finish()`` rejects
/// the ones nobody asked for, so a typo in a policy file is an error, not a silent default.
public struct YAMLMap {
    public let owner: YAMLNode
    private let entries: [(key: String, node: YAMLNode, isString: Bool)]
    private var consumed: Set<String> = []

    init(mapping: Node.Mapping, owner: YAMLNode) throws(ConfigError) {
        self.owner = owner
        var seen: Set<String> = []
        var entries: [(key: String, node: YAMLNode, isString: Bool)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let childPath = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            guard seen.insert(key).inserted else {
                throw ConfigError(
                    file: owner.file, line: keyNode.mark?.line ?? owner.line,
                    field: childPath, problem: "duplicate key")
            }
            entries.append(
                (key, YAMLNode(node: valueNode, file: owner.file, path: childPath, keyLine: keyNode.mark?.line),
                    keyNode.scalar != nil))
        }
        self.entries = entries
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The value at `key`, or nil when absent (a YAML `null` counts as absent).
    public mutating func optional(_ key: String) -> YAMLNode? {
        consumed.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if let scalar = entry.node.node.scalar, scalar.tag.description == Tag.Name.null.rawValue {
            return nil
        }
        if case .scalar(let scalar) = entry.node.node, scalar.string == "~" || scalar.string == "null" {
            return nil
        }
        return entry.node
    }

    /// The value at `key`, or an error naming the missing field.
    public mutating func required(_ key: String) throws(ConfigError) -> YAMLNode {
        guard let node = optional(key) else {
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            throw ConfigError(file: owner.file, line: owner.line, field: path, problem: "missing required field")
        }
        return node
    }

    /// Every entry as (key, node), marking all of them read.
    public mutating func all() -> [(key: String, node: YAMLNode)] {
        for entry in entries { consumed.insert(entry.key) }
        return entries.map { ($0.key, $0.node) }
    }

    /// Calls `body` with every entry in file order, marking all of them read. A key outside
    /// `allowed` (nil allows any) or one that is not a string is an error when it is reached,
    /// so a reader that walks the file reports its problems in file order.
    public mutating func forEach(
        allowed: Set<String>?, _ body: (_ key: String, _ node: YAMLNode) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        for entry in entries {
            consumed.insert(entry.key)
            guard entry.isString else {
                throw ConfigError(
                    file: owner.file, line: entry.node.line, field: owner.path, problem: "expected a string key")
            }
            if let allowed, !allowed.contains(entry.key) {
                throw Self.unknownKey(entry.node, allowed: allowed)
            }
            try body(entry.key, entry.node)
        }
    }

    /// Rejects keys that were never read, naming the first one and the allowed set.
    public func finish() throws(ConfigError) {
        for entry in entries where !consumed.contains(entry.key) {
            throw Self.unknownKey(entry.node, allowed: consumed)
        }
    }

    private static func unknownKey(_ node: YAMLNode, allowed: Set<String>) -> ConfigError {
        node.error("unknown key (allowed: \(allowed.sorted().joined(separator: ", ")))")
    }
}
