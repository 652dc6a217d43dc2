import Embeddings
import Testing

@Suite("Vector math")
struct VectorMathTests {
    @Test("dot equals the plain sum for every length around the SIMD width")
    func dotMatchesNaive() {
        for n in 0..<70 {
            let a = (0..<n).map { Float($0 % 7) - 3.5 }, b = (0..<n).map { Float($0 % 5) * 0.25 }
            let naive = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(abs(VectorMath.dot(a, b) - naive) < 1e-3)
        }
    }

    @Test("cosine is scale-free and 0 for a zero vector")
    func cosine() {
        #expect(abs(VectorMath.cosine([1, 2, 3], [2, 4, 6]) - 1) < 1e-6)
        #expect(abs(VectorMath.cosine([1, 0], [0, 5])) < 1e-6)
        #expect(VectorMath.cosine([0, 0], [1, 1]) == 0)
    }

    @Test("normalize makes unit length and leaves zero alone")
    func normalize() {
        var v: [Float] = [3, 4]
        let length = v.withUnsafeMutableBufferPointer { VectorMath.normalize($0) }
        #expect(length == 5 && v == [0.6, 0.8])
        var zero: [Float] = [0, 0, 0]
        #expect(zero.withUnsafeMutableBufferPointer { VectorMath.normalize($0) } == 0)
        #expect(zero == [0, 0, 0])
    }
}
