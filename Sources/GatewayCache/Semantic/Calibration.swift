/// The numbers an operator calibrates a threshold with: per threshold, how many pairs that
/// must not hit would hit (wrong hits) and how many true pairs hit, with and without guards.
/// A pair hits as the tier would serve it: equal normalised texts, or cosine ≥ threshold.
public struct Calibration: Sendable {
    /// One pair, scored once.
    public struct Scored: Sendable {
        public var pair: CalibrationPair
        /// The cosine of the two messages.
        public var cosine: Float
        /// The guards' veto, if any.
        public var veto: GuardVetoReason?
        /// The normalised texts are equal (a hit at any threshold).
        public var normalizedMatch: Bool
    }

    /// One threshold's row.
    public struct Row: Sendable, Hashable {
        public var threshold: Float
        public var wrongHitsUnguarded: Int
        public var trueHitsUnguarded: Int
        public var wrongHits: Int
        public var trueHits: Int
    }

    public let scored: [Scored]

    /// Scores `pairs` with `cosine` (e.g. the dot product of two embeddings).
    public init(pairs: [CalibrationPair], cosine: (String, String) -> Float) {
        scored = pairs.map { pair in
            Scored(
                pair: pair, cosine: cosine(pair.a, pair.b), veto: SemanticGuards.veto(pair.a, pair.b),
                normalizedMatch: NormalizedMessage.text(of: pair.a) == NormalizedMessage.text(of: pair.b))
        }
    }

    public var truePairs: Int { scored.count(where: { $0.pair.same }) }
    public var falsePairs: Int { scored.count(where: { !$0.pair.same }) }

    /// The row at `threshold`.
    public func row(_ threshold: Float) -> Row {
        var row = Row(threshold: threshold, wrongHitsUnguarded: 0, trueHitsUnguarded: 0, wrongHits: 0, trueHits: 0)
        for item in scored where item.normalizedMatch || item.cosine >= threshold {
            if item.pair.same { row.trueHitsUnguarded += 1 } else { row.wrongHitsUnguarded += 1 }
            guard item.veto == nil else { continue }
            if item.pair.same { row.trueHits += 1 } else { row.wrongHits += 1 }
        }
        return row
    }

    /// The pairs that would be served wrongly at `threshold` with guards.
    public func wrongHits(_ threshold: Float) -> [Scored] {
        scored.filter { !$0.pair.same && $0.veto == nil && ($0.normalizedMatch || $0.cosine >= threshold) }
    }

    /// The true pairs the guards veto (hits lost to caution).
    public func vetoedTruePairs() -> [Scored] {
        scored.filter { $0.pair.same && $0.veto != nil }
    }

    /// The lowest of `thresholds` with no wrong hit under guards, if any.
    public func lowestSafeThreshold(_ thresholds: [Float]) -> Float? {
        thresholds.sorted().first { row($0).wrongHits == 0 }
    }

    /// 0.80, 0.81, … 0.98.
    public static let defaultThresholds: [Float] = (80...98).map { Float($0) / 100 }
}
