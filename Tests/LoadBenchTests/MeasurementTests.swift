import BenchKit
import Testing

@testable import LoadBench

@Suite("Measurement")
struct MeasurementTests {
    @Test func roleChunkIsNotContent() {
        var detector = FirstContentDetector()
        let role = #"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"# + "\n\n"
        let afterRole = detector.feed(Array(role.utf8))
        #expect(!afterRole)
        let afterContent = detector.feed(Array(#"data: {"choices":[{"delta":{"content":"Hi"}}]}"#.utf8))
        #expect(afterContent)
        #expect(detector.found)
    }

    @Test func contentSplitAcrossChunksIsFound() {
        let text = #"data: {"delta":{"content":""}}"# + "\n\n" + #"data: {"delta":{"content": "x"}}"#
        var detector = FirstContentDetector()
        var foundAt: Int?
        for (index, byte) in text.utf8.enumerated() where foundAt == nil {
            if detector.feed([byte]) { foundAt = index }
        }
        #expect(foundAt == text.utf8.count - 4)
    }

    @Test func nullContentIsNotContent() {
        var detector = FirstContentDetector()
        let seen = detector.feed(Array(#"{"content":null,"x":"content","content""#.utf8))
        #expect(!seen)
    }

    @Test func recorderPercentilesAndCounts() {
        var recorder = RunRecorder()
        for millisecond in 1...1000 {
            recorder.record(.success(latency: .milliseconds(millisecond), ttft: .milliseconds(millisecond) / 2, upstreamAttempts: millisecond % 10 == 0 ? 2 : 1))
        }
        recorder.record(.failure(.status(502)))
        recorder.record(.failure(.status(502)))
        recorder.record(.failure(.timeout))
        let latency = recorder.latencySummary
        // HDR histogram with three significant digits: within 0.1 %.
        #expect(abs(latency.p50 - 500) <= 0.5)
        #expect(abs(latency.p90 - 900) <= 0.9)
        #expect(abs(latency.p99 - 990) <= 1)
        #expect(abs(latency.p999 - 999) <= 1)
        #expect(latency.count == 1000)
        #expect(abs((recorder.ttftSummary?.p50 ?? 0) - 250) <= 0.25)
        #expect(recorder.failures == ["http_502": 2, "timeout": 1])
        #expect(recorder.completed == 1003)
        #expect(recorder.upstreamCallsPerRequest == 1.1)
    }

    @Test func mergedRecordersEqualOne() {
        var whole = RunRecorder()
        var left = RunRecorder()
        var right = RunRecorder()
        for millisecond in 1...100 {
            let outcome = RequestOutcome.success(latency: .milliseconds(millisecond), ttft: nil, upstreamAttempts: nil)
            whole.record(outcome)
            if millisecond.isMultiple(of: 2) { left.record(outcome) } else { right.record(outcome) }
        }
        left.record(.failure(.connection))
        left.merge(right)
        #expect(left.latencySummary == whole.latencySummary)
        #expect(left.failures == ["connection": 1])
        #expect(left.ttftSummary == nil)
        #expect(left.upstreamCallsPerRequest == nil)
    }

    @Test func sampleSummaryHasTailPercentiles() {
        let summary = LatencySummary((1...1000).map(Double.init))
        #expect(summary.p50 == 500)
        #expect(summary.p90 == 900)
        #expect(summary.p99 == 990)
        #expect(summary.p999 == 999)
        #expect(summary.max == 1000)
    }
}
