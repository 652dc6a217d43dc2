import GatewayCore
import GatewayProviders

/// How a configured provider is reached, once its key variable has been looked up.
enum ProviderResolution: Sendable, Equatable {
    case reachable(baseURL: String, key: APIKey?, viaSimulator: Bool)
    /// Left out of routing, with the reason (safe to log: names a variable, never a value).
    case disabled(reason: String)

    /// Decides from the policy entry, the environment and the built-in simulator's URL.
    static func resolve(_ config: ProviderConfig, environment: [String: String], simulatorURL: String?) -> ProviderResolution {
        func simulator() -> ProviderResolution {
            guard let simulatorURL else {
                return .disabled(reason: "needs the built-in simulator, which is not running")
            }
            return .reachable(baseURL: simulatorURL, key: nil, viaSimulator: true)
        }
        switch config.endpoint {
        case .builtinSimulator:
            return simulator()
        case .url(let baseURL):
            guard let variable = config.keyEnv else {
                return .reachable(baseURL: baseURL, key: nil, viaSimulator: false)
            }
            if let value = environment[variable], !value.isEmpty {
                return .reachable(baseURL: baseURL, key: APIKey(value), viaSimulator: false)
            }
            switch config.whenKeyMissing {
            case .sim: return simulator()
            case .disable: return .disabled(reason: "\(variable) is not set")
            case .none: return .reachable(baseURL: baseURL, key: nil, viaSimulator: false)
            }
        }
    }
}

/// Questions the command line asks about a policy before starting the gateway.
public enum PolicyNeeds {
    /// True when some provider would be served by the built-in simulator (its base URL is
    /// `sim`, or its key variable is unset and `when_key_missing: sim`).
    public static func simulator(_ policy: Policy, environment: [String: String]) -> Bool {
        policy.providers.contains { config in
            if case .reachable(_, _, true) = ProviderResolution.resolve(config, environment: environment, simulatorURL: "sim") {
                return true
            }
            return false
        }
    }
}
