/// The bounds every JSON parser in the project enforces before its work can grow: how
/// large a document may be and how deeply arrays and objects may nest.
public struct JSONLimits: Sendable, Hashable {
    /// Largest document accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects accepted; the top-level value is depth 1.
    public var maxDepth: Int

    public init(maxBytes: Int, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// What the gateway accepts from clients: SPEC §3 (1 MiB, depth 64).
    public static let request = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)
    /// What is accepted from providers and files the project reads (32 MiB, depth 64).
    public static let document = JSONLimits(maxBytes: 32 << 20, maxDepth: 64)
}
