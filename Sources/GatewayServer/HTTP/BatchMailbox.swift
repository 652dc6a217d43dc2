import Locking

/// Hands what producers post (the upstream reader, the deadline timer, the disconnect hook)
/// to one consumer in batches: everything that arrived while the consumer was busy writing is
/// taken at once, so a stream that outpaces its client is encoded into one buffer and written
/// with one write and one flush instead of one per event. Items weigh what they carry (a batch
/// of k events weighs k); past `limit` weight waiting, posts are refused (an empty mailbox takes
/// any one item). The first terminal item closes the
/// mailbox and later posts are ignored.
final class BatchMailbox<Item: Sendable>: Sendable {
    /// What a post did.
    enum Posted: Equatable {
        case queued
        /// Queuing it would pass `limit` with items already waiting: nothing was queued.
        case full
        /// The mailbox was closed: nothing was queued.
        case closed
    }

    private struct State {
        var queued: [Item] = []
        var weight = 0
        var waiter: CheckedContinuation<[Item], Never>?
        var closed = false
    }

    let limit: Int
    private let state = Locked(State())

    init(limit: Int) {
        precondition(limit > 0)
        self.limit = limit
    }

    /// Queues `item` of `weight`; with `closing`, the mailbox takes nothing after it (a
    /// closing item is queued whatever it weighs).
    @discardableResult
    func post(_ item: Item, weight: Int = 1, closing: Bool = false) -> Posted {
        let (posted, wake): (Posted, (CheckedContinuation<[Item], Never>, [Item])?) = state.withLock { state in
            guard !state.closed else { return (.closed, nil) }
            // An item always fits an empty mailbox (one upstream read may carry more than
            // `limit` events); the bound is on what piles up while the consumer is busy.
            guard closing || state.weight == 0 || state.weight + weight <= limit else { return (.full, nil) }
            state.queued.append(item)
            state.weight += weight
            state.closed = closing
            guard let waiter = state.waiter else { return (.queued, nil) }
            state.waiter = nil
            let batch = state.queued
            state.queued = []
            state.weight = 0
            return (.queued, (waiter, batch))
        }
        if let (waiter, batch) = wake { waiter.resume(returning: batch) }
        return posted
    }

    /// Everything queued, in posting order, waiting for the first item if there is none; an
    /// empty batch once the mailbox is closed and drained. A cancelled consumer gets
    /// `onCancel`'s item (posted, closing) so it never waits forever.
    func take(onCancel: @autoclosure () -> Item) async -> [Item] {
        let cancelItem = onCancel()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Item], Never>) in
                let ready: [Item]? = state.withLock { state in
                    if !state.queued.isEmpty || state.closed {
                        let batch = state.queued
                        state.queued = []
                        state.weight = 0
                        return batch
                    }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            post(cancelItem, closing: true)
        }
    }
}
