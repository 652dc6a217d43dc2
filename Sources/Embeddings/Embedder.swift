/// Turns text into a fixed-length, unit-length vector, so that the cosine of two texts is
/// the dot product of their vectors (`VectorMath.dot`).
public protocol Embedder: Sendable {
    /// The length of every vector this embedder returns.
    var dimension: Int { get }

    /// Names the model and the table version. Vectors are comparable only when their
    /// identifiers are equal; store it beside any cached vector.
    var identifier: String { get }

    /// The L2-normalised vector of `text`.
    func embed(_ text: String) -> [Float]

    /// Writes the L2-normalised vector of `text` into `output`, which holds exactly
    /// `dimension` floats. Implementations may do this without allocating.
    func embed(_ text: String, into output: UnsafeMutableBufferPointer<Float>)
}

extension Embedder {
    /// Embeds into a new array, then copies: for embedders without an allocation-free path.
    public func embed(_ text: String, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(output.count == dimension, "output must hold exactly `dimension` floats")
        let vector = embed(text)
        _ = output.initialize(from: vector)
    }
}
