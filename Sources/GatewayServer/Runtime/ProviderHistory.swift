import Foundation
import Locking

/// When a provider last answered and last failed (with the failure's message), in wall-clock
/// time for people reading `/health/providers` and the console. Display only: no decision
/// reads it.
final class ProviderHistory: Sendable {
    struct Record: Sendable, Hashable {
        var lastSuccess: Date?
        var lastError: Date?
        var lastErrorMessage: String?
    }

    private let record = Locked(Record())

    func succeeded() {
        record.withLock { $0.lastSuccess = Date() }
    }

    func failed(_ message: String) {
        record.withLock {
            $0.lastError = Date()
            $0.lastErrorMessage = message
        }
    }

    var value: Record { record.withLock { $0 } }
}
