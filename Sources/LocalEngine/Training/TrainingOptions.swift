/// Settings of `LocalTrainer.train`. The defaults were chosen by cross-validation on the
/// dev split only.
public struct TrainingOptions: Sendable, Hashable {
    /// Passes of SGD over the training turns.
    public var epochs: Int
    /// Initial step size; it decays as `rate / (1 + decay · epoch)`.
    public var learningRate: Double
    public var learningRateDecay: Double
    /// L2 penalty per example, of the situation classifier.
    public var l2: Double
    /// L2 penalty per example of the clause and token models (slot extraction), which fit
    /// best with less of it than the classifier.
    public var slotL2: Double
    /// A word feature must occur in at least this many turns to enter the vocabulary.
    public var minCount: Int
    /// At most this many features are kept (the most frequent), so the model stays small.
    public var maxFeatures: Int
    /// At most this many clause features are kept by the span model.
    public var maxSpanFeatures: Int
    /// At most this many word features are kept by the token model.
    public var maxTokenFeatures: Int
    /// Passes of SGD over the training words (there are about 18 per turn).
    public var tokenEpochs: Int
    /// Seed of the shuffling; the same seed and data give the same weights.
    public var seed: UInt64
    /// Folds (by conversation) used to fit the temperature on held-out predictions; 0 or 1 skips it.
    public var calibrationFolds: Int

    public init(
        epochs: Int = 30, learningRate: Double = 0.3, learningRateDecay: Double = 0.1, l2: Double = 1e-3, slotL2: Double = 1e-4, minCount: Int = 2,
        maxFeatures: Int = 8000, maxSpanFeatures: Int = 5000, maxTokenFeatures: Int = 4000,
        tokenEpochs: Int = 20, seed: UInt64 = 42, calibrationFolds: Int = 5
    ) {
        self.maxSpanFeatures = maxSpanFeatures
        self.maxTokenFeatures = maxTokenFeatures
        self.tokenEpochs = tokenEpochs
        self.epochs = epochs
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.l2 = l2
        self.slotL2 = slotL2
        self.minCount = minCount
        self.maxFeatures = maxFeatures
        self.seed = seed
        self.calibrationFolds = calibrationFolds
    }
}
