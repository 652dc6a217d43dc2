import SalesCore

/// The features of one clause that tell which slot it fills: its words, where it stands,
/// which cue lexicons fire inside it, and what kinds of values it holds.
enum SpanFeatures {
    /// The slots filled by whole clauses (the others come from the scanners).
    static let slots: [Slot] = [
        .painPoint, .painImpact, .desiredOutcome, .objection, .buyingSignal, .nextStep, .useCase, .decisionProcess,
        .decisionCriteria, .urgencyDriver, .budgetSignal,
    ]
    /// Cue rules by name, as features.
    static let cues: [(String, CueRule)] = [
        ("price", CueLexicon.priceConcerns), ("authority", CueLexicon.authorityConcerns), ("timing", CueLexicon.timingConcerns),
        ("trust", CueLexicon.trustConcerns), ("competitor", CueLexicon.competitorConcerns), ("need", CueLexicon.needConcerns),
        ("buying", CueLexicon.buyingSignals), ("next", CueLexicon.nextSteps), ("day", CueLexicon.meetingDays),
        ("budget", CueLexicon.budgetStatements), ("impact", CueLexicon.painImpacts), ("pain", CueLexicon.painPoints),
        ("outcome", CueLexicon.desiredOutcomes), ("urgency", CueLexicon.urgencyDrivers), ("usecase", CueLexicon.useCases),
        ("usecase2", CueLexicon.useCaseObjects), ("process", CueLexicon.decisionProcesses), ("criteria", CueLexicon.decisionCriteria),
        ("manual", CueLexicon.manualSolutions),
    ]

    static func features(of clause: Range<Int>, in message: MessageText, number: Int, count: Int, messageCues: Set<String>) -> Set<String> {
        var features = Set<String>()
        var previous = "^"
        for index in clause {
            let token = message.tokens[index]
            guard !token.isSymbol || ["$", "%", "?"].contains(token.lower) else { continue }
            let word = FeatureExtractor.word(token)
            features.insert("w:" + word)
            features.insert("b:" + previous + "_" + word)
            previous = word
        }
        features.insert("b:" + previous + "_$")
        if let first = clause.first { features.insert("f:" + FeatureExtractor.word(message.tokens[first])) }
        features.insert(number == 0 ? "h:pos-first" : number == count - 1 ? "h:pos-last" : "h:pos-middle")
        if count == 1 { features.insert("h:pos-only") }
        let length = clause.count
        features.insert(length <= 2 ? "h:clen<=2" : length <= 5 ? "h:clen<=5" : length <= 10 ? "h:clen<=10" : "h:clen>10")
        if clause.upperBound < message.count, message.lower(clause.upperBound) == "?" { features.insert("h:ends-question") }
        for (name, rule) in cues where rule.cues.occurs(in: message, within: clause) { features.insert("h:cue-" + name) }
        if MoneyScanner.amounts(in: message).contains(where: { $0.range.overlaps(clause) }) { features.insert("h:money") }
        if TimelineScanner.firstTimeline(in: message).map({ $0.overlaps(clause) }) == true { features.insert("h:time") }
        if VendorLexicon.mentions(in: message).contains(where: { $0.overlaps(clause) }) { features.insert("h:vendor") }
        for cue in messageCues { features.insert("m:" + cue) }
        return features
    }

    /// Cue names that fire anywhere in the message.
    static func messageCues(_ message: MessageText) -> Set<String> {
        Set(cues.filter { $0.1.cues.occurs(in: message) }.map(\.0))
    }

    /// Every clause of the message with its features.
    static func clauses(of message: MessageText) -> [(range: Range<Int>, features: Set<String>)] {
        let cues = messageCues(message)
        let clauses = message.clauses.filter { range in range.contains { message.tokens[$0].isWord } }
        return clauses.enumerated().map { number, range in
            (range, features(of: range, in: message, number: number, count: clauses.count, messageCues: cues))
        }
    }
}
