import GatewayCore

/// The exact tier's key: namespace, the namespace's data version and the request digest.
/// Bumping the version makes every older key of the namespace unreachable at once.
public struct CacheKey: Sendable, Hashable {
    /// The tenant's cache namespace (`default` until tenants exist).
    public var namespace: String
    /// The namespace's data version when the key was made.
    public var version: UInt64
    /// ``CanonicalRequest/exactDigest(of:alias:)`` of the request.
    public var digest: RequestDigest

    /// The key for a digest in a namespace at a version.
    public init(namespace: String, version: UInt64, digest: RequestDigest) {
        self.namespace = namespace
        self.version = version
        self.digest = digest
    }

    /// The key of `request` asked for under `alias`.
    public init(request: ChatRequest, alias: String, namespace: String, version: UInt64) {
        self.init(
            namespace: namespace, version: version,
            digest: CanonicalRequest.exactDigest(of: request, alias: alias))
    }

    /// The string used in every store: `llmgw:e<format>:<namespace>:<version>:<hex digest>`.
    /// Unambiguous even when the namespace holds colons: the last two fields have fixed shapes.
    public var storageKey: String {
        "llmgw:e\(CanonicalRequest.formatVersion):\(namespace):\(version):\(digest.hex)"
    }

    /// The shared store's key holding a namespace's data version.
    public static func versionKey(namespace: String) -> String {
        "llmgw:nsver:\(namespace)"
    }

    /// The namespace used until tenants exist.
    public static let defaultNamespace = "default"
}
