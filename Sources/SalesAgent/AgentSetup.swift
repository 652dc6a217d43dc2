import AsyncHTTPClient
import Embeddings
import Foundation
import LocalEngine
import SalesCore

/// Which engine answers the LLM steps.
public enum AgentBackend: String, Sendable, Hashable, CaseIterable, Codable {
    /// In-process local engine: offline, no network.
    case local
    /// LLMs through `llm-gateway`, with the local engine as the fallback.
    case gateway
}

/// How to build an agent: every option a command line or a test can set.
public struct AgentOptions: Sendable {
    public var backend: AgentBackend
    public var gatewayURL: String
    public var playbookPath: String?
    public var modelPath: String?
    public var variant: PromptVariant
    public var pipeline: PipelineConfiguration
    public var models: StepModels
    /// Accept replies the gateway marks simulated (benches, the demo); chat and serve do not.
    public var acceptSimulatedReplies: Bool
    /// The tenant key sent to a gateway that has `tenants:` (read from the environment).
    public var gatewayKey: String?

    public init(
        backend: AgentBackend = .local, gatewayURL: String = "http://127.0.0.1:8787", playbookPath: String? = nil,
        modelPath: String? = nil, variant: PromptVariant = .compact, pipeline: PipelineConfiguration = PipelineConfiguration(),
        models: StepModels = StepModels(), acceptSimulatedReplies: Bool = false, gatewayKey: String? = nil
    ) {
        self.acceptSimulatedReplies = acceptSimulatedReplies
        self.gatewayKey = gatewayKey
        self.backend = backend
        self.gatewayURL = gatewayURL
        self.playbookPath = playbookPath
        self.modelPath = modelPath
        self.variant = variant
        self.pipeline = pipeline
        self.models = models
    }
}

/// Builds the playbook, the local engine and the pipeline from ``AgentOptions``.
public enum AgentSetup {
    /// The playbook from `path`, or the embedded default.
    public static func playbook(path: String?) throws -> Playbook {
        guard let path else { return try DefaultPlaybook.load() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw AgentSetupError(message: "\(path): cannot read the file: \(error.localizedDescription)")
        }
        return try PlaybookLoader.parse(yaml: text, file: path)
    }

    /// The local engine with the model from `modelPath`, or the shipped model, reading
    /// sentence vectors from `embedder` (the process's one instance).
    public static func localEngine(playbook: Playbook, modelPath: String?, embedder: (any Embedder)?) throws -> LocalEngine {
        let model = try modelPath.map { try LocalModel.load(path: $0) } ?? LocalModel.shipped
        return LocalEngine(model: model, playbook: playbook, embedder: embedder)
    }

    /// The sentence embedder linked into the binary; load it once per process and share it.
    public static func bundledEmbedder() throws -> any Embedder {
        do {
            return try StaticEmbedder.bundled()
        } catch {
            throw AgentSetupError(message: "the bundled embedding table does not load: \(error)")
        }
    }

    /// A pipeline for `options`; `client` is needed for the gateway backend. `embedder` is
    /// the process's shared sentence embedder (nil: the bundled one is loaded).
    public static func pipeline(options: AgentOptions, client: HTTPClient?, embedder: (any Embedder)? = nil) throws -> TurnPipeline {
        let playbook = try playbook(path: options.playbookPath)
        let embedder = try embedder ?? bundledEmbedder()
        let local = LocalSteps(engine: try localEngine(playbook: playbook, modelPath: options.modelPath, embedder: embedder))
        let selector = CachedSelector(selector: PrincipleSelector(playbook: playbook))
        switch options.backend {
        case .local:
            return TurnPipeline(
                capture: local, detect: local, generate: local, selector: selector, configuration: options.pipeline, referee: local)
        case .gateway:
            guard let client else { throw AgentSetupError(message: "the gateway backend needs an HTTP client") }
            var prompts = PromptBuilder(playbook: playbook, variant: options.variant)
            prompts.shape = options.pipeline.shape
            let steps = GatewaySteps(
                client: GatewayClient(client: client, baseURL: options.gatewayURL, apiKey: options.gatewayKey),
                prompts: prompts, models: options.models, fallback: local,
                acceptSimulatedReplies: options.acceptSimulatedReplies)
            return TurnPipeline(
                capture: steps, detect: steps, generate: steps, selector: selector, configuration: options.pipeline, referee: local)
        }
    }
}

/// A setup problem with a message for the user.
public struct AgentSetupError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
