import JSONCore

/// The canonical model's arbitrary JSON value, from the shared ``JSONCore`` target (one
/// value type and one bounded parser for both processes).
public typealias JSONValue = JSONCore.JSONValue
