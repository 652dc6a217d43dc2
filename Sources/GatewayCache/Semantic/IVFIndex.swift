import Embeddings
import SeededRandom

/// An inverted-file (IVF) approximate index over a bucket's slots: a seeded k-means coarse
/// quantizer splits the unit vectors into `lists`; a search scans only the `nprobe` lists whose
/// centroids are nearest the query. Each list keeps its vectors contiguous (``IVFList``), so
/// the index holds the bucket's vectors (the bucket keeps no second copy) and a probe's scores
/// are exact cosines: the index can only miss a match, never create a wrong one.
/// Pure and deterministic: the same vectors in the same order and the same seed give the same index.
public struct IVFIndex: Sendable, Equatable {
    public let dimension: Int
    /// Row-major centroids (`lists * dimension`), unit length.
    public private(set) var centroids: [Float]
    private var postings: [IVFList]
    /// The list of each slot (-1: not in the index), indexed by slot.
    private var listOfSlot: [Int32] = []
    /// The position of each slot in its list, indexed by slot.
    private var positionOfSlot: [Int32] = []
    /// How many slots the index holds.
    public private(set) var count = 0

    public static func == (lhs: IVFIndex, rhs: IVFIndex) -> Bool {
        lhs.dimension == rhs.dimension && lhs.centroids == rhs.centroids && lhs.postings == rhs.postings
    }

    /// How many lists the quantizer has.
    public var lists: Int { postings.count }

    /// The slots of each list, in list order.
    public var members: [[Int]] { postings.map(\.slots) }

    /// Trains `lists` centroids on `vectors` (row-major, `count * dimension`, slot `i` at row `i`)
    /// with `iterations` of Lloyd's k-means from a seeded choice of rows, then assigns every row.
    /// With `sampleLimit`, k-means runs on at most that many seeded rows (bounded training
    /// cost: `sampleLimit * lists * dimension * iterations`); every row is still assigned.
    public init(training vectors: [Float], dimension: Int, lists: Int, iterations: Int = 8, sampleLimit: Int = .max, seed: UInt64) {
        precondition(dimension > 0 && lists > 0 && vectors.count % dimension == 0)
        let rows = vectors.count / dimension
        self.dimension = dimension
        let sample = Self.sampleRows(rows: rows, lists: lists, sampleLimit: sampleLimit, seed: seed)
        var sampled = [Float]()
        sampled.reserveCapacity(sample.count * dimension)
        for row in sample { sampled.append(contentsOf: vectors[(row * dimension)..<((row + 1) * dimension)]) }
        let centroids = Self.train(sampled, dimension: dimension, lists: lists, iterations: iterations)
        self.centroids = centroids
        self.postings = Array(repeating: IVFList(), count: centroids.count / dimension)
        vectors.withUnsafeBufferPointer { all in
            for row in 0..<rows {
                let vector = UnsafeBufferPointer(rebasing: all[(row * dimension)..<((row + 1) * dimension)])
                place(slot: row, vector: vector, list: Self.nearest(vector, centroids: centroids, dimension: dimension))
            }
        }
    }

    /// Trains `lists` centroids again on a seeded sample of `previous`'s rows and assigns every
    /// slot it holds, reading the rows list by list: no copy of all the vectors is made (only
    /// the sample's), so a retraining holds at most the two indexes at once.
    public init(retraining previous: IVFIndex, lists: Int, iterations: Int = 8, sampleLimit: Int = .max, seed: UInt64) {
        let dimension = previous.dimension
        self.dimension = dimension
        var located: [(list: Int32, position: Int32)] = []
        located.reserveCapacity(previous.count)
        for (list, posting) in previous.postings.enumerated() {
            for position in 0..<posting.count { located.append((Int32(list), Int32(position))) }
        }
        let sample = Self.sampleRows(rows: located.count, lists: lists, sampleLimit: sampleLimit, seed: seed)
        var sampled = [Float]()
        sampled.reserveCapacity(sample.count * dimension)
        for row in sample {
            let (list, position) = located[row]
            sampled.append(contentsOf: previous.postings[Int(list)].row(Int(position), dimension: dimension))
        }
        let centroids = Self.train(sampled, dimension: dimension, lists: max(1, lists), iterations: iterations)
        self.centroids = centroids
        self.postings = Array(repeating: IVFList(), count: centroids.count / dimension)
        for posting in previous.postings {
            posting.rows.withUnsafeBufferPointer { rows in
                for (position, slot) in posting.slots.enumerated() {
                    let vector = UnsafeBufferPointer(rebasing: rows[(position * dimension)..<((position + 1) * dimension)])
                    place(slot: slot, vector: vector, list: Self.nearest(vector, centroids: centroids, dimension: dimension))
                }
            }
        }
    }

    /// A seeded choice of at most `max(sampleLimit, lists)` of `rows` row numbers, in the order
    /// k-means takes them (its first `lists` are the initial centroids).
    private static func sampleRows(rows: Int, lists: Int, sampleLimit: Int, seed: UInt64) -> ArraySlice<Int> {
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<rows)
        let sampled = min(rows, max(sampleLimit, lists))
        for i in 0..<sampled {
            let j = i + Int(generator.next() % UInt64(rows - i))
            order.swapAt(i, j)
        }
        return order.prefix(sampled)
    }

    /// Lloyd's k-means on `sample` (row-major), starting from its first `lists` rows: the unit
    /// centroids, row-major.
    private static func train(_ sample: [Float], dimension: Int, lists: Int, iterations: Int) -> [Float] {
        let rows = sample.count / dimension
        let k = max(1, min(lists, rows))
        var centroids = Array(sample.prefix(k * dimension))
        if centroids.isEmpty { centroids = [Float](repeating: 0, count: dimension) }
        sample.withUnsafeBufferPointer { all in
            for _ in 0..<max(0, iterations) {
                var sums = [Float](repeating: 0, count: k * dimension)
                var sizes = [Int](repeating: 0, count: k)
                for row in 0..<rows {
                    let vector = UnsafeBufferPointer(rebasing: all[(row * dimension)..<((row + 1) * dimension)])
                    let c = nearest(vector, centroids: centroids, dimension: dimension)
                    sizes[c] += 1
                    for d in 0..<dimension { sums[c * dimension + d] += vector[d] }
                }
                for c in 0..<k where sizes[c] > 0 {
                    var norm: Float = 0
                    for d in 0..<dimension { norm += sums[c * dimension + d] * sums[c * dimension + d] }
                    let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                    for d in 0..<dimension { centroids[c * dimension + d] = sums[c * dimension + d] * scale }
                }
            }
        }
        return centroids
    }

    /// The centroid with the largest dot product with `vector`.
    static func nearest(_ vector: UnsafeBufferPointer<Float>, centroids: [Float], dimension: Int) -> Int {
        centroids.withUnsafeBufferPointer { cs in
            var best = 0
            var bestScore = -Float.infinity
            for c in 0..<(cs.count / dimension) {
                let score = VectorMath.dot(vector, UnsafeBufferPointer(rebasing: cs[(c * dimension)..<((c + 1) * dimension)]))
                if score > bestScore { bestScore = score; best = c }
            }
            return best
        }
    }

    /// The `nprobe` lists whose centroids have the largest dot product with `query`, best first.
    func nearestLists(_ query: UnsafeBufferPointer<Float>, nprobe: Int) -> [Int] {
        let wanted = max(1, min(nprobe, lists))
        var best: [(list: Int, score: Float)] = []
        best.reserveCapacity(wanted + 1)
        centroids.withUnsafeBufferPointer { cs in
            for c in 0..<lists {
                let score = VectorMath.dot(query, UnsafeBufferPointer(rebasing: cs[(c * dimension)..<((c + 1) * dimension)]))
                guard best.count < wanted || score > best[best.count - 1].score else { continue }
                let at = best.firstIndex { $0.score < score } ?? best.count
                best.insert((c, score), at: at)
                if best.count > wanted { best.removeLast() }
            }
        }
        return best.map(\.list)
    }

    /// Adds (or moves) `slot` with its unit `vector` into the list of its nearest centroid.
    public mutating func insert(slot: Int, vector: [Float]) {
        precondition(vector.count == dimension, "vector must have the index's dimension")
        remove(slot: slot)
        vector.withUnsafeBufferPointer { vector in
            place(slot: slot, vector: vector, list: Self.nearest(vector, centroids: centroids, dimension: dimension))
        }
    }

    private mutating func place(slot: Int, vector: UnsafeBufferPointer<Float>, list: Int) {
        if slot >= listOfSlot.count {
            let grown = max(slot + 1, listOfSlot.count * 2)
            listOfSlot.append(contentsOf: repeatElement(-1, count: grown - listOfSlot.count))
            positionOfSlot.append(contentsOf: repeatElement(-1, count: grown - positionOfSlot.count))
        }
        listOfSlot[slot] = Int32(list)
        positionOfSlot[slot] = Int32(postings[list].append(slot: slot, vector: vector))
        count += 1
    }

    /// Removes `slot` (evicted or reused); a slot not in the index is ignored.
    public mutating func remove(slot: Int) {
        guard slot >= 0, slot < listOfSlot.count, listOfSlot[slot] >= 0 else { return }
        let list = Int(listOfSlot[slot]), position = Int(positionOfSlot[slot])
        listOfSlot[slot] = -1
        positionOfSlot[slot] = -1
        count -= 1
        if let moved = postings[list].remove(at: position, dimension: dimension) {
            positionOfSlot[moved] = Int32(position)
        }
    }

    /// The vector stored for `slot`, nil when the slot is not in the index.
    public func vector(of slot: Int) -> [Float]? {
        guard slot >= 0, slot < listOfSlot.count, listOfSlot[slot] >= 0 else { return nil }
        return Array(postings[Int(listOfSlot[slot])].row(Int(positionOfSlot[slot]), dimension: dimension))
    }

    /// The candidate slots for `query`: every member of the `nprobe` nearest lists.
    /// With `nprobe >= lists` that is every slot.
    public func candidates(_ query: [Float], nprobe: Int) -> [Int] {
        precondition(query.count == dimension, "query must have the index's dimension")
        return query.withUnsafeBufferPointer { q in nearestLists(q, nprobe: nprobe).flatMap { postings[$0].slots } }
    }

    /// Calls `body` with every slot of the `nprobe` lists nearest `query` and its exact score
    /// (the dot product with the slot's stored vector), list by list, each read contiguously.
    public func forEachScored(_ query: [Float], nprobe: Int, _ body: (_ slot: Int, _ score: Float) -> Void) {
        precondition(query.count == dimension, "query must have the index's dimension")
        let dimension = dimension
        query.withUnsafeBufferPointer { q in
            for list in nearestLists(q, nprobe: nprobe) {
                let posting = postings[list]
                posting.rows.withUnsafeBufferPointer { rows in
                    guard let base = rows.baseAddress else { return }
                    for (position, slot) in posting.slots.enumerated() {
                        body(slot, VectorMath.dot(q, UnsafeBufferPointer(start: base + position &* dimension, count: dimension)))
                    }
                }
            }
        }
    }

    /// How many rows a probe of `query` scores.
    public func scoredRows(_ query: [Float], nprobe: Int) -> Int {
        query.withUnsafeBufferPointer { q in nearestLists(q, nprobe: nprobe).reduce(0) { $0 + postings[$1].count } }
    }
}
