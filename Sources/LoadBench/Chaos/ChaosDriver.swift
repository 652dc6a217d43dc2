import AsyncHTTPClient
import Foundation
import NIOCore

/// What happened in a window as the driver ran it: when the fault really started and was
/// lifted (a restart ends when the process is ready), counts, and the session check.
public struct WindowEvents: Sendable, Hashable {
    public var start: Double
    public var end: Double
    public var notes: [String: Int] = [:]
    public var sessions: ChaosSessionCheck?
}

/// Applies each window's fault at its start and lifts it at its end, one window at a time.
struct ChaosDriver {
    let stack: ChaosStack
    let calls: ChaosCalls
    let users: AgentUsers
    let origin: ContinuousClock.Instant

    func at(_ offset: Double) -> ContinuousClock.Instant { origin + .milliseconds(Int64(offset * 1000)) }

    func sleep(until offset: Double) async {
        let due = at(offset)
        if ContinuousClock.now < due { try? await Task.sleep(until: due, clock: .continuous) }
    }

    /// Runs every window; the events by window index.
    func run(_ schedule: ChaosSchedule) async -> [Int: WindowEvents] {
        var events: [Int: WindowEvents] = [:]
        for (index, window) in schedule.windows.enumerated() {
            await sleep(until: window.start)
            events[index] = await apply(window)
        }
        return events
    }

    private func apply(_ window: ChaosWindow) async -> WindowEvents {
        var events = WindowEvents(start: calls.offset(.now), end: window.end)
        switch window.fault {
        case .baseline:
            await sleep(until: window.end)
        case .rateLimit, .serverError, .overloaded, .reset, .stall, .cut:
            let sim = stack.simURLs[window.provider ?? 0]
            events.notes["fault_set"] = await setFaults(sim: sim, body: window.fault.simulatorFaults ?? "{}") ? 1 : 0
            await sleep(until: window.end)
            events.notes["fault_cleared"] = await setFaults(sim: sim, body: "{}") ? 1 : 0
        case .killProvider:
            let index = window.provider ?? 0
            await stack.killSim(index)
            await sleep(until: window.end)
            do {
                try await stack.restartSim(index)
                events.notes["restarted"] = 1
            } catch {
                events.notes["restart_failed"] = 1
                FileHandle.standardError.write(Data("bench: restarting \(ChaosConfigs.providerNames[index]) failed: \(error)\n".utf8))
            }
        case .reload:
            var revision = 1
            while ContinuousClock.now < at(window.end) {
                let broken = revision % 3 == 0
                do {
                    try stack.reloadGateway(revision: revision, broken: broken)
                    events.notes[broken ? "sighup_broken_file" : "sighup_valid_file", default: 0] += 1
                } catch {
                    events.notes["sighup_write_failed", default: 0] += 1
                }
                revision += 1
                try? await Task.sleep(for: .milliseconds(500))
                // What the gateway made of it, from /health/ready's `last_reload`.
                let verdict = await lastReload()
                let expected = broken ? "rejected" : "ok"
                events.notes[verdict?.hasPrefix(expected) == true ? "sighup_\(broken ? "rejected" : "applied")" : "sighup_unexpected", default: 0] += 1
            }
            try? stack.reloadGateway(revision: 0, broken: false)
            events.notes["sighup_valid_file", default: 0] += 1
        case .hostile:
            let port = Int(stack.gatewayURL.split(separator: ":").last ?? "") ?? 0
            let seconds = max(window.end - calls.offset(.now), 0.1)
            events.notes = await HostileClients(port: port).run(for: .milliseconds(Int64(seconds * 1000)))
        case .killAgent:
            let before = users.snapshot()
            let killedAt = calls.offset(.now)
            do {
                try await stack.killAndRestartAgent()
                events.notes["restarted"] = 1
            } catch {
                events.notes["restart_failed"] = 1
                FileHandle.standardError.write(Data("bench: restarting the agent failed: \(error)\n".utf8))
            }
            events.sessions = await Self.check(calls: calls, acknowledged: before, at: killedAt)
        }
        if window.fault == .killProvider || window.fault == .killAgent { events.end = calls.offset(.now) }
        events.notes["gateway_running"] = stack.gatewayRunning() ? 1 : 0
        return events
    }

    /// `last_reload` of the gateway's `/health/ready` (`ok`, `rejected: …`), nil when absent.
    private func lastReload() async -> String? {
        let request = HTTPClientRequest(url: stack.gatewayURL + "/health/ready")
        guard let response = try? await calls.client.execute(request, timeout: .seconds(5)),
            let body = try? await response.body.collect(upTo: 1 << 16),
            let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        else { return nil }
        return object["last_reload"] as? String
    }

    private func setFaults(sim: String, body: String) async -> Bool {
        var request = HTTPClientRequest(url: sim + "/sim/faults")
        request.method = .PUT
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body))
        guard let response = try? await calls.client.execute(request, timeout: .seconds(5)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 16)
        return response.status == .ok
    }

    /// Every acknowledged session and turn, against what the agent stores now.
    static func check(calls: ChaosCalls, acknowledged: [String: Int], at: Double) async -> ChaosSessionCheck {
        var stored: [String: Int] = [:]
        for id in acknowledged.keys {
            if let turns = await calls.storedTurns(session: id) { stored[id] = turns }
        }
        return ChaosSessionCheck(at: at, acknowledged: acknowledged, stored: stored)
    }

    /// The check at the end of the run, over every session the users created.
    static func checkSessions(calls: ChaosCalls, users: AgentUsers, at: Double) async -> ChaosSessionCheck {
        await check(calls: calls, acknowledged: users.snapshot(), at: at)
    }
}
