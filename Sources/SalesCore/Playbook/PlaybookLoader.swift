import YAMLConfig

/// Reads and validates `playbook.yaml` (format: docs/playbook-format.md). Every error
/// names the file, line and field.
public enum PlaybookLoader {
    public static func parse(yaml: String, file: String) throws(ConfigError) -> Playbook {
        let root = try YAMLNode.parse(yaml: yaml, file: file)
        var map = try root.map()
        if let version = map.optional("version"), try version.int() != 1 {
            throw version.error("only version 1 is supported")
        }
        let slots = try descriptions(try map.required("slots"), of: Slot.self)
        let situations = try descriptions(try map.required("situations"), of: Situation.self)
        let principlesNode = try map.required("principles")
        var principlesMap = try principlesNode.map()
        var principles: [Principle] = []
        for (name, node) in principlesMap.all() {
            principles.append(try principle(name: name, node: node))
        }
        guard principles.contains(where: { $0.name == Playbook.gracefulExit }) else {
            throw principlesNode.error("a principle named \(Playbook.gracefulExit) is required (every opt-out gets it)")
        }
        let rulesNode = try map.required("rules")
        var rules: [SelectorRule] = []
        for item in try rulesNode.list() {
            let rule = try self.rule(item, principles: principles)
            if rules.contains(where: { $0.name == rule.name }) {
                throw item.error("duplicate rule name '\(rule.name)'")
            }
            rules.append(rule)
        }
        let defaults = rules.filter(\.condition.isEmpty)
        guard defaults.count == 1 else {
            throw rulesNode.error("exactly one rule with an empty `when` (the default) is required, found \(defaults.count)")
        }
        try map.finish()
        let ordered = rules.enumerated().sorted { lhs, rhs in
            lhs.element.priority != rhs.element.priority ? lhs.element.priority > rhs.element.priority : lhs.offset < rhs.offset
        }.map(\.element)
        return Playbook(slotDescriptions: slots, situationDescriptions: situations, principles: principles, rules: ordered)
    }

    /// A mapping with exactly one one-line description per case of `Name`.
    private static func descriptions<Name: RawRepresentable & CaseIterable & Hashable>(
        _ node: YAMLNode, of _: Name.Type
    ) throws(ConfigError) -> [Name: String] where Name.RawValue == String {
        var map = try node.map()
        var result: [Name: String] = [:]
        for (key, value) in map.all() {
            guard let name = Name(rawValue: key) else {
                let allowed = Name.allCases.map(\.rawValue).joined(separator: ", ")
                throw value.error("unknown name '\(key)' (expected one of: \(allowed))")
            }
            let text = try value.string()
            guard !text.isEmpty, !text.contains("\n") else { throw value.error("must be a one-line description") }
            result[name] = text
        }
        let absent = Name.allCases.filter { result[$0] == nil }.map(\.rawValue)
        guard absent.isEmpty else { throw node.error("missing: \(absent.joined(separator: ", "))") }
        return result
    }

    private static func principle(name: String, node: YAMLNode) throws(ConfigError) -> Principle {
        var map = try node.map()
        let summary = try map.required("summary").string()
        let source = try map.optional("source")?.string() ?? ""
        let guidance = try map.required("guidance").string()
        let templatesNode = try map.required("templates")
        var templates: [ReplyTemplate] = []
        for item in try templatesNode.list() {
            let text = try item.string()
            let parsed = Result { () throws(TemplateError) -> ReplyTemplate in try ReplyTemplate(text) }
            switch parsed {
            case .success(let template): templates.append(template)
            case .failure(let error): throw item.error(error.problem)
            }
        }
        guard templates.count >= 2 else { throw templatesNode.error("at least 2 templates are required") }
        try map.finish()
        return Principle(name: name, summary: summary, source: source, guidance: guidance, templates: templates)
    }

    private static func rule(_ node: YAMLNode, principles: [Principle]) throws(ConfigError) -> SelectorRule {
        var map = try node.map()
        let name = try map.required("name").string()
        let priority = try map.optional("priority")?.int() ?? 10
        let condition = try self.condition(try map.required("when"))
        let chooseNode = try map.required("choose")
        let choose = try chooseNode.strings()
        guard !choose.isEmpty else { throw chooseNode.error("name at least one principle") }
        for principle in choose where !principles.contains(where: { $0.name == principle }) {
            throw chooseNode.error("unknown principle '\(principle)'")
        }
        try map.finish()
        return SelectorRule(name: name, priority: priority, condition: condition, choose: choose)
    }

    private static func condition(_ node: YAMLNode) throws(ConfigError) -> RuleCondition {
        var map = try node.map()
        var condition = RuleCondition()
        if let value = map.optional("situation") {
            var situations: Set<Situation> = []
            for raw in try value.strings() {
                guard let situation = Situation(rawValue: raw) else { throw value.error("unknown situation '\(raw)'") }
                situations.insert(situation)
            }
            condition.situations = situations
        }
        if let value = map.optional("has") { condition.has = try slots(value) }
        if let value = map.optional("missing") { condition.missing = try slots(value) }
        if let value = map.optional("resistance_min") { condition.resistanceMin = try value.int() }
        if let value = map.optional("resistance_max") { condition.resistanceMax = try value.int() }
        if let value = map.optional("turn_min") { condition.turnMin = try value.int() }
        if let value = map.optional("turn_max") { condition.turnMax = try value.int() }
        try map.finish()
        return condition
    }

    private static func slots(_ node: YAMLNode) throws(ConfigError) -> Set<Slot> {
        var result: Set<Slot> = []
        for raw in try node.strings() {
            guard let slot = Slot(rawValue: raw) else { throw node.error("unknown slot '\(raw)'") }
            result.insert(slot)
        }
        return result
    }
}
