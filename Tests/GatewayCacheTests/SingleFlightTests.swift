import GatewayCache
import Locking
import Testing

/// A call the test finishes by hand, counting how often it was started.
final class GatedCall: Sendable {
    private let state = Locked<(starts: Int, cancelled: Int, gate: CheckedContinuation<Void, Never>?, open: Bool)>((0, 0, nil, false))

    var starts: Int { state.withLock { $0.starts } }
    var cancellations: Int { state.withLock { $0.cancelled } }

    /// Waits until the test opens the gate, or until cancelled.
    func run(result: String) async throws -> String {
        state.withLock { $0.starts += 1 }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.open || Task.isCancelled { return true }
                    state.gate = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let gate = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.cancelled += 1
                defer { state.gate = nil }
                return state.gate
            }
            gate?.resume()
        }
        try Task.checkCancellation()
        return result
    }

    func open() {
        let gate = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.open = true
            defer { state.gate = nil }
            return state.gate
        }
        gate?.resume()
    }
}

struct UpstreamFailed: Error, Equatable {}

/// Polls `condition` until it holds or a generous deadline passes (never a fixed sleep).
func eventually(_ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while !condition() {
        if ContinuousClock.now > deadline { return false }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return true
}

@Suite("Single-flight driver")
struct SingleFlightTests {
    @Test func identicalConcurrentMissesMakeOneCall() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        try await withThrowingTaskGroup(of: SingleFlightResult<String>.self) { group in
            for _ in 0..<20 {
                group.addTask { try await flights.run(key: "k") { try await call.run(result: "answer") } }
            }
            #expect(await eventually { flights.waiterCount(key: "k") == 20 })
            call.open()
            var joined = 0
            for try await result in group {
                #expect(result.value == "answer")
                if result.joined { joined += 1 }
            }
            #expect(joined == 19)
        }
        #expect(call.starts == 1)
        #expect(flights.flightCount == 0)
    }

    @Test func aFailureReachesEveryWaiterAndTheNextMissCallsAgain() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        let tasks = (0..<5).map { _ in
            Task { try await flights.run(key: "k") { _ = try await call.run(result: ""); throw UpstreamFailed() } }
        }
        #expect(await eventually { flights.waiterCount(key: "k") == 5 })
        call.open()
        for task in tasks {
            await #expect(throws: UpstreamFailed.self) { try await task.value }
        }
        let again = try await flights.run(key: "k") { "second" }
        #expect(again.value == "second")
        #expect(again.joined == false)
    }

    @Test func aFollowerGoingAwayDoesNotDisturbTheOthers() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        let leader = Task { try await flights.run(key: "k") { try await call.run(result: "answer") } }
        #expect(await eventually { flights.waiterCount(key: "k") == 1 })
        let leaving = Task { try await flights.run(key: "k") { "never" } }
        let staying = Task { try await flights.run(key: "k") { "never" } }
        #expect(await eventually { flights.waiterCount(key: "k") == 3 })
        leaving.cancel()
        await #expect(throws: CancellationError.self) { try await leaving.value }
        #expect(flights.waiterCount(key: "k") == 2)
        call.open()
        #expect(try await leader.value.value == "answer")
        #expect(try await staying.value.value == "answer")
        #expect(call.cancellations == 0)
    }

    @Test func theStarterGoingAwayLeavesTheCallRunningForFollowers() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        let starter = Task { try await flights.run(key: "k") { try await call.run(result: "answer") } }
        #expect(await eventually { flights.waiterCount(key: "k") == 1 })
        let follower = Task { try await flights.run(key: "k") { "never" } }
        #expect(await eventually { flights.waiterCount(key: "k") == 2 })
        starter.cancel()
        await #expect(throws: CancellationError.self) { try await starter.value }
        #expect(call.cancellations == 0)
        call.open()
        let result = try await follower.value
        #expect(result.value == "answer")
        #expect(result.joined)
        #expect(call.starts == 1)
    }

    @Test func theLastWaiterGoingAwayCancelsTheCall() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        let first = Task { try await flights.run(key: "k") { try await call.run(result: "answer") } }
        #expect(await eventually { flights.waiterCount(key: "k") == 1 })
        let second = Task { try await flights.run(key: "k") { "never" } }
        #expect(await eventually { flights.waiterCount(key: "k") == 2 })
        first.cancel()
        second.cancel()
        await #expect(throws: CancellationError.self) { try await first.value }
        await #expect(throws: CancellationError.self) { try await second.value }
        #expect(await eventually { call.cancellations == 1 })
        #expect(flights.flightCount == 0)
    }

    @Test func aCallerCancelledBeforeArrivingNeverStartsACall() async throws {
        let flights = SingleFlight<String, String>()
        let call = GatedCall()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await flights.run(key: "k") { try await call.run(result: "answer") }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(call.starts == 0)
        #expect(flights.flightCount == 0)
    }
}
