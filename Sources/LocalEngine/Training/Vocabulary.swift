/// The features a model keeps: cue (`h:`) features always, others seen in at least
/// `minCount` turns, at most `maxFeatures` (most frequent first, ties by name).
struct Vocabulary {
    let names: [String]
    private let index: [String: Int]

    var count: Int { names.count }

    static func build(_ featureSets: [Set<String>], minCount: Int, maxFeatures: Int) -> Vocabulary {
        var counts: [String: Int] = [:]
        for features in featureSets {
            for feature in features { counts[feature, default: 0] += 1 }
        }
        let eligible = counts.filter { $0.key.hasPrefix("h:") || $0.value >= minCount }
        let ordered = eligible.sorted { lhs, rhs in
            let lhsCue = lhs.key.hasPrefix("h:")
            let rhsCue = rhs.key.hasPrefix("h:")
            if lhsCue != rhsCue { return lhsCue }
            return lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key < rhs.key
        }
        let names = ordered.prefix(maxFeatures).map(\.key)
        return Vocabulary(names: names, index: Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }))
    }

    /// Rows of the features this vocabulary knows, sorted.
    func rows(of features: Set<String>) -> [Int] {
        features.compactMap { index[$0] }.sorted()
    }
}
