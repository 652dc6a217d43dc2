import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// ``HTTPTransport`` over one shared AsyncHTTPClient (pooled keep-alive connections,
/// HTTP/2 when the upstream negotiates it through TLS ALPN). A transport made with
/// ``trusting(caFile:)`` verifies its upstreams against that file's CAs only; the pool keeps
/// its connections apart from the others'.
public struct AsyncHTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    /// The TLS settings of every request, or nil for the client's (the system trust store).
    public let tlsConfiguration: TLSConfiguration?
    /// The DER bytes of the CAs a ``trusting(caFile:)`` transport trusts (nil: the system's),
    /// so a policy reload can tell that a `ca_file` changed content under the same path.
    public let trustedAuthorities: [[UInt8]]?

    public init(client: HTTPClient, tlsConfiguration: TLSConfiguration? = nil, trustedAuthorities: [[UInt8]]? = nil) {
        self.client = client
        self.tlsConfiguration = tlsConfiguration
        self.trustedAuthorities = trustedAuthorities
    }

    /// The same client, verifying upstream certificates against the CAs in the PEM file at
    /// `path` instead of the system's; throws ``TrustFileError`` naming the file.
    public func trusting(caFile path: String) throws(TrustFileError) -> AsyncHTTPClientTransport {
        let authorities: [NIOSSLCertificate]
        do {
            authorities = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw TrustFileError(path: path, reason: "cannot be read as PEM certificates (\(error))")
        }
        guard !authorities.isEmpty else { throw TrustFileError(path: path, reason: "holds no certificate") }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(authorities)
        let der: [[UInt8]]
        do {
            der = try authorities.map { try $0.toDERBytes() }
        } catch {
            throw TrustFileError(path: path, reason: "holds a certificate that cannot be re-encoded (\(error))")
        }
        return AsyncHTTPClientTransport(client: client, tlsConfiguration: tls, trustedAuthorities: der)
    }

    public func execute(_ request: TransportRequest, deadline: NIODeadline) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.tlsConfiguration = tlsConfiguration
        outgoing.method = request.method
        outgoing.headers = request.headers
        outgoing.body = .bytes(request.body)
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            return TransportResponse(status: Int(response.status.code), headers: response.headers, body: TransportBody(response.body))
        } catch let error as HTTPClientError {
            throw TransportError(error)
        }
    }
}

/// A provider's `ca_file` could not be used.
public struct TrustFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "ca_file \(path) \(reason)" }
}

/// A transport failure with a description safe to show (no URLs with keys, no headers).
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ error: HTTPClientError) {
        self.description = String(describing: error)
    }
}
