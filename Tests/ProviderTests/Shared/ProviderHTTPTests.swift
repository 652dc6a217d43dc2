import Foundation
import GatewayCore
import NIOCore
import NIOHTTP1
import Testing

@testable import GatewayProviders

@Suite("Shared provider HTTP pieces")
struct ProviderHTTPTests {
    @Test("Retry-After: seconds, fractions, HTTP dates, retry-after-ms, garbage")
    func retryAfter() {
        #expect(ProviderHTTP.retryAfter(["Retry-After": "20"]) == .seconds(20))
        #expect(ProviderHTTP.retryAfter(["retry-after": " 1.5 "]) == .milliseconds(1500))
        #expect(ProviderHTTP.retryAfter(["retry-after-ms": "250"]) == .milliseconds(250))
        #expect(ProviderHTTP.retryAfter(["retry-after": "soon"]) == nil)
        #expect(ProviderHTTP.retryAfter(["retry-after": "-3"]) == nil)
        #expect(ProviderHTTP.retryAfter([:]) == nil)
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(ProviderHTTP.retryAfter(["retry-after": "Wed, 21 Oct 2015 07:28:30 GMT"], now: now) == .seconds(30))
        #expect(ProviderHTTP.retryAfter(["retry-after": "Wed, 21 Oct 2015 07:27:00 GMT"], now: now) == .zero)
    }

    @Test("status classes", arguments: [
        (429, "rate_limited"), (529, "overloaded"), (503, "overloaded"), (500, "server_error"), (502, "server_error"),
        (400, "rejected"), (401, "rejected"), (404, "rejected"),
    ])
    func statuses(status: Int, kind: String) {
        #expect(ProviderHTTP.upstreamError(status: status, headers: [:], body: ByteBuffer(), key: nil).kind == kind)
    }

    @Test("messages come from the error envelope, else the body text, else the status")
    func messages() {
        #expect(ProviderHTTP.errorMessage(from: buffer(#"{"error":{"message":"nope"}}"#)) == "nope")
        #expect(ProviderHTTP.errorMessage(from: buffer("  Bad Gateway \n")) == "Bad Gateway")
        #expect(ProviderHTTP.errorMessage(from: ByteBuffer()) == nil)
        #expect(ProviderHTTP.upstreamError(status: 502, headers: [:], body: ByteBuffer(), key: nil).message == "server error (502): HTTP 502")
        let long = String(repeating: "x", count: 2000)
        // The whole text is read (so redaction sees all of it), then shortened.
        #expect(ProviderHTTP.errorMessage(from: buffer(long))?.count == 2000)
        #expect(ProviderHTTP.upstreamError(status: 500, headers: [:], body: buffer(long), key: nil).message.count < 600)
    }

    @Test("ours replace forwarded headers of the same name; forwarded ones pass")
    func headers() {
        let headers = ProviderHTTP.headers(
            forwarded: ["x-request-id": "r1", "Content-Type": "text/plain"],
            auth: [("authorization", "Bearer k")],
            streaming: true
        )
        #expect(headers["x-request-id"] == ["r1"])
        #expect(headers["content-type"] == ["application/json"])
        #expect(headers["accept"] == ["text/event-stream"])
        #expect(headers["authorization"] == ["Bearer k"])
    }

    @Test("keys are redacted from messages")
    func redaction() {
        let key = APIKey("sk-live-abc")
        #expect(ProviderHTTP.redact("bad key sk-live-abc given", key: key) == "bad key <redacted> given")
        #expect(ProviderHTTP.redact("fine", key: nil) == "fine")
    }

    @Test("base URLs lose trailing slashes")
    func trimmedBase() {
        #expect(ProviderHTTP.trimmedBase("http://h:1//") == "http://h:1")
        #expect(ProviderHTTP.trimmedBase("http://h:1") == "http://h:1")
    }

    @Test("the registry builds the adapter for each kind")
    func registry() {
        let transport = FakeTransport(status: 200, body: "")
        for kind in ProviderKind.allCases {
            let provider = ProviderRegistry.make(kind: kind, name: "p-\(kind.rawValue)", baseURL: "http://h", key: nil, transport: transport)
            #expect(provider.name == "p-\(kind.rawValue)")
            switch kind {
            case .openai, .openaiCompatible: #expect(provider is OpenAIProvider)
            case .anthropic: #expect(provider is AnthropicProvider)
            case .gemini: #expect(provider is GeminiProvider)
            }
        }
    }
}
