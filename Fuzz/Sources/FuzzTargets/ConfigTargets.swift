import GatewayCore
import SalesCore

/// The YAML configuration both processes load: a broken file is a `ConfigError`.
enum ConfigTargets {
    static let policy = FuzzTarget(name: "policy") { bytes in
        do {
            _ = try PolicyLoader.parse(yaml: text(bytes), file: "fuzz.yaml")
        } catch {
            _ = "\(error)"
        }
    }

    static let playbook = FuzzTarget(name: "playbook") { bytes in
        do {
            _ = try PlaybookLoader.parse(yaml: text(bytes), file: "fuzz.yaml")
        } catch {
            _ = "\(error)"
        }
    }
}
