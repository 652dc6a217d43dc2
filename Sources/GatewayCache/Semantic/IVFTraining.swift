import GatewayCore

/// One training of a bucket's ``IVFIndex``, taken under the bucket's lock and run outside it
/// (``VectorBucket/insertDeferringTraining(_:vector:)``): it holds the bucket's vectors as
/// they were (copy-on-write, so taking it copies nothing), and ``run()`` is pure. The bucket
/// keeps serving with what it had meanwhile, then installs the result and adds to it the
/// slots written since (``VectorBucket/install(_:)``).
public struct IVFTraining: Sendable {
    enum Source: Sendable {
        /// The bucket's flat buffer (slot `i` at row `i`) before its first index.
        case flat([Float])
        /// The index that held the vectors, for a retraining.
        case index(IVFIndex)
    }

    let source: Source
    /// The slots the training covers: `0..<rows`.
    public let rows: Int
    let dimension: Int
    let lists: Int
    let settings: BucketSearchSettings

    /// The trained index over the vectors the job was taken with.
    public func run() -> IVFIndex {
        switch source {
        case .flat(let flat):
            IVFIndex(
                training: flat, dimension: dimension, lists: lists, iterations: settings.iterations, sampleLimit: settings.trainingSample,
                seed: settings.seed)
        case .index(let index):
            IVFIndex(retraining: index, lists: lists, iterations: settings.iterations, sampleLimit: settings.trainingSample, seed: settings.seed)
        }
    }
}
