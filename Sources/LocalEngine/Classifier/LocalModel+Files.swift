import Foundation
import JSONCore
import SalesCore

/// Reading and writing the model file, and the model shipped inside the binary.
extension LocalModel {
    /// The model shipped with the engine: the one embedded in the binary, which the tests
    /// keep identical to `policies/local-model.json`. Decoded once. Should it ever fail to
    /// decode (the tests make sure it does not), this is `untrained`: rules and priors only.
    public static let shipped: LocalModel = (try? decode(json: EmbeddedModel.json, source: "embedded model")) ?? .untrained

    /// A model with no features and equal priors: every message gets the same low-confidence guess.
    public static var untrained: LocalModel {
        LocalModel(
            featureVersion: FeatureExtractor.version, labels: Situation.allCases, temperature: 1,
            bias: Situation.allCases.map { $0 == .discoveryShare ? 0.1 : 0 }, features: [], weights: [])
    }

    /// Reads a model written by `save(path:)`.
    public static func load(path: String) throws -> LocalModel {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LocalModelError(problem: "cannot read \(path): \(error.localizedDescription)")
        }
        return try decode(json: text, source: path)
    }

    /// Writes the model as compact JSON, one feature row per line.
    public func save(path: String) throws {
        do {
            try jsonText().write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw LocalModelError(problem: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The model file's text: deterministic, one feature row per line, weights rounded
    /// to four decimals.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        var lines = ["{"]
        lines.append("\"version\":\(version),\"feature_version\":\(featureVersion),\"temperature\":\(try json(temperature)),")
        lines.append("\"labels\":\(try json(labels)),")
        if let embedder { lines.append("\"embedder\":\(try json(embedder)),") }
        lines.append("\"bias\":\(try json(bias)),")
        lines.append("\"features\":\(try json(features)),")
        lines.append("\"weights\":[")
        for (row, values) in weights.enumerated() {
            lines.append(try json(values) + (row + 1 < weights.count ? "," : ""))
        }
        let sections = [("spans", spans), ("tokens", tokens)].compactMap { name, model in model.map { (name, $0) } }
        lines.append(sections.isEmpty ? "]}" : "],")
        for (number, (name, model)) in sections.enumerated() {
            lines.append("\"\(name)\":{\"labels\":\(try json(model.labels)),")
            lines.append("\"bias\":\(try json(model.bias)),")
            lines.append("\"features\":\(try json(model.features)),")
            lines.append("\"weights\":[")
            for (row, values) in model.weights.enumerated() {
                lines.append(try json(values) + (row + 1 < model.weights.count ? "," : ""))
            }
            lines.append(number + 1 < sections.count ? "]}," : "]}}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func decode(json: String, source: String) throws -> LocalModel {
        let model = try ModelJSON.decode(LocalModel.self, json: json, source: source, kind: "model")
        guard model.featureVersion == FeatureExtractor.version else {
            throw LocalModelError(problem: "\(source) was trained on features v\(model.featureVersion), the engine computes v\(FeatureExtractor.version); retrain it")
        }
        return model
    }
}

/// Model files as JSON: read within the document bounds of any JSON the project parses.
enum ModelJSON {
    /// `json` decoded as `T`; an error names `source` and calls it a `kind`.
    static func decode<T: Decodable>(_ type: T.Type, json: String, source: String, kind: String) throws -> T {
        do {
            let bytes = Array(json.utf8)
            try JSONParser.checkBounds(bytes, limits: .document)
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw LocalModelError(problem: "\(source) is not a valid \(kind): \(error)")
        }
    }
}

/// A model file that cannot be read, written or used.
public struct LocalModelError: Error, Sendable, CustomStringConvertible {
    public var problem: String
    public var description: String { problem }
}
