import HTTPServerGuards
import Testing

/// The connection timers without sockets or clocks: which timer runs after each event.
@Suite("Connection timers: first byte, head from its first byte, idle only after an exchange")
struct ConnectionTimersTests {
    static func run(_ events: [ConnectionTimers.Event]) -> [ConnectionTimers.Action] {
        var timers = ConnectionTimers()
        return events.map { timers.handle($0) }
    }

    static let exchange: [ConnectionTimers.Event] = [.opened, .bytesArrived, .headParsed, .requestEnded, .responseEnded]

    @Test func aNewConnectionWaitsForItsFirstByteNotUnderTheIdleOrHeadTimer() {
        #expect(Self.run([.opened]) == [.start(.firstByte)])
    }

    @Test func aSilentNewConnectionIsClosedWithoutAnAnswer() {
        #expect(Self.run([.opened, .fired(.firstByte)]).last == .close)
    }

    @Test func theHeadTimerStartsAtTheFirstByteAndMoreBytesDoNotRestartIt() {
        // A trickled head: the limit is a total from its first byte, not per byte.
        #expect(Self.run([.opened, .bytesArrived, .bytesArrived, .bytesArrived]) == [.start(.firstByte), .start(.head), .none, .none])
    }

    @Test func aPartialHeadPastTheLimitIsAnswered408() {
        #expect(Self.run([.opened, .bytesArrived, .bytesArrived, .fired(.head)]).last == .headTimedOut)
    }

    @Test func aParsedHeadStopsTheTimer() {
        #expect(Self.run([.opened, .bytesArrived, .headParsed]).last == .cancel)
    }

    @Test(arguments: [
        [ConnectionTimers.Event.requestEnded, .responseEnded],
        [ConnectionTimers.Event.responseEnded, .requestEnded],
    ])
    func theIdleTimerStartsOnlyWhenRequestAndResponseHaveBothEnded(_ order: [ConnectionTimers.Event]) {
        let actions = Self.run([.opened, .bytesArrived, .headParsed] + order)
        #expect(actions.suffix(2) == [.none, .start(.idle)])
    }

    @Test func aSlowResponseIsNeverCutAsIdle() {
        // The request has been read; the handler still works on the answer.
        let actions = Self.run([.opened, .bytesArrived, .headParsed, .requestEnded, .fired(.idle)])
        #expect(actions.last == ConnectionTimers.Action.none)
    }

    @Test func anIdleConnectionIsClosed() {
        #expect(Self.run(Self.exchange + [.fired(.idle)]).last == .close)
    }

    @Test func theNextRequestsFirstByteSwapsIdleForHead() {
        let actions = Self.run(Self.exchange + [.bytesArrived, .fired(.idle), .fired(.head)])
        #expect(actions.suffix(3) == [.start(.head), .none, .headTimedOut], "the idle timer's late firing is stale")
    }

    @Test func closingCancelsARunningTimerAndLaterEventsDoNothing() {
        let actions = Self.run([.opened, .closed, .fired(.firstByte), .bytesArrived])
        #expect(actions == [.start(.firstByte), .cancel, .none, .none])
    }
}
