import GatewayCore
import NIOCore
import NIOHTTP1

/// One call to one provider: the canonical request, the provider's model id, the
/// headers the policy forwards, and the deadline of the whole client request.
public struct UpstreamCall: Sendable {
    public var request: ChatRequest
    public var model: String
    public var forwardedHeaders: HTTPHeaders
    public var deadline: NIODeadline

    public init(request: ChatRequest, model: String, forwardedHeaders: HTTPHeaders = [:], deadline: NIODeadline) {
        self.request = request
        self.model = model
        self.forwardedHeaders = forwardedHeaders
        self.deadline = deadline
    }
}

/// A complete answer and what the upstream said about its own service time.
public struct UpstreamReply: Sendable {
    public var response: ChatResponse
    /// From the simulator's `x-sim-service-ms` header, when present.
    public var serviceTime: Duration?

    public init(response: ChatResponse, serviceTime: Duration?) {
        self.response = response
        self.serviceTime = serviceTime
    }
}

/// A provider behind one narrow seam. Implementations translate the canonical model to
/// their wire format and back; every failure is thrown as ``UpstreamError`` (or
/// `CancellationError` when the calling task was cancelled).
public protocol Provider: Sendable {
    /// The policy's name for this provider.
    var name: String { get }

    /// Sends a non-streaming request and returns the whole answer.
    func complete(_ call: UpstreamCall) async throws -> UpstreamReply

    /// Sends a streaming request; returns once the upstream accepted it (2xx head), with
    /// the events still to be read. Cancelling the reading task aborts the upstream call.
    func stream(_ call: UpstreamCall) async throws -> UpstreamEventStream
}

/// An API key that never prints itself.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret; only provider request builders read it.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}

/// One call to a provider's embeddings API.
public struct EmbeddingCall: Sendable {
    /// The provider's embedding model id.
    public var model: String
    public var inputs: [String]
    /// OpenAI `dimensions` / Gemini `outputDimensionality`, when the client set it.
    public var dimensions: Int?
    public var forwardedHeaders: HTTPHeaders
    public var deadline: NIODeadline

    public init(model: String, inputs: [String], dimensions: Int? = nil, forwardedHeaders: HTTPHeaders = [:], deadline: NIODeadline) {
        self.model = model
        self.inputs = inputs
        self.dimensions = dimensions
        self.forwardedHeaders = forwardedHeaders
        self.deadline = deadline
    }
}

/// A provider's vectors, one per input in input order, and the tokens it counted.
public struct EmbeddingReply: Sendable, Equatable {
    public var vectors: [[Float]]
    /// The provider's `usage.prompt_tokens`; nil when it reports none (Gemini).
    public var promptTokens: Int?

    public init(vectors: [[Float]], promptTokens: Int?) {
        self.vectors = vectors
        self.promptTokens = promptTokens
    }
}

/// A provider whose vendor has an embeddings API the gateway speaks.
public protocol EmbeddingProvider: Provider {
    /// Sends the inputs and returns their vectors; failures are ``UpstreamError``s.
    func embed(_ call: EmbeddingCall) async throws -> EmbeddingReply
}
