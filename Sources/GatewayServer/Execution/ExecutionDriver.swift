import GatewayCore
import GatewayProviders
import NIOCore

/// The one driver of a request's ``RequestExecution``: feeds it events (attempt outcomes,
/// its one timer on the connection's event loop, the client going away) and performs what
/// it asks. The loop runs on the request's task and owns the state machine, so it needs no
/// lock; attempt tasks and the timer only send events.
struct ExecutionDriver: Sendable {
    let context: ExecutionContext
    let trace: TraceRecorder
    let watch: ConnectionWatch?
    let eventLoop: any EventLoop

    /// What the loop hears.
    enum Event: Sendable {
        case answered(AttemptID, AttemptRunner.Outcome)
        case failed(AttemptID, AttemptFailure, upstreamStarted: ContinuousClock.Instant?)
        case timer
        case clientGone
    }

    func run(_ setup: ExecutionSetup) async throws -> ExecutionAnswer {
        let (events, continuation) = AsyncStream<Event>.makeStream()
        var loop = DriverLoop(
            machine: RequestExecution(setup: setup), driver: self, send: { continuation.yield($0) }, mode: setup.mode)
        watch?.onClose { continuation.yield(.clientGone) }
        defer {
            watch?.clearHook()
            loop.stopTimer()
            continuation.finish()
        }
        return try await withTaskCancellationHandler {
            loop.perform(loop.machine.start(now: .now))
            var iterator = events.makeAsyncIterator()
            while loop.result == nil, let event = await iterator.next() {
                loop.handle(event)
            }
            if loop.result == nil { loop.handle(.clientGone) }
            trace.update { $0.upstreamTime += loop.upstreamBusy.total }
            return try loop.result!.get()
        } onCancel: {
            continuation.yield(.clientGone)
        }
    }
}

/// The driver loop's state: the machine, the running attempts' handles, the answers that
/// arrived, the timer, and the request's result once decided.
struct DriverLoop {
    var machine: RequestExecution
    let driver: ExecutionDriver
    let send: @Sendable (ExecutionDriver.Event) -> Void
    let mode: ExecutionSetup.Mode
    var handles: [AttemptID: AttemptHandle] = [:]
    var outcomes: [AttemptID: AttemptRunner.Outcome] = [:]
    var losers: [AttemptID] = []
    var hedgeRoute: Route?
    var timer: Scheduled<Void>?
    var upstreamBusy = BusyIntervals()
    var result: Result<ExecutionAnswer, any Error>?

    mutating func handle(_ event: ExecutionDriver.Event) {
        let now = ContinuousClock.now
        switch event {
        case .answered(let id, let outcome):
            outcomes[id] = outcome
            upstreamBusy.add(from: outcome.upstreamStarted, to: now)
            perform(machine.attemptAnswered(id, now: now))
        case .failed(let id, let failure, let started):
            if let started { upstreamBusy.add(from: started, to: now) }
            driver.trace.failed(handles[id]?.route ?? Route(provider: "-", model: "-"), failure)
            perform(machine.attemptFailed(id, failure, now: now))
        case .timer:
            timer = nil
            perform(machine.timerFired(now: now))
        case .clientGone:
            perform(machine.clientGone())
            if result == nil { result = .failure(CancellationError()) }
        }
    }

    mutating func perform(_ actions: [ExecutionAction]) {
        for action in actions { perform(action) }
    }

    mutating func perform(_ action: ExecutionAction) {
        let context = driver.context
        switch action {
        case .start(let id, let route):
            let handle = AttemptHandle(id: id, route: route)
            handles[id] = handle
            driver.trace.update { $0.attempts += 1 }
            let send = self.send
            handle.attach(Task { await context.attempt(handle, send: send) })
        case .cancel(let id, let reason):
            handles[id]?.cancel(reason)
            if reason == .lostContest { losers.append(id) }
        case .schedule(let instant):
            stopTimer()
            if let instant {
                let send = self.send
                timer = driver.eventLoop.scheduleTask(deadline: NIODeadline(instant)) { send(.timer) }
            }
        case .askHedge(let route):
            let granted = context.stats.tryHedge(alias: context.alias, now: .now)
            if !granted { context.metrics.strategyEvent("hedges_denied", alias: context.alias.name, route: route) }
            perform(machine.hedgeDecided(granted: granted, now: .now))
        case .answer(let id):
            guard let outcome = outcomes.removeValue(forKey: id), let route = handles[id]?.route else { return }
            let simulated = context.snapshot.providers[route.provider]?.isSimulated ?? false
            driver.trace.update {
                $0.provider = route.provider
                $0.model = route.model
                $0.simulated = simulated
                $0.upstreamServiceTime = outcome.answer.serviceTime
            }
            ContestRecorder(context: context).answered(
                mode: mode, winner: route, started: handles.values.map(\.route), losers: losers.compactMap { handles[$0]?.route },
                hedge: hedgeRoute)
            result = .success(outcome.answer)
        case .discard(let id):
            _ = outcomes.removeValue(forKey: id)?.answer.discard()
        case .fail(let error):
            result = .failure(error)
        case .retried(let route):
            context.metrics.retried(provider: route.provider, model: route.model)
        case .hedgeFired(let route):
            hedgeRoute = route
            ContestRecorder(context: context).hedgeFired(route)
        case .hedgeDenied:
            break
        }
    }

    mutating func stopTimer() {
        timer?.cancel()
        timer = nil
    }
}

/// Time during which at least one upstream call was running, as the union of intervals
/// (race contenders overlap; fallback attempts follow one another).
struct BusyIntervals {
    private var intervals: [(ContinuousClock.Instant, ContinuousClock.Instant)] = []

    mutating func add(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) {
        guard end > start else { return }
        intervals.append((start, end))
    }

    var total: Duration {
        let sorted = intervals.sorted { $0.0 < $1.0 }
        var total = Duration.zero
        var current: (ContinuousClock.Instant, ContinuousClock.Instant)?
        for interval in sorted {
            if let open = current, interval.0 <= open.1 {
                current = (open.0, max(open.1, interval.1))
            } else {
                if let open = current { total += open.1 - open.0 }
                current = interval
            }
        }
        if let open = current { total += open.1 - open.0 }
        return total
    }
}
