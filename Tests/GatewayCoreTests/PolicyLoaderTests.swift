import Foundation
import GatewayCore
import Testing
import YAMLConfig

@Suite("Policy loading and validation")
struct PolicyLoaderTests {
    static let valid = """
        providers:
          a:
            kind: openai
            base_url: http://127.0.0.1:9/
            key_env: A_KEY
            max_in_flight: 3
            retry: {max_attempts: 4, base_delay_ms: 5}
          b:
            kind: anthropic
            base_url: sim
        models:
          m:
            strategy: fallback
            routes:
              - {provider: a, model: x}
              - {provider: b, model: y}
        """

    @Test func readsAValidPolicy() throws {
        let policy = try PolicyLoader.parse(yaml: Self.valid, file: "p.yaml")
        #expect(policy.providers.map(\.name) == ["a", "b"])
        #expect(policy.provider(named: "a")?.endpoint == .url("http://127.0.0.1:9"))
        #expect(policy.provider(named: "a")?.limits.maxInFlight == 3)
        #expect(policy.provider(named: "a")?.retry.maxAttempts == 4)
        #expect(policy.provider(named: "b")?.endpoint == .builtinSimulator)
        #expect(policy.alias(named: "m")?.routes == [Route(provider: "a", model: "x"), Route(provider: "b", model: "y")])
    }

    @Test func readsTheBreakersConsecutiveFailures() throws {
        let yaml = Self.valid.replacingOccurrences(
            of: "max_in_flight: 3", with: "max_in_flight: 3\n    breaker: {consecutive_failures: 0}")
        let policy = try PolicyLoader.parse(yaml: yaml, file: "p.yaml")
        #expect(policy.provider(named: "a")?.breaker.consecutiveFailures == 0)
        #expect(policy.provider(named: "b")?.breaker.consecutiveFailures == 5)
        let negative = yaml.replacingOccurrences(of: "consecutive_failures: 0", with: "consecutive_failures: -1")
        #expect(throws: ConfigError.self) { try PolicyLoader.parse(yaml: negative, file: "p.yaml") }
    }

    @Test func readsACAFileOnlyForAnHTTPSProvider() throws {
        let https = Self.valid.replacingOccurrences(
            of: "base_url: http://127.0.0.1:9/", with: "base_url: https://127.0.0.1:9/\n    ca_file: /etc/sim-ca.pem")
        #expect(try PolicyLoader.parse(yaml: https, file: "p.yaml").provider(named: "a")?.caFile == "/etc/sim-ca.pem")
        #expect(try PolicyLoader.parse(yaml: Self.valid, file: "p.yaml").provider(named: "a")?.caFile == nil)
        let plain = Self.valid.replacingOccurrences(of: "key_env: A_KEY", with: "key_env: A_KEY\n    ca_file: /etc/sim-ca.pem")
        #expect {
            try PolicyLoader.parse(yaml: plain, file: "p.yaml")
        } throws: { error in
            "\(error)".contains("providers.a.ca_file") && "\(error)".contains("https://")
        }
    }

    @Test func embeddedDefaultPolicyIsTheFileInPolicies() throws {
        let file = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("policies/gateway.yaml")
        #expect(try String(contentsOf: file, encoding: .utf8) == DefaultPolicy.yaml)
        let policy = try PolicyLoader.parse(yaml: DefaultPolicy.yaml, file: DefaultPolicy.fileName)
        #expect(!policy.aliases.isEmpty)
    }

    @Test(arguments: [
        ("models:\n  m:\n    strategy: single\n    routes: [{provider: a, model: x}]\n", 1, "providers", "missing required field"),
        (valid.replacingOccurrences(of: "kind: openai", with: "kind: opnai"), 3, "providers.a.kind", "'opnai' is not one of"),
        (valid.replacingOccurrences(of: "max_in_flight: 3", with: "max_inflight: 3"), 6, "providers.a.max_inflight", "unknown key"),
        (valid.replacingOccurrences(of: "{provider: b, model: y}", with: "{provider: c, model: y}"), 16, "models.m.routes[1].provider", "unknown provider 'c'"),
        (valid.replacingOccurrences(of: "key_env: A_KEY", with: "key_env: sk-live-123"), 5, "providers.a.key_env", "must name an environment variable"),
        (valid.replacingOccurrences(of: "strategy: fallback", with: "strategy: single"), 14, "models.m.routes", "exactly one route"),
        (valid.replacingOccurrences(of: "max_in_flight: 3", with: "max_in_flight: -1"), 6, "providers.a.max_in_flight", "greater than 0"),
        (valid.replacingOccurrences(of: "base_url: sim", with: "base_url: ftp://x"), 10, "providers.b.base_url", "http://"),
        ("providers: [unclosed\n", 2, "", "invalid YAML"),
    ])
    func errorsNameFileLineAndField(yaml: String, line: Int, field: String, problem: String) {
        do {
            _ = try PolicyLoader.parse(yaml: yaml, file: "bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.field == field, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
            #expect(error.description.hasPrefix("bad.yaml:\(line): "))
        }
    }

    @Test func pastedKeyIsNeverEchoed() {
        let yaml = Self.valid.replacingOccurrences(of: "key_env: A_KEY", with: "key_env: sk-secret-value")
        do {
            _ = try PolicyLoader.parse(yaml: yaml, file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("sk-secret-value"))
        }
    }

    @Test func embeddingsRouteToProvidersThatHaveThem() throws {
        let policy = try PolicyLoader.parse(yaml: Self.valid + "\nembeddings:\n  e: {provider: a, model: text-embedding-3-small}\n  l: {embedder: local}\n", file: "p.yaml")
        #expect(policy.embeddings.map(\.backend) == [.provider, .local])
        #expect(policy.embeddings.first?.route == Route(provider: "a", model: "text-embedding-3-small"))
        do {
            _ = try PolicyLoader.parse(yaml: Self.valid + "\nembeddings:\n  e: {provider: b, model: x}\n", file: "p.yaml")
            Issue.record("an anthropic provider has no embeddings API")
        } catch {
            #expect(error.field == "embeddings.e.provider", "\(error)")
            #expect(error.problem.contains("no embeddings API"), "\(error)")
        }
    }

    @Test func embeddingsTakeSeveralRoutesInOrderAndRefuseAProviderWithoutAnEmbeddingsAPI() throws {
        let yaml = Self.valid + "\nembeddings:\n  e: {routes: [{provider: a, model: e1}, {provider: a, model: e2}]}\n"
        let policy = try PolicyLoader.parse(yaml: yaml, file: "p.yaml")
        #expect(policy.embeddings.first?.routes == [Route(provider: "a", model: "e1"), Route(provider: "a", model: "e2")])
        #expect(policy.embeddings.first?.route == Route(provider: "a", model: "e1"))
        do {
            _ = try PolicyLoader.parse(yaml: Self.valid + "\nembeddings:\n  e: {routes: [{provider: a, model: e1}, {provider: b, model: y}]}\n", file: "p.yaml")
            Issue.record("an anthropic route has no embeddings API")
        } catch {
            #expect(error.field == "embeddings.e.routes", "\(error)")
            #expect(error.problem.contains("'b'") && error.problem.contains("no embeddings API"), "\(error)")
        }
        do {
            _ = try PolicyLoader.parse(
                yaml: Self.valid + "\nembeddings:\n  e: {provider: a, model: e1, routes: [{provider: a, model: e2}]}\n", file: "p.yaml")
            Issue.record("provider and routes together are ambiguous")
        } catch {
            #expect(error.problem.contains("not both"), "\(error)")
        }
    }
}
