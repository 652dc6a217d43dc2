import GatewayCore

/// The exact tier's key: namespace, the namespace's data version and the request digest.
/// Bumping the version makes every older key of the namespace unreachable at once.
public struct CacheKey: Sendable, Hashable {
    /// The tenant's cache namespace (`default` until tenants exist).
    public let namespace: String
    /// The namespace's data version when the key was made.
    public let version: UInt64
    /// ``CanonicalRequest/exactDigest(of:alias:)`` of the request.
    public let digest: RequestDigest
    /// The string used in every store: `llmgw:e<format>:<namespace>:<version>:<hex digest>`.
    /// Unambiguous even when the namespace holds colons: the last two fields have fixed shapes.
    /// Built once per key (every tier's lookup and store reuse it).
    public let storageKey: String

    /// The key for a digest in a namespace at a version.
    public init(namespace: String, version: UInt64, digest: RequestDigest) {
        self.namespace = namespace
        self.version = version
        self.digest = digest
        self.storageKey = "llmgw:e\(CanonicalRequest.formatVersion):\(namespace):\(version):\(digest.hex)"
    }

    /// The key of `request` asked for under `alias`.
    public init(request: ChatRequest, alias: String, namespace: String, version: UInt64) {
        self.init(
            namespace: namespace, version: version,
            digest: CanonicalRequest.exactDigest(of: request, alias: alias))
    }

    /// Equal when namespace, version and digest are (`storageKey` follows from them).
    public static func == (lhs: CacheKey, rhs: CacheKey) -> Bool {
        lhs.digest == rhs.digest && lhs.version == rhs.version && lhs.namespace == rhs.namespace
    }

    /// Hashes the digest, version and namespace.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
        hasher.combine(version)
        hasher.combine(namespace)
    }

    /// The shared store's key holding a namespace's data version.
    public static func versionKey(namespace: String) -> String {
        "llmgw:nsver:\(namespace)"
    }

    /// The namespace used until tenants exist.
    public static let defaultNamespace = "default"
}
