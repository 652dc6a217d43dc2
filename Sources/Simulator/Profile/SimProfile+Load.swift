import Foundation
import YAMLConfig

extension SimProfile {
    /// Reads and parses the YAML profile at `path`.
    public static func load(path: String) throws -> SimProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: 0, field: "profile", problem: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 0, field: "profile", problem: "the file is not UTF-8")
        }
        return try parse(yaml: text, file: path)
    }

    /// A YAML file at `nameOrPath`; else `policies/sim-NAME.yaml` under the working directory; else the builtin.
    public static func resolve(nameOrPath: String) throws -> SimProfile {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue {
            return try load(path: nameOrPath)
        }
        let policyPath = "policies/sim-\(nameOrPath).yaml"
        if FileManager.default.fileExists(atPath: policyPath) {
            return try load(path: policyPath)
        }
        if let profile = builtin(named: nameOrPath) {
            return profile
        }
        let builtins = builtinYAML.keys.sorted().joined(separator: ", ")
        throw ConfigError(
            file: nameOrPath, line: 0, field: "profile",
            problem: "no such file, no \(policyPath), and not a builtin profile (\(builtins))")
    }
}
