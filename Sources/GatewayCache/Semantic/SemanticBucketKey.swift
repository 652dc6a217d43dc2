import GatewayCore

/// A semantic bucket: requests that differ only in their last user message, in one
/// namespace at one data version, compared with one embedder. Nothing ever matches across
/// buckets, so tenants, system prompts, earlier turns and parameters never mix.
public struct SemanticBucketKey: Sendable, Hashable {
    /// The tenant's cache namespace.
    public let namespace: String
    /// The namespace's data version (bumping it empties every bucket of the namespace).
    public let version: UInt64
    /// ``CanonicalRequest/bucketDigest(of:alias:)``: everything but the last user message.
    public let digest: RequestDigest
    /// The embedder's identifier: vectors of different embedders are never compared.
    public let embedder: String

    public init(namespace: String, version: UInt64, digest: RequestDigest, embedder: String) {
        self.namespace = namespace
        self.version = version
        self.digest = digest
        self.embedder = embedder
    }

    /// The bucket of `request` under `alias`.
    public init(request: ChatRequest, alias: String, namespace: String, version: UInt64, embedder: String) {
        self.init(
            namespace: namespace, version: version, digest: CanonicalRequest.bucketDigest(of: request, alias: alias),
            embedder: embedder)
    }

    /// The shared store's key of the bucket's entries:
    /// `llmgw:s<format>:<embedder digest>:<namespace>:<version>:<hex digest>`.
    public var storageKey: String {
        let embedderDigest = RequestDigest(hashing: Array(embedder.utf8)).hex.prefix(16)
        return "llmgw:s\(CanonicalRequest.formatVersion):\(embedderDigest):\(namespace):\(version):\(digest.hex)"
    }

    /// The text the semantic tier compares: the last user message's text parts joined by
    /// newlines; nil when the request has no user message, it holds no text, it holds an image
    /// (an image is not compared by meaning), or it is longer than ``maximumScalars`` (the
    /// guards read no further): such requests use the exact tier only.
    public static func lastUserText(of request: ChatRequest) -> String? {
        guard let message = request.messages.last(where: { $0.role == .user }) else { return nil }
        for part in message.parts {
            if case .imageURL = part { return nil }
        }
        let text = message.text
        guard !text.isEmpty, text.unicodeScalars.count <= maximumScalars else { return nil }
        return text
    }

    /// The longest last user message the semantic tier compares, in Unicode scalars.
    public static let maximumScalars = 4_000
}
