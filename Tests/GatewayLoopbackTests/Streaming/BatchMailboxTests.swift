import Testing

@testable import GatewayServer

/// The stream pump's mailbox on its own, no sockets: batches in posting order, the bound,
/// the first terminal item wins, and a cancelled consumer never waits forever.
@Suite("Batch mailbox")
struct BatchMailboxTests {
    @Test func everythingPostedWhileTheConsumerWasBusyComesAsOneBatchInOrder() async {
        let mailbox = BatchMailbox<Int>(limit: 8)
        for item in 1...3 { #expect(mailbox.post(item) == .queued) }
        #expect(await mailbox.take(onCancel: -1) == [1, 2, 3])
        #expect(mailbox.post(4) == .queued)
        #expect(await mailbox.take(onCancel: -1) == [4])
    }

    @Test func aWaitingConsumerIsWokenByTheNextPost() async {
        let mailbox = BatchMailbox<Int>(limit: 8)
        async let taken = mailbox.take(onCancel: -1)
        // Whether the consumer is already waiting or not, it gets the post.
        #expect(mailbox.post(7) == .queued)
        #expect(await taken == [7])
    }

    @Test func pastTheLimitAPostIsRefusedButATerminalOneIsTaken() async {
        let mailbox = BatchMailbox<Int>(limit: 2)
        #expect(mailbox.post(1) == .queued)
        #expect(mailbox.post(2) == .queued)
        #expect(mailbox.post(3) == .full)
        #expect(mailbox.post(99, closing: true) == .queued)
        #expect(mailbox.post(4) == .closed)
        #expect(mailbox.post(100, closing: true) == .closed)
        #expect(await mailbox.take(onCancel: -1) == [1, 2, 99])
        #expect(await mailbox.take(onCancel: -1) == [], "closed and drained")
    }

    @Test func theLimitCountsWeightSoABatchOfEventsCountsAsItsEvents() async {
        let mailbox = BatchMailbox<Int>(limit: 10)
        #expect(mailbox.post(1, weight: 6) == .queued)
        #expect(mailbox.post(2, weight: 5) == .full, "6 + 5 passes the limit")
        #expect(mailbox.post(3, weight: 4) == .queued, "6 + 4 is the limit")
        #expect(await mailbox.take(onCancel: -1) == [1, 3])
        // Taking empties the weight with the queue.
        #expect(mailbox.post(4, weight: 10) == .queued)
        #expect(mailbox.post(5, weight: 1) == .full)
        #expect(await mailbox.take(onCancel: -1) == [4])
        // One read heavier than the whole bound still fits an empty mailbox, and nothing after it.
        #expect(mailbox.post(6, weight: 25) == .queued)
        #expect(mailbox.post(7, weight: 1) == .full)
        #expect(await mailbox.take(onCancel: -1) == [6])
    }

    @Test func aCancelledConsumerGetsItsCancelItem() async {
        let mailbox = BatchMailbox<Int>(limit: 8)
        let consumer = Task { await mailbox.take(onCancel: -1) }
        consumer.cancel()
        #expect(await consumer.value == [-1])
        #expect(mailbox.post(5) == .closed)
    }
}
