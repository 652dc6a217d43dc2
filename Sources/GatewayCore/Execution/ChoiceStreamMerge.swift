/// Merges the one-choice streams of a fanned-out `n > 1` request into one stream: call `i`'s
/// events become choice `i`'s (``StreamEvent/otherChoice(index:_:)`` for `i ≥ 1`), in the
/// order they arrive; each call's usage is held back and one summed usage event goes out
/// once every call has ended; the first call that fails ends the merged stream and the
/// others are cancelled. Pure: events in, actions out; the driver does the I/O.
///
/// Phases: `streaming` (some calls still running) → `done` (every call ended, or one
/// failed, or the stream was abandoned). Events after `done` produce no actions.
public struct ChoiceStreamMerge: Sendable, Hashable {
    /// What the driver does, in order.
    public enum Action: Sendable, Hashable {
        /// Send this event to the client (already labelled with its choice).
        case emit(StreamEvent)
        /// Cancel these calls (their answers are no longer wanted): no verdict on their providers.
        case cancel(choices: [Int])
        /// Every call ended: close the stream normally (`[DONE]`).
        case finish
        /// Call `choice` failed after the stream began: close it with an error event.
        case fail(choice: Int, UpstreamError)
    }

    enum Phase: Sendable, Hashable {
        case streaming
        case done
    }

    /// How many calls (choices) the stream merges.
    public let choices: Int
    var phase = Phase.streaming
    /// Calls that have not ended or failed yet.
    public private(set) var running: Set<Int>
    /// Each call's last reported usage.
    var usages: [Int: Usage] = [:]

    public init(choices: Int) {
        self.choices = max(choices, 1)
        self.running = Set(0..<self.choices)
    }

    /// True once the merged stream has finished, failed or been abandoned.
    public var isDone: Bool { phase == .done }

    /// The sum of every call's reported usage; nil when none reported any.
    public var usage: Usage? {
        usages.keys.sorted().reduce(nil as Usage?) { total, choice in
            guard let usage = usages[choice] else { return total }
            return total.map { $0 + usage } ?? usage
        }
    }

    // MARK: Events

    /// Call `choice` produced an event.
    public mutating func eventArrived(_ event: StreamEvent, choice: Int) -> [Action] {
        guard phase == .streaming, running.contains(choice) else { return [] }
        switch event {
        case .usage(let usage):
            usages[choice] = usage
            return []
        case .otherChoice:
            // A one-choice call has no other choices; an upstream that sends one anyway is ignored.
            return []
        case .textDelta, .toolCallDelta, .finished:
            return [.emit(choice == 0 ? event : .otherChoice(index: choice, event))]
        }
    }

    /// Call `choice`'s stream ended normally. The last one to end closes the merged stream,
    /// after the summed usage.
    public mutating func callEnded(choice: Int) -> [Action] {
        guard phase == .streaming, running.remove(choice) != nil else { return [] }
        guard running.isEmpty else { return [] }
        phase = .done
        var actions: [Action] = []
        if let usage { actions.append(.emit(.usage(usage))) }
        actions.append(.finish)
        return actions
    }

    /// Call `choice` failed: the merged stream fails and every other running call is cancelled.
    public mutating func callFailed(choice: Int, _ error: UpstreamError) -> [Action] {
        guard phase == .streaming, running.remove(choice) != nil else { return [] }
        phase = .done
        let others = running.sorted()
        running.removeAll()
        var actions: [Action] = []
        if !others.isEmpty { actions.append(.cancel(choices: others)) }
        actions.append(.fail(choice: choice, error))
        return actions
    }

    /// The stream ends for another reason (deadline, client gone, too slow): every running
    /// call is cancelled.
    public mutating func abandoned() -> [Action] {
        guard phase == .streaming else { return [] }
        phase = .done
        let others = running.sorted()
        running.removeAll()
        return others.isEmpty ? [] : [.cancel(choices: others)]
    }
}
