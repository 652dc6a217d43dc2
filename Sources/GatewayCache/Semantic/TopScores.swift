/// The best `limit` (slot, score) pairs seen, best first: the bounded list a bucket scan keeps.
struct TopScores {
    let limit: Int
    private(set) var items: [(slot: Int, score: Float)] = []

    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(limit + 1)
    }

    /// Whether `score` would enter the list (checked before anything costlier about the slot).
    func admits(_ score: Float) -> Bool {
        items.count < limit || score > items[items.count - 1].score
    }

    /// Adds `slot` at its rank, dropping the worst past `limit`.
    mutating func add(slot: Int, score: Float) {
        let at = items.firstIndex { $0.score < score } ?? items.count
        items.insert((slot, score), at: at)
        if items.count > limit { items.removeLast() }
    }
}
