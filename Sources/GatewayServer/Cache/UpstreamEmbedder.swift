import Embeddings
import GatewayCache
import GatewayCore
import Logging
import Locking

/// Sends one batch's inputs upstream and returns one vector per input, in input order.
typealias EmbedBatchSender = @Sendable ([String]) async throws -> [[Float]]

/// The semantic tier's upstream embedder (`cache.embedder: {kind: upstream}`): the thin
/// driver of ``MicroBatchMachine``. Concurrent requests' messages are grouped into one
/// upstream call; each caller gets its own vector, or nil when the batch failed (upstream
/// down, timeout, wrong dimension) or the caller was cancelled. A failure is logged once per
/// batch with its reason; the requests in it go on uncached.
final class UpstreamEmbedder: Sendable {
    typealias Machine = MicroBatchMachine<UInt64>

    /// Names the upstream model and the vector length: vectors of different embedders
    /// never share a bucket.
    let identifier: String
    let dimension: Int
    private let metrics: CacheMetrics
    private let logger: Logger
    private let state: Locked<State>

    private struct State {
        var machine: Machine
        var sender: EmbedBatchSender?
        var nextTicket: UInt64 = 0
        /// Tickets handed out whose input is not enqueued yet (a cancel then only removes it).
        var arriving: Set<UInt64> = []
        var waiting: [UInt64: CheckedContinuation<[Float]?, Never>] = [:]
        /// The window timers still sleeping, by batch (cancelled when their batch is sent full).
        var timers: [UInt64: Task<Void, Never>] = [:]
    }

    init(settings: EmbedderSettings, metrics: CacheMetrics, logger: Logger) {
        self.metrics = metrics
        self.identifier = "upstream:\(settings.model ?? "-"):\(settings.dimension)"
        self.dimension = settings.dimension
        self.logger = logger
        let batch = Machine.Settings(maxInputs: settings.batch.maxInputs, maxWait: settings.batch.maxWait)
        self.state = Locked(State(machine: Machine(settings: batch)))
    }

    /// Sets where batches go (the gateway's provider routing, set once it is built).
    func connect(_ sender: @escaping EmbedBatchSender) {
        state.withLock { $0.sender = sender }
    }

    /// The unit vector of `text`, or nil when its batch failed or this task was cancelled.
    func embed(_ text: String) async -> [Float]? {
        let ticket = state.withLock { state in
            state.nextTicket &+= 1
            state.arriving.insert(state.nextTicket)
            return state.nextTicket
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[Float]?, Never>) in
                let actions: [Machine.Action]? = state.withLock { state in
                    guard state.arriving.remove(ticket) != nil else { return nil }
                    state.waiting[ticket] = continuation
                    return state.machine.enqueue(ticket, input: text)
                }
                guard let actions else { return continuation.resume(returning: nil) }
                perform(actions)
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<[Float]?, Never>? in
                if state.arriving.remove(ticket) != nil { return nil }
                guard let continuation = state.waiting.removeValue(forKey: ticket) else { return nil }
                _ = state.machine.cancel(ticket)
                return continuation
            }
            continuation?.resume(returning: nil)
        }
    }

    private func perform(_ actions: [Machine.Action]) {
        for action in actions {
            switch action {
            case .armTimer(let batch, let wait):
                let timer = Task {
                    guard (try? await Task.sleep(for: wait)) != nil else { return }
                    let next = self.state.withLock { state in
                        state.timers[batch] = nil
                        return state.machine.timerFired(batch: batch)
                    }
                    if let next { self.perform([next]) }
                }
                // Kept only while its batch is open (a zero window may already have fired).
                state.withLock { state in
                    if state.machine.openBatchID == batch { state.timers[batch] = timer }
                }
            case .send(let batch):
                state.withLock { $0.timers.removeValue(forKey: batch.id) }?.cancel()
                Task { await self.send(batch) }
            }
        }
    }

    private func send(_ batch: Machine.Batch) async {
        let vectors: [[Float]]?
        do {
            vectors = try await vectorsFromUpstream(batch.inputs)
        } catch {
            logger.warning(
                "upstream embedding failed; these requests go on uncached",
                metadata: ["embedder": "\(identifier)", "inputs": "\(batch.inputs.count)", "reason": "\(error)"])
            vectors = nil
        }
        metrics.embedCall(inputs: batch.inputs.count, ok: vectors != nil)
        let deliveries = state.withLock { state in
            state.machine.finish(batch, with: vectors).compactMap { ticket, delivery in
                state.waiting.removeValue(forKey: ticket).map { ($0, delivery) }
            }
        }
        for (continuation, delivery) in deliveries {
            switch delivery {
            case .vector(let vector): continuation.resume(returning: vector)
            case .failed: continuation.resume(returning: nil)
            }
        }
    }

    private func vectorsFromUpstream(_ inputs: [String]) async throws -> [[Float]] {
        guard let sender = state.withLock({ $0.sender }) else { throw UpstreamEmbeddingFailure("the embedder is not connected to a provider") }
        let vectors = try await sender(inputs)
        guard vectors.count == inputs.count else {
            throw UpstreamEmbeddingFailure("\(vectors.count) vectors for \(inputs.count) inputs")
        }
        if let wrong = vectors.first(where: { $0.count != dimension }) {
            throw UpstreamEmbeddingFailure("the model answered \(wrong.count) dimensions; cache.embedder.dimension is \(dimension)")
        }
        return vectors.map { vector in
            var unit = vector
            _ = unit.withUnsafeMutableBufferPointer { VectorMath.normalize($0) }
            return unit
        }
    }
}

/// Why an upstream batch gave no vectors (its text is logged; it holds no secrets).
struct UpstreamEmbeddingFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
