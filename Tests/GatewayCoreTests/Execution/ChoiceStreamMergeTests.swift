import GatewayCore
import Testing

/// The merge of a fanned-out stream's one-choice calls, without sockets: labels, the one
/// summed usage, the end after the last call, a failure cancelling the others.
@Suite("ChoiceStreamMerge: fanned-out n > 1 streams")
struct ChoiceStreamMergeTests {
    static let usage = Usage(inputTokens: 10, outputTokens: 4)

    @Test func eachCallsEventsBecomeItsChoiceInArrivalOrder() {
        var merge = ChoiceStreamMerge(choices: 3)
        var emitted: [ChoiceStreamMerge.Action] = []
        emitted += merge.eventArrived(.textDelta("b"), choice: 1)
        emitted += merge.eventArrived(.textDelta("a"), choice: 0)
        emitted += merge.eventArrived(.textDelta("c"), choice: 2)
        emitted += merge.eventArrived(.finished(.stop), choice: 2)
        #expect(emitted == [
            .emit(.otherChoice(index: 1, .textDelta("b"))),
            .emit(.textDelta("a")),
            .emit(.otherChoice(index: 2, .textDelta("c"))),
            .emit(.otherChoice(index: 2, .finished(.stop))),
        ])
    }

    @Test func usageIsHeldBackAndSummedOnceAfterTheLastCallEnds() {
        var merge = ChoiceStreamMerge(choices: 2)
        #expect(merge.eventArrived(.usage(Self.usage), choice: 0).isEmpty, "no usage chunk per call")
        #expect(merge.callEnded(choice: 0).isEmpty, "another call still runs")
        #expect(merge.eventArrived(.usage(Usage(inputTokens: 10, outputTokens: 6)), choice: 1).isEmpty)
        #expect(merge.callEnded(choice: 1) == [.emit(.usage(Usage(inputTokens: 20, outputTokens: 10))), .finish])
        #expect(merge.isDone)
        #expect(merge.eventArrived(.textDelta("late"), choice: 1).isEmpty, "nothing after the end")
    }

    @Test func withoutAnyUsageTheStreamJustFinishes() {
        var merge = ChoiceStreamMerge(choices: 2)
        _ = merge.callEnded(choice: 1)
        #expect(merge.callEnded(choice: 0) == [.finish])
        #expect(merge.usage == nil)
    }

    @Test func aCallEndingTwiceCountsOnce() {
        var merge = ChoiceStreamMerge(choices: 2)
        _ = merge.callEnded(choice: 0)
        #expect(merge.callEnded(choice: 0).isEmpty)
        #expect(!merge.isDone)
        #expect(merge.callEnded(choice: 1) == [.finish])
    }

    @Test func aFailureCancelsTheRunningCallsAndFailsTheStream() {
        var merge = ChoiceStreamMerge(choices: 3)
        _ = merge.eventArrived(.textDelta("a"), choice: 0)
        _ = merge.callEnded(choice: 2)
        let error = UpstreamError.streamInterrupted("cut")
        #expect(merge.callFailed(choice: 1, error) == [.cancel(choices: [0]), .fail(choice: 1, error)])
        #expect(merge.isDone && merge.running.isEmpty)
        #expect(merge.callFailed(choice: 0, .streamInterrupted("cancelled")).isEmpty, "only the first failure counts")
        #expect(merge.callEnded(choice: 0).isEmpty)
    }

    @Test func theLastCallFailingHasNobodyToCancel() {
        var merge = ChoiceStreamMerge(choices: 2)
        _ = merge.callEnded(choice: 0)
        let error = UpstreamError.serverError(status: 500, message: "x")
        #expect(merge.callFailed(choice: 1, error) == [.fail(choice: 1, error)])
    }

    @Test func abandoningCancelsEveryRunningCallOnce() {
        var merge = ChoiceStreamMerge(choices: 3)
        _ = merge.callEnded(choice: 1)
        #expect(merge.abandoned() == [.cancel(choices: [0, 2])])
        #expect(merge.abandoned().isEmpty)
        #expect(merge.eventArrived(.textDelta("x"), choice: 0).isEmpty)
    }

    @Test func anUpstreamsOwnOtherChoiceIsIgnoredAndUnknownCallsToo() {
        var merge = ChoiceStreamMerge(choices: 2)
        #expect(merge.eventArrived(.otherChoice(index: 1, .textDelta("x")), choice: 0).isEmpty)
        #expect(merge.eventArrived(.textDelta("x"), choice: 5).isEmpty)
        #expect(merge.callEnded(choice: 5).isEmpty)
    }
}
