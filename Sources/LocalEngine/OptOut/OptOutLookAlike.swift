/// Messages that read like an opt-out and are not one: the guard lets them pass, and the
/// classifier may not call them `opt_out` either (its words look like an opt-out's, which
/// is why a model trained on opt-outs scores them high).
///
/// Each says why contact goes on: the thing to stop or remove is a product term, a charge
/// or a record (`stop the trial from auto-renewing`, `remove the late fee`, `delete the
/// duplicate account`); the customer wants to stay (`add me back`) or names another way to
/// reach them (`send everything through me`, a new address); the cue is negated (`don't
/// stop sending these`) or the customer wants more (`go back to the slide`, `this is
/// useful`); or the limit is a time (`don't call me on Fridays`).
enum OptOutLookAlike {
    static func holds(_ text: OptOutText) -> Bool {
        if OptOutRules.keepMe.occurs(in: text) { return true }
        if OptOutRules.isRedirected(text), !OptOutRules.explicitStop.occurs(in: text.normalized) { return true }
        if OptOutRules.engagement.occurs(in: text.normalized) { return true }
        return patterns.contains { $0.occurs(in: text) }
    }

    static let patterns: [OptOutPattern] = [
        OptOutPattern("negated_cue", [], #"\b(?:don't|do not|never|dont)(?: \S+)? (?:stop|remove|unsubscribe|delete|cancel|take (?:me|us) off)\b"#, anchors: ["n't", "do not", "never", "dont"]),
        OptOutPattern("remove_from_order", [], #"\b(?:remove|take|delete|drop)(?: \S+){0,4}? (?:from|off|of) (?:my|our|the|this) (?:\S+ )?(?:order|quote|cart|basket|invoice|bill|contract|booking|reservation)\b"#, anchors: ["remov", "take", "delet", "drop"]),
        OptOutPattern("remove_someone_from", [], #"\b(?:remove|drop|take) (?!(?:me|us|myself|my|our)\b)\S+ (?:\S+ )?(?:from|off) (?:the|this|that|our) (?:\S+ )?(?:thread|cc|loop|chain|channel|invites?|meetings?|calls?|project|deal|distribution)\b"#, anchors: ["remov", "drop", "take"]),
        OptOutPattern("finds_it_useful", [], #"\b(?:this is|that's|that is|it's|it is|they're|they are|these are) (?:really |very |genuinely |super |so |actually )?(?:useful|helpful|valuable|interesting)\b"#, anchors: ["useful", "helpful", "valuable", "interesting"]),
        OptOutPattern("other_channel", [], #"\bby (?:post|mail|letter|phone|text|whatsapp) (?:please|only|instead|is better|works)\b|\b(?:email|e mail|text|call|post|mail|whatsapp|sms|phone) (?:please|pls|instead|is better|works better|only)\b|\b(?:address|send|direct) (?:your |any |the )?(?:response|reply|replies|letters?|correspondence|post) to (?:my|our) (?:office|address|assistant|team|attention)\b"#, anchors: ["by ", "address", "send", "direct", "please", "pls", "instead", "is better", "works better", "only"]),
        OptOutPattern("not_such_messages", [], #"\b(?:don't|do not|never) send (?:me |us )?(?:\S+ )?(?:emails?|messages?|texts?|mails?) (?:with|that|which|like|without)\b"#, anchors: ["send"]),
        OptOutPattern("new_point_of_contact", [], #"\b(?:i'm|i am|we're|we are) (?:now )?(?:your|the) (?:new |main |primary )?(?:point of contact|contact|poc)\b|\b(?:contact|reach|email|call) me instead\b|\b(?:reach|contact|call|text|email) me (?:on|at) (?:my|the) new\b|\b(?:contact|reach|email|call|speak to|talk to) (?:the|our|my) new (?:owner|owners|manager|contact|person|team|director|head)\b"#, anchors: ["contact", "poc", "instead", " new "]),
        // `do you process STOPALL too?`: a question about how the product handles a keyword.
        OptOutPattern("product_handles", [], #"^ *(?:do|does|can|will|would) (?:you|it|your (?:\S+ )?(?:system|platform|tool|app|product|software)) (?:also )?(?:process|handle|support|honou?r|recogni[sz]e|detect|catch|log|parse)\b"#, anchors: ["process", "handle", "support", "honor", "honour", "recogni", "detect", "catch", "log", "parse"]),
        OptOutPattern("non_contact_object", [], #"\b(?:stop|cancel|remove|delete|end|turn off|switch off|disable|pause|drop|take off)(?: the| this| that| my| our| your| a| an| these| those)?(?: \S+){0,2}? (?:\S*renew\S*|trials?|pilots?|betas?|fees?|charges?|invoices?|billing|payments?|seats?|licen[cs]es?|line items?|add_?ons?|upgrades?|duplicates?|duplicate \S+|accounts? (?:i|we) (?:created|made|opened|set up)|environments?|sandbox(?:es)?|instances?|workspaces?|integrations?|webhooks?|automations?|workflows?|orders?|quotes?|discounts?|coupons?|promo codes?|plans?|tiers?)\b"#, anchors: ["stop", "cancel", "remov", "delet", "end", "turn off", "switch off", "disable", "pause", "drop", "take off"]),
        OptOutPattern("stop_it_from", [], #"\bstop (?:the|our|your|this|that|my) \S+(?: \S+)? from (?:sending|emailing|calling|texting|charging|renewing|billing|posting|syncing|notifying)\b"#, anchors: ["stop"]),
        // `so your emails stop bouncing`: mail that fails to arrive, not mail to end.
        OptOutPattern("delivery_problem", [], #"\b(?:stop|stops|stopped) (?:bouncing|failing|landing in spam|going to spam|going to junk|getting blocked|being blocked|being flagged|getting flagged)\b"#, anchors: ["stop"]),
        // `please describe your process for honouring do-not-contact requests`: a vendor questionnaire.
        OptOutPattern("asks_about_process", [], #"\b(?:describe|explain|outline|detail|document|share|provide|walk (?:me|us) through) (?:your|the) (?:\S+ )?(?:process|processes|policy|policies|procedures?|approach|controls?|workflow)\b"#, anchors: ["describe", "explain", "outline", "detail", "document", "share", "provide", "walk"]),
        // `please direct any questions in writing to the contracting officer`: a redirect.
        OptOutPattern("direct_questions_to", [], #"\bdirect (?:any |all |your |further )*(?:questions|enquiries|inquiries|correspondence|communications?|requests)(?: \S+){0,3}? to (?:the|our|my)\b"#, anchors: ["direct"]),
        OptOutPattern("contact_at_other_times", [], #"\b(?:don't|do not|never|please not|no need to)(?: \S+)? (?:call|text|email|contact|ring|message|phone) (?:me|us)(?: \S+)? (?:on (?:mon|tues|wednes|thurs|fri|satur|sun)days?|on (?:weekends?|weekdays?)|before \S+|after \S+|at (?:night|lunch|work|weekends?)|during|in the (?:mornings?|afternoons?|evenings?)|until|till|til|so early|so late|this late|today|tonight|this week)\b"#, anchors: ["call", "text", "email", "contact", "ring", "message", "phone"]),
    ]
}
