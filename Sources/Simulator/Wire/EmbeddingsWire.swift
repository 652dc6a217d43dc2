import Foundation
import SeededRandom

extension WireError: Error {}

/// Embeddings answers: OpenAI `/v1/embeddings` and Gemini `:batchEmbedContents`, with
/// deterministic unit vectors (a function of the text and the model only), and OpenAI's
/// usage by the simulator's input-token rule.
enum EmbeddingsWire {
    /// Dimensions when the request sets none.
    static let defaultDimensions = 16
    /// The most dimensions one request may ask for (text-embedding-3-large's width).
    static let maxDimensions = 3072
    /// The most inputs one request may carry.
    static let maxInputs = 2048

    static func reply(_ body: [UInt8], format: WireFormat, pathModel: String?) -> Result<String, WireError> {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            return .failure(format.error(.badRequest, message: "the request body must be a JSON object"))
        }
        switch format {
        case .gemini: return gemini(json, model: pathModel ?? "")
        case .openAI, .anthropic: return openAI(json)
        }
    }

    private static func openAI(_ json: [String: Any]) -> Result<String, WireError> {
        func bad(_ message: String) -> Result<String, WireError> { .failure(OpenAIWire.error(.badRequest, message: message)) }
        guard let model = json["model"] as? String else { return bad("'model' is required") }
        let inputs: [String]
        switch json["input"] {
        case let one as String: inputs = [one]
        case let many as [Any] where many.allSatisfy({ $0 is String }): inputs = many.compactMap { $0 as? String }
        default: return bad("'input' must be a string or an array of strings")
        }
        guard !inputs.isEmpty, inputs.count <= maxInputs else { return bad("'input' must hold 1 to \(maxInputs) strings") }
        let dimensions = json["dimensions"] as? Int ?? defaultDimensions
        guard (1...maxDimensions).contains(dimensions) else { return bad("'dimensions' must be 1 to \(maxDimensions)") }
        var out = "{\"object\":\"list\",\"data\":["
        for (index, text) in inputs.enumerated() {
            if index > 0 { out += "," }
            out += "{\"object\":\"embedding\",\"index\":\(index),\"embedding\":" + array(vector(text, model: model, dimensions: dimensions)) + "}"
        }
        let tokens = inputs.reduce(0) { $0 + SimTokenizer.inputTokens(utf8Count: $1.utf8.count) }
        out += "],\"model\":" + JSONText.quoted(model) + ",\"usage\":{\"prompt_tokens\":\(tokens),\"total_tokens\":\(tokens)}}"
        return .success(out)
    }

    private static func gemini(_ json: [String: Any], model: String) -> Result<String, WireError> {
        func bad(_ message: String) -> Result<String, WireError> { .failure(GeminiWire.error(.badRequest, message: message)) }
        guard let requests = json["requests"] as? [[String: Any]], !requests.isEmpty, requests.count <= maxInputs else {
            return bad("'requests' must hold 1 to \(maxInputs) requests")
        }
        var vectors: [String] = []
        for request in requests {
            let parts = (request["content"] as? [String: Any])?["parts"] as? [[String: Any]] ?? []
            let text = parts.compactMap { $0["text"] as? String }.joined(separator: "\n")
            let dimensions = request["outputDimensionality"] as? Int ?? defaultDimensions
            guard (1...maxDimensions).contains(dimensions) else { return bad("'outputDimensionality' must be 1 to \(maxDimensions)") }
            vectors.append("{\"values\":" + array(vector(text, model: model, dimensions: dimensions)) + "}")
        }
        return .success("{\"embeddings\":[" + vectors.joined(separator: ",") + "]}")
    }

    /// A unit vector drawn from a seed made of the model and the text.
    static func vector(_ text: String, model: String, dimensions: Int) -> [Float] {
        var random = SplitMix64(seed: 0, key: model + "\u{0}" + text)
        var values = (0..<dimensions).map { _ in Float(Double(random.next() >> 11) / Double(1 << 53)) * 2 - 1 }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { values = values.map { $0 / norm } }
        return values
    }

    private static func array(_ values: [Float]) -> String {
        "[" + values.map { String($0) }.joined(separator: ",") + "]"
    }
}

/// Anthropic `POST /v1/messages/count_tokens`: `{"input_tokens": N}` by the simulator's
/// input-token rule over the system prompt and every message, as generation counts them.
enum CountTokensWire {
    static func reply(_ body: [UInt8]) -> Result<String, WireError> {
        do throws(SimRequestError) {
            let request = try SimRequest.parse(body, format: .anthropic, pathModel: nil, pathStream: false)
            return .success("{\"input_tokens\":\(request.inputTokens)}")
        } catch {
            return .failure(AnthropicWire.error(.badRequest, message: error.message))
        }
    }
}
