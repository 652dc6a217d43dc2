extension PromptBuilder {
    /// The short reconcile prompt (``ReconcilePolicy/Mode/short``): the detect
    /// instructions with only what the second pass needs: the first answer, the values
    /// capture found in this message and the agent's last message (a short answer means
    /// something only against it). No known context, no older history: fewer prompt
    /// tokens to prefill than a second full detect.
    public func reconcile(_ input: PromptInput, first: Detection, newValues: SlotValues) -> [PromptMessage] {
        let found = shape == .cacheable
            ? (newValues.isEmpty ? "none" : newValues.entries.map(\.slot.rawValue).joined(separator: ","))
            : Self.json(newValues)
        var lines = [
            #"Classify what the customer mainly does in the message. JSON only: {"situation":"<name>","confidence":<0-1>}."#,
            "Names: \(Situation.allCases.map(\.rawValue).joined(separator: ","))",
            "Rules: opt_out (stop/remove) wins; an objection wins over details; pick the objection by its cause.",
            "Before these facts it read as \(first.situation.rawValue). Found in this message: \(found)",
        ]
        if let agent = input.history.last(where: { $0.role == "agent" }) { lines.append("Agent said last: \(agent.text)") }
        return [PromptMessage(role: "system", content: lines.joined(separator: "\n")), PromptMessage(role: "user", content: input.message)]
    }
}
