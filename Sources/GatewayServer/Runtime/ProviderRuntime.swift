import GatewayCore
import GatewayProviders
import HTTPTypes

/// Everything the gateway keeps for one provider: its adapter, limiter, breakers and
/// statistics. Survives a policy reload when the provider's configuration is unchanged.
final class ProviderRuntime: Sendable {
    let config: ProviderConfig
    let provider: any Provider
    /// Where requests go, safe to show: `sim` or the base URL (keys never appear in URLs).
    let endpointDescription: String
    /// The base URL requests go to (the simulator's for simulated providers).
    let baseURL: String
    /// The CAs its `ca_file` held when it was built (nil: the system's trust store).
    let trustedAuthorities: [[UInt8]]?
    /// True when the built-in simulator answers for this provider.
    var isSimulated: Bool { endpointDescription == "sim" }
    let limiter: LimiterDriver
    let breakers: BreakerBank
    let stats: StatsBank
    let history = ProviderHistory()
    /// The client headers its requests carry upstream (`forward_headers` and the request id),
    /// parsed once here instead of on every request.
    let forwardedHeaderNames: [(name: String, field: HTTPField.Name)]

    init(
        config: ProviderConfig, provider: any Provider, endpointDescription: String, baseURL: String,
        trustedAuthorities: [[UInt8]]? = nil
    ) {
        self.config = config
        var names: [(name: String, field: HTTPField.Name)] = []
        for name in config.forwardHeaders + ["x-request-id"] where !names.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            if let field = HTTPField.Name(name) { names.append((name, field)) }
        }
        self.forwardedHeaderNames = names
        self.trustedAuthorities = trustedAuthorities
        self.provider = provider
        self.endpointDescription = endpointDescription
        self.baseURL = baseURL
        self.limiter = LimiterDriver(limits: config.limits)
        self.breakers = BreakerBank(config: config.breaker)
        self.stats = StatsBank()
    }
}
