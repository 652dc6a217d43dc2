import GatewayCore
import JSONCore
import NIOCore

/// A JSON object of an incoming request, read field by field; every failure is an
/// `.invalidRequest` whose `param` is the field's path (`messages[2].role`).
struct IngressObject {
    let members: [String: JSONValue]
    /// The path of this object; "" for the request itself.
    let path: String

    init(_ members: [String: JSONValue], path: String) {
        self.members = members
        self.path = path
    }

    /// The path of a member of this object.
    func param(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// The member, with JSON `null` read as absent.
    func value(_ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(GatewayError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw Self.invalid(param(key), "must be a string") }
        return text
    }

    func requiredString(_ key: String) throws(GatewayError) -> String {
        guard let text = try string(key) else { throw Self.invalid(param(key), "is required") }
        return text
    }

    func bool(_ key: String) throws(GatewayError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw Self.invalid(param(key), "must be a boolean") }
        return flag
    }

    func number(_ key: String, in range: ClosedRange<Double>) throws(GatewayError) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, range.contains(number) else {
            throw Self.invalid(param(key), "must be a number between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))")
        }
        return number
    }

    func positiveInteger(_ key: String) throws(GatewayError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value, number >= 1, number <= Double(Int32.max), number.rounded() == number else {
            throw Self.invalid(param(key), "must be a positive integer")
        }
        return Int(number)
    }

    func object(_ key: String) throws(GatewayError) -> IngressObject? {
        guard let value = value(key) else { return nil }
        return try Self.object(value, path: param(key))
    }

    func array(_ key: String) throws(GatewayError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let items) = value else { throw Self.invalid(param(key), "must be an array") }
        return items
    }

    /// A request body as the top-level object, through the bounded parser; a member not in
    /// `known` is refused by name (`refusal` says why), never silently dropped.
    static func root(
        _ body: ByteBuffer, limits: JSONLimits, known: Set<String>, refusal: (String) -> String
    ) throws(GatewayError) -> IngressObject {
        guard case .object(let members) = try OpenAIIngress.parseBody(body, limits: limits) else {
            throw .invalidRequest(message: "request body must be a JSON object", param: nil)
        }
        for key in members.keys.sorted() where !known.contains(key) {
            throw invalid(key, refusal(key))
        }
        return IngressObject(members, path: "")
    }

    /// `value` as an object at `path`.
    static func object(_ value: JSONValue, path: String) throws(GatewayError) -> IngressObject {
        guard case .object(let members) = value else { throw invalid(path, "must be an object") }
        return IngressObject(members, path: path)
    }

    /// `'<param>' <problem>`, with the param named.
    static func invalid(_ param: String, _ problem: String) -> GatewayError {
        .invalidRequest(message: "'\(param)' \(problem)", param: param)
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
