import GatewayCache
import Testing

/// The upstream embedder's batching core, driven by hand: the "clock" is the test deciding
/// when a window's timer fires.
@Suite("Micro-batching core")
struct MicroBatchMachineTests {
    typealias Machine = MicroBatchMachine<Int>

    static func machine(maxInputs: Int = 3, maxWaitMS: Int = 5) -> Machine {
        Machine(settings: .init(maxInputs: maxInputs, maxWait: .milliseconds(maxWaitMS)))
    }

    static func sent(_ actions: [Machine.Action]) -> Machine.Batch? {
        for case .send(let batch) in actions { return batch }
        return nil
    }

    static func vectors(_ out: [(Int, Machine.Delivery<[Float]>)]) -> [[Float]] {
        out.compactMap { _, delivery in
            guard case .vector(let vector) = delivery else { return nil }
            return vector
        }
    }

    @Test func aFullBatchIsSentAtOnceWithoutWaitingForItsTimer() throws {
        var machine = Self.machine(maxInputs: 3)
        #expect(machine.enqueue(1, input: "a") == [.armTimer(batch: 1, after: .milliseconds(5))])
        #expect(machine.enqueue(2, input: "b").isEmpty)
        let batch = try #require(Self.sent(machine.enqueue(3, input: "c")))
        #expect(batch.tickets == [1, 2, 3] && batch.inputs == ["a", "b", "c"])
        // Its timer fires later and finds nothing to send.
        #expect(machine.timerFired(batch: 1) == nil)
        // The next input opens a new batch with a new window.
        #expect(machine.enqueue(4, input: "d") == [.armTimer(batch: 2, after: .milliseconds(5))])
        let out = machine.finish(batch, with: [[1.0], [2.0], [3.0]] as [[Float]])
        #expect(out.map(\.0) == [1, 2, 3])
        #expect(Self.vectors(out) == [[1.0], [2.0], [3.0]])
        #expect(machine.inFlightCount == 0 && machine.openCount == 1)
    }

    @Test func theTimerSendsAPartialBatch() throws {
        var machine = Self.machine(maxInputs: 8)
        _ = machine.enqueue(1, input: "a")
        _ = machine.enqueue(2, input: "b")
        #expect(machine.timerFired(batch: 99) == nil, "a stale timer sends nothing")
        guard case .send(let batch) = machine.timerFired(batch: 1) else { Issue.record("the window's timer must send"); return }
        #expect(batch.inputs == ["a", "b"])
        #expect(machine.openCount == 0 && machine.inFlightCount == 1)
    }

    @Test func maxInputsOneSendsEveryInputAloneWithNoTimer() throws {
        var machine = Self.machine(maxInputs: 1)
        let actions = machine.enqueue(1, input: "a")
        #expect(actions.count == 1)
        #expect(Self.sent(actions)?.inputs == ["a"])
    }

    @Test func aCallerCancelledBeforeSendingIsDroppedFromTheBatch() throws {
        var machine = Self.machine(maxInputs: 3)
        _ = machine.enqueue(1, input: "a")
        _ = machine.enqueue(2, input: "b")
        #expect(machine.cancel(1))
        #expect(!machine.cancel(1), "a second cancel finds nothing")
        _ = machine.enqueue(3, input: "c")
        let batch = try #require(Self.sent(machine.enqueue(4, input: "d")))
        #expect(batch.tickets == [2, 3, 4] && batch.inputs == ["b", "c", "d"])
    }

    @Test func aBatchEveryoneLeftIsNeverSent() {
        var machine = Self.machine(maxInputs: 3)
        _ = machine.enqueue(1, input: "a")
        #expect(machine.cancel(1))
        #expect(machine.timerFired(batch: 1) == nil)
        #expect(machine.inFlightCount == 0)
    }

    @Test func aCallerCancelledInFlightIsLeftOutAndTheOthersGetTheirVectors() throws {
        var machine = Self.machine(maxInputs: 3)
        _ = machine.enqueue(1, input: "a")
        _ = machine.enqueue(2, input: "b")
        let batch = try #require(Self.sent(machine.enqueue(3, input: "c")))
        #expect(machine.cancel(2))
        let out = machine.finish(batch, with: [[1.0], [2.0], [3.0]] as [[Float]])
        #expect(out.map(\.0) == [1, 3])
        #expect(Self.vectors(out) == [[1.0], [3.0]])
    }

    @Test func aFailedBatchFailsEveryCallerInIt() throws {
        var machine = Self.machine(maxInputs: 2)
        _ = machine.enqueue(1, input: "a")
        let first = try #require(Self.sent(machine.enqueue(2, input: "b")))
        _ = machine.enqueue(3, input: "c")
        let second = try #require(Self.sent(machine.enqueue(4, input: "d")))
        let failed = machine.finish(first, with: nil as [[Float]]?)
        #expect(failed.map(\.0) == [1, 2])
        #expect(Self.vectors(failed).isEmpty && failed.count == 2)
        // The wrong number of vectors is a failure too; the other batch is untouched until then.
        #expect(machine.inFlightCount == 1)
        let short = machine.finish(second, with: [[1.0]] as [[Float]])
        #expect(short.map(\.0) == [3, 4])
        #expect(Self.vectors(short).isEmpty && short.count == 2)
        #expect(machine.finish(second, with: [[1.0], [2.0]] as [[Float]]).isEmpty, "a batch finishes once")
    }
}
