/// Where a run sends its requests: a full chat-completions URL, plus headers it needs.
public struct LoadTarget: Sendable, Hashable, Codable {
    /// A short name shown in reports (`direct`, `gateway`, `litellm`).
    public var label: String
    /// The endpoint, e.g. `http://127.0.0.1:8787/v1/chat/completions`.
    public var url: String
    /// The `model` the requests name (an alias for a gateway, a model id for an upstream).
    public var model: String
    /// Extra request headers (an `authorization` for a proxy that wants one, say).
    public var headers: [Header]

    /// One request header.
    public struct Header: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(label: String, url: String, model: String, headers: [Header] = []) {
        self.label = label
        self.url = url
        self.model = model
        self.headers = headers
    }

    /// A target whose OpenAI-compatible API lives under `baseURL` (`…/v1/chat/completions`).
    public static func openAICompatible(label: String, baseURL: String, model: String, headers: [Header] = []) -> LoadTarget {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return LoadTarget(label: label, url: trimmed + "/v1/chat/completions", model: model, headers: headers)
    }
}
