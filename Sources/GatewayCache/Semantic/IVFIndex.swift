import SeededRandom
/// An inverted-file (IVF) approximate index over a bucket's slots: a seeded k-means coarse
/// quantizer splits the unit vectors into `lists`; a search scans only the `nprobe` lists whose
/// centroids are nearest the query and returns candidate slots. The caller re-scores every
/// candidate on its true vector, so the index can only miss, never create a wrong hit.
/// Pure and deterministic: the same vectors in the same order and the same seed give the same index.
public struct IVFIndex: Sendable, Equatable {
    public let dimension: Int
    /// Row-major centroids (`lists * dimension`).
    public private(set) var centroids: [Float]
    /// The slots assigned to each list.
    public private(set) var members: [[Int]]
    /// The list and position of each slot in it.
    private var placement: [Int: (list: Int, position: Int)] = [:]

    public static func == (lhs: IVFIndex, rhs: IVFIndex) -> Bool {
        lhs.dimension == rhs.dimension && lhs.centroids == rhs.centroids && lhs.members == rhs.members
    }

    /// How many slots the index holds.
    public var count: Int { placement.count }
    /// How many lists the quantizer has.
    public var lists: Int { members.count }

    /// Trains `lists` centroids on `vectors` (row-major, `count * dimension`, slot `i` at row `i`)
    /// with `iterations` of Lloyd's k-means from a seeded choice of rows, then assigns every row.
    public init(training vectors: [Float], dimension: Int, lists: Int, iterations: Int = 8, seed: UInt64) {
        precondition(dimension > 0 && lists > 0 && vectors.count % dimension == 0)
        let rows = vectors.count / dimension
        let k = max(1, min(lists, rows))
        self.dimension = dimension
        var generator = SplitMix64(seed: seed)
        var chosen = Array(0..<rows)
        for i in 0..<min(k, rows) {
            let j = i + Int(generator.next() % UInt64(rows - i))
            chosen.swapAt(i, j)
        }
        var centroids = [Float](repeating: 0, count: k * dimension)
        for c in 0..<k where c < rows {
            for d in 0..<dimension { centroids[c * dimension + d] = vectors[chosen[c] * dimension + d] }
        }
        var assignment = [Int](repeating: 0, count: rows)
        for _ in 0..<max(0, iterations) {
            for row in 0..<rows {
                assignment[row] = Self.nearest(vectors, row: row, centroids: centroids, dimension: dimension)
            }
            var sums = [Float](repeating: 0, count: k * dimension)
            var sizes = [Int](repeating: 0, count: k)
            for row in 0..<rows {
                sizes[assignment[row]] += 1
                for d in 0..<dimension { sums[assignment[row] * dimension + d] += vectors[row * dimension + d] }
            }
            for c in 0..<k where sizes[c] > 0 {
                var norm: Float = 0
                for d in 0..<dimension { norm += sums[c * dimension + d] * sums[c * dimension + d] }
                let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                for d in 0..<dimension { centroids[c * dimension + d] = sums[c * dimension + d] * scale }
            }
        }
        self.centroids = centroids
        self.members = Array(repeating: [], count: k)
        for row in 0..<rows {
            let vector = Array(vectors[(row * dimension)..<((row + 1) * dimension)])
            insert(slot: row, vector: vector)
        }
    }

    private static func nearest(_ vectors: [Float], row: Int, centroids: [Float], dimension: Int) -> Int {
        var best = 0
        var bestScore = -Float.infinity
        for c in 0..<(centroids.count / dimension) {
            var score: Float = 0
            for d in 0..<dimension { score += vectors[row * dimension + d] * centroids[c * dimension + d] }
            if score > bestScore { bestScore = score; best = c }
        }
        return best
    }

    /// The lists ordered by their centroid's dot product with `query`, best first.
    private func rankedLists(_ query: [Float]) -> [Int] {
        var scores: [(list: Int, score: Float)] = []
        scores.reserveCapacity(lists)
        for c in 0..<lists {
            var score: Float = 0
            for d in 0..<dimension { score += query[d] * centroids[c * dimension + d] }
            scores.append((c, score))
        }
        return scores.sorted { $0.score > $1.score || ($0.score == $1.score && $0.list < $1.list) }.map(\.list)
    }

    /// Adds (or moves) `slot` with its unit `vector` into the list of its nearest centroid.
    public mutating func insert(slot: Int, vector: [Float]) {
        precondition(vector.count == dimension, "vector must have the index's dimension")
        remove(slot: slot)
        let list = rankedLists(vector)[0]
        placement[slot] = (list, members[list].count)
        members[list].append(slot)
    }

    /// Removes `slot` (evicted or reused); a slot not in the index is ignored.
    public mutating func remove(slot: Int) {
        guard let (list, position) = placement.removeValue(forKey: slot) else { return }
        let last = members[list].removeLast()
        if last != slot {
            members[list][position] = last
            placement[last] = (list, position)
        }
    }

    /// The candidate slots for `query`: every member of the `nprobe` nearest lists.
    /// With `nprobe >= lists` that is every slot, so exact re-scoring finds the exact best.
    public func candidates(_ query: [Float], nprobe: Int) -> [Int] {
        precondition(query.count == dimension, "query must have the index's dimension")
        return rankedLists(query).prefix(max(1, nprobe)).flatMap { members[$0] }
    }
}
