/// A problem in a simulator profile or script file, located as `file:line: field: problem`.
public struct SimProfileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or `builtin:NAME`) the problem is in.
    public var file: String
    /// 1-based line of the offending node; 0 when the problem has no single line.
    public var line: Int
    /// Dotted path of the offending field, e.g. `models.sim-flaky.faults.server_error`.
    public var field: String
    /// What is wrong.
    public var problem: String

    /// Creates an error at `file:line` for `field`.
    public init(file: String, line: Int, field: String, problem: String) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
    }

    /// `file:line: field: problem` (the line is left out when unknown).
    public var description: String {
        line > 0 ? "\(file):\(line): \(field): \(problem)" : "\(file): \(field): \(problem)"
    }
}
