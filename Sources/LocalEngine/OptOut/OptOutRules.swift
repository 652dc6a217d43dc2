import Foundation

/// The opt-out rules over one message, and the checks that keep them off look-alikes.
enum OptOutRules {
    typealias L = OptOutLexicon

    static let patterns: [OptOutPattern] = [
        OptOutPattern("stop_contact", .all, #"\b(?:stop|quit|cease|halt|discontinue|refrain from|knock it off with|enough with|enough of|give it a rest with)(?: \S+){0,2}? (?:to )?(?:\#(L.gerund)\#(L.afterGerund)|\#(L.sending))"#),
        OptOutPattern("do_not_add", .otherPeople, #"\b(?:don't|do not|never|stop|quit) (?:add|adding|put|putting|include|including|enroll|enrolling|subscribe|subscribing|sign|signing) (?:me|us|my \S+|our (?:number|numbers|email|emails|address|addresses|details|contact|phone))(?: up)?(?: \S+)? (?:to|in|on|into|for)(?: (?:any|your|the|more|future|further|these|those|another))?(?: \S+){0,2}? (?:lists?|sequences?|campaigns?|newsletters?|mailings?|cadences?|drips?|outreach|marketing)\b"#),
        OptOutPattern("do_not_send", [.otherPeople, .redirect], #"\b(?:don't|do not|never|please not|no need to)(?: \S+){0,2}? send (?:me |us )?(?:(?:any|more|further|these|those|your) )*(?:\S+ )?(?:\#(L.message)|anything else)(?: to (?:this|my|our) \S+)?(?: anymore| any more| again| ever again| [.?]| *$)"#),
        OptOutPattern("stop_messages", [.negation, .otherPeople], #"\b(?:stop|quit|cease|halt|knock it off|enough|give it a rest)(?: with| of)?(?: (?:the|these|those|your|all|this|that|any|such))*(?: (?!(?:getting|receiving|answering|missing|taking|making|dropping|losing|fielding|juggling)\b)\S+)? \#(L.message)\b(?! \#(L.featureNoun)\b)"#),
        OptOutPattern("stop_getting_yours", [.negation, .otherPeople], #"\bstop (?:getting|receiving) (?:(?:any|these|those|all|the|such) )*(?:\S+ )?\#(L.message)(?: \S+){0,2}? from (?:you|u|your|ur)\b|\bstop (?:getting|receiving) (?:your|ur)\b"#),
        OptOutPattern("no_more_messages", [.otherPeople, .redirect], #"\bno (?:more|further|additional)(?: \S+)? \#(L.message)\b(?! \#(L.featureNoun)\b)"#),
        OptOutPattern("not_any_more_messages", [.otherPeople, .redirect], #"\b(?:don't|do not|not|never|no longer|won't|will not|wouldn't|shan't)\b(?: \S+){0,4}? (?:any more|anymore|any further|further|more|additional)(?: \S+)? \#(L.message)\b"#),
        OptOutPattern("not_want_messages", [.otherPeople, .redirect], #"\b(?:don't|do not|not|no longer) (?:want|wish)(?: to (?:get|receive|have))?(?: (?:any|your|these|those|the|more|further|such))* (?:\S+ )?\#(L.message)\b(?! \#(L.featureNoun)\b)"#),
        OptOutPattern("messages_should_stop", .otherPeople, #"\b(?:these|the|your|all|this|those|such)(?: \S+)? \#(L.message)(?: \S+){0,2}? (?:to stop|could stop|would stop|should stop|must stop|need to stop|needs to stop|have to stop|has to stop|stop|to end|must end|cease|must cease)\b"#),
        OptOutPattern("do_not_contact", [.otherPeople, .redirect], #"(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bwho )\b(?:don't|do not|never|not|didn't|did not|won't|will not|wouldn't|no need to|no need for you to|no reason to)(?: (?!(?:the|a|an|your|my|our|this|that|any|last)\b)\S+){0,4}? (?<!\bneed )(?<!\buse )(?<!\busing )(?<!\bhave )(?<!\bbuy )\#(L.verb) (?:(?!(?<=\bsend )(?:my|our)\b)\#(L.object)(?! (?:the|a|an|it|that|those|your|over)\b)(?!(?<=\b(?:them|him|her)) back\b)|(?:the|our|my) \S+ (?:again|anymore|any more|ever again)|again|anymore|any more|ever again|either|further|going forward|in future|in the future|from now on|any longer|anything else|anything further|anything more)\b"#),
        OptOutPattern("do_not_contact_bare", [.otherPeople, .redirect], #"\b(?:don't|do not|never|please not|no need to)(?: (?!(?:the|a|an|your|my|our|this|that|any|last)\b)\S+){0,4}? \#(L.coreVerb) [.?]|(?:^|[.?,] )(?:and |so |just |please |pls |but |also )?(?:don't|do not|never) \#(L.coreVerb)(?: me| us)?(?: [.?,]| *$)"#),
        OptOutPattern("do_not_chase", [.negation, .otherPeople], #"\b(?:don't|do not|never|stop|quit|no need to)(?: \S+)? (?:chase|chasing|nag|nagging|hound|hounding) (?:me|us)\b"#),
        OptOutPattern("turn_off_messages", .otherPeople, #"\b(?:sending|send|sent) (?:me|us)\b(?: \S+){0,12}? \#(L.message)\b(?: \S+){0,16}? (?:turn|switch|shut) (?:those|these|them|that|it) off\b|\b(?:turn|switch|shut) off (?:those|these|the|your|all)(?: \S+){0,2}? (?:emails?|texts?|messages?|newsletters?|promos?|promotions?)\b(?! (?:feature|option|setting)s?\b)"#),
        OptOutPattern("do_not_visit", .otherPeople, #"\b(?:not to|don't|do not|never|no need to)(?: \S+)? (?:drop in|drop by|drop round|come by|come round|come around|pop in|pop round|pop by|visit|call in|call round|show up|turn up|stop by)(?: (?:on )?(?:me|us|here|the \S+|our \S+))?(?: \S+)? (?:again|anymore|any more|ever again)\b"#),
        OptOutPattern("do_not_be_contacting", [.otherPeople, .redirect], #"\b(?:don't|do not|never) be \#(L.gerund)\b"#),
        OptOutPattern("nobody_contacts_me", .otherPeople, #"\b(?:no one|nobody|no member|none of you|no-one)\b(?: \S+){0,4}? (?:contacts|calls|emails|texts|messages|contact|call|email|text) (?:me|us)\b"#),
        OptOutPattern("contact_threat", [], #"\bif you (?:\#(L.verb)|keep \#(L.gerund)) (?:me|us)(?: \S+){0,2}? (?:again|one more time|once more)\b|\b(?:blocking|block|reporting) (?:you|this number|your number|your company)\b|\breport(?:ing)? you to\b|\bthis is (?:spam|harassment)\b|\bharassment\b"#),
        OptOutPattern("remove_from_list", .negation, #"\b(?:remove|delete|erase|take|drop|strike|scrub|purge|wipe|unlist|exclude)(?: \S+){0,4}? (?:from|off|of|out of) \#(L.theirs)(?: \S+){0,2}? \#(L.container)\b|\bget (?:me|us|my \S+|this \S+) (?:off|out of) (?:\#(L.theirs)(?: \S+){0,2}? \#(L.container)|everything)\b|\b(?:take|remove|delete|unsubscribe) (?:me|us|my \S+) (?:off|from|of) (?:everything|it all|all)\b"#),
        OptOutPattern("remove_me", [.negation, .otherPeople], #"\b(?:remove|delete|erase|unsubscribe) (?:me|us|myself)\b(?! (?:to|as)\b)"#),
        OptOutPattern("delete_my_details", [.negation, .otherPeople], #"\b(?:remove|delete|erase|lose|loose|forget|purge|wipe|scrub) (?:my|this)(?: \S+)? \#(L.details)\b|\b(?:delete|erase|remove|purge)(?: \S+){0,3}? you (?:have|hold|keep|store) (?:on|about) (?:me|us|our \S+|my \S+)\b|\b(?:confirm|confirmation of|confirmation that)(?: \S+){0,3}? (?:deletion|removal|erasure|deleted|removed|erased)\b(?! of\b)"#),
        OptOutPattern("delete_our_details", [.negation, .notQuestion], #"\b(?:remove|delete|erase|purge|wipe|scrub) our(?: \S+)? \#(L.details)\b"#),
        OptOutPattern("off_the_list", .negation, #"\b(?:off|out of) \#(L.theirs)(?: \S+){0,2}? (?:lists?|database|mailing lists?|sequences?|campaigns?|records|crm|contacts)\b"#),
        OptOutPattern("removed_from_list", .negation, #"\b(?:removal|removed|unsubscribed|deleted|erased) from \#(L.theirs)(?: \S+){0,2}? \#(L.container)\b"#),
        OptOutPattern("unsubscribe_request", [.negation, .otherPeople], #"(?<!\bignores )(?<!\bignore )(?<!\bignoring )(?<!\bignored )(?<!\bhonor )(?<!\bhonour )(?<!\bhonors )(?<!\bhonours )(?<!\brespects )(?<!\bprocess )(?<!\bprocesses )(?<!\bhandles )(?<!\btracks )(?<!\bthe )(?<!\bof )(?<!\babout )(?<!\bthose )(?<!\bthese )\b(?:unsubscribe|opt_out)\b\#(L.notAFeature)(?= (?:me|us|my|from|of|now|please|thanks|thank|asap|immediately|right|today|[.?,]|$)| *$)|\bopt (?:me|us) out\b"#),
        OptOutPattern("unsubscribe_imperative", [.negation, .otherPeople], #"(?:^| [.?] )(?:please |just |kindly |so |and |but |ok |okay )*(?:unsubscribe|opt_out)\b\#(L.notAFeature)"#),
        OptOutPattern("leave_me_alone", .negation, #"\bleave (?:me|us|my \S+)(?: the hell| the fuck| tf| be)? alone\b|(?:^|[.?,]) (?:and |so |just |now |please |oh )?(?:get lost|go away|piss off|fuck off|f off|bugger off|sod off|buzz off)\b|\bblowing up my (?:phone|inbox|cell)\b"#),
        OptOutPattern("last_message", [], #"\b(?:make|let) this (?:be )?(?:the|your|our) (?:last|final)(?: \S+)? \#(L.message)\b|\b(?:left|kept|leave me|keep me|take me) out of (?:any|all|your|the|future)(?: \S+){0,2}? (?:outreach|\#(L.message)|lists?|campaigns?|sequences?)\b"#),
        OptOutPattern("not_receive", .otherPeople, #"\b(?:rather not|prefer not|not wish|not want|don't want|no longer wish|no longer want)(?: to)? (?:receive|receiving|hear|hearing|get|getting|be sent)(?: \S+){0,3}? (?:\#(L.message)|from you|from your|from anyone)\b|\b(?:not|never|no longer)(?: to)? (?:receive|receiving|get|getting)(?: (?:any|any more|anymore|further|any further|more|future|additional|such|these))+(?: \S+)? \#(L.message)\b"#),
        OptOutPattern("cease_and_desist", [], #"\bcease and desist (?:all|any|immediately|contacting|communicat\S*|from (?:contacting|calling|emailing|texting|messaging|any|all|further))|\b(?:consider this|this is|treat this as|this serves as|take this as)(?: a| an| my)?(?: formal| official| legal)? cease and desist\b|\bcease (?:all |any )?(?:further |future )?(?:contact|contacting|communications?|correspondence|calls|emails|messages|outreach|marketing)\b"#),
        OptOutPattern("withdraw_consent", [], #"\b(?:withdraw|withdrawing|revoke|revoking|rescind|rescinding|retract)(?: \S+){0,3}? consent\b|\b(?:do not|don't|never|no longer)(?: \S+)? (?:consent|consented|agree|agreed)(?: \S+)? to (?:being |be )?(?:contacted|called|emailed|texted|messaged|receive|receiving|these|this|your|any|unsolicited|marketing|\#(L.message))"#),
        OptOutPattern("not_be_contacted", [], #"\b(?:not|never|no longer|don't|do not|didn't)(?: \S+){0,3}? (?:be|being) (?:contacted|called|emailed|texted|messaged|approached|solicited)\b|\b(?:are|is|get|gets) (?:not|never) (?:contacted|called|emailed|texted|messaged|approached|phoned|rung)(?: \S+){0,2}? (?:again|anymore|any more|in future|in the future|going forward)\b"#),
        OptOutPattern("asked_you_to_stop", .negation, #"\b(?:ask|asking|asked|told|tell|telling|request|requesting|requested|begging|beg)(?: you)? to stop(?: now| already| please| it| this)?(?= [.?,"]| *$)|\b(?:want|need) you to stop(?: now| already| please| it| this)?(?= [.?,"]| *$)|\byou can stop(?: now| here| there| already)?(?= [.?,"]| *$)"#),
        OptOutPattern("want_to_be_removed", .negation, #"\b(?:like|want|wish|ask|asking|request|requesting|need) to be (?:removed|unsubscribed|taken off|deleted|opted_out)\b(?! from (?:our|their|his|her)\b)|\bplease (?:have|get) (?:me|us) (?:removed|unsubscribed|taken off)\b|\bmark (?:me|us|this \S+|my \S+) as (?:dnc|do not contact|do not call|unsubscribed|opted_out)\b"#),
        OptOutPattern("please_remove", .negation, #"\b(?:please|just|kindly) (?:remove|unsubscribe|delete)(?= [.?,"]| *$)|\btake (?:me|us|her|him|them|(?:my|our) \S+(?: \S+)?) off(?: (?:pls|please|now|thanks|thx|asap|too|as well))?(?= [.?,"]| *$)|\bleave (?:me|us) be\b"#),
        OptOutPattern("do_not_send_more", [.otherPeople, .redirect], #"\b(?:don't|do not|never|no need to|please not)(?: \S+){0,2}? send (?:me |us )?(?:any (?:more |further )?|more |further |additional )(?:\S+ )?(?:information|info|materials?|offers|deals|content|literature|stuff|updates|things)\b"#),
        OptOutPattern("do_not_sell", [], #"\bdo not sell (?:or share )?my\b|\bopt_out of the (?:sale|sharing)\b"#),
        OptOutPattern("add_to_dnc", [], #"\b(?:add|put|place|list|pop|stick) (?:me|us|this number|my number|my \S+|this \S+|our \S+)(?: \S+){0,3}? (?:to|on|in) (?:your|the)(?: \S+){0,3}? dnc\b"#),
    ] + OptOutRules.languages

    /// Legal requests that only count in the writer's own voice (not `how do you handle
    /// Article 17 requests?`).
    static let firstPersonLegal = OptOutPattern("data_rights", [], #"\b(?:erasure|right to be forgotten|article 17|article 21|right to object|i object to)\b"#)
    static let firstPerson = OptOutPattern("first_person", [], #"\b(?:i|my|me|i'm|i am|this message|this is)\b"#)
    static let questionStart = OptOutPattern("question_start", [], #"^ *(?:how|can|could|do|does|did|is|are|will|would|what|when|where|which|why|should|if a|if someone|when a|when someone)\b"#)
    static let other = OptOutPattern("other_people", [], L.otherPeople)
    /// Enabling words before a cue: the sentence is about what others can do (`our patients
    /// must be able to unsubscribe`), a feature, even when it is not a question.
    static let enabling = OptOutPattern("enabling", [], #"\b(?:able to|allow|allows|allowed to|let|lets|enable|enables|possible for|a way for)\b"#)
    static let firstPersonObject = OptOutPattern("first_person_object", [], #"\b(?:me|my|us|myself)\b"#)
    static let negation = OptOutPattern("negation", [], L.negationBefore)
    static let redirect = OptOutPattern("redirect", [], L.redirect)
    static let repeatedRequest = OptOutPattern("repeated_request", [], #"\b(?:what part of|i said|i told you|i've said|how many times)\b"#)
    static let engagement = OptOutPattern("engagement", [], L.engagement)
    /// Words that make a do-not-contact request explicit even beside another channel
    /// (`just email. dont text this number anymore`).
    static let explicitStop = OptOutPattern("explicit_stop", [], #"\b(?:anymore|any more|ever again|this number|no more)\b"#)
    /// A message that carries on an opt-out just made: `and the email list`, `also ...`.
    static let continuation = OptOutPattern("continuation", [], #"^ *(?:and|also|plus|oh and|same for|same with|\+)\b"#)
    /// Asking that a request be confirmed or carried out (read after an opt-out).
    static let confirmation = OptOutPattern("confirmation", [], #"\b(?:confirm|confirmation|make sure|ensure|has been done|have been done|is it done|is that done|done yet)\b"#)
}
