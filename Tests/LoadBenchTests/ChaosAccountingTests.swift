@testable import BenchKit
import GatewayCore
import Testing

@testable import LoadBench

/// The chaos scenario's pure parts: the schedule, per-window accounting and recovery, the
/// session check, the timeline. Synthetic samples, no clock.
@Suite("Chaos schedule and accounting")
struct ChaosAccountingTests {
    @Test func scheduleCoversTheRunWithAlternatingProviders() {
        let schedule = ChaosSchedule(duration: 120)
        let windows = schedule.windows
        #expect(windows.count == ChaosSchedule.faults.count + 1)
        #expect(windows[0].fault == .baseline)
        #expect(windows[0].start == 0)
        #expect(windows[0].end >= 3)
        // Contiguous spans from 0 to the end; each fault inside its span, lifted half way.
        for (previous, next) in zip(windows, windows.dropFirst()) {
            #expect(abs(previous.spanEnd - next.start) < 1e-9)
        }
        #expect(windows.last?.spanEnd == 120)
        for window in windows.dropFirst() {
            #expect(window.start < window.end && window.end < window.spanEnd)
            #expect(abs((window.end - window.start) - (window.spanEnd - window.start) / 2) < 1e-9)
        }
        // Provider faults alternate, so the other provider is healthy in every window.
        let providers = windows.filter(\.fault.isProviderFault).compactMap(\.provider)
        #expect(providers.count == 7)
        #expect(zip(providers, providers.dropFirst()).allSatisfy { $0 != $1 })
        #expect(Set(ChaosFault.allCases).subtracting(windows.map(\.fault)).isEmpty)
        #expect(schedule.window(at: 0) == 0)
        #expect(schedule.window(at: windows[3].start + 0.01) == 3)
        #expect(schedule.window(at: 500) == windows.count - 1)
    }

    @Test func shortRunKeepsAMinimumLead() {
        let schedule = ChaosSchedule(duration: 20)
        #expect(schedule.windows[0].end == 3)
        #expect(schedule.windows.last?.spanEnd == 20)
    }

    @Test func everySimulatorFaultHasABody() {
        for fault in ChaosFault.allCases {
            #expect((fault.simulatorFaults != nil) == (fault.isProviderFault && fault != .killProvider), "\(fault)")
        }
    }

    static func chat(_ start: Double, _ end: Double, failure: String? = nil, provider: String? = "sim-b") -> ChaosSample {
        ChaosSample(client: .chatJSON, start: start, end: end, failure: failure, provider: provider)
    }

    @Test func windowCountsRequestsDueInItsSpan() {
        let window = ChaosWindow(fault: .rateLimit, provider: 0, start: 10, end: 15, spanEnd: 20)
        let samples = [
            Self.chat(9.9, 10.2, provider: "sim-a"),  // before the span
            Self.chat(10, 10.01), Self.chat(11, 11.02, failure: "http_429"), Self.chat(12, 12.5),
            Self.chat(14.9, 15.6, failure: "timeout"),  // the last failure ends 0.6 s after the fault
            Self.chat(16, 16.3, provider: "sim-a"),  // sim-a serves again 1.3 s after the end
            Self.chat(17, 17.01, provider: "sim-a"),
            ChaosSample(client: .agentTurn, start: 12, end: 13, failure: "connection"),
            Self.chat(20, 20.01),  // the next span
        ]
        let report = ChaosWindowReport(window: window, providerNames: ["sim-a", "sim-b"], samples: samples)
        #expect(report.label == "429 on sim-a")
        #expect(report.requests == 6)
        #expect(report.failed == 2)
        #expect(report.failures == ["http_429": 1, "timeout": 1])
        #expect(report.latencyMs.count == 4)
        #expect(abs(report.latencyMs.p99 - 500) < 1e-6)
        #expect(report.agentRequests == 1)
        #expect(report.agentFailures == ["connection": 1])
        #expect(abs((report.providerBackS ?? -1) - 1.3) < 1e-9)
        #expect(!report.providerBackMissing)
        #expect(abs(report.errorsSettledS - 0.6) < 1e-9)
    }

    @Test func aProviderThatNeverServesAgainIsMissingAndEarlyFailuresSettleAtZero() {
        let window = ChaosWindow(fault: .killProvider, provider: 0, start: 10, end: 15, spanEnd: 20)
        let samples = [Self.chat(11, 11.1, failure: "http_503"), Self.chat(16, 16.1)]
        let report = ChaosWindowReport(window: window, providerNames: ["sim-a", "sim-b"], samples: samples)
        #expect(report.providerBackS == nil)
        #expect(report.providerBackMissing)
        #expect(report.errorsSettledS == 0)
    }

    @Test func agentOutageCountsFromTheKill() {
        let window = ChaosWindow(fault: .killAgent, start: 10, end: 12, spanEnd: 20)
        let samples = [
            ChaosSample(client: .agentTurn, start: 9.8, end: 10.1, failure: "connection"),
            ChaosSample(client: .agentTurn, start: 11, end: 12.4),
            Self.chat(11, 11.1),
        ]
        let report = ChaosWindowReport(window: window, providerNames: ["sim-a", "sim-b"], samples: samples)
        #expect(abs((report.providerBackS ?? -1) - 2.4) < 1e-9)
        let sighup = ChaosWindowReport(
            window: ChaosWindow(fault: .reload, start: 10, end: 12, spanEnd: 20), providerNames: ["sim-a", "sim-b"], samples: samples)
        #expect(sighup.providerBackS == nil && !sighup.providerBackMissing)
    }

    @Test func sessionCheckCountsLostSessionsAndTurns() {
        let check = ChaosSessionCheck(at: 50, acknowledged: ["a": 3, "b": 2, "c": 1, "d": 0], stored: ["a": 3, "b": 1, "d": 1])
        #expect(check.sessionsBefore == 4 && check.turnsBefore == 6)
        #expect(check.sessionsAfter == 3 && check.turnsAfter == 4)
        #expect(check.sessionsLost == 1)
        #expect(check.turnsLost == 2)  // b lost one, c (gone) its one; d's extra stored turn is no loss
        let intact = ChaosSessionCheck(at: 50, acknowledged: ["a": 2], stored: ["a": 3])
        #expect(intact.sessionsLost == 0 && intact.turnsLost == 0)
    }

    @Test func timelineBucketsByDueSecond() {
        let samples = [
            Self.chat(0.2, 0.3), Self.chat(0.9, 1.5, failure: "timeout"), Self.chat(2.5, 2.6),
            ChaosSample(client: .agentSession, start: 1.1, end: 1.2), ChaosSample(client: .agentTurn, start: 9, end: 9.5, failure: "x"),
        ]
        let timeline = ChaosTimeline(samples: samples, duration: 3)
        #expect(timeline.answered == [1, 0, 1])
        #expect(timeline.failed == [1, 0, 0])
        #expect(timeline.agentAnswered == [0, 1, 0])
        #expect(timeline.agentFailed == [0, 0, 1])
    }

    @Test func streamsCountOnlyWhenComplete() {
        #expect(ChaosCalls.streamFailure("data: {\"choices\":[]}\n\ndata: [DONE]\n\n") == nil)
        #expect(ChaosCalls.streamFailure("data: {\"choices\":[]}\n\n") == "stream_unfinished")
        #expect(ChaosCalls.streamFailure("data: {\"error\":{\"message\":\"cut\"}}\n\ndata: [DONE]\n\n") == "stream_error")
        #expect(
            ChaosCalls.streamFailure("data: {\"error\":{\"message\":\"late\",\"code\":\"deadline_exceeded\"}}\n\n")
                == "stream_error:deadline_exceeded")
    }

    @Test func reportRendersTableJSONAndTimeline() throws {
        let schedule = ChaosSchedule(duration: 20)
        let samples = (0..<40).map { Self.chat(Double($0) / 2, Double($0) / 2 + 0.01, failure: $0 == 20 ? "http_503" : nil) }
        let report = ChaosReport(
            schedule: schedule, events: [:], samples: samples, finalCheck: ChaosSessionCheck(at: 20, acknowledged: [:], stored: [:]),
            options: ChaosRunner.Options())
        #expect(report.requests == 40 && report.failed == 1)
        #expect(report.rows.map(\.requests).reduce(0, +) == 40)
        let table = report.table()
        #expect(table.contains("429 on sim-a"))
        #expect(table.contains("http_503 1"))
        let svg = report.svg()
        #expect(svg.hasPrefix("<svg") && svg.contains("kill-agent") && svg.contains("<polyline"))
    }

    @Test func timelineChartShadesBands() {
        let chart = SVGTimeline(
            title: "t <1>", unit: "req/s", series: [("ok", [1, 2, 3]), ("failed", [0, 1, 0])],
            bands: [SVGTimeline.Band(start: 1, end: 2, label: "429 & co")])
        let svg = chart.render()
        #expect(svg.contains("429 &amp; co"))
        #expect(svg.contains("t &lt;1&gt;"))
        #expect(svg.components(separatedBy: "<polyline").count == 3)
        #expect(SVGTimeline.tickStep(120) == 10)
    }

    @Test func policiesLoadAndTheBrokenOneIsRejected() throws {
        let urls = ["http://127.0.0.1:1", "http://127.0.0.1:2"]
        for revision in 0..<3 {
            let policy = try PolicyLoader.parse(yaml: ChaosConfigs.gatewayPolicy(simURLs: urls, revision: revision), file: "chaos.yaml")
            for name in ChaosConfigs.chatAliases + ["fast", "smart"] {
                let alias = try #require(policy.alias(named: name))
                #expect(alias.strategy == .fallback)
                #expect(Set(alias.routes.map(\.provider)) == Set(ChaosConfigs.providerNames))
            }
            #expect(policy.provider(named: "sim-b")?.endpoint == .url(urls[1]))
        }
        #expect(throws: (any Error).self) {
            try PolicyLoader.parse(yaml: ChaosConfigs.gatewayPolicy(simURLs: urls, revision: 3, broken: true), file: "chaos.yaml")
        }
    }

    @Test func hostileClientsReadTheStatusLine() {
        #expect(HostileClients.status(Array("HTTP/1.1 400 Bad Request\r\n".utf8)) == 400)
        #expect(HostileClients.status(Array("HTTP/1.1 4".utf8)) == nil)
        #expect(HostileClients.status(Array("garbage".utf8)) == nil)
    }
}
