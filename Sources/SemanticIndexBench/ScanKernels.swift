import Embeddings

/// The exact scans the bench compares: the earlier two-accumulator `SIMD8` dot product (the
/// "before" of the kernel change, kept here only to measure against) and the shipped one.
enum ScanKernel: String, CaseIterable, Codable {
    case before = "scan 2xSIMD8 (before)"
    case after = "scan 4xSIMD8 (VectorMath.dot)"

    /// The slot with the largest dot product with `query` among `rows` rows of `vectors`.
    func best(_ query: [Float], in vectors: [Float], dimension: Int) -> (slot: Int, score: Float) {
        query.withUnsafeBufferPointer { q in
            vectors.withUnsafeBufferPointer { all in
                var best = (slot: -1, score: -Float.infinity)
                for slot in 0..<(all.count / dimension) {
                    let row = UnsafeBufferPointer(rebasing: all[(slot * dimension)..<((slot + 1) * dimension)])
                    let score = self == .before ? Self.dotBefore(q, row) : VectorMath.dot(q, row)
                    if score > best.score { best = (slot, score) }
                }
                return best
            }
        }
    }

    /// The dot product as VectorMath computed it before: two `SIMD8` accumulators, 16 floats a step.
    @inline(__always)
    static func dotBefore(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        let n = a.count
        guard n > 0, let ra = a.baseAddress, let rb = b.baseAddress else { return 0 }
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>()
        var i = 0
        let pa = UnsafeRawPointer(ra), pb = UnsafeRawPointer(rb)
        while i + 16 <= n {
            let o = i &* 4
            acc0 += pa.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self) * pb.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            acc1 += pa.loadUnaligned(fromByteOffset: o &+ 32, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: o &+ 32, as: SIMD8<Float>.self)
            i &+= 16
        }
        var sum = (acc0 + acc1).sum()
        while i < n {
            sum += ra[i] * rb[i]
            i &+= 1
        }
        return sum
    }
}
