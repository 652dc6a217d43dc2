import NIOHTTP1

/// Which provider's wire format a request speaks (and its errors come back in).
enum WireFormat: String, Sendable {
    /// OpenAI Chat Completions.
    case openAI
    /// Anthropic Messages.
    case anthropic
    /// Google Gemini generateContent.
    case gemini
}

/// What an incoming method and URI ask for; pure, no I/O.
enum SimRoute: Equatable, Sendable {
    /// A generation request; Gemini names the model and the streaming mode in the path.
    case generate(WireFormat, pathModel: String?, pathStream: Bool)
    /// An embeddings request: OpenAI `POST /v1/embeddings`, Gemini
    /// `POST /v1beta/models/{model}:batchEmbedContents`.
    case embeddings(WireFormat, pathModel: String?)
    /// Anthropic `POST /v1/messages/count_tokens`.
    case countTokens
    /// `GET /v1/models`.
    case listModels
    /// `GET /health`.
    case health
    /// `GET /sim/stats`.
    case stats
    /// `GET /sim/last-request`: the last generation request as it arrived.
    case lastRequest
    /// `PUT /sim/faults`: run-time fault rates (`SimFaultControl`).
    case setFaults
    /// Anything else; the error body uses the format the path looks like.
    case notFound(WireFormat)

    /// Matches a request line. Query strings are ignored here.
    init(method: HTTPMethod, uri: String) {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? uri
        switch (method, path) {
        case (.POST, "/v1/chat/completions"): self = .generate(.openAI, pathModel: nil, pathStream: false)
        case (.POST, "/v1/messages"): self = .generate(.anthropic, pathModel: nil, pathStream: false)
        case (.POST, "/v1/messages/count_tokens"): self = .countTokens
        case (.POST, "/v1/embeddings"): self = .embeddings(.openAI, pathModel: nil)
        case (.GET, "/v1/models"): self = .listModels
        case (.GET, "/health"): self = .health
        case (.GET, "/sim/stats"): self = .stats
        case (.GET, "/sim/last-request"): self = .lastRequest
        case (.PUT, "/sim/faults"): self = .setFaults
        default:
            if method == .POST, let model = Self.geminiEmbeddingModel(path: path) {
                self = .embeddings(.gemini, pathModel: model)
            } else if method == .POST, let (model, stream) = Self.geminiModel(path: path) {
                self = .generate(.gemini, pathModel: model, pathStream: stream)
            } else if path.hasPrefix("/v1beta") {
                self = .notFound(.gemini)
            } else if path.hasPrefix("/v1/messages") {
                self = .notFound(.anthropic)
            } else {
                self = .notFound(.openAI)
            }
        }
    }

    /// `/v1beta/models/{model}:batchEmbedContents` → model.
    private static func geminiEmbeddingModel(path: String) -> String? {
        let prefix = "/v1beta/models/", suffix = ":batchEmbedContents"
        guard path.hasPrefix(prefix), path.hasSuffix(suffix) else { return nil }
        let model = path.dropFirst(prefix.count).dropLast(suffix.count)
        return model.isEmpty || model.contains("/") ? nil : String(model)
    }

    /// `/v1beta/models/{model}:generateContent` or `:streamGenerateContent` → (model, stream).
    private static func geminiModel(path: String) -> (String, Bool)? {
        let prefix = "/v1beta/models/"
        guard path.hasPrefix(prefix), let colon = path.lastIndex(of: ":") else { return nil }
        let model = String(path[path.index(path.startIndex, offsetBy: prefix.count)..<colon])
        guard !model.isEmpty, !model.contains("/") else { return nil }
        switch path[path.index(after: colon)...] {
        case "generateContent": return (model, false)
        case "streamGenerateContent": return (model, true)
        default: return nil
        }
    }
}
