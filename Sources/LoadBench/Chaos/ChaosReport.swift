import BenchKit
import Foundation

/// The chaos run's results: one row per window, the per-second timeline, the final session
/// check and totals. Renders as a table, JSON and an SVG timeline.
public struct ChaosReport: Sendable, Encodable {
    public var environment: [String: String] = [:]
    public var rate: Double
    public var agentRate: Double
    public var durationSeconds: Double
    public var rows: [ChaosWindowReport]
    public var timeline: ChaosTimeline
    public var finalCheck: ChaosSessionCheck
    public var requests: Int
    public var failed: Int
    public var agentRequests: Int
    public var agentFailed: Int

    /// Accounts `samples` per window, the windows moved to the times `events` record.
    public init(
        schedule: ChaosSchedule, events: [Int: WindowEvents], samples: [ChaosSample], finalCheck: ChaosSessionCheck,
        options: ChaosRunner.Options
    ) {
        var windows = schedule.windows
        for index in windows.indices {
            guard let event = events[index] else { continue }
            windows[index].start = event.start
            windows[index].end = max(event.end, event.start)
        }
        for index in windows.indices {
            windows[index].spanEnd = index + 1 < windows.count ? windows[index + 1].start : max(schedule.duration, windows[index].end)
        }
        windows[0].start = min(windows[0].start, 0)
        rows = windows.enumerated().map { index, window in
            ChaosWindowReport(
                window: window, providerNames: ChaosConfigs.providerNames, samples: samples, sessions: events[index]?.sessions,
                notes: events[index]?.notes ?? [:])
        }
        timeline = ChaosTimeline(samples: samples, duration: max(schedule.duration, samples.map(\.start).max() ?? 0))
        self.finalCheck = finalCheck
        rate = options.rate
        agentRate = options.agentRate
        durationSeconds = options.duration.seconds
        let chat = samples.filter(\.client.isChat)
        requests = chat.count
        failed = chat.count { !$0.succeeded }
        agentRequests = samples.count - chat.count
        agentFailed = samples.count { !$0.client.isChat && !$0.succeeded }
    }

    /// The table: one line per window, then the session checks.
    public func table() -> String {
        let header = [
            "window", "from s", "to s", "requests", "failed", "p50 ms", "p99 ms", "back s", "settled s", "agent req", "agent failed", "agent p99",
            "sessions lost", "turns lost",
        ]
        var lines = [Self.row(header), Self.row(header.map { String(repeating: "-", count: $0.count) })]
        for row in rows {
            let back = row.providerBackS.map { BenchReport.fixed($0, 2) } ?? (row.providerBackMissing ? "not seen" : "—")
            lines.append(
                Self.row([
                    row.label, BenchReport.fixed(row.window.start, 1), BenchReport.fixed(row.window.end, 1), String(row.requests),
                    String(row.failed), BenchReport.ms(row.latencyMs.p50), BenchReport.ms(row.latencyMs.p99), back,
                    BenchReport.fixed(row.errorsSettledS, 2), String(row.agentRequests), String(row.agentFailed),
                    BenchReport.ms(row.agentLatencyMs.p99),
                    row.sessions.map { String($0.sessionsLost) } ?? "", row.sessions.map { String($0.turnsLost) } ?? "",
                ]))
        }
        lines.append(
            Self.row([
                "all", "0.0", BenchReport.fixed(durationSeconds, 1), String(requests), String(failed), "", "", "", "",
                String(agentRequests), String(agentFailed), "", String(finalCheck.sessionsLost), String(finalCheck.turnsLost),
            ]))
        var text = lines.joined(separator: "\n") + "\n"
        for row in rows where !row.failures.isEmpty || !row.agentFailures.isEmpty {
            text += "\(row.label): failed \(Self.counts(row.failures)); agent \(Self.counts(row.agentFailures))\n"
        }
        for row in rows {
            let notes = row.notes.filter { !["gateway_running", "fault_set", "fault_cleared"].contains($0.key) }
            if !notes.isEmpty { text += "\(row.label): \(Self.counts(notes))\n" }
            if row.notes["gateway_running"] == 0 { text += "\(row.label): the gateway is not running\n" }
            if row.window.fault.simulatorFaults != nil, row.notes["fault_set"] == 0 || row.notes["fault_cleared"] == 0 {
                text += "\(row.label): the simulator refused PUT /sim/faults\n"
            }
        }
        for row in rows {
            guard let check = row.sessions else { continue }
            text += "\(row.label) at \(BenchReport.fixed(check.at, 1)) s: \(check.sessionsBefore) sessions / \(check.turnsBefore) answered turns before, "
                + "\(check.sessionsAfter) / \(check.turnsAfter) after the restart; lost \(check.sessionsLost) / \(check.turnsLost)\n"
        }
        text += "end of run: \(finalCheck.sessionsBefore) sessions / \(finalCheck.turnsBefore) answered turns acknowledged, "
            + "\(finalCheck.sessionsAfter) / \(finalCheck.turnsAfter) stored; lost \(finalCheck.sessionsLost) / \(finalCheck.turnsLost)\n"
        return text
    }

    static func counts(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    static func row(_ cells: [String]) -> String {
        let widths = [22, 6, 6, 8, 6, 7, 7, 8, 9, 9, 12, 9, 13, 10]
        return zip(cells, widths).enumerated().map { index, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return index == 0 ? pair.0 + padding : padding + pair.0
        }.joined(separator: " ")
    }

    /// Requests per second and failures per second over time, fault windows shaded.
    public func svg() -> String {
        let bands = rows.filter { $0.window.fault != .baseline }.map {
            SVGTimeline.Band(start: $0.window.start, end: max($0.window.end, $0.window.start + 0.3), label: $0.label)
        }
        return SVGTimeline(
            title: "llm-gateway bench --scenario chaos: \(Int(rate)) req/s normal clients, \(BenchReport.fixed(agentRate, 0)) req/s agent",
            unit: "requests per second (by due time)",
            series: [
                ("normal answered/s", timeline.answered.map(Double.init)), ("normal failed/s", timeline.failed.map(Double.init)),
                ("agent answered/s", timeline.agentAnswered.map(Double.init)), ("agent failed/s", timeline.agentFailed.map(Double.init)),
            ],
            bands: bands
        ).render()
    }

    public func write(json: String, svg svgPath: String) throws {
        for path in [json, svgPath] {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: json))
        try svg().write(toFile: svgPath, atomically: true, encoding: .utf8)
    }

    private enum CodingKeys: String, CodingKey {
        case environment, rate, rows, timeline, requests, failed
        case agentRate = "agent_rate"
        case durationSeconds = "duration_s"
        case finalCheck = "final_check"
        case agentRequests = "agent_requests"
        case agentFailed = "agent_failed"
    }
}
