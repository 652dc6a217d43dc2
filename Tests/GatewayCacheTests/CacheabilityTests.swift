import GatewayCache
import GatewayCore
import Testing

@Suite("Cacheability rules")
struct CacheabilityTests {
    let policy = AliasCachePolicy(exact: true, ttl: .seconds(60), allowTemperature: false)

    func request(temperature: Double?) -> ChatRequest {
        ChatRequest(model: "fast", messages: [ChatMessage(role: .user, text: "hi")], temperature: temperature)
    }

    @Test func aCompletedAnswerIsStoredAndLookedUp() {
        let request = request(temperature: 0)
        #expect(Cacheability.lookupBypass(request: request, policy: policy, directive: .normal) == nil)
        for finish in [FinishReason.stop, .toolCalls] {
            #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .normal, finishReason: finish) == nil)
        }
    }

    @Test func truncatedFilteredOrBrokenAnswersAreNotStored() {
        let request = request(temperature: 0)
        #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .normal, finishReason: .length) == .incompleteAnswer)
        #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .normal, finishReason: .contentFilter) == .incompleteAnswer)
        #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .normal, finishReason: .stop, streamCompleted: false) == .brokenStream)
    }

    @Test func temperatureAboveZeroNeedsTheAliasToAllowIt() {
        let warm = request(temperature: 0.7)
        #expect(Cacheability.lookupBypass(request: warm, policy: policy, directive: .normal) == .temperature)
        #expect(Cacheability.storeBypass(request: warm, policy: policy, directive: .normal, finishReason: .stop) == .temperature)
        let allowing = AliasCachePolicy(exact: true, ttl: .seconds(60), allowTemperature: true)
        #expect(Cacheability.storeBypass(request: warm, policy: allowing, directive: .normal, finishReason: .stop) == nil)
        #expect(Cacheability.storeBypass(request: request(temperature: nil), policy: policy, directive: .normal, finishReason: .stop) == nil)
    }

    @Test func clientDirectives() {
        let request = request(temperature: 0)
        #expect(Cacheability.lookupBypass(request: request, policy: policy, directive: .noCache) == .clientDirective)
        #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .noCache, finishReason: .stop) == nil)
        #expect(Cacheability.lookupBypass(request: request, policy: policy, directive: .noStore) == .clientDirective)
        #expect(Cacheability.storeBypass(request: request, policy: policy, directive: .noStore, finishReason: .stop) == .clientDirective)
    }

    @Test func anAliasWithoutCachingIsNeverCached() {
        let request = request(temperature: 0)
        #expect(Cacheability.lookupBypass(request: request, policy: nil, directive: .normal) == .notEnabled)
        let off = AliasCachePolicy(exact: false)
        #expect(Cacheability.storeBypass(request: request, policy: off, directive: .normal, finishReason: .stop) == .notEnabled)
    }
}
