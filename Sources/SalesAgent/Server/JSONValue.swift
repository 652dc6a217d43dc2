import GatewayCore

/// Request bodies are read as GatewayCore's ``JSONValue`` (decoded strictly: a number is
/// never a bool), so fields can be checked one by one with errors that name the field.
typealias JSONValue = GatewayCore.JSONValue

extension GatewayCore.JSONValue {
    /// The JSON type's name, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
