import AsyncHTTPClient
import BenchKit
import Foundation
import Locking

/// Runs the chaos scenario on a started `ChaosStack`: open-loop normal clients on the
/// gateway and agent users on the agent for the schedule's duration, while a driver applies
/// each window's fault at its start and lifts it at its end. The driver runs in the
/// calling task (it owns the stack); the load runs in child tasks.
public struct ChaosRunner {
    public struct Options: Sendable, Hashable {
        /// Normal client requests per second (JSON and streamed, both aliases).
        public var rate: Double = 50
        /// Agent requests (turns and new sessions) per second.
        public var agentRate: Double = 4
        public var duration: Duration = .seconds(120)
        /// Each request's deadline.
        public var timeout: Duration = .seconds(15)
        public init() {}
    }

    public let stack: ChaosStack
    public let client: HTTPClient
    public let options: Options
    public let progress: ProgressLine?

    public init(stack: ChaosStack, client: HTTPClient, options: Options, progress: ProgressLine?) {
        self.stack = stack
        self.client = client
        self.options = options
        self.progress = progress
    }

    /// Runs the load and the schedule; returns the report.
    public func run(schedule: ChaosSchedule) async -> ChaosReport {
        let origin = ContinuousClock.now + .milliseconds(200)
        let calls = ChaosCalls(
            client: client, gatewayURL: stack.gatewayURL, agentURL: stack.agentURL, timeout: options.timeout, origin: origin)
        let samples = SampleLog()
        let users = AgentUsers()
        let duration = options.duration
        let rate = options.rate
        let agentRate = options.agentRate
        let ticker = progress.map { progress in
            Task { await Self.tick(progress, samples: samples, schedule: schedule, origin: origin, duration: duration) }
        }
        let driver = ChaosDriver(stack: stack, calls: calls, users: users, origin: origin)
        let events = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.openLoop(rate: rate, duration: duration, origin: origin) { index, due in
                    samples.append(await calls.chat(index: index, due: due))
                }
            }
            group.addTask {
                await Self.openLoop(rate: agentRate, duration: duration, origin: origin) { _, due in
                    for sample in await Self.agentRequest(calls: calls, users: users, due: due) { samples.append(sample) }
                }
            }
            let events = await driver.run(schedule)
            await group.waitForAll()
            return events
        }
        ticker?.cancel()
        progress?.update(fraction: 1, note: "done")
        progress?.finish()
        let all = samples.snapshot().sorted { $0.start < $1.start }
        let final = await ChaosDriver.checkSessions(calls: calls, users: users, at: calls.offset(.now))
        return ChaosReport(schedule: schedule, events: events, samples: all, finalCheck: final, options: options)
    }

    /// Calls `body(index, due)` at each due time of an open loop, however long earlier calls take.
    static func openLoop(
        rate: Double, duration: Duration, origin: ContinuousClock.Instant,
        _ body: @escaping @Sendable (Int, ContinuousClock.Instant) async -> Void
    ) async {
        guard rate > 0 else { return }
        let schedule = OpenLoopSchedule(ratePerSecond: rate, duration: duration)
        await withDiscardingTaskGroup { group in
            for index in 0..<schedule.count {
                if Task.isCancelled { break }
                let due = origin + schedule.offset(of: index)
                if ContinuousClock.now < due { try? await Task.sleep(until: due, clock: .continuous) }
                group.addTask { await body(index, due) }
            }
        }
    }

    /// One agent arrival: the next turn of an idle session, or a new session and its first turn.
    static func agentRequest(calls: ChaosCalls, users: AgentUsers, due: ContinuousClock.Instant) async -> [ChaosSample] {
        if let (id, turn) = users.checkout() {
            let sample = await calls.turn(session: id, message: AgentUsers.message(turn: turn, session: id), due: due)
            users.checkin(id, answered: sample.succeeded)
            return [sample]
        }
        let (id, created) = await calls.createSession(due: due)
        guard let id else { return [created] }
        users.created(id)
        let turn = users.claim(id)
        let sample = await calls.turn(session: id, message: AgentUsers.message(turn: turn, session: id), due: .now)
        users.checkin(id, answered: sample.succeeded)
        return [created, sample]
    }

    static func tick(
        _ progress: ProgressLine, samples: SampleLog, schedule: ChaosSchedule, origin: ContinuousClock.Instant,
        duration: Duration
    ) async {
        while !Task.isCancelled {
            let elapsed = (ContinuousClock.now - origin).seconds
            let (done, failed) = samples.counts()
            let window = schedule.windows[schedule.window(at: max(0, elapsed))]
            let label = window.label(providerNames: ChaosConfigs.providerNames)
            progress.update(
                fraction: min(max(elapsed / duration.seconds, 0), 1),
                note: "\(Int(max(0, elapsed)))s \(label), \(done) done, \(failed) failed")
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// The run's samples, appended by the request tasks.
final class SampleLog: Sendable {
    private let state = Locked([ChaosSample]())

    func append(_ sample: ChaosSample) { state.withLock { $0.append(sample) } }
    func snapshot() -> [ChaosSample] { state.withLock { $0 } }
    /// Samples so far and failed normal requests among them.
    func counts() -> (Int, Int) { state.withLock { all in (all.count, all.count { $0.client.isChat && !$0.succeeded }) } }
}
