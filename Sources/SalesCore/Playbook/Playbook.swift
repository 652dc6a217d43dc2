/// The sales playbook: vocabulary descriptions, principles and selector rules, validated.
public struct Playbook: Sendable, Hashable {
    public var slotDescriptions: [Slot: String]
    public var situationDescriptions: [Situation: String]
    /// Principles in file order.
    public var principles: [Principle]
    /// Rules sorted for evaluation: priority descending, then file order.
    public var rules: [SelectorRule]

    public init(slotDescriptions: [Slot: String], situationDescriptions: [Situation: String], principles: [Principle], rules: [SelectorRule]) {
        self.slotDescriptions = slotDescriptions
        self.situationDescriptions = situationDescriptions
        self.principles = principles
        self.rules = rules
    }

    public func principle(named name: String) -> Principle? {
        principles.first { $0.name == name }
    }

    /// The principle every opt-out gets.
    public static let gracefulExit = "graceful_exit"
}

/// One sales principle: how the LLM should apply it, and local templates.
public struct Principle: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var source: String
    public var guidance: String
    public var templates: [ReplyTemplate]

    public init(name: String, summary: String, source: String, guidance: String, templates: [ReplyTemplate]) {
        self.name = name
        self.summary = summary
        self.source = source
        self.guidance = guidance
        self.templates = templates
    }
}

/// A selector rule: conditions over the turn's inputs, and principles in preference order.
public struct SelectorRule: Sendable, Hashable {
    public var name: String
    public var priority: Int
    public var condition: RuleCondition
    public var choose: [String]

    public init(name: String, priority: Int, condition: RuleCondition, choose: [String]) {
        self.name = name
        self.priority = priority
        self.condition = condition
        self.choose = choose
    }
}

/// The `when:` of a rule; every present condition must hold.
public struct RuleCondition: Sendable, Hashable {
    public var situations: Set<Situation>?
    public var has: Set<Slot> = []
    public var missing: Set<Slot> = []
    public var resistanceMin: Int?
    public var resistanceMax: Int?
    public var turnMin: Int?
    public var turnMax: Int?

    public init() {}

    public var isEmpty: Bool {
        situations == nil && has.isEmpty && missing.isEmpty && resistanceMin == nil && resistanceMax == nil
            && turnMin == nil && turnMax == nil
    }

    public func matches(_ input: SelectionInput) -> Bool {
        if let situations, !situations.contains(input.situation) { return false }
        if !has.isSubset(of: input.filledSlots) { return false }
        if !missing.isDisjoint(with: input.filledSlots) { return false }
        if let resistanceMin, input.resistance < resistanceMin { return false }
        if let resistanceMax, input.resistance > resistanceMax { return false }
        if let turnMin, input.turn < turnMin { return false }
        if let turnMax, input.turn > turnMax { return false }
        return true
    }
}
