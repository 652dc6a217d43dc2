import GatewayCore
import Testing

@Suite("Error taxonomy")
struct GatewayErrorTests {
    func failure(_ error: UpstreamError, _ provider: String = "p") -> ProviderFailure {
        ProviderFailure(provider: provider, model: "m", failure: .upstream(error))
    }

    @Test func clientMistakesAre4xx() {
        #expect(GatewayError.invalidRequest(message: "x", param: "messages").httpStatus == 400)
        #expect(GatewayError.unsupportedMediaType("text/plain").httpStatus == 415)
        #expect(GatewayError.payloadTooLarge(limitBytes: 10).httpStatus == 413)
        #expect(GatewayError.unknownModel("nope").httpStatus == 404)
        #expect(GatewayError.unknownModel("nope").param == "model")
    }

    @Test func aggregateStatusFollowsTheFailures() {
        let limited = UpstreamError.rateLimited(retryAfter: .seconds(3), message: "")
        #expect(GatewayError.allProvidersFailed([failure(limited), failure(limited, "q")]).httpStatus == 429)
        #expect(GatewayError.allProvidersFailed([failure(limited)]).retryAfterSeconds == 3)
        #expect(GatewayError.allProvidersFailed([failure(.serverError(status: 500, message: ""))]).httpStatus == 502)
        #expect(GatewayError.allProvidersFailed([failure(.firstTokenTimeout), failure(.serverError(status: 503, message: ""))]).httpStatus == 504)
        #expect(GatewayError.allProvidersFailed([failure(.rejected(status: 400, message: "bad"))]).httpStatus == 400)
        #expect(GatewayError.allProvidersFailed([ProviderFailure(provider: "p", model: "m", failure: .circuitOpen)]).httpStatus == 503)
        #expect(GatewayError.allProvidersFailed([ProviderFailure(provider: "p", model: "m", failure: .queueFull(retryAfterSeconds: 2))]).httpStatus == 429)
    }

    @Test func aggregateMessageKeepsEveryProviderByName() {
        let error = GatewayError.allProvidersFailed([
            failure(.serverError(status: 500, message: "boom"), "anthropic"),
            failure(.connectionFailed("refused"), "openai"),
        ])
        #expect(error.message.contains("anthropic/m"))
        #expect(error.message.contains("openai/m"))
    }

    @Test func retryabilityPerCase() {
        #expect(UpstreamError.fromStatus(429, retryAfter: nil, message: "").isRetryable)
        #expect(UpstreamError.fromStatus(529, retryAfter: nil, message: "") == .overloaded(status: 529, message: ""))
        #expect(UpstreamError.fromStatus(500, retryAfter: nil, message: "").isRetryable)
        #expect(!UpstreamError.fromStatus(400, retryAfter: nil, message: "").isRetryable)
        #expect(!UpstreamError.rateLimited(retryAfter: nil, message: "").countsAsProviderFailure)
    }
}
