/// A semantic gateway at one fill level: the questions sent, the entries its semantic index
/// holds (`gateway_cache_entries{store="semantic"}`) and its resident memory. Pure.
public struct SemanticFootprint: Sendable, Hashable, Codable {
    /// `1-bucket` or `1000-buckets`.
    public var layout: String
    /// Fill questions sent so far (each a miss unless it matched an earlier one).
    public var questions: Int
    public var semanticEntries: Int
    /// The gateway's `VmRSS`.
    public var rssBytes: Int
    /// RSS growth per semantic entry since before the fill; nil when none was added.
    public var rssBytesPerEntry: Double?

    private enum CodingKeys: String, CodingKey {
        case layout, questions
        case semanticEntries = "semantic_entries"
        case rssBytes = "rss_bytes"
        case rssBytesPerEntry = "rss_delta_bytes_per_entry"
    }
}
