import Foundation
import Locking

/// What `/health/ready` reports, each field true only when what it names is true: the
/// policy in force and where it came from, the last reload's outcome, whether every
/// provider's pool was warmed (and which were not).
final class Readiness: Sendable {
    struct State: Sendable {
        var warmUpDone = false
        var warmUpFailures: [String] = []
        var policySource: String
        var policyLoadedAt = Date()
        var lastReload: String?
    }

    private let state: Locked<State>

    init(policySource: String) {
        state = Locked(State(policySource: policySource))
    }

    /// The warm-up ran; `failures` are the endpoints it could not reach.
    func warmUpFinished(failures: [String]) {
        state.withLock {
            $0.warmUpDone = true
            $0.warmUpFailures = failures.sorted()
        }
    }

    func reloaded(ok: Bool, error: String?) {
        state.withLock {
            if ok { $0.policyLoadedAt = Date() }
            $0.lastReload = ok ? "ok" : "rejected: \(error ?? "?")"
        }
    }

    var value: State { state.withLock { $0 } }
}
