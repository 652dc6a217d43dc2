import Testing

@testable import Simulator

@Suite("Latency, tokens and faults")
struct ModelTests {
    @Test func tokensConcatenateBackToTheText() {
        let samples = ["echo: Hello, world!", "  leading and trailing  ", "", "a", "$50k budget... ok?", "naïve café 123"]
        for text in samples {
            #expect(SimTokenizer.tokens(text).joined() == text)
        }
        #expect(SimTokenizer.tokens("echo: Hello, world!") == ["echo", ":", " Hello", ",", " world", "!"])
        #expect(SimTokenizer.inputTokens(utf8Count: 0) == 1)
        #expect(SimTokenizer.inputTokens(utf8Count: 9) == 3)
    }

    @Test func answerIsPaddedTrimmedAndTruncated() {
        let padded = SimAnswer(raw: "echo: hi", forcedTokens: 6, maxTokens: nil, tokensPerChunk: 4)
        #expect(padded.outputTokens == 6)
        #expect(padded.text == "echo: hi lorem ipsum dolor")
        #expect(padded.chunks == ["echo: hi lorem", " ipsum dolor"])
        #expect(!padded.truncated)
        let trimmed = SimAnswer(raw: "echo: one two three", forcedTokens: 2, maxTokens: nil, tokensPerChunk: 4)
        #expect(trimmed.text == "echo:" && !trimmed.truncated)
        let cut = SimAnswer(raw: "echo: one two three", forcedTokens: nil, maxTokens: 3, tokensPerChunk: 1)
        #expect(cut.text == "echo: one" && cut.truncated && cut.chunks.count == 3)
    }

    @Test func latencyPlanAddsTtftPrefillAndDecode() {
        var settings = SimSettings()
        settings.ttft = SimTTFT(medianMs: 100, p95Ms: 100)
        settings.prefillMsPerInputToken = 0.5
        settings.decodeMsPerOutputToken = 2
        let plan = LatencyPlan(
            settings: settings, draws: SimDraws(faultRoll: 0.5, ttftNormal: 1.3), inputTokens: 10, outputTokens: 7,
            ttftOverrideMs: nil)
        #expect(abs(plan.ttftMs - 100) < 1e-9)
        #expect(abs(plan.firstByteMs - 105) < 1e-9)
        #expect(abs(plan.serviceMs - 119) < 1e-9)
        #expect(plan.tokensPerChunk == 3)
        #expect(abs(plan.chunkOffsetMs(2) - 117) < 1e-9)
        let forced = LatencyPlan(
            settings: settings, draws: SimDraws(faultRoll: 0, ttftNormal: 0), inputTokens: 0, outputTokens: 0,
            ttftOverrideMs: 40)
        #expect(forced.serviceMs == 40)
    }

    @Test func logNormalHitsMedianAndP95() {
        let ttft = SimTTFT(medianMs: 80, p95Ms: 200)
        #expect(abs(ttft.sample(normal: 0) - 80) < 1e-9)
        #expect(abs(ttft.sample(normal: SimTTFT.z95) - 200) < 1e-6)
        #expect(SimTTFT(medianMs: 0, p95Ms: 0).sample(normal: 2) == 0)
    }

    @Test func drawsAreDeterministicPerKeyAndOccurrence() {
        let key = SimDraws.requestKey(seed: 42, model: "m", tag: "capture", lastUserMessage: "hi")
        #expect(key == SimDraws.requestKey(seed: 42, model: "m", tag: "capture", lastUserMessage: "hi"))
        #expect(key != SimDraws.requestKey(seed: 43, model: "m", tag: "capture", lastUserMessage: "hi"))
        #expect(key != SimDraws.requestKey(seed: 42, model: "m", tag: nil, lastUserMessage: "hi"))
        #expect(SimDraws(key: key, occurrence: 0) == SimDraws(key: key, occurrence: 0))
        #expect(SimDraws(key: key, occurrence: 0) != SimDraws(key: key, occurrence: 1))
        // FNV-1a 64 of the empty input is its offset basis: the hash is fixed, not per-process.
        #expect(FNV1a64().value == 0xcbf2_9ce4_8422_2325)
    }

    @Test func drawsAreUniformEnough() {
        let key = SimDraws.requestKey(seed: 1, model: "m", tag: nil, lastUserMessage: "x")
        let rolls = (0..<4000).map { SimDraws(key: key, occurrence: $0).faultRoll }
        let below = rolls.filter { $0 < 0.25 }.count
        #expect(below > 800 && below < 1200)
        #expect(rolls.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test func faultDecisionFollowsCumulativeRates() {
        var faults = SimFaultRates()
        faults.rates = [.rateLimit: 0.1, .cut: 0.2]
        #expect(faults.decide(roll: 0.05) == .rateLimit)
        #expect(faults.decide(roll: 0.15) == .cut)
        #expect(faults.decide(roll: 0.31) == nil)
        #expect(SimFault(header: "429") == .rateLimit)
        #expect(SimFault(header: "529") == .overloaded)
        #expect(SimFault(header: "stall") == .stall)
        #expect(SimFault(header: "teapot") == nil)
    }

    @Test func faultTimesInjectOnlyTheFirstN() {
        var state = SimLedgerState()
        let uses = (0..<3).map { _ in
            state.requestStarted(key: 1, faultKey: "k", model: "m", tag: nil).faultKeyUse
        }
        #expect(uses == [0, 1, 2])
        var headers = SimRequestHeaders(headers: ["x-sim-fault": "500", "x-sim-fault-times": "2"], uri: "/")
        #expect(headers.faultKey == "")
        #expect(uses.map { headers.headerFault(faultKeyUse: $0) } == [.serverError, .serverError, nil])
        headers.faultTimes = nil
        #expect(headers.headerFault(faultKeyUse: 7) == .serverError)
    }

    @Test func ledgerKeepsTheLast256RecordsInOrder() {
        var state = SimLedgerState()
        for index in 0..<300 {
            let start = state.requestStarted(key: UInt64(index), faultKey: nil, model: "m", tag: "t")
            let ticket = SimTicket(
                number: start.number, path: "/p", model: "m", tag: "t", stream: false, hadCredentials: false, fault: nil)
            state.requestFinished(ticket, clientClosed: false)
        }
        let stats = state.snapshot
        #expect(stats.requests == 300 && stats.completed == 300 && stats.inFlight == 0)
        #expect(stats.recent.count == 256)
        #expect(stats.recent.first?.id == "sim-45" && stats.recent.last?.id == "sim-300")
        #expect(stats.byTag == ["t": 300])
    }
}
