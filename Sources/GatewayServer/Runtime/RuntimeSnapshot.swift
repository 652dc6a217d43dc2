import GatewayCore
import GatewayProviders

/// One loaded policy with the runtimes of its providers. Immutable: a reload builds a new
/// snapshot, and requests in flight finish on the one they started with.
final class RuntimeSnapshot: Sendable {
    let policy: Policy
    let providers: [String: ProviderRuntime]
    /// Providers left out, with why.
    let disabled: [String: String]

    init(policy: Policy, providers: [String: ProviderRuntime], disabled: [String: String]) {
        self.policy = policy
        self.providers = providers
        self.disabled = disabled
    }

    /// Builds a snapshot, reusing the previous runtime of every provider whose
    /// configuration, resolution and trusted CAs did not change (so breakers and stats survive).
    static func build(
        policy: Policy,
        previous: RuntimeSnapshot?,
        environment: [String: String],
        simulatorURL: String?,
        transport: AsyncHTTPClientTransport
    ) -> RuntimeSnapshot {
        var providers: [String: ProviderRuntime] = [:]
        var disabled: [String: String] = [:]
        let anyKey = PolicyNeeds.anyKeySet(policy, environment: environment)
        for config in policy.providers {
            switch ProviderResolution.resolve(config, environment: environment, simulatorURL: simulatorURL, anyKeySet: anyKey) {
            case .disabled(let reason):
                disabled[config.name] = reason
            case .reachable(let baseURL, let key, let viaSimulator):
                let description = viaSimulator ? "sim" : baseURL
                // Built first even when the runtime may be reused: a `ca_file` is read again on
                // every reload, so new content under the same path takes effect.
                let providerTransport: AsyncHTTPClientTransport
                do {
                    providerTransport = try Self.transport(transport, for: config, viaSimulator: viaSimulator)
                } catch {
                    disabled[config.name] = error.description
                    continue
                }
                if let old = previous?.providers[config.name], old.config == config,
                    old.endpointDescription == description, old.baseURL == baseURL,
                    old.trustedAuthorities == providerTransport.trustedAuthorities
                {
                    providers[config.name] = old
                    continue
                }
                let provider = ProviderRegistry.make(
                    kind: config.kind, name: config.name, baseURL: baseURL, key: key, transport: providerTransport)
                providers[config.name] = ProviderRuntime(
                    config: config, provider: provider, endpointDescription: description, baseURL: baseURL,
                    trustedAuthorities: providerTransport.trustedAuthorities)
            }
        }
        return RuntimeSnapshot(policy: policy, providers: providers, disabled: disabled)
    }

    /// The shared transport, or for a provider with a `ca_file` one that trusts only that
    /// file's CAs (the built-in simulator stands in without TLS, so it needs none).
    private static func transport(
        _ shared: AsyncHTTPClientTransport, for config: ProviderConfig, viaSimulator: Bool
    ) throws(TrustFileError) -> AsyncHTTPClientTransport {
        guard let caFile = config.caFile, !viaSimulator else { return shared }
        return try shared.trusting(caFile: caFile)
    }
}
