import Yams

extension SimProfile {
    private static let topKeys: Set<String> = ["seed", "responder", "script", "defaults", "tags", "models"]
    private static let settingsKeys: Set<String> = [
        "ttft_ms", "prefill_ms_per_input_token", "decode_ms_per_output_token", "faults",
    ]
    private static let ttftKeys: Set<String> = ["median", "p95"]
    private static let faultKeys = Set(SimFault.allCases.map(\.rawValue)).union(["retry_after_s"])

    /// Parses a profile from YAML text; `file` is used in error messages. Unknown keys are rejected.
    public static func parse(yaml: String, file: String) throws -> SimProfile {
        let reader = ProfileYAMLReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw reader.syntaxError(error)
        }
        guard let root else {
            throw SimProfileError(file: file, line: 0, field: "profile", problem: "the profile is empty")
        }
        var profile = SimProfile(seed: 0, source: file)
        var scriptNode: Node?
        for (key, value) in try reader.entries(root, field: "", allowed: topKeys) {
            switch key {
            case "seed":
                profile.seed = try reader.unsigned(value, field: key)
            case "responder":
                let name = try reader.string(value, field: key)
                guard let responder = Responder(rawValue: name) else {
                    throw reader.error(value, key, "unknown responder '\(name)' (expected echo or script)")
                }
                profile.responder = responder
                scriptNode = scriptNode ?? value
            case "script":
                profile.scriptPath = try reader.string(value, field: key)
            case "defaults":
                let override = try parseOverride(value, field: key, reader: reader)
                profile.defaults = profile.defaults.merged(with: override)
            case "tags":
                profile.tags = try parseOverrides(value, field: key, reader: reader)
            default:
                profile.models = try parseOverrides(value, field: key, reader: reader)
            }
        }
        if profile.responder == .script, profile.scriptPath == nil {
            throw reader.error(scriptNode, "script", "the script responder needs a 'script' file")
        }
        return profile
    }

    private static func parseOverrides(
        _ node: Node, field: String, reader: ProfileYAMLReader
    ) throws -> [String: SimOverride] {
        var result: [String: SimOverride] = [:]
        for (name, value) in try reader.entries(node, field: field, allowed: nil) {
            result[name] = try parseOverride(value, field: field + "." + name, reader: reader)
        }
        return result
    }

    private static func parseOverride(_ node: Node, field: String, reader: ProfileYAMLReader) throws -> SimOverride {
        var override = SimOverride()
        if case .scalar(let scalar) = node, scalar.string.isEmpty || scalar.string == "~" {
            return override  // `name:` with nothing after it: a model listed with no overrides
        }
        let milliseconds = 0.0...3_600_000
        for (key, value) in try reader.entries(node, field: field, allowed: settingsKeys) {
            let path = field + "." + key
            switch key {
            case "ttft_ms":
                let (median, p95) = try parseTTFT(value, field: path, reader: reader)
                override.ttftMedianMs = median
                override.ttftP95Ms = p95
            case "prefill_ms_per_input_token":
                override.prefillMsPerInputToken = try reader.number(value, field: path, in: milliseconds)
            case "decode_ms_per_output_token":
                override.decodeMsPerOutputToken = try reader.number(value, field: path, in: milliseconds)
            default:
                try parseFaults(value, field: path, reader: reader, into: &override)
            }
        }
        return override
    }

    private static func parseTTFT(_ node: Node, field: String, reader: ProfileYAMLReader) throws -> (Double, Double) {
        var median: Double?
        var p95: Double?
        for (key, value) in try reader.entries(node, field: field, allowed: ttftKeys) {
            let number = try reader.number(value, field: field + "." + key, in: 0...3_600_000)
            if key == "median" { median = number } else { p95 = number }
        }
        guard let median, let p95 else {
            throw reader.error(node, field, "needs both 'median' and 'p95'")
        }
        guard p95 >= median else {
            throw reader.error(node, field, "p95 (\(p95)) is below the median (\(median))")
        }
        return (median, p95)
    }

    private static func parseFaults(
        _ node: Node, field: String, reader: ProfileYAMLReader, into override: inout SimOverride
    ) throws {
        for (key, value) in try reader.entries(node, field: field, allowed: faultKeys) {
            let path = field + "." + key
            if let fault = SimFault(rawValue: key) {
                override.faultRates[fault] = try reader.number(value, field: path, in: 0...1)
            } else {
                override.retryAfterSeconds = Int(try reader.number(value, field: path, in: 0...86_400).rounded(.up))
            }
        }
        let total = override.faultRates.values.reduce(0, +)
        guard total <= 1 else {
            throw reader.error(node, field, "fault rates add up to \(total), more than 1")
        }
    }
}
