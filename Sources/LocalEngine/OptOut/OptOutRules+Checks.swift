import Foundation

/// How a rule's match is judged in its sentence, and the whole-message rules.
extension OptOutRules {
    /// The first rule whose match survives its checks, by name.
    static func firstRule(in text: OptOutText) -> String? {
        let normalized = text.normalized as NSString
        if keepMe.occurs(in: text) { return nil }
        let redirected = isRedirected(text)
        for pattern in patterns where pattern.mayMatch(text.normalizedBytes) {
            for range in pattern.matches(in: normalized) where counts(range, of: pattern, in: normalized, redirected: redirected) {
                return pattern.name
            }
        }
        for range in firstPersonLegal.mayMatch(text.normalizedBytes) ? firstPersonLegal.matches(in: normalized) : [] {
            let sentence = self.sentence(around: range, in: normalized)
            if firstPerson.occurs(in: sentence), !questionStart.occurs(in: sentence), !isQuoted(range, in: normalized) {
                return firstPersonLegal.name
            }
        }
        return nil
    }

    /// True when the message offers another way to reach the customer (or gives an address).
    static func isRedirected(_ text: OptOutText) -> Bool {
        (text.hasEmailAddress && !thirdPartyAddress.occurs(in: text)) || redirect.occurs(in: text.normalized)
    }

    /// Whether one match counts: not quoted as someone's words, not negated, not a
    /// question about other people, not offered with an alternative.
    static func counts(_ range: NSRange, of pattern: OptOutPattern, in text: NSString, redirected: Bool) -> Bool {
        let sentence = self.sentence(around: range, in: text)
        if isQuoted(range, in: text), !repeatedRequest.occurs(in: sentence) { return false }
        let before = text.substring(to: range.location)
        if pattern.checks.contains(.negation), negation.occurs(in: before), !rhetorical.occurs(in: before) { return false }
        // The sentence up to the match: what leads into the cue.
        let leadStart = sentenceStart(before: range.location, in: text)
        let lead = text.substring(with: NSRange(location: leadStart, length: range.location - leadStart))
        if unasked.occurs(in: lead) || footer.occurs(in: sentence) { return false }
        if pattern.checks.contains(.redirect), redirected, !explicitStop.occurs(in: text.substring(with: range)) { return false }
        let asksQuestion = sentence.trimmingCharacters(in: .whitespaces).hasSuffix("?")
        let isQuestion = asksQuestion || questionStart.occurs(in: sentence)
        if pattern.checks.contains(.notQuestion), isQuestion { return false }
        if pattern.checks.contains(.otherPeople) {
            let matched = text.substring(with: range)
            // `our staff must be able to unsubscribe` is about others; `won't let me unsubscribe` is not.
            let aboutOthers = isQuestion || (enabling.occurs(in: lead) && !firstPersonObject.occurs(in: lead))
            // `is there a way to stop the app emailing every user?`: the match itself names them.
            if aboutOthers, other.occurs(in: lead) || (asksQuestion && other.occurs(in: matched)), !firstPersonObject.occurs(in: matched) { return false }
        }
        return true
    }

    /// True when the match starts inside quote marks, or ends inside a closed pair of them
    /// (`'STOP ALL'`); an unpaired mark is an apostrophe (`my drivers' numbers`).
    static func isQuoted(_ range: NSRange, in text: NSString) -> Bool {
        let before = text.substring(to: range.location)
        if before.filter({ $0 == "\"" }).count % 2 == 1 { return true }
        guard (text as String).filter({ $0 == "\"" }).count % 2 == 0 else { return false }
        let through = text.substring(to: max(range.location, range.location + range.length - 1))
        return through.filter { $0 == "\"" }.count % 2 == 1
    }

    /// The sentence holding `range`, with its closing mark (`?` tells a question).
    static func sentence(around range: NSRange, in text: NSString) -> String {
        let start = sentenceStart(before: range.location, in: text)
        let tail = NSRange(location: range.location, length: text.length - range.location)
        var end = text.length
        for mark in [" . ", " ? "] {
            let found = text.range(of: mark, options: [], range: tail)
            if found.location != NSNotFound { end = min(end, found.location + found.length) }
        }
        return text.substring(with: NSRange(location: start, length: end - start))
    }

    private static func sentenceStart(before location: Int, in text: NSString) -> Int {
        let head = NSRange(location: 0, length: location)
        var start = 0
        for mark in [" . ", " ? "] {
            let found = text.range(of: mark, options: .backwards, range: head)
            if found.location != NSNotFound { start = max(start, found.location + found.length - 1) }
        }
        return start
    }

    /// A message that is only keywords (`STOP`, `unsubscribe please`, `STOP STOP STOP`).
    static func isKeywordOnly(_ text: OptOutText) -> Bool {
        let words = text.words.filter { $0 != "." && $0 != "?" }
        guard words.contains(where: L.keywords.contains) else { return false }
        return words.allSatisfy { L.keywords.contains($0) || L.keywordCompanions.contains($0) || L.keywordChannels.contains($0) }
    }

    /// A sentence that is only `stop` with intensifiers (`Seriously, stop.`), in a message
    /// that does not go on to ask for more.
    static func hasBareStop(_ text: OptOutText) -> Bool {
        let sentences = text.sentences
        let bare = sentences.contains { sentence in
            guard !sentence.isQuestion else { return false }
            let words = sentence.text.split(separator: " ").map(String.init)
            return words.contains("stop") && words.allSatisfy { $0 == "stop" || L.intensifiers.contains($0) }
        }
        guard bare else { return false }
        // `Why am I still getting messages? Stop.`, `How many times?`: complaints, not questions.
        let asks = sentences.contains { sentence in
            sentence.isQuestion && questionStart.occurs(in: " " + sentence.text) && !repeatedRequest.occurs(in: " " + sentence.text)
                && !stillContacted.occurs(in: " " + sentence.text)
        }
        // `Stop! Don't send the contract yet`: an interruption about the deal, not about contact.
        let interrupts = dealPaperwork.occurs(in: text.normalized) && !messageWord.occurs(in: text.normalized)
        return !asks && !interrupts && !engagement.occurs(in: text.normalized)
    }
}
