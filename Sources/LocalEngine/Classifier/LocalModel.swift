import Foundation
import SalesCore

/// The situation classifier's weights and vocabulary: a multinomial logistic regression
/// over sparse binary features, with a temperature that calibrates its probabilities.
public struct LocalModel: Sendable, Codable, Equatable {
    /// Format version of this file.
    public var version: Int
    /// The `FeatureExtractor` version the model was trained with.
    public var featureVersion: Int
    /// The classes, in weight order.
    public var labels: [Situation]
    /// Logits are divided by this before the softmax (fitted on held-out folds).
    public var temperature: Double
    /// One bias per label.
    public var bias: [Double]
    /// Feature names, in weight order.
    public var features: [String]
    /// One row per feature, one weight per label.
    public var weights: [[Double]]
    /// Which clause fills which clause-level slot; nil: the cue rules alone.
    public var spans: SpanModel?
    /// Which slot each word's value belongs to (the same shape, one row per word feature);
    /// nil: clauses and rules alone.
    public var tokens: SpanModel?
    /// The identifier of the sentence embedder whose vectors are features (nil: none).
    public var embedder: String?

    private var index: [String: Int]

    /// A model from its parts; `weights` has one row of `labels.count` values per feature.
    public init(
        featureVersion: Int, labels: [Situation], temperature: Double, bias: [Double], features: [String], weights: [[Double]],
        spans: SpanModel? = nil, tokens: SpanModel? = nil, embedder: String? = nil
    ) {
        self.version = 2
        self.spans = spans
        self.tokens = tokens
        self.embedder = embedder
        self.featureVersion = featureVersion
        self.labels = labels
        self.temperature = temperature
        self.bias = bias
        self.features = features
        self.weights = weights
        self.index = FeatureRows.index(features)
    }

    enum CodingKeys: String, CodingKey {
        case version, featureVersion = "feature_version", labels, temperature, bias, features, weights, spans, tokens, embedder
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        featureVersion = try container.decode(Int.self, forKey: .featureVersion)
        labels = try container.decode([Situation].self, forKey: .labels)
        temperature = try container.decode(Double.self, forKey: .temperature)
        bias = try container.decode([Double].self, forKey: .bias)
        features = try container.decode([String].self, forKey: .features)
        weights = try container.decode([[Double]].self, forKey: .weights)
        spans = try container.decodeIfPresent(SpanModel.self, forKey: .spans)
        tokens = try container.decodeIfPresent(SpanModel.self, forKey: .tokens)
        embedder = try container.decodeIfPresent(String.self, forKey: .embedder)
        index = FeatureRows.index(features)
        guard bias.count == labels.count, weights.count == features.count, weights.allSatisfy({ $0.count == labels.count }), temperature > 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "model shapes do not match: \(labels.count) labels, \(features.count) features"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(featureVersion, forKey: .featureVersion)
        try container.encode(labels, forKey: .labels)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(bias, forKey: .bias)
        try container.encode(features, forKey: .features)
        try container.encode(weights, forKey: .weights)
        try container.encodeIfPresent(spans, forKey: .spans)
        try container.encodeIfPresent(tokens, forKey: .tokens)
        try container.encodeIfPresent(embedder, forKey: .embedder)
    }

    public static func == (lhs: LocalModel, rhs: LocalModel) -> Bool {
        lhs.version == rhs.version && lhs.featureVersion == rhs.featureVersion && lhs.labels == rhs.labels
            && lhs.temperature == rhs.temperature && lhs.bias == rhs.bias && lhs.features == rhs.features && lhs.weights == rhs.weights
            && lhs.spans == rhs.spans && lhs.tokens == rhs.tokens && lhs.embedder == rhs.embedder
    }

    /// Class probabilities for a feature set, calibrated by the temperature.
    func probabilities(_ active: Set<String>) -> [Double] {
        Softmax.probabilities(logits(active), temperature: temperature)
    }

    /// Raw scores per label, before the temperature.
    func logits(_ active: Set<String>) -> [Double] {
        var logits = bias
        for feature in active {
            guard let row = index[feature] else { continue }
            let rowWeights = weights[row]
            for label in logits.indices { logits[label] += rowWeights[label] }
        }
        return logits
    }

}

/// The softmax, stable for large logits.
enum Softmax {
    static func probabilities(_ logits: [Double], temperature: Double = 1) -> [Double] {
        guard let largest = logits.max() else { return [] }
        let exponentials = logits.map { exp(($0 - largest) / temperature) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }
}

/// The row of each feature name in a model's weight order.
enum FeatureRows {
    static func index(_ features: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(features.count)
        for (row, name) in features.enumerated() { index[name] = row }
        return index
    }
}
