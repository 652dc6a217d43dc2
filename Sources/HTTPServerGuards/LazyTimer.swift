import NIOCore

/// A connection timer that is armed and disarmed on every request and almost never fires
/// (the head, idle and body timers of a keep-alive connection). Arming only moves a
/// deadline; a wake-up is scheduled when none is pending early enough, and a wake-up that
/// comes before the deadline schedules the next one, at most `granularity` ahead. A busy
/// keep-alive connection so schedules about one task per `granularity` instead of one or
/// two per request, and a deadline still fires on time.
///
/// Used on its channel's event loop only. The clock is passed in (`now`), so a test drives
/// it with an `EmbeddedEventLoop`'s time.
final class LazyTimer {
    private let eventLoop: any EventLoop
    private let granularity: TimeAmount
    private let now: () -> NIODeadline
    private var deadline: NIODeadline?
    private var action: (() -> Void)?
    private var wakeUp: Scheduled<Void>?
    private var wakeUpAt = NIODeadline.distantFuture

    init(eventLoop: any EventLoop, granularity: TimeAmount, now: @escaping () -> NIODeadline = { .now() }) {
        self.eventLoop = eventLoop
        self.granularity = granularity
        self.now = now
    }

    /// Runs `action` once `delay` has passed, unless the timer is disarmed or re-armed first.
    func arm(in delay: TimeAmount, _ action: @escaping () -> Void) {
        let current = now()
        let due = current + delay
        deadline = due
        self.action = action
        if wakeUp == nil || wakeUpAt > due { schedule(at: min(due, current + granularity)) }
    }

    /// Forgets the deadline; a pending wake-up finds nothing to do.
    func disarm() {
        deadline = nil
        action = nil
    }

    /// Disarms and drops the pending wake-up (the channel closed).
    func cancel() {
        disarm()
        wakeUp?.cancel()
        wakeUp = nil
        wakeUpAt = .distantFuture
    }

    private func schedule(at instant: NIODeadline) {
        wakeUp?.cancel()
        wakeUpAt = instant
        wakeUp = eventLoop.assumeIsolated().scheduleTask(deadline: instant) { self.woke() }
    }

    private func woke() {
        wakeUp = nil
        wakeUpAt = .distantFuture
        guard let deadline else { return }
        let current = now()
        if current >= deadline {
            let action = self.action
            disarm()
            action?()
        } else {
            schedule(at: min(deadline, current + granularity))
        }
    }
}
