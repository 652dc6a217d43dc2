import Embeddings
import SeededRandom

/// An inverted-file (IVF) approximate index over a bucket's slots: a seeded k-means coarse
/// quantizer splits the unit vectors into `lists`; a search scans only the `nprobe` lists whose
/// centroids are nearest the query and returns candidate slots. The caller re-scores every
/// candidate on its true vector, so the index can only miss, never create a wrong hit.
/// Pure and deterministic: the same vectors in the same order and the same seed give the same index.
public struct IVFIndex: Sendable, Equatable {
    public let dimension: Int
    /// Row-major centroids (`lists * dimension`), unit length.
    public private(set) var centroids: [Float]
    /// The slots assigned to each list.
    public private(set) var members: [[Int]]
    /// The list of each slot (-1: not in the index), indexed by slot.
    private var listOfSlot: [Int32] = []
    /// The position of each slot in its list, indexed by slot.
    private var positionOfSlot: [Int32] = []
    /// How many slots the index holds.
    public private(set) var count = 0

    public static func == (lhs: IVFIndex, rhs: IVFIndex) -> Bool {
        lhs.dimension == rhs.dimension && lhs.centroids == rhs.centroids && lhs.members == rhs.members
    }

    /// How many lists the quantizer has.
    public var lists: Int { members.count }

    /// Trains `lists` centroids on `vectors` (row-major, `count * dimension`, slot `i` at row `i`)
    /// with `iterations` of Lloyd's k-means from a seeded choice of rows, then assigns every row.
    /// With `sampleLimit`, k-means runs on at most that many seeded rows (bounded training
    /// cost: `sampleLimit * lists * dimension * iterations`); every row is still assigned.
    public init(training vectors: [Float], dimension: Int, lists: Int, iterations: Int = 8, sampleLimit: Int = .max, seed: UInt64) {
        precondition(dimension > 0 && lists > 0 && vectors.count % dimension == 0)
        let rows = vectors.count / dimension
        self.dimension = dimension
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<rows)
        let sampled = min(rows, max(sampleLimit, lists))
        for i in 0..<sampled {
            let j = i + Int(generator.next() % UInt64(rows - i))
            order.swapAt(i, j)
        }
        let sample = order.prefix(sampled)
        let k = max(1, min(lists, rows))
        var centroids = [Float](repeating: 0, count: k * dimension)
        for (c, row) in sample.prefix(k).enumerated() {
            for d in 0..<dimension { centroids[c * dimension + d] = vectors[row * dimension + d] }
        }
        for _ in 0..<max(0, iterations) {
            var sums = [Float](repeating: 0, count: k * dimension)
            var sizes = [Int](repeating: 0, count: k)
            for row in sample {
                let c = Self.nearest(vectors, offset: row * dimension, centroids: centroids, dimension: dimension)
                sizes[c] += 1
                for d in 0..<dimension { sums[c * dimension + d] += vectors[row * dimension + d] }
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
            place(slot: row, list: Self.nearest(vectors, offset: row * dimension, centroids: centroids, dimension: dimension))
        }
    }

    /// The centroid with the largest dot product with the row at `offset` of `vectors`.
    static func nearest(_ vectors: [Float], offset: Int, centroids: [Float], dimension: Int) -> Int {
        vectors.withUnsafeBufferPointer { all in
            centroids.withUnsafeBufferPointer { cs in
                let row = UnsafeBufferPointer(rebasing: all[offset..<(offset + dimension)])
                var best = 0
                var bestScore = -Float.infinity
                for c in 0..<(cs.count / dimension) {
                    let score = VectorMath.dot(row, UnsafeBufferPointer(rebasing: cs[(c * dimension)..<((c + 1) * dimension)]))
                    if score > bestScore { bestScore = score; best = c }
                }
                return best
            }
        }
    }

    /// The `nprobe` lists whose centroids have the largest dot product with `query`, best first.
    func nearestLists(_ query: [Float], nprobe: Int) -> [Int] {
        let wanted = max(1, min(nprobe, lists))
        var best: [(list: Int, score: Float)] = []
        best.reserveCapacity(wanted + 1)
        query.withUnsafeBufferPointer { q in
            centroids.withUnsafeBufferPointer { cs in
                for c in 0..<lists {
                    let score = VectorMath.dot(q, UnsafeBufferPointer(rebasing: cs[(c * dimension)..<((c + 1) * dimension)]))
                    guard best.count < wanted || score > best[best.count - 1].score else { continue }
                    let at = best.firstIndex { $0.score < score } ?? best.count
                    best.insert((c, score), at: at)
                    if best.count > wanted { best.removeLast() }
                }
            }
        }
        return best.map(\.list)
    }

    /// Adds (or moves) `slot` with its unit `vector` into the list of its nearest centroid.
    public mutating func insert(slot: Int, vector: [Float]) {
        precondition(vector.count == dimension, "vector must have the index's dimension")
        remove(slot: slot)
        place(slot: slot, list: Self.nearest(vector, offset: 0, centroids: centroids, dimension: dimension))
    }

    private mutating func place(slot: Int, list: Int) {
        if slot >= listOfSlot.count {
            let grown = max(slot + 1, listOfSlot.count * 2)
            listOfSlot.append(contentsOf: repeatElement(-1, count: grown - listOfSlot.count))
            positionOfSlot.append(contentsOf: repeatElement(-1, count: grown - positionOfSlot.count))
        }
        listOfSlot[slot] = Int32(list)
        positionOfSlot[slot] = Int32(members[list].count)
        members[list].append(slot)
        count += 1
    }

    /// Removes `slot` (evicted or reused); a slot not in the index is ignored.
    public mutating func remove(slot: Int) {
        guard slot >= 0, slot < listOfSlot.count, listOfSlot[slot] >= 0 else { return }
        let list = Int(listOfSlot[slot]), position = Int(positionOfSlot[slot])
        listOfSlot[slot] = -1
        positionOfSlot[slot] = -1
        count -= 1
        let last = members[list].removeLast()
        if last != slot {
            members[list][position] = last
            positionOfSlot[last] = Int32(position)
        }
    }

    /// The candidate slots for `query`: every member of the `nprobe` nearest lists.
    /// With `nprobe >= lists` that is every slot, so exact re-scoring finds the exact best.
    public func candidates(_ query: [Float], nprobe: Int) -> [Int] {
        precondition(query.count == dimension, "query must have the index's dimension")
        return nearestLists(query, nprobe: nprobe).flatMap { members[$0] }
    }

    /// Calls `body` with every candidate slot for `query` (as `candidates`, without the array).
    public func forEachCandidate(_ query: [Float], nprobe: Int, _ body: (Int) -> Void) {
        precondition(query.count == dimension, "query must have the index's dimension")
        for list in nearestLists(query, nprobe: nprobe) {
            for slot in members[list] { body(slot) }
        }
    }
}
