/// One fuzz target: a name for the command line and corpus folder, and a function that
/// must not trap on any input. Invariants are checked with `precondition`, so a broken
/// one is reported by libFuzzer as a crash with its input saved.
public struct FuzzTarget: Sendable {
    public let name: String
    public let run: @Sendable (UnsafeRawBufferPointer) -> Void

    public init(name: String, run: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.name = name
        self.run = run
    }

    /// Every target, in the order `scripts/fuzz.sh` runs them.
    public static let all: [FuzzTarget] = [
        JSONTargets.parser,
        IngressTargets.chatRequest,
        IngressTargets.messagesRequest,
        IngressTargets.responsesRequest,
        ProviderTargets.openAIResponse,
        ProviderTargets.anthropicResponse,
        ProviderTargets.geminiResponse,
        StreamTargets.openAIStream,
        StreamTargets.anthropicStream,
        StreamTargets.geminiStream,
        AgentTargets.outputRepair,
        ConfigTargets.policy,
        ConfigTargets.playbook,
        AgentTargets.goldenFile,
    ]

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}

/// The input as text, the way the servers see a body they decode as UTF-8.
func text(_ bytes: UnsafeRawBufferPointer) -> String {
    String(decoding: bytes, as: UTF8.self)
}
