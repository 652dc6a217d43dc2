import YAMLConfig

extension SimProfile {
    private static let topKeys: Set<String> = ["seed", "responder", "script", "defaults", "tags", "models"]
    private static let settingsKeys: Set<String> = [
        "ttft_ms", "prefill_ms_per_input_token", "decode_ms_per_output_token", "faults", "head_first",
    ]
    private static let ttftKeys: Set<String> = ["median", "p95"]
    private static let faultKeys = Set(SimFault.allCases.map(\.rawValue)).union(["retry_after_s"])
    private static let milliseconds = 0.0...3_600_000

    /// Parses a profile from YAML text; `file` is used in error messages. Unknown keys are rejected.
    public static func parse(yaml: String, file: String) throws -> SimProfile {
        var root = try YAMLNode.parse(yaml: yaml, file: file).map()
        var profile = SimProfile(seed: 0, source: file)
        var responderNode: YAMLNode?
        try root.forEach(allowed: topKeys) { key, value throws(ConfigError) in
            switch key {
            case "seed":
                profile.seed = try value.unsigned()
            case "responder":
                let name = try value.string()
                guard let responder = Responder(rawValue: name) else {
                    throw value.error("unknown responder '\(name)' (expected echo or script)")
                }
                profile.responder = responder
                responderNode = value
            case "script":
                profile.scriptPath = try value.string()
            case "defaults":
                profile.defaults = profile.defaults.merged(with: try parseOverride(value))
            case "tags":
                profile.tags = try parseOverrides(value)
            default:
                profile.models = try parseOverrides(value)
            }
        }
        if let responderNode, profile.responder == .script, profile.scriptPath == nil {
            throw ConfigError(
                file: file, line: responderNode.line, field: "script",
                problem: "the script responder needs a 'script' file")
        }
        return profile
    }

    private static func parseOverrides(_ node: YAMLNode) throws(ConfigError) -> [String: SimOverride] {
        var result: [String: SimOverride] = [:]
        var map = try node.map()
        try map.forEach(allowed: nil) { name, value throws(ConfigError) in
            result[name] = try parseOverride(value)
        }
        return result
    }

    private static func parseOverride(_ node: YAMLNode) throws(ConfigError) -> SimOverride {
        var override = SimOverride()
        if let scalar = node.node.scalar, scalar.string.isEmpty || scalar.string == "~" {
            return override  // `name:` with nothing after it: a model listed with no overrides
        }
        var map = try node.map()
        try map.forEach(allowed: settingsKeys) { key, value throws(ConfigError) in
            switch key {
            case "ttft_ms":
                let (median, p95) = try parseTTFT(value)
                override.ttftMedianMs = median
                override.ttftP95Ms = p95
            case "prefill_ms_per_input_token":
                override.prefillMsPerInputToken = try value.double(in: milliseconds)
            case "decode_ms_per_output_token":
                override.decodeMsPerOutputToken = try value.double(in: milliseconds)
            case "head_first":
                override.headFirst = try value.bool()
            default:
                try parseFaults(value, into: &override)
            }
        }
        return override
    }

    private static func parseTTFT(_ node: YAMLNode) throws(ConfigError) -> (Double, Double) {
        var median: Double?
        var p95: Double?
        var map = try node.map()
        try map.forEach(allowed: ttftKeys) { key, value throws(ConfigError) in
            let number = try value.double(in: milliseconds)
            if key == "median" { median = number } else { p95 = number }
        }
        guard let median, let p95 else {
            throw node.error("needs both 'median' and 'p95'")
        }
        guard p95 >= median else {
            throw node.error("p95 (\(p95)) is below the median (\(median))")
        }
        return (median, p95)
    }

    private static func parseFaults(_ node: YAMLNode, into override: inout SimOverride) throws(ConfigError) {
        var map = try node.map()
        try map.forEach(allowed: faultKeys) { key, value throws(ConfigError) in
            if let fault = SimFault(rawValue: key) {
                override.faultRates[fault] = try value.double(in: 0...1)
            } else {
                override.retryAfterSeconds = Int(try value.double(in: 0...86_400).rounded(.up))
            }
        }
        let total = override.faultRates.values.reduce(0, +)
        guard total <= 1 else {
            throw node.error("fault rates add up to \(total), more than 1")
        }
    }
}
