/// A configuration problem located in its file: prints as `file:line: field: problem`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var field: String
    public var problem: String

    public init(file: String, line: Int, field: String, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    public var description: String {
        field.isEmpty ? "\(file):\(line): \(problem)" : "\(file):\(line): \(field): \(problem)"
    }
}

/// Several configuration problems found in one pass, so a user fixes them all at once.
public struct ConfigErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
