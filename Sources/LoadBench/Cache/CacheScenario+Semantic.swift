/// The semantic rows of the cache scenario: two gateways with the alias's `semantic:` on
/// (in-process tiers only) — `semantic` keeps every entry in one bucket, `semantic-spread`
/// spreads them over `spreadBuckets` buckets (one system message per bucket) — each filled with
/// generated support questions to every level, and at each level a paraphrase of a stored
/// question (a semantic hit, embedding included) timed through HTTP.
extension CacheScenario {
    /// Buckets of the spread layout.
    public static let spreadBuckets = 1_000

    /// One way of holding the semantic entries.
    public struct SemanticLayout: Sendable, Hashable {
        /// The gateway's role in the stack.
        public var server: String
        public var buckets: Int
        /// In row names: `1-bucket`, `1000-buckets`.
        public var label: String { buckets == 1 ? "1-bucket" : "\(buckets)-buckets" }
    }

    public static let semanticLayouts = [
        SemanticLayout(server: "semantic", buckets: 1), SemanticLayout(server: "semantic-spread", buckets: spreadBuckets),
    ]

    /// The fill of `layout` (each request a new question: a miss that stores one entry).
    public static func semanticFill(_ layout: SemanticLayout) -> CachePhase {
        CachePhase(
            name: "fill-semantic/\(layout.label)", server: layout.server, bodies: .questions(buckets: layout.buckets), expected: "semantic/miss",
            note: "semantic fill")
    }

    /// The semantic hit row of `layout` with `entries` questions stored.
    public static func semanticHit(_ layout: SemanticLayout, entries: Int) -> CachePhase {
        CachePhase(
            name: "hit-semantic@\(entries / 1000)k/\(layout.label)", server: layout.server,
            bodies: .paraphrases(buckets: layout.buckets, stored: entries), expected: "semantic/hit",
            note: "semantic hit (paraphrase, embedding included), \(entries) entries in \(layout.buckets) bucket(s)")
    }

    /// SPEC §6: a semantic hit's p99 ≤ 2 ms at 100k entries (the largest level measured).
    public static func semanticTargets(rows: [String]) -> [CacheTarget] {
        rows.map { CacheTarget(name: "semantic hit p99, \($0)", row: $0, limitMs: 2) }
    }

    /// The threshold of the semantic gateways' alias (SPEC §3's default).
    public static let semanticThreshold = 0.92
}
