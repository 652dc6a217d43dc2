import GatewayCache
import Testing
import TestSupport

/// The IVF index against brute force on seeded vectors: exact with every list probed, a recall
/// floor with few lists probed, removal, and determinism of training.
@Suite("IVF index")
struct IVFIndexTests {
    static let dimension = 32

    /// `count` unit vectors around `clusters` seeded centres (clustered, like sentence embeddings).
    static func vectors(count: Int, clusters: Int, seed: UInt64) -> [Float] {
        var state = seed
        func uniform() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / Float(1 << 24) * 2 - 1
        }
        let centres = (0..<(clusters * dimension)).map { _ in uniform() }
        var out: [Float] = []
        for i in 0..<count {
            let c = i % clusters
            var row = (0..<dimension).map { centres[c * dimension + $0] + 0.4 * uniform() }
            let norm = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            row = row.map { $0 / norm }
            out.append(contentsOf: row)
        }
        return out
    }

    static func row(_ all: [Float], _ i: Int) -> [Float] { Array(all[(i * dimension)..<((i + 1) * dimension)]) }

    static func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    static func best(_ query: [Float], among slots: [Int], in all: [Float]) -> Int? {
        slots.max { dot(query, row(all, $0)) < dot(query, row(all, $1)) }
    }

    @Test("probing every list returns every slot, so re-scoring finds the exact best")
    func exactWithAllLists() {
        let data = Self.vectors(count: 600, clusters: 12, seed: 1)
        let queries = Self.vectors(count: 50, clusters: 12, seed: 2)
        let index = IVFIndex(training: data, dimension: Self.dimension, lists: 16, seed: 7)
        #expect(index.count == 600)
        for q in 0..<50 {
            let query = Self.row(queries, q)
            let candidates = index.candidates(query, nprobe: index.lists)
            #expect(Set(candidates) == Set(0..<600))
            #expect(Self.best(query, among: candidates, in: data) == Self.best(query, among: Array(0..<600), in: data))
        }
    }

    @Test("recall@1 with 4 of 32 lists probed is at least 0.9 on clustered vectors")
    func recallFloor() async throws {
        // Seconds of CPU in a debug build: off the cooperative pool (see onOwnThread).
        let (hits, oversized) = try await onOwnThread {
            let data = Self.vectors(count: 2000, clusters: 40, seed: 3)
            let queries = Self.vectors(count: 200, clusters: 40, seed: 4)
            let index = IVFIndex(training: data, dimension: Self.dimension, lists: 32, seed: 7)
            var hits = 0
            var oversized = 0
            for q in 0..<200 {
                let query = Self.row(queries, q)
                let candidates = index.candidates(query, nprobe: 4)
                if candidates.count >= 2000 { oversized += 1 }
                if Self.best(query, among: candidates, in: data) == Self.best(query, among: Array(0..<2000), in: data) { hits += 1 }
            }
            return (hits, oversized)
        }
        #expect(oversized == 0, "\(oversized) queries probed every slot")
        #expect(Double(hits) / 200 >= 0.9, "recall@1 \(Double(hits) / 200)")
    }

    @Test("a removed slot is never a candidate; re-inserting a slot moves it, not duplicates it")
    func removal() {
        let data = Self.vectors(count: 300, clusters: 6, seed: 5)
        var index = IVFIndex(training: data, dimension: Self.dimension, lists: 8, seed: 7)
        for slot in stride(from: 0, to: 300, by: 3) { index.remove(slot: slot) }
        #expect(index.count == 200)
        let all = index.candidates(Self.row(data, 1), nprobe: index.lists)
        #expect(all.count == 200)
        #expect(all.allSatisfy { $0 % 3 != 0 })
        index.insert(slot: 1, vector: Self.row(data, 2))
        index.insert(slot: 0, vector: Self.row(data, 0))
        let after = index.candidates(Self.row(data, 1), nprobe: index.lists)
        #expect(after.count == 201)
        #expect(after.filter { $0 == 1 }.count == 1)
        index.remove(slot: 9999)
        #expect(index.count == 201)
    }

    @Test("training is deterministic for a seed and the index grows by insertion")
    func deterministicAndGrowing() {
        let data = Self.vectors(count: 500, clusters: 10, seed: 6)
        let first = IVFIndex(training: data, dimension: Self.dimension, lists: 10, seed: 42)
        let second = IVFIndex(training: data, dimension: Self.dimension, lists: 10, seed: 42)
        #expect(first == second)
        var grown = IVFIndex(training: Array(data[0..<(100 * Self.dimension)]), dimension: Self.dimension, lists: 10, seed: 42)
        for slot in 100..<500 { grown.insert(slot: slot, vector: Self.row(data, slot)) }
        #expect(grown.count == 500)
        #expect(Set(grown.candidates(Self.row(data, 0), nprobe: grown.lists)) == Set(0..<500))
        let tiny = IVFIndex(training: Array(data[0..<(3 * Self.dimension)]), dimension: Self.dimension, lists: 10, seed: 42)
        #expect(tiny.lists == 3)
    }
}
