import Foundation

/// Fits the softmax temperature that minimises the negative log-likelihood of held-out
/// predictions, so that confidence reads as a probability.
enum Calibration {
    static func temperature(logits: [[Double]], labels: [Int]) -> Double {
        guard !logits.isEmpty else { return 1 }
        var best = (temperature: 1.0, loss: Double.infinity)
        for step in 0...55 {
            let temperature = (25 + 5 * Double(step)) / 100
            let loss = negativeLogLikelihood(logits: logits, labels: labels, temperature: temperature)
            if loss < best.loss { best = (temperature, loss) }
        }
        return best.temperature
    }

    static func negativeLogLikelihood(logits: [[Double]], labels: [Int], temperature: Double) -> Double {
        var total = 0.0
        for (scores, label) in zip(logits, labels) {
            let probabilities = Softmax.probabilities(scores, temperature: temperature)
            total -= log(max(probabilities[label], 1e-12))
        }
        return total / Double(logits.count)
    }
}
