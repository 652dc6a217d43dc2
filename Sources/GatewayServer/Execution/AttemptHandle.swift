import GatewayCore
import Locking

/// One running attempt as the driver sees it: its route, its task, and whether (and why)
/// the execution cancelled it. The attempt's task reads the reason to settle itself — a
/// first-token timeout is a provider failure, a lost contest or an ended request is not —
/// and releases an answer that came too late instead of handing it over.
final class AttemptHandle: Sendable {
    let id: AttemptID
    let route: Route
    private let state = Locked<State>(State())

    private struct State {
        var task: Task<Void, Never>?
        var cancelled: AttemptCancelReason?
    }

    init(id: AttemptID, route: Route) {
        self.id = id
        self.route = route
    }

    func attach(_ task: Task<Void, Never>) {
        let cancelNow = state.withLock { state -> Bool in
            state.task = task
            return state.cancelled != nil
        }
        if cancelNow { task.cancel() }
    }

    /// Records why, then cancels the task.
    func cancel(_ reason: AttemptCancelReason) {
        let task = state.withLock { state -> Task<Void, Never>? in
            if state.cancelled == nil { state.cancelled = reason }
            return state.task
        }
        task?.cancel()
    }

    /// Why the execution cancelled this attempt, if it did.
    var cancelReason: AttemptCancelReason? { state.withLock { $0.cancelled } }
}
