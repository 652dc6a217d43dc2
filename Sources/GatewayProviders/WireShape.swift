import JSONCore

/// A member of an upstream document whose type is not the one its API documents.
struct WireShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where, e.g. `choices[0].delta.content`.
    let path: String
    let problem: String

    var description: String { "\(path) \(problem)" }
}

/// Typed reads of members of a parsed upstream document (``JSONValue``), with the rules of
/// `decodeIfPresent`: absent or `null` is nil, another type is a ``WireShapeError``. Paths
/// are built only for an error (the chunk relay reads several members per chunk).
enum WireShape {
    /// `value` unless it is absent or `null`.
    static func present(_ value: JSONValue?) -> JSONValue? {
        guard let value, value != .null else { return nil }
        return value
    }

    static func object(_ value: JSONValue, _ path: @autoclosure () -> String) throws(WireShapeError) -> [String: JSONValue] {
        guard case .object(let members) = value else { throw WireShapeError(path: path(), problem: "is not an object") }
        return members
    }

    static func array(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(WireShapeError) -> [JSONValue]? {
        guard let value = present(value) else { return nil }
        guard case .array(let items) = value else { throw WireShapeError(path: path(), problem: "is not an array") }
        return items
    }

    static func string(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(WireShapeError) -> String? {
        guard let value = present(value) else { return nil }
        guard case .string(let text) = value else { throw WireShapeError(path: path(), problem: "is not a string") }
        return text
    }

    /// An integral number that fits an `Int`.
    static func int(_ value: JSONValue?, _ path: @autoclosure () -> String) throws(WireShapeError) -> Int? {
        guard let value = present(value) else { return nil }
        guard case .number(let number) = value, number.rounded() == number, let exact = Int(exactly: number) else {
            throw WireShapeError(path: path(), problem: "is not an integer")
        }
        return exact
    }
}
