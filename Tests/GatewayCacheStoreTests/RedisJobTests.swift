@testable import GatewayCacheStores
import GatewayCore
import Testing

/// The job decides a command's outcome when the event happens, not when the caller's task
/// runs: a starved cooperative pool runs the deadline's timer late, after the worker thread
/// has already completed the job with the reply (a clean-clone CI run once reported a
/// timeout for a reply that had arrived, because a sleep raced the reply on a busy pool).
@Suite("Redis job completion")
struct RedisJobTests {
    @Test func reportsTheReplyThatArrivedBeforeALateTimer() async throws {
        let job = RedisJob(arguments: [Array("GET".utf8)], generation: 0)
        job.complete(.success(.status("OK")))
        job.complete(.failure(TimeLimitExceeded()))
        let reply = try await withCheckedThrowingContinuation { job.attach($0) }
        #expect(reply == .status("OK"))
        #expect(job.isDone)
    }

    @Test func aTimerThatFiresFirstWinsAndTheLateReplyIsDropped() async {
        let job = RedisJob(arguments: [Array("GET".utf8)], generation: 0)
        let waiting = Task { try await withCheckedThrowingContinuation { job.attach($0) } }
        job.complete(.failure(TimeLimitExceeded()))
        job.complete(.success(.status("OK")))
        await #expect(throws: TimeLimitExceeded.self) { try await waiting.value }
    }
}
