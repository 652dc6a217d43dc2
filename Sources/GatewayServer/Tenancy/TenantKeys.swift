import Crypto
import Foundation
import GatewayCore

/// The tenants' keys, read once from the environment or files and held only as SHA-256
/// digests. A presented key is hashed and compared with every tenant's digest in constant
/// time, so neither the answer's timing nor its content tells a wrong key from an unknown one.
struct TenantKeys: Sendable {
    private let tenants: [(digest: [UInt8], tenant: TenantConfig)]
    private let operatorDigest: [UInt8]?

    /// A key that cannot be read stops the start (or the reload) with a message naming the
    /// tenant and where its key was looked for, never the key.
    struct MissingKey: Error, CustomStringConvertible {
        var description: String
    }

    /// No keys: every tenant is refused.
    static let none = TenantKeys(tenants: [], operatorDigest: nil)

    private init(tenants: [(digest: [UInt8], tenant: TenantConfig)], operatorDigest: [UInt8]?) {
        self.tenants = tenants
        self.operatorDigest = operatorDigest
    }

    init(policy: Policy, environment: [String: String]) throws {
        var tenants: [(digest: [UInt8], tenant: TenantConfig)] = []
        var seen: Set<[UInt8]> = []
        for tenant in policy.tenants {
            let key = try Self.read(tenant.keySource, owner: "tenant \(tenant.name)", environment: environment)
            let digest = Self.digest(key)
            guard seen.insert(digest).inserted else {
                throw MissingKey(description: "tenant \(tenant.name) has the same key as another tenant")
            }
            tenants.append((digest, tenant))
        }
        self.tenants = tenants
        self.operatorDigest = try policy.operatorAccess.map { Self.digest(try Self.read($0.keySource, owner: "operator", environment: environment)) }
    }

    /// The tenant whose key this is, or nil.
    func tenant(forKey key: String) -> TenantConfig? {
        let presented = Self.digest(key)
        var found: TenantConfig?
        for entry in tenants where Self.constantTimeEqual(entry.digest, presented) {
            found = entry.tenant
        }
        return found
    }

    /// Whether this is the operator's key.
    func isOperator(_ key: String) -> Bool {
        guard let operatorDigest else { return false }
        return Self.constantTimeEqual(operatorDigest, Self.digest(key))
    }

    var hasOperator: Bool { operatorDigest != nil }

    private static func read(_ source: TenantConfig.KeySource, owner: String, environment: [String: String]) throws -> String {
        switch source {
        case .environment(let variable):
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                throw MissingKey(description: "\(owner): environment variable \(variable) is not set")
            }
            return value
        case .file(let path):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw MissingKey(description: "\(owner): key file \(path) cannot be read")
            }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw MissingKey(description: "\(owner): key file \(path) is empty") }
            return value
        }
    }

    private static func digest(_ key: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(key.utf8)))
    }

    /// Equal digests, in time that does not depend on where they differ.
    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
