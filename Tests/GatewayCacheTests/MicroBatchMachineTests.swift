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
        let step1 = machine.enqueue(1, input: "a")
        #expect(step1 == [.armTimer(batch: 1, after: .milliseconds(5))])
        let step2 = machine.enqueue(2, input: "b")
        #expect(step2.isEmpty)
        let step3 = Self.sent(machine.enqueue(3, input: "c"))
        let batch = try #require(step3)
        #expect(batch.tickets == [1, 2, 3] && batch.inputs == ["a", "b", "c"])
        // Its timer fires later and finds nothing to send.
        let step4 = machine.timerFired(batch: 1)
        #expect(step4 == nil)
        // The next input opens a new batch with a new window.
        let step5 = machine.enqueue(4, input: "d")
        #expect(step5 == [.armTimer(batch: 2, after: .milliseconds(5))])
        let out = machine.finish(batch, with: [[1.0], [2.0], [3.0]] as [[Float]])
        #expect(out.map { $0.0 } == [1, 2, 3])
        #expect(Self.vectors(out) == [[1.0], [2.0], [3.0]])
        #expect(machine.inFlightCount == 0 && machine.openCount == 1)
    }

    @Test func theTimerSendsAPartialBatch() throws {
        var machine = Self.machine(maxInputs: 8)
        _ = machine.enqueue(1, input: "a")
        _ = machine.enqueue(2, input: "b")
        let step6 = machine.timerFired(batch: 99)
        #expect(step6 == nil, "a stale timer sends nothing")
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
        let step7 = machine.cancel(1)
        #expect(step7)
        let step8 = machine.cancel(1)
        #expect(!step8, "a second cancel finds nothing")
        _ = machine.enqueue(3, input: "c")
        let step9 = Self.sent(machine.enqueue(4, input: "d"))
        let batch = try #require(step9)
        #expect(batch.tickets == [2, 3, 4] && batch.inputs == ["b", "c", "d"])
    }

    @Test func aBatchEveryoneLeftIsNeverSent() {
        var machine = Self.machine(maxInputs: 3)
        _ = machine.enqueue(1, input: "a")
        let step10 = machine.cancel(1)
        #expect(step10)
        let step11 = machine.timerFired(batch: 1)
        #expect(step11 == nil)
        #expect(machine.inFlightCount == 0)
    }

    @Test func aCallerCancelledInFlightIsLeftOutAndTheOthersGetTheirVectors() throws {
        var machine = Self.machine(maxInputs: 3)
        _ = machine.enqueue(1, input: "a")
        _ = machine.enqueue(2, input: "b")
        let step12 = Self.sent(machine.enqueue(3, input: "c"))
        let batch = try #require(step12)
        let step13 = machine.cancel(2)
        #expect(step13)
        let out = machine.finish(batch, with: [[1.0], [2.0], [3.0]] as [[Float]])
        #expect(out.map { $0.0 } == [1, 3])
        #expect(Self.vectors(out) == [[1.0], [3.0]])
    }

    @Test func aFailedBatchFailsEveryCallerInIt() throws {
        var machine = Self.machine(maxInputs: 2)
        _ = machine.enqueue(1, input: "a")
        let step14 = Self.sent(machine.enqueue(2, input: "b"))
        let first = try #require(step14)
        _ = machine.enqueue(3, input: "c")
        let step15 = Self.sent(machine.enqueue(4, input: "d"))
        let second = try #require(step15)
        let failed = machine.finish(first, with: nil as [[Float]]?)
        #expect(failed.map { $0.0 } == [1, 2])
        #expect(Self.vectors(failed).isEmpty && failed.count == 2)
        // The wrong number of vectors is a failure too; the other batch is untouched until then.
        #expect(machine.inFlightCount == 1)
        let short = machine.finish(second, with: [[1.0]] as [[Float]])
        #expect(short.map { $0.0 } == [3, 4])
        #expect(Self.vectors(short).isEmpty && short.count == 2)
        let step16 = machine.finish(second, with: [[1.0], [2.0]] as [[Float]])
        #expect(step16.isEmpty, "a batch finishes once")
    }
}
