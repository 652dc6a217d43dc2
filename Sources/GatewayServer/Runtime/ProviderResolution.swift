import GatewayCore
import GatewayProviders

/// How a configured provider is reached, once its key variable has been looked up.
enum ProviderResolution: Sendable, Equatable {
    case reachable(baseURL: String, key: APIKey?, viaSimulator: Bool)
    /// Left out of routing, with the reason (safe to log: names a variable, never a value).
    case disabled(reason: String)

    /// Decides from the policy entry, the environment and the built-in simulator's URL.
    ///
    /// `when_key_missing: sim` stands in for a provider only while no provider key is set at
    /// all (the out-of-the-box demo): as soon as one real key is present, a provider without
    /// its key is disabled, so simulated answers are never passed off as real ones. A
    /// provider whose `base_url` is `sim` is simulated on purpose, always.
    static func resolve(
        _ config: ProviderConfig, environment: [String: String], simulatorURL: String?, anyKeySet: Bool
    ) -> ProviderResolution {
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
            case .sim where anyKeySet:
                return .disabled(
                    reason: "\(variable) is not set, and other providers have real keys: simulating it would pass simulated "
                        + "answers off as real (name base_url: sim to simulate it on purpose)")
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
        let anyKey = anyKeySet(policy, environment: environment)
        return policy.providers.contains { config in
            if case .reachable(_, _, true) = ProviderResolution.resolve(config, environment: environment, simulatorURL: "sim", anyKeySet: anyKey) {
                return true
            }
            return false
        }
    }

    /// Whether any provider of the policy has its key variable set.
    static func anyKeySet(_ policy: Policy, environment: [String: String]) -> Bool {
        policy.providers.contains { config in
            guard let variable = config.keyEnv, let value = environment[variable] else { return false }
            return !value.isEmpty
        }
    }
}
