import Foundation
import SalesCore

/// Which clause-level slot a clause of a message fills (`pain_point`, `objection`, …, or
/// none): a multinomial logistic regression over the clause's features, trained on dev.
public struct SpanModel: Sendable, Codable, Equatable {
    /// `none` first, then slot names, in weight order.
    public var labels: [String]
    /// One bias per label.
    public var bias: [Double]
    /// Feature names, in weight order.
    public var features: [String]
    /// One row per feature, one weight per label.
    public var weights: [[Double]]

    private var index: [String: Int]

    /// A model from its parts.
    public init(labels: [String], bias: [Double], features: [String], weights: [[Double]]) {
        self.labels = labels
        self.bias = bias
        self.features = features
        self.weights = weights
        self.index = Dictionary(features.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    enum CodingKeys: String, CodingKey { case labels, bias, features, weights }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            labels: try container.decode([String].self, forKey: .labels), bias: try container.decode([Double].self, forKey: .bias),
            features: try container.decode([String].self, forKey: .features), weights: try container.decode([[Double]].self, forKey: .weights))
        guard bias.count == labels.count, weights.count == features.count, weights.allSatisfy({ $0.count == labels.count }),
            labels.dropFirst().allSatisfy({ Slot(rawValue: $0) != nil })
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "span model shapes do not match"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(labels, forKey: .labels)
        try container.encode(bias, forKey: .bias)
        try container.encode(features, forKey: .features)
        try container.encode(weights, forKey: .weights)
    }

    public static func == (lhs: SpanModel, rhs: SpanModel) -> Bool {
        lhs.labels == rhs.labels && lhs.bias == rhs.bias && lhs.features == rhs.features && lhs.weights == rhs.weights
    }

    /// Label probabilities for one clause's (or token's) features.
    func probabilities(_ active: some Sequence<String>) -> [Double] {
        var logits = bias
        for feature in active {
            guard let row = index[feature] else { continue }
            let rowWeights = weights[row]
            for label in logits.indices { logits[label] += rowWeights[label] }
        }
        return Softmax.probabilities(logits)
    }
}
