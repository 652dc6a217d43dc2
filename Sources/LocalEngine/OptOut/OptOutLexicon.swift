/// Word classes the opt-out rules are written with, as regular-expression alternatives
/// over normalized text (see `OptOutText`).
enum OptOutLexicon {
    /// Who is not to be contacted: the writer, their people, their number or address.
    static let object = #"(?:me|us|myself|him|her|them|both|everyone|anyone|my \S+|our \S+|the (?:\S+ )?\#(workplace)(?! \#(workplace))|\S+ or (?:anyone|anybody)(?: else)?|(?:any|all|either|both|none) of (?:us|them|(?:my|our) \S+)|this (?:number|address|email|inbox|phone|line|account|mailbox|contact))"#
    /// A time limit after a contact verb (`didn't call during Mass`): a preference, not an end.
    static let noTimeLimit = #"(?!(?: \S+){0,4}? (?:until|till|til|before|during|after|today|tonight|tomorrow|this (?:week|morning|afternoon|evening|month)|on (?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?)|at (?:night|work|lunch)|in the (?:morning|evening|afternoon)s?|so early|so late|without)\b)"#
    /// The customer's workplace as a thing not to call (`stop phoning the office`).
    static let workplace = #"(?:office|front desk|school|clinic|practice|shop|store|house|reception|switchboard|landline|mill|yard|farm|warehouse|depot|garage|hotel|restaurant|kennel|church|gym|salon|dispatch)"#
    /// Contact verbs, base form.
    static let verb = #"(?:contact|email|mail|call|phone|ring|text|message|write|sms|dm|whatsapp|ping|reach_out|follow_up|spam|pester|harass|bug|bother|disturb|solicit|voicemail|send|approach|cold call)"#
    /// Contact verbs that need no object to be a request (`do not call.`).
    static let coreVerb = #"(?:contact|email|call|phone|text|message|write|reach_out|follow_up|ping|dm)"#
    /// Contact verbs, -ing form, as they follow `stop`.
    static let gerund = #"(?:contacting|faxing|visiting|posting (?:me|us)|emailing|calling|dialing|dialling|phoning|ringing|texting|messaging|writing|dming|pinging|reaching_out|following_up|bothering|disturbing|spamming|pestering|harassing|bugging|hounding|soliciting|chasing|cold calling|cold emailing|leaving (?:me |us )?voicemails|adding (?:me|us|my \S+)|hitting (?:me|us) up|blowing up my (?:phone|inbox|cell)|mailing (?:me|us|brochures|things|stuff|flyers))"#
    /// Sending or receiving something that is itself contact (`sending me InMails`, `receiving these`).
    static let sending = #"(?:sending|send|receiving|receive|mailing)(?:(?: (?:me|us))?(?: (?:any|these|those|this|your|the|all|more|further|such|that|marketing|promotional|sales|automated|unsolicited|cold|weekly|daily))*(?: (?!(?:to|for|from|by|and|or)\b)\S+)?| (?:me|us) (?:the|your|these|those|this|that)(?: \S+){1,5}?) (?:\#(OptOutLexicon.message)|these|them|this stuff|that stuff|stuff|things)\b"#
    /// What may follow a contact gerund in a request (`stop calling me`), as opposed to
    /// a process the customer runs (`stop calling drivers all day`).
    static let afterGerund = #"(?= (?:me|us|my|our|this|him|her|them|it|everyone|anyone|i|i'm|we|we're|both|the \#(workplace)|the \S+'s|again|anymore|already|please|now|immediately|and|or|so|with|on|at|about|to|every|all|like|thanks|thank|too|either|ever|altogether|entirely|completely|forever|for|today|asap|[.?,"])\b| [.?,"]| *$)"#
    /// Things that are contact when they arrive unasked.
    static let message = #"(?:emails?|mails?|messages?|blasts|broadcasts|texts?|sms|calls?|phone calls?|robocalls?|voicemails?|inmails?|dms?|newsletters?|brochures?|mailings?|marketing|promotions?|promos?|spam|follow_ups?|outreach|communications?|correspondence|contact|solicitations?|pitches|advertising|e?mail blasts?|visits|faxes|leaflets|flyers|catalogues|catalogs|postcards|whatsapps|letters|approaches|offers|publicity|promotional material|materials?|junk|crap|invites|invitations|connection requests|robo ?dialers?|auto ?dialers?)"#
    /// Words after a cue that make it a noun about a feature (`unsubscribe links`, `opt_out rate`).
    static let featureNoun = #"(?:platforms?|tools?|software|systems?|services?|apps?|solutions?|vendors?|providers?|clients?|addresses|accounts?|automation|marketing|builder|editor|links?|buttons?|footers?|headers?|rates?|requests?|keywords?|replies|handling|confirmation|process|flow|pages?|options?|settings|features?|mode|lists?|management|tracking|compliance|signal|preferences|forms?|logic|rules?|events?|reasons?|data|status|field|flag|count|numbers|recording|recordings|queue|center|centre|routing|forwarding|logs?|summary|notes|transcripts?|templates?|sequences?|campaigns?|volume|integration|window|history)"#
    /// What one opts out of that is a contract term or a product trial, not contact (`opt out
    /// of the auto-renewal`, `of arbitration`, `of the beta`), when it ends the phrase
    /// (`the beta newsletter` is contact).
    static let nonContactTerm = #"(?:tiers?|plans?|contracts?|agreements?|commitments?|insurance|coverage|warranty|warranties|protection|channels?|subscriptions?|premium|memberships?|\S*renew\S*|\S*upgrade\S*|arbitration|class actions?|beta|betas|trials?|pilots?|telemetry|analytics|cookies|upgrades?|add_?ons?|case stud(?:y|ies)|co_?marketing|co marketing|logos?|testimonials?|references?|\S* ?tracking|add[-_ ]?ons?|(?:photo |media )?releases?|waitlists?|wait lists?|(?:\S+ )?box|(?:\S+ )?boxes|paper (?:statements?|bills?|invoices?|billing|copies)|statements?)(?: (?:features?|programs?|programmes?|versions?|period|plan|clause|terms?))?(?= [.?,]| *$| (?:in|for|on|of|at|with|where|so|and|but|if|because|when|after|before|during)\b)"#
    /// After `unsubscribe`/`opt out`: not a feature noun (`unsubscribe links`) and not a
    /// contract term or trial (`opt out of the auto-renewal`).
    static let notAFeature = #"(?! \#(featureNoun)\b)(?! (?:of|from) (?:the |this |that |any |our |your )?(?:\S+ )?\#(nonContactTerm))(?!(?: \S+){0,8}? (?:and|to) (?:switch|move|change|go|upgrade|downgrade) to\b)"#
    /// What a person's contact details are called.
    static let details = #"(?:no|#|number|email|address|details|data|contact|contacts|info|information|phone|mail id|email id|record|records|file|profile|personal data|personal information)"#
    /// Where a contact is kept: lists, databases, sequences.
    static let container = #"(?:lists?|broadcasts?|texts|calls|messages|mailings|mailing lists?|database|databases|db|systems?|records?|crm|contacts|dialer|sequences?|cadences?|campaigns?|outreach|distribution|files?|directory|register|newsletters?|roster|audience|marketing|everything|emails?|sends|send lists?|(?:call )?sheets?|nurture \S+)"#
    /// Lists of a deal's or an account's roles, not of people to contact (`take Raj off the
    /// contract signatory list`, `out of the approver list`).
    static let notARoleList = #"(?!(?: \S+){0,2}? (?:signator\S*|approv\S*|attendees?|attendance|guests?|invitees?|access|admins?|administrators?|seats?|licen[cs]es?|billing|payroll|shipping|delivery|suppliers?|beneficiar\S*|authori[sz]ed|bus|pickup|pick up|class|team|waiting|wait) (?:lists?|records?|rosters?)\b)"#
    /// Determiners of the agent's own lists (`your list`), never the customer's (`our list`).
    static let theirs = #"(?:your|the|all|any|whatever|this|these|every|all of your|all your|all the|any of your|all of the|ur)"#
    /// People other than the writer and the agent, and systems: a question about them is
    /// about the product.
    static let otherPeople = #"\b(?:users?|customers?|clients?|recipients?|someone|somebody|anyone|people|ppl|leads?|contacts?|prospects?|subscribers?|members?|they|admins?|reps?|agents?|bot|system|tool|platform|dialer|app|software|product|tenants?|patients?|students?|parents?|guests?|donors?|buyers?|shoppers?|visitors?|employees|staff|a contact|a lead)\b"#
    /// A negation governing what follows, with the words allowed in between.
    static let negationBefore = #"(?:don't|do not|never|not|won't|will not|didn't|did not|can't|cannot|wouldn't|no need)(?: (?:ever|even|really|just|want|wanna|need|to|have|going|gonna|you|please|i|ask|asking|take|me|us))* $"#
    /// An alternative offered instead of contact ending.
    static let redirect = #"\b(?:instead(?<!\bwith \S{1,40} instead)(?<!\bwith \S{1,40} \S{1,40} instead)(?<!\bwith \S{1,40} \S{1,40} \S{1,40} instead)|through me|via me|go through me|rather than me|instead of me|(?:i'll|i will|let me) (?:call|ring|text|email|get back to|message) (?:you|u)|best way to (?:reach|contact|get hold of) me|send (?:it|them|things|everything|stuff) (?:straight|directly) to me|works better|work better|is better|are better|is easier|just send|just email|just text|just call|prefer (?:email|text|a call|calls|emails|texts)|keep me posted|(?<!\bdon't )(?<!\bnot )(?<!\bnever )(?:email|text|call|message) me (?:at(?! all\b)|on|instead|later|tomorrow|next|after|in)|use (?:the|my|our) (?:\S+ )?(?:line|number|phone|email|landline|address|inbox|whatsapp)|send (?:everything|it all|it|them|things|stuff|all|info|information) (?:by|via|to) (?:email|e mail|post|mail|my email|my inbox)|switch to (?:email|post|text|texts|whatsapp|letters?)|use (?:email|e mail|text|texts|whatsapp|post|the phone)|(?:email|post|text|whatsapp) (?:is|works) (?:better|fine|ok)|(?:email|text|texts|whatsapp|phone|post) is (?:where|how|the best|best)|(?:mobile|cell|phone|number|email|landline|line|text|inbox|whatsapp|office|work|home)'s (?:better|best)|(?:mobile|cell) only\b|(?:contact|call|email|text|message) me only\b|only (?:contact|call|email|text) me\b|next time (?:please )?(?:text|email|message|ask)|(?:text|email|message) (?:me )?first|(?<!\bdon't )(?<!\bdo not )(?<!\bnot )(?<!\bnever )(?:email|text|whatsapp|message|dm|call|ring) me , (?:but )?(?:don't|do not|not)|(?<!\bdon't )(?<!\bnot )(?<!\bnever )(?:try|ring|call|email|text|message) (?:the|my|our) (?:office|work|landline|other|main|home)(?! (?:again|anymore|any more)\b)|try (?:me |again )?(?:on |next |after |in |tomorrow|later|monday|tuesday|wednesday|thursday|friday)|(?:everything|it all|all (?:contact|communications?|requests?|questions)|it) (?:goes|should go|must go|has to go|needs to go|is routed|gets routed|is handled) through|(?:teams|zoom|slack|webex|google meet) (?:link|call|chat|channel|invite))\b"#
    /// Words that may stand around a bare `stop` without changing it.
    static let intensifiers: Set<String> = [
        "please", "seriously", "just", "for", "the", "love", "of", "god", "oh", "my", "jesus", "christ", "enough", "already",
        "ok", "okay", "now", "i", "said", "all", "right", "damn", "man", "dude", "real", "honestly", "guys", ",", "\"",
        "and", "so", "omg", "ffs", "literally", "stop", "thanks", "thank", "you", "again", "asap", "immediately",
        "really", "sir", "madam", "lord", "kindly", "christ", "hell", "ducking", "freaking", "fricking", "effing", "bloody", "beg", "begging",
    ]
    /// Words that, on their own, ask to stop (SMS keywords and their kin).
    static let keywords: Set<String> = [
        "stop", "unsubscribe", "quit", "end", "cancel", "opt_out", "revoke", "remove", "dnc", "baja", "halt", "arret",
        "stopp", "desabonner", "abmelden", "descadastrar", "cancellami", "unsubscribed", "cease", "desist", "block", "blocked",
    ]
    /// Words that may come with a keyword without changing it.
    static let keywordCompanions: Set<String> = [
        "please", "now", "thanks", "thank", "you", "ok", "okay", "just", "asap", "immediately", "right", "all", "i", "said",
        "already", "again", "me", "\"", ",", "thx", "bye", "ty", "pls", "sir", "svp", "stp", "merci", "bitte", "por", "favor", "danke", "grazie", "gracias", "obrigado",
    ]
    /// What a keyword may name as its object (`cancel messages`, `STOP texts`).
    static let keywordChannels: Set<String> = [
        "messages", "message", "texts", "text", "emails", "email", "msgs", "sms", "calls",
    ]
    /// Words that show the customer wants the conversation to go on.
    static let engagement = #"\b(?:tell me more|go on|keep going|go back|continue|repeat|exactly|what we need|interested in|how much|price|pricing|demo|sounds good|love it|kidding|jk|lol|haha|(?<!\bdon't )(?<!\bnot )(?<!\bnever )(?:try again|resend|re send))\b"#
}
