import Crypto
import Foundation
import SwiftASN1
import X509

/// A throwaway certificate authority and a loopback server certificate it signed, made when
/// the simulator starts with TLS. The CA's PEM is what a client trusts (a provider's
/// `ca_file`); nothing here is ever trusted by default.
public struct SimCertificates: Sendable {
    /// The CA certificate, PEM: write it to a file and name that file as `ca_file`.
    public let authorityPEM: String
    /// The server certificate (for `localhost`, `127.0.0.1` and `::1`), PEM.
    public let serverPEM: String
    /// The server certificate's private key, PKCS#8 PEM.
    public let serverKeyPEM: String

    /// Makes a CA and a server certificate valid from an hour before `now` for `days`.
    public static func make(now: Date, days: Int = 30) throws -> SimCertificates {
        let authorityKey = P256.Signing.PrivateKey()
        let serverKey = P256.Signing.PrivateKey()
        let authorityName = try DistinguishedName {
            OrganizationName("llm-gateway simulator")
            CommonName("llm-gateway simulator CA (generated at start, not trusted by default)")
        }
        let serverName = try DistinguishedName { CommonName("localhost") }
        let notBefore = now - 3_600
        let notAfter = now + Double(days) * 86_400
        let authority = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(authorityKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter,
            issuer: authorityName, subject: authorityName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(authorityKey))
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(serverKey.publicKey),
            notValidBefore: notBefore, notValidAfter: notAfter,
            issuer: authorityName, subject: serverName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))),
                ])
            },
            issuerPrivateKey: Certificate.PrivateKey(authorityKey))
        return SimCertificates(
            authorityPEM: try authority.serializeAsPEM().pemString,
            serverPEM: try server.serializeAsPEM().pemString,
            serverKeyPEM: serverKey.pemRepresentation)
    }
}
