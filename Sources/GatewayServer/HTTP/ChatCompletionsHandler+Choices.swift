import GatewayCore
import GatewayProviders
import Hummingbird

/// How a request with `n > 1` gets its choices.
enum ChoicePlan: Sendable, Equatable {
    /// Every route of the alias speaks OpenAI Chat Completions: `n` goes upstream as it is.
    case native
    /// Some route's provider has no `n`: n concurrent calls of the alias with one choice
    /// each, merged (JSON by index, a stream as its chunks arrive).
    case fanOut

    /// Decided from the alias's routes (a `tier` alias lists every tier's) and the kinds of
    /// their providers. Pure.
    static func decide(alias: AliasConfig, kinds: [String: ProviderKind]) -> ChoicePlan {
        for route in alias.routes {
            guard let kind = kinds[route.provider] else { continue }
            switch kind {
            case .openai, .openaiCompatible: continue
            case .anthropic, .gemini: return .fanOut
            }
        }
        return .native
    }

    /// Merges the one-choice answers of a fan-out, in order, into one answer: choice i is
    /// answer i's, usage is their sum (nil only when no answer reported any).
    static func merge(_ answers: [ChatResponse]) -> ChatResponse? {
        guard var merged = answers.first else { return nil }
        merged.otherChoices = answers.dropFirst().map(\.firstChoice)
        merged.usage = answers.reduce(nil as Usage?) { total, answer in
            switch (total, answer.usage) {
            case (nil, let usage): usage
            case (let total?, nil): total
            case (let total?, let usage?): total + usage
            }
        }
        return merged
    }
}

extension ChatCompletionsHandler {
    /// How `chat` on `alias` gets its choices.
    func choicePlan(_ chat: ChatRequest, alias: AliasConfig, snapshot: RuntimeSnapshot) -> ChoicePlan {
        ChoicePlan.decide(alias: alias, kinds: snapshot.providers.mapValues(\.config.kind))
    }

    /// `n > 1` on an alias with a provider that has no `n`: `n` one-choice calls of the
    /// alias run at once under the request's deadline and disconnect; the first failure
    /// fails the request (and cancels the rest). Never cached.
    func runFannedOut(_ run: Run) async -> Response {
        let single = { var chat = run.chat; chat.n = nil; return chat }()
        let count = run.chat.choiceCount
        let traces = (0..<count).map { _ in TraceRecorder() }
        let executor = gateway.executor
        do {
            let answers = try await GuardedExecution.run(deadline: run.deadline, eventLoop: run.channel.eventLoop, watch: run.watch) {
                try await withThrowingTaskGroup(of: (Int, ChatResponse).self) { group in
                    for (index, trace) in traces.enumerated() {
                        group.addTask {
                            let answer = try await executor.execute(
                                single, alias: run.alias, snapshot: run.snapshot, incomingHeaders: run.headers,
                                deadline: run.deadline, timeout: run.timeout, watch: nil, eventLoop: run.channel.eventLoop, trace: trace)
                            guard case .complete(let response, _) = answer else {
                                throw GatewayError.invalidRequest(message: "a JSON request was answered with a stream", param: nil)
                            }
                            return (index, response)
                        }
                    }
                    var answers = [ChatResponse?](repeating: nil, count: count)
                    for try await (index, response) in group { answers[index] = response }
                    return answers.compactMap { $0 }
                }
            }
            guard answers.count == count, let merged = ChoicePlan.merge(answers) else {
                throw GatewayError.allProvidersFailed([])
            }
            await run.lease?.finish(actual: merged.usage?.totalTokens)
            return complete(merged, run: run, trace: Self.mergedTrace(traces.map(\.value)), afterResponse: nil)
        } catch {
            await run.lease?.finish(actual: nil)
            return failed(error, run: run, trace: Self.mergedTrace(traces.map(\.value)))
        }
    }

    /// The first call's trace with every call's attempts, upstream time and failures.
    static func mergedTrace(_ traces: [ExecutionTrace]) -> ExecutionTrace {
        guard var merged = traces.first else { return ExecutionTrace() }
        for trace in traces.dropFirst() {
            merged.attempts += trace.attempts
            merged.upstreamTime = max(merged.upstreamTime, trace.upstreamTime)
            merged.failures += trace.failures
        }
        return merged
    }
}
