import SeededRandom
import Foundation

/// Multinomial logistic regression trained by SGD with L2, over examples given as lists
/// of active feature rows. L2 decay is applied lazily through a shared scale factor, so a
/// step costs only the active features.
struct SoftmaxRegression {
    let featureCount: Int
    let labelCount: Int
    private(set) var bias: [Double]
    private var values: [Double]
    private var scale = 1.0

    init(featureCount: Int, labelCount: Int) {
        self.featureCount = featureCount
        self.labelCount = labelCount
        bias = [Double](repeating: 0, count: labelCount)
        values = [Double](repeating: 0, count: featureCount * labelCount)
    }

    func logits(_ active: [Int]) -> [Double] {
        var logits = bias
        for feature in active {
            let base = feature * labelCount
            for label in 0..<labelCount { logits[label] += values[base + label] * scale }
        }
        return logits
    }

    /// SGD over shuffled epochs; the weights kept are the average of the weights after each
    /// epoch of the second half, so the model does not depend on where the last epoch's
    /// steps happened to leave it (a single changed label once moved held-out accuracy by 3 points).
    mutating func train(_ examples: [(features: [Int], label: Int)], options: TrainingOptions) {
        var random = SplitMix64(seed: options.seed)
        var order = Array(examples.indices)
        let averagedFrom = options.epochs / 2
        var valueSums = [Double](repeating: 0, count: values.count)
        var biasSums = [Double](repeating: 0, count: bias.count)
        var snapshots = 0
        for epoch in 0..<options.epochs {
            random.shuffle(&order)
            let rate = options.learningRate / (1 + options.learningRateDecay * Double(epoch))
            for position in order {
                step(examples[position], rate: rate, l2: options.l2)
            }
            guard epoch >= averagedFrom else { continue }
            for index in values.indices { valueSums[index] += values[index] * scale }
            for label in bias.indices { biasSums[label] += bias[label] }
            snapshots += 1
        }
        guard snapshots > 0 else { return }
        values = valueSums.map { $0 / Double(snapshots) }
        bias = biasSums.map { $0 / Double(snapshots) }
        scale = 1
    }

    private mutating func step(_ example: (features: [Int], label: Int), rate: Double, l2: Double) {
        let probabilities = Softmax.probabilities(logits(example.features))
        scale *= 1 - rate * l2
        if scale < 1e-6 { renormalize() }
        for label in 0..<labelCount {
            let gradient = probabilities[label] - (label == example.label ? 1 : 0)
            bias[label] -= rate * gradient
            let change = rate * gradient / scale
            for feature in example.features { values[feature * labelCount + label] -= change }
        }
    }

    private mutating func renormalize() {
        for index in values.indices { values[index] *= scale }
        scale = 1
    }

    /// The weights, one row per feature, rounded to `decimals`.
    func weightRows(decimals: Int) -> [[Double]] {
        let factor = pow(10, Double(decimals))
        return (0..<featureCount).map { feature in
            (0..<labelCount).map { label in (values[feature * labelCount + label] * scale * factor).rounded() / factor }
        }
    }
}
