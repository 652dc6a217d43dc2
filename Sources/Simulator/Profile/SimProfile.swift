/// A simulator profile: seed, responder, and latency/fault settings per default, tag and model.
///
/// Effective settings for a request are `defaults`, then the request tag's overrides, then the
/// model's overrides (each merged field by field over the previous).
public struct SimProfile: Sendable {
    /// Which responder writes the answers.
    enum Responder: String, Sendable {
        /// `echo: <last user message>`.
        case echo
        /// Answers looked up in a JSONL script by (tag, last user message).
        case script
    }

    /// Seed mixed into every request's random draws.
    public var seed: UInt64
    /// The file (or `builtin:NAME`) this profile came from.
    var source: String
    /// Which responder writes the answers.
    var responder: Responder = .echo
    /// The JSONL script path (relative to the working directory) for the `script` responder.
    var scriptPath: String?
    /// Base settings.
    var defaults = SimSettings()
    /// Overrides per request tag (`x-request-tag`).
    var tags: [String: SimOverride] = [:]
    /// Overrides per model name.
    var models: [String: SimOverride] = [:]

    /// Creates a profile with the given seed and default settings.
    init(seed: UInt64, source: String) {
        self.seed = seed
        self.source = source
    }

    /// The model names the profile configures, sorted (what `GET /v1/models` lists).
    public var modelNames: [String] { models.keys.sorted() }

    /// The effective settings for a request to `model` carrying `tag`.
    func settings(model: String, tag: String?) -> SimSettings {
        defaults.merged(with: tag.flatMap { tags[$0] }).merged(with: models[model])
    }
}
