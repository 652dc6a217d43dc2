@testable import HTTPServerGuards
import NIOCore
import NIOEmbedded
import Testing

/// `LazyTimer` on an `EmbeddedEventLoop`, whose clock the test moves: it fires exactly at
/// the last armed deadline, never after a disarm, and re-arming later or earlier moves it.
@Suite("Lazy connection timer")
struct LazyTimerTests {
    final class Counter {
        var fired: [Int64] = []
    }

    private func timer(_ loop: EmbeddedEventLoop, granularity: Int64 = 10) -> LazyTimer {
        LazyTimer(eventLoop: loop, granularity: .seconds(granularity), now: { loop.now })
    }

    private func elapsed(_ loop: EmbeddedEventLoop, since start: NIODeadline) -> Int64 {
        (loop.now - start).nanoseconds / 1_000_000
    }

    @Test("fires once at its deadline")
    func firesAtDeadline() {
        let loop = EmbeddedEventLoop()
        let start = loop.now
        let counter = Counter()
        let timer = timer(loop)
        timer.arm(in: .seconds(5)) { counter.fired.append(self.elapsed(loop, since: start)) }
        loop.advanceTime(by: .milliseconds(4_999))
        #expect(counter.fired.isEmpty)
        loop.advanceTime(by: .milliseconds(1))
        #expect(counter.fired == [5_000])
        loop.advanceTime(by: .seconds(60))
        #expect(counter.fired == [5_000])
    }

    @Test("a deadline beyond the granularity fires on time, through intermediate wake-ups")
    func longDeadline() {
        let loop = EmbeddedEventLoop()
        let start = loop.now
        let counter = Counter()
        let timer = timer(loop, granularity: 10)
        timer.arm(in: .seconds(60)) { counter.fired.append(self.elapsed(loop, since: start)) }
        loop.advanceTime(by: .milliseconds(59_999))
        #expect(counter.fired.isEmpty)
        loop.advanceTime(by: .milliseconds(1))
        #expect(counter.fired == [60_000])
    }

    @Test("re-armed later, it fires at the new deadline; re-armed earlier, at the earlier one")
    func rearmMoves() {
        let loop = EmbeddedEventLoop()
        let start = loop.now
        let counter = Counter()
        let timer = timer(loop, granularity: 10)
        timer.arm(in: .seconds(10)) { counter.fired.append(1) }
        loop.advanceTime(by: .seconds(3))
        timer.arm(in: .seconds(10)) { counter.fired.append(self.elapsed(loop, since: start)) }
        loop.advanceTime(by: .milliseconds(9_999))
        #expect(counter.fired.isEmpty, "the first deadline (10 s) was moved to 13 s")
        loop.advanceTime(by: .milliseconds(1))
        #expect(counter.fired == [13_000])

        let second = Counter()
        let again = self.timer(loop, granularity: 10)
        let restart = loop.now
        again.arm(in: .seconds(60)) { second.fired.append(0) }
        loop.advanceTime(by: .seconds(1))
        again.arm(in: .seconds(2)) { second.fired.append(self.elapsed(loop, since: restart)) }
        loop.advanceTime(by: .seconds(120))
        #expect(second.fired == [3_000])
    }

    @Test("disarmed or cancelled, it never fires; armed again, it does")
    func disarm() {
        let loop = EmbeddedEventLoop()
        let counter = Counter()
        let timer = timer(loop)
        timer.arm(in: .seconds(5)) { counter.fired.append(1) }
        timer.disarm()
        loop.advanceTime(by: .seconds(30))
        #expect(counter.fired.isEmpty)
        timer.arm(in: .seconds(5)) { counter.fired.append(2) }
        timer.cancel()
        loop.advanceTime(by: .seconds(30))
        #expect(counter.fired.isEmpty)
        timer.arm(in: .seconds(5)) { counter.fired.append(3) }
        loop.advanceTime(by: .seconds(5))
        #expect(counter.fired == [3])
    }

    @Test("a keep-alive pattern: armed and disarmed every request, fires only after the last")
    func keepAlive() {
        let loop = EmbeddedEventLoop()
        let counter = Counter()
        let timer = timer(loop, granularity: 10)
        for _ in 0..<1_000 {
            timer.arm(in: .seconds(10)) { counter.fired.append(1) }  // head
            loop.advanceTime(by: .milliseconds(5))
            timer.disarm()  // head parsed
            loop.advanceTime(by: .milliseconds(5))
            timer.arm(in: .seconds(60)) { counter.fired.append(2) }  // idle
            loop.advanceTime(by: .milliseconds(20))
        }
        #expect(counter.fired.isEmpty)
        // The last idle arm was 20 ms ago: 59.98 s are left.
        loop.advanceTime(by: .milliseconds(59_979))
        #expect(counter.fired.isEmpty)
        loop.advanceTime(by: .milliseconds(1))
        #expect(counter.fired == [2])
    }
}
