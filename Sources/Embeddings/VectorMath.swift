/// Dot products, cosines and normalisation over contiguous `Float` vectors, with SIMD.
public enum VectorMath {
    /// The dot product of two equal-length vectors: their cosine when both have unit length.
    @inlinable
    public static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in dot(pa, pb) } }
    }

    /// The dot product of two equal-length buffers: four independent `SIMD8` accumulators over
    /// 32 floats a step (the semantic scan's kernel; SemanticIndexBench compares it with the
    /// earlier two-accumulator loop), then 8 a step, then the scalar tail.
    @inlinable
    public static func dot(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        precondition(a.count == b.count, "vectors must have the same length")
        let n = a.count
        guard n > 0, let ra = a.baseAddress, let rb = b.baseAddress else { return 0 }
        var acc0 = SIMD8<Float>(), acc1 = SIMD8<Float>(), acc2 = SIMD8<Float>(), acc3 = SIMD8<Float>()
        var i = 0
        let pa = UnsafeRawPointer(ra), pb = UnsafeRawPointer(rb)
        while i &+ 32 <= n {
            let o = i &* 4
            acc0 += pa.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: o, as: SIMD8<Float>.self)
            acc1 += pa.loadUnaligned(fromByteOffset: o &+ 32, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: o &+ 32, as: SIMD8<Float>.self)
            acc2 += pa.loadUnaligned(fromByteOffset: o &+ 64, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: o &+ 64, as: SIMD8<Float>.self)
            acc3 += pa.loadUnaligned(fromByteOffset: o &+ 96, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: o &+ 96, as: SIMD8<Float>.self)
            i &+= 32
        }
        while i &+ 8 <= n {
            acc0 += pa.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                * pb.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            i &+= 8
        }
        var sum = ((acc0 + acc1) + (acc2 + acc3)).sum()
        while i < n {
            sum += ra[i] * rb[i]
            i &+= 1
        }
        return sum
    }

    /// The cosine similarity of two equal-length vectors of any length; 0 if either is zero.
    @inlinable
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        let norms = (dot(a, a) * dot(b, b)).squareRoot()
        return norms > 0 ? dot(a, b) / norms : 0
    }

    /// Scales `vector` in place to unit length and returns its previous length.
    /// A zero vector stays zero.
    @inlinable
    @discardableResult
    public static func normalize(_ vector: UnsafeMutableBufferPointer<Float>) -> Float {
        let length = dot(UnsafeBufferPointer(vector), UnsafeBufferPointer(vector)).squareRoot()
        guard length > 0 else { return 0 }
        let scale = 1 / length
        for i in vector.indices { vector[i] *= scale }
        return length
    }
}
