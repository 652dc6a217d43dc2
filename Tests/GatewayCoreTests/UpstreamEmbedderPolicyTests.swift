import GatewayCore
import Testing
import YAMLConfig

/// `cache.embedder: {kind: upstream, model, dimension, batch, timeout_ms}`.
@Suite("Upstream embedder policy")
struct UpstreamEmbedderPolicyTests {
    static func yaml(embedder: String, embeddings: String = "  e: {provider: a, model: text-embedding-3-small}") -> String {
        PolicyLoaderTests.valid + "\ncache:\n  embedder: \(embedder)\nembeddings:\n\(embeddings)\n"
    }

    static func problem(_ yaml: String) -> String? {
        do {
            _ = try PolicyLoader.parse(yaml: yaml, file: "p.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryKeyAndKeepsTheDefaults() throws {
        let full = try PolicyLoader.parse(
            yaml: Self.yaml(embedder: "{kind: upstream, model: e, dimension: 256, timeout_ms: 750, batch: {max_inputs: 32, max_wait_ms: 0}}"),
            file: "p.yaml")
        #expect(full.cache.embedder == EmbedderSettings(
            kind: .upstream, model: "e", dimension: 256, batch: EmbedBatchSettings(maxInputs: 32, maxWait: .zero), timeout: .milliseconds(750)))
        let short = try PolicyLoader.parse(yaml: Self.yaml(embedder: "{kind: upstream, model: e}"), file: "p.yaml")
        #expect(short.cache.embedder.dimension == 1536)
        #expect(short.cache.embedder.batch == EmbedBatchSettings(maxInputs: 16, maxWait: .milliseconds(5)))
        let plain = try PolicyLoader.parse(yaml: PolicyLoaderTests.valid, file: "p.yaml")
        #expect(plain.cache.embedder.kind == .static)
    }

    @Test func refusesAnUpstreamEmbedderWithoutAProviderEntry() {
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream}"))?.contains("needs 'model'") == true)
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: nope}"))?.contains("must be an `embeddings:` entry") == true)
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: l}", embeddings: "  l: {embedder: local}"))?
            .contains("must be an `embeddings:` entry") == true)
        #expect(Self.problem(Self.yaml(embedder: "{kind: static, model: e}"))?.contains("only kind: upstream") == true)
    }

    @Test func boundsTheBatchAndTheDimension() {
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: e, batch: {max_inputs: 0}}")) != nil)
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: e, batch: {max_inputs: 5000}}"))?.contains("at most 2048") == true)
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: e, dimension: 100000}"))?.contains("at most 8192") == true)
        #expect(Self.problem(Self.yaml(embedder: "{kind: upstream, model: e, batch: {max_waits: 5}}")) != nil, "unknown keys are refused")
    }
}
