/// One measured point of a scenario: a target, what each request asks, and the load.
/// A scenario is a list of these; `ScenarioRunner` runs them in order.
public struct BenchRun: Sendable, Hashable {
    public var target: LoadTarget
    public var request: BenchRequest
    public var load: LoadShape

    public init(target: LoadTarget, request: BenchRequest, load: LoadShape) {
        self.target = target
        self.request = request
        self.load = load
    }

    /// `gateway  stream  open 500/s`.
    public var label: String {
        target.label.padding(toLength: 8, withPad: " ", startingAt: 0) + " "
            + request.mode.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + " "
            + load.label.padding(toLength: 13, withPad: " ", startingAt: 0)
    }
}
