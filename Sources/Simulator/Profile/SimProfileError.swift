import YAMLConfig

/// A problem in a simulator profile or script file, located as `file:line: field: problem`
/// (line 0 when the problem has no single line, such as a file that cannot be read).
public typealias SimProfileError = ConfigError
