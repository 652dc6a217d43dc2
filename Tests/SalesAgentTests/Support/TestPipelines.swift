import SalesAgent
import SalesCore

/// Pipelines on the local backend, optionally with one step replaced by a fake.
enum TestPipelines {
    /// The real local pipeline, as `sales-agent serve --backend local` builds it.
    static func local() throws -> TurnPipeline {
        try AgentSetup.pipeline(options: AgentOptions(backend: .local), client: nil)
    }

    /// The local pipeline with `generate` and/or `detect` swapped in.
    static func local(generate: (any GenerateStep)? = nil, detect: (any DetectStep)? = nil) throws -> TurnPipeline {
        let base = try local()
        return TurnPipeline(
            capture: base.capture, detect: detect ?? base.detect, generate: generate ?? base.generate,
            selector: base.selector, configuration: base.configuration)
    }
}
