import NIOSSL

/// TLS for the simulator's listener: the certificates it presents and the protocols it
/// offers through ALPN (`h2` first, then `http/1.1`).
public struct SimTLS: Sendable {
    public let certificates: SimCertificates
    /// The ALPN protocols offered, most preferred first.
    public let protocols: [String]

    public init(certificates: SimCertificates, protocols: [String] = ["h2", "http/1.1"]) {
        self.certificates = certificates
        self.protocols = protocols
    }

    /// The server-side TLS context.
    func makeContext() throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(certificates.serverPEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(certificates.serverKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        configuration.applicationProtocols = protocols
        return try NIOSSLContext(configuration: configuration)
    }
}
