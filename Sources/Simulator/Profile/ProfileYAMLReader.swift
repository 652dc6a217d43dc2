import Yams

/// Typed, located reads from a composed YAML tree; every failure names file, line and field.
struct ProfileYAMLReader {
    /// The file name used in errors.
    let file: String

    /// An error located at `node` (or line 0 when there is no node).
    func error(_ node: Node?, _ field: String, _ problem: String) -> SimProfileError {
        SimProfileError(file: file, line: node?.mark?.line ?? 0, field: field, problem: problem)
    }

    /// The entries of a mapping, rejecting any key not in `allowed` (pass nil to allow any key).
    func entries(_ node: Node, field: String, allowed: Set<String>?) throws -> [(key: String, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, field, "expected a mapping")
        }
        return try mapping.map { pair in
            guard let key = pair.key.string else {
                throw error(pair.key, field, "expected a string key")
            }
            let path = field.isEmpty ? key : field + "." + key
            if let allowed, !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                throw error(pair.key, path, "unknown key (expected one of: \(known))")
            }
            return (key, pair.value)
        }
    }

    /// A scalar's text.
    func string(_ node: Node, field: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, field, "expected a string")
        }
        return scalar.string
    }

    /// A finite number, within `range`.
    func number(_ node: Node, field: String, in range: ClosedRange<Double>) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, field, "expected a number")
        }
        guard range.contains(value) else {
            throw error(node, field, "\(scalar.string) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A non-negative integer that fits `UInt64`.
    func unsigned(_ node: Node, field: String) throws -> UInt64 {
        guard case .scalar(let scalar) = node, let value = UInt64(scalar.string) else {
            throw error(node, field, "expected a non-negative integer")
        }
        return value
    }

    /// Converts a Yams parse error into a located profile error.
    func syntaxError(_ underlying: any Error) -> SimProfileError {
        guard let yamlError = underlying as? YamlError else {
            return SimProfileError(file: file, line: 0, field: "yaml", problem: "\(underlying)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return SimProfileError(file: file, line: mark.line, field: "yaml", problem: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SimProfileError(
                file: file, line: context.mark.line, field: duplicates.joined(separator: ", "),
                problem: "duplicated key")
        default:
            return SimProfileError(file: file, line: 0, field: "yaml", problem: "\(yamlError)")
        }
    }
}
