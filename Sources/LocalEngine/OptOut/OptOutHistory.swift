/// Short answers that are opt-outs because of what the agent just asked: "Yes please"
/// to "shall I stop reaching out?", "Never." to "is there a better time to call?",
/// "NO" to "reply NO to stop".
enum OptOutHistory {
    typealias L = OptOutLexicon

    /// The agent offers to stop contacting.
    static let offersToStop = OptOutPattern("offers_to_stop", [], #"\b(?:stop|cease|quit|pause|end)(?: \S+){0,2}? (?:reaching_out|following_up|contacting|emailing|calling|texting|messaging|sending|checking in)\b|\b(?:close your file|take you off|remove you|unsubscribe you|opt you out|leave you alone|be removed|be unsubscribed|be taken off)\b"#)
    /// The agent asks leave to keep in touch.
    static let asksToContinue = OptOutPattern("asks_to_continue", [], #"\b(?:keep (?:you|sending|in touch|hearing|receiving|reaching|emailing|calling|texting|messaging|contacting|mailing)|reach_out (?:again|next|in|after)|follow_up|(?:call|text|email|ping|message) you (?:back|again|next|in|on|after)|check (?:in|back)|add you to|stay in touch|hear from (?:us|me)|(?:send|sending) you|better time (?:for me )?to (?:call|reach|contact)|unless you tell me otherwise|(?:can|may|could|shall) i (?:call|email|text|contact|reach_out|ping|follow_up)|touch base|circle back|reconnect|stay on (?:our|the|this|my) (?:\S+ )?lists?|(?:receive|receiving|get|getting) (?:\S+ )?(?:texts|emails|messages|updates|offers|newsletters?)|(?:may|can|could|shall) we (?:contact|call|email|text|reach_out|follow_up|send|keep|message)|still want (?:our|these|the|my) \S+|contact you|reaches out|reaches_out|reach you|following_up|kept sending|keep your (?:details|data|info|information|number|email|address)|(?:texting|emailing|calling|messaging|mailing) you|loop you in(?:to)?|add you|sign you up|subscribe you|stay subscribed|put you down for|(?:emailed|called|texted|messaged|pinged) you|(?:ping|email|call|text|message) you (?:every|each|monthly|weekly|whenever|when|if|as soon as)|give you a (?:ring|call|bell|buzz|shout)|keep checking|checking in|carry on \S+ing|still want to (?:get|receive|hear)|reach you (?:on|at) with|(?:add|put) your \S+ (?:to|on) (?:our|the)|want us to (?:message|email|text|call|send|keep|contact))\b"#)
    /// The agent names a reply word that stops messages (`Reply STOP to opt out`).
    static let replyKeyword = OptOutPattern("reply_keyword", [], #"(?:\b(?:reply|text|respond|send|type|answer|say|or)|,)(?: with)? (?:" )?([a-z_0-9]+)(?: ")?(?: at any time| anytime| any time)? to (?:stop|opt_out|unsubscribe|end|cancel|be removed|stop receiving)"#)
    static let affirmative: Set<String> = ["yes", "yeah", "yep", "yup", "ya", "sure", "please", "ok", "okay", "correct", "right", "exactly", "definitely", "absolutely", "do", "go", "both", "y"]
    static let contrary = OptOutPattern("contrary", [], #"\b(?:keep|no|don't|not|but|instead|later|wait|hold)\b"#)
    static let negative = OptOutPattern("negative", [], #"^ (?:no(?! need| problem| worries| rush| wait)|nope|god no|hell no|heck no|lord no|oh no|please no|no way|no chance|not happy|not helpful|not there|not anywhere|don't bother|i do mind|it doesn't|yes , objection|objection|nah|never|neither|it is not|it's not|it isn't|not ok|not okay|not really|please don't|don't|do not|i'd rather|i would rather|rather not|i don't|no thanks|no thank you|definitely not|absolutely not|certainly not|hard pass|pass|n|i'm good|i am good|im good|that's a no|thats a no|it's a no|not necessary|unnecessary|negative|bye|k bye|ok bye|okay bye|leave it|lose it|rather you didn't|rather you did not|no need(?= [.,]| ta\b| thanks\b| thank you\b| *$))\b"#)
    static let alternative = OptOutPattern("alternative", [], #"\b(?:instead|just the|only the|ready|yet|later|next|after|until|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|week|month|quarter|keep me posted|email me|text me|call me|just send|send me|but|busy|slammed|out all|yes|keep|is enough|is fine|is plenty|already have|(?:email|e mail|text|call|post|mail|whatsapp|sms|phone) (?:please|pls|is better|works|instead|only))\b"#)
    /// A refusal that names no other way even beside a `yes` or a date (`Yes, objection.
    /// Please don't.`, `not after that meeting or any other`).
    static let emphatic = OptOutPattern("emphatic", [], #"\b(?:don't \.|stop them|bin them|any other|all of it|anywhere|nobody else|no one else|objection|no other)\b"#)
    /// The agent offers another way to keep in touch (`take you off the weekly digest and just
    /// send the monthly summary instead?`): a yes accepts the other way, not an end to contact.
    static let offersOtherWay = OptOutPattern("offers_other_way", [], #"\b(?:instead|switch (?:you )?(?:over )?to|move you to|send (?:it|them|those|these|you) (?:by|via)|just send|only send|(?:pdf|digital|online|monthly|weekly) (?:version|summary|digest|edition))\b"#)
    static let otherwise = OptOutPattern("otherwise", [], #"\btell(?:ing)? you otherwise\b"#)

    /// The verdict for `reply`, read as an answer to the agent's last message.
    static func verdict(reply: OptOutText, agent: OptOutText) -> OptOutVerdict? {
        let asks = agent.words.contains("?") || agent.normalized.contains(" unless ") || agent.normalized.contains(" reply ")
            || agent.normalized.contains(" let me know ")
        guard asks else { return nil }
        let words = replyWords(reply)
        guard !words.isEmpty, words.count <= maximumReplyWords else { return nil }
        // `nope` and `nah` answer `reply NO to be removed` as well as `no` does.
        if let keyword = replyKeyword.firstCapture(in: agent.normalized),
            words.allSatisfy({ $0 == keyword || (keyword == "no" && ["nope", "nah", "n"].contains($0)) || L.keywordCompanions.contains($0) || ["option", "number", "choice"].contains($0) })
        {
            return OptOutVerdict(rule: "history_reply_keyword")
        }
        if offersToStop.occurs(in: agent.normalized), L.affirmativeStart(words, affirmative), !contrary.occurs(in: reply.normalized),
            !offersOtherWay.occurs(in: agent.normalized)
        {
            return OptOutVerdict(rule: "history_accepts_stop")
        }
        let questions = agent.sentences.filter(\.isQuestion).map { " " + $0.text + " " }
        if questions.contains(where: asksToContinue.occurs) || agent.normalized.contains(" unless you tell me otherwise ") {
            if negative.occurs(in: reply.normalized), !alternative.occurs(in: reply.normalized) || emphatic.occurs(in: reply.normalized) {
                return OptOutVerdict(rule: "history_declines_contact")
            }
            if agent.normalized.contains(" otherwise "), otherwise.occurs(in: reply.normalized) {
                return OptOutVerdict(rule: "history_declines_contact")
            }
        }
        return nil
    }

    /// The longest reply read as an answer to the agent.
    static let maximumReplyWords = 12

    /// True when `reply` is short enough to be read as an answer to the agent (the guard
    /// then reads the agent's message).
    static func isShortReply(_ reply: OptOutText) -> Bool {
        let words = replyWords(reply)
        return !words.isEmpty && words.count <= maximumReplyWords
    }

    private static func replyWords(_ reply: OptOutText) -> [String] {
        reply.words.filter { $0 != "." && $0 != "?" && $0 != "," }
    }

    /// True when the agent's last message used `keyword` itself (`shall I cancel the demo?`),
    /// so a one-word answer answers that, not a request to stop contact.
    static func agentUsed(_ keyword: String, in agent: OptOutText) -> Bool {
        agent.words.contains(keyword) && !offersToStop.occurs(in: agent.normalized) && replyKeyword.firstCapture(in: agent.normalized) == nil
    }
}

extension OptOutLexicon {
    /// True when the first word is one of `affirmative` (`yes please`, `yes, do that`).
    static func affirmativeStart(_ words: [String], _ affirmative: Set<String>) -> Bool {
        guard let first = words.first else { return false }
        return affirmative.contains(first) && words.count <= 6
    }
}
