import GatewayCache
import Testing

@Suite("Single-flight state machine")
struct SingleFlightMachineTests {
    let a = WaiterID(1), b = WaiterID(2), c = WaiterID(3)

    @Test func theFirstMissStartsTheCallOthersWait() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall(let flight) = machine.waiterArrived(a, key: "k") else {
            Issue.record("first arrival should start the call")
            return
        }
        #expect(machine.waiterArrived(b, key: "k") == .wait(flight))
        #expect(machine.waiterArrived(c, key: "k") == .wait(flight))
        #expect(machine.callFinished(flight, key: "k") == .resume([a, b, c]))
        #expect(machine.flightCount == 0)
    }

    @Test func differentKeysFlyApart() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall = machine.waiterArrived(a, key: "k1"),
            case .startCall = machine.waiterArrived(b, key: "k2")
        else {
            Issue.record("each key should start its own call")
            return
        }
        #expect(machine.flightCount == 2)
    }

    @Test func aFollowerLeavingRemovesOnlyItself() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall(let flight) = machine.waiterArrived(a, key: "k") else { return }
        _ = machine.waiterArrived(b, key: "k")
        _ = machine.waiterArrived(c, key: "k")
        #expect(machine.waiterCancelled(b, key: "k") == .resumeCancelled(b))
        #expect(machine.callFinished(flight, key: "k") == .resume([a, c]))
    }

    @Test func theStarterLeavingKeepsTheCallForTheOthers() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall(let flight) = machine.waiterArrived(a, key: "k") else { return }
        _ = machine.waiterArrived(b, key: "k")
        #expect(machine.waiterCancelled(a, key: "k") == .resumeCancelled(a))
        #expect(machine.callFinished(flight, key: "k") == .resume([b]))
    }

    @Test func theLastWaiterLeavingCancelsTheCallAndALateResultIsIgnored() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall(let first) = machine.waiterArrived(a, key: "k") else { return }
        _ = machine.waiterArrived(b, key: "k")
        _ = machine.waiterCancelled(a, key: "k")
        #expect(machine.waiterCancelled(b, key: "k") == .resumeCancelledAndCancelCall(b, first))
        guard case .startCall(let second) = machine.waiterArrived(c, key: "k") else {
            Issue.record("a new miss after cancellation should start a new call")
            return
        }
        #expect(second != first)
        #expect(machine.callFinished(first, key: "k") == .ignore)
        #expect(machine.callFinished(second, key: "k") == .resume([c]))
    }

    @Test func cancellingAfterTheResultDoesNothing() {
        var machine = SingleFlightMachine<String>()
        guard case .startCall(let flight) = machine.waiterArrived(a, key: "k") else { return }
        _ = machine.callFinished(flight, key: "k")
        #expect(machine.waiterCancelled(a, key: "k") == .none)
    }
}
