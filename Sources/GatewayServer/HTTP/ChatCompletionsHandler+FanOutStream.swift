import GatewayCore
import Hummingbird

extension ChatCompletionsHandler {
    /// `stream: true` with `n > 1` on an alias with a provider that has no `n`: n one-choice
    /// streams of the alias run at once, each through the alias's strategy, retries and
    /// breakers up to its first token. The response head goes out once every call has its
    /// first token, so a call that fails before that (after its retries and fallbacks) fails
    /// the request with the same JSON error as a JSON fan-out, and cancels the rest. Then
    /// ``FanOutStreamResponder`` merges the streams. Never cached.
    func runFannedOutStream(_ run: Run) async -> Response {
        let single = { var chat = run.chat; chat.n = nil; return chat }()
        let count = run.chat.choiceCount
        let traces = (0..<count).map { _ in TraceRecorder() }
        let executor = gateway.executor
        do {
            let starts = try await GuardedExecution.run(deadline: run.deadline, eventLoop: run.channel.eventLoop, watch: run.watch) {
                try await withThrowingTaskGroup(of: (Int, StreamStart).self) { group in
                    for (index, trace) in traces.enumerated() {
                        group.addTask {
                            let answer = try await executor.execute(
                                single, alias: run.alias, snapshot: run.snapshot, incomingHeaders: run.headers,
                                deadline: run.deadline, timeout: run.timeout, watch: nil, eventLoop: run.channel.eventLoop, trace: trace)
                            guard case .stream(let start) = answer else {
                                _ = answer.discard()
                                throw GatewayError.invalidRequest(message: "a stream request was answered with JSON", param: nil)
                            }
                            return (index, start)
                        }
                    }
                    return try await Self.collectStarts(&group, count: count)
                }
            }
            return FanOutStreamResponder(gateway: gateway, api: api, closeConnection: { [channel = run.channel] in channel.close(promise: nil) })
                .response(
                    starts: starts, traces: traces.map(\.value), chat: run.chat, alias: run.alias, started: run.started,
                    deadline: run.deadline, cache: run.outcome, watch: run.watch, eventLoop: run.channel.eventLoop, lease: run.lease)
        } catch {
            await run.lease?.finish(actual: nil)
            return failed(error, run: run, trace: Self.mergedTrace(traces.map(\.value)))
        }
    }

    /// Every call's stream start, by choice. On the first failure the other calls are
    /// cancelled and every stream that did start is released (its limiter slot freed, no
    /// verdict on its provider) before the failure is thrown.
    private static func collectStarts(
        _ group: inout ThrowingTaskGroup<(Int, StreamStart), any Error>, count: Int
    ) async throws -> [StreamStart] {
        var starts = [StreamStart?](repeating: nil, count: count)
        do {
            for try await (index, start) in group { starts[index] = start }
        } catch {
            group.cancelAll()
            for start in starts.compactMap({ $0 }) { start.completion.abandoned() }
            while let result = await group.nextResult() {
                if case .success((_, let start)) = result { start.completion.abandoned() }
            }
            throw error
        }
        let started = starts.compactMap { $0 }
        guard started.count == count else {
            for start in started { start.completion.abandoned() }
            throw GatewayError.allProvidersFailed([])
        }
        return started
    }
}
