import Foundation
import Yams

/// A YAML node with its location, read field by field with errors naming file, line and
/// the dotted path of the field. Unknown keys are errors (see ``YAMLMap/finish()``).
public struct YAMLNode: @unchecked Sendable {
    /// The underlying Yams node (a class graph that is never mutated after parsing).
    public let node: Node
    public let file: String
    /// Dotted path of this node from the document root, e.g. `providers.openai.kind`.
    public let path: String
    /// The line of the key that names this node, when it is a mapping value.
    public let keyLine: Int?

    public init(node: Node, file: String, path: String, keyLine: Int? = nil) {
        self.node = node
        self.file = file
        self.path = path
        self.keyLine = keyLine
    }

    /// Where errors about this node point: its key's line (a block list or mapping
    /// otherwise reports the line of its first child), else the node's own line.
    public var line: Int { keyLine ?? node.mark?.line ?? 1 }

    /// Parses a whole document; a syntax error or a duplicated key becomes a ``ConfigError`` with its line.
    public static func parse(yaml: String, file: String) throws(ConfigError) -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ConfigError(file: file, line: 1, field: "", problem: "the file is empty")
            }
            return YAMLNode(node: node, file: file, path: "")
        } catch let error as ConfigError {
            throw error
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            let field = duplicates.joined(separator: ", ")
            throw ConfigError(file: file, line: context.mark.line, field: field, problem: "duplicate key")
        } catch let error as YamlError {
            throw ConfigError(file: file, line: Self.line(of: error), field: "", problem: "invalid YAML: \(Self.oneLine(error))")
        } catch {
            throw ConfigError(file: file, line: 1, field: "", problem: "invalid YAML: \(Self.oneLine(error))")
        }
    }

    public func error(_ problem: String) -> ConfigError {
        ConfigError(file: file, line: line, field: path, problem: problem)
    }

    /// This node as a mapping reader.
    public func map() throws(ConfigError) -> YAMLMap {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        return try YAMLMap(mapping: mapping, owner: self)
    }

    /// This node's elements, if it is a sequence.
    public func list() throws(ConfigError) -> [YAMLNode] {
        guard let sequence = node.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { index, child in
            YAMLNode(node: child, file: file, path: "\(path)[\(index)]")
        }
    }

    public func string() throws(ConfigError) -> String {
        guard let scalar = node.scalar else { throw error("expected a string") }
        return scalar.string
    }

    public func int() throws(ConfigError) -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw error("expected an integer")
        }
        return value
    }

    public func double() throws(ConfigError) -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string) else {
            throw error("expected a number")
        }
        return value
    }

    /// A finite number within `range`.
    public func double(in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        let value = try double()
        guard value.isFinite else { throw error("expected a number") }
        guard range.contains(value) else {
            throw error("\(node.scalar?.string ?? "") is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A non-negative integer that fits `UInt64`.
    public func unsigned() throws(ConfigError) -> UInt64 {
        guard let scalar = node.scalar, let value = UInt64(scalar.string) else {
            throw error("expected a non-negative integer")
        }
        return value
    }

    public func bool() throws(ConfigError) -> Bool {
        guard let scalar = node.scalar else { throw error("expected true or false") }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    /// A list of strings; a single scalar is accepted as a one-element list.
    public func strings() throws(ConfigError) -> [String] {
        if node.scalar != nil { return [try string()] }
        var result: [String] = []
        for item in try list() { result.append(try item.string()) }
        return result
    }

    /// Yams' messages quote the offending source over several lines; logs want one.
    private static func oneLine(_ error: any Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0 != "^" }.joined(separator: " ")
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }
}
