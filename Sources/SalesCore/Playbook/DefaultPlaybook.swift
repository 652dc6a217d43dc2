/// The playbook the agent uses without `--playbook`: a byte-for-byte copy of
/// `policies/playbook.yaml` (a test keeps the two equal), embedded so the agent runs from
/// any directory.
public enum DefaultPlaybook {
    /// The file name reported in errors about the embedded playbook.
    public static let fileName = "<embedded policies/playbook.yaml>"

    public static let yaml = #"""
# Sales playbook: slot and situation vocabulary (one-line descriptions used in prompts),
# the principles the agent can apply, and the selector rules that pick one.
# Format: docs/playbook-format.md. Vocabulary: SPEC §2.1 (slots), §2.2 (situations).
version: 1

slots:
  contact_name: the customer's own name
  contact_role: the customer's job title or role
  company_name: the name of the customer's company
  company_size: company headcount, stage or size words (e.g. '200 people', 'Series B')
  industry: the customer's industry or kind of business (not a word inside a company name)
  current_solution: the tool, vendor or process they use today
  team_size: how many people would use the product
  use_case: what they want to use the product for
  pain_point: the problem they have, in their words
  pain_impact: what the problem costs them (time, money, risk, missed targets)
  desired_outcome: the goal or success measure they want to reach
  budget_signal: a qualitative statement about budget (e.g. 'budget is tight', 'budget approved')
  budget_amount: an explicit money amount or range, with its period if stated
  decision_maker: the person or role who makes the buying decision
  decision_process: the steps to a decision (approval, legal, security review, pilot)
  decision_criteria: what they will judge options on
  stakeholders: other people or groups involved in or affected by the decision
  timeline: when they want to decide or start
  urgency_driver: why now (a deadline, renewal, event or trigger)
  competitors: other vendors named or considered, incl. one used today that would be replaced
  objection: the concern they raise, verbatim; filled only when a concern is actually stated
  buying_signal: words that show intent to buy (contract, onboarding, start date, how to sign up)
  next_step: a proposed or agreed next step (call, demo, trial, proposal, intro)

situations:
  greeting: says hello or opens the conversation, with nothing more substantive
  small_talk: chit-chat or pleasantries unrelated to their needs or buying
  discovery_share: shares facts about their company, needs, pains, plans or past vendors, with no concern against us
  product_question: asks what the product does, how it works or whether it fits a need (not about cost)
  pricing_question: asks about cost, plans, discounts or billing to learn, without objecting
  objection_price: objects to cost, value for money or budget fit, even when voiced via what a manager will think
  objection_timing: says now is not the time because of a timing blocker or a key person being unavailable until a date
  objection_competitor: holds a competitor's offer or claim, or satisfaction with the current vendor, against us
  objection_authority: says they cannot decide alone and need someone else's approval
  objection_need: doubts they need it, or says 'not interested' without asking not to be contacted
  objection_trust: doubts our credibility, security, reliability, claims or track record
  stall: puts things off vaguely with no stated reason ('let me think about it', 'circle back later')
  buying_signal: shows intent to buy (how to start, sign, onboard, contract terms), beyond just asking the price
  confusion: did not understand what we said or is lost (unlike product_question, which is a clear question)
  complaint: is unhappy with us, our product, service or this outreach, without asking to stop
  opt_out: asks not to be contacted, to be removed or to stop; wins over everything else
  goodbye: ends the conversation politely, without asking not to be contacted

principles:
  greet_and_orient:
    summary: Greet warmly, say in a line what you help with, and invite them to share their context.
    source: Sandler — upfront contract / agenda setting
    guidance: >-
      Greet them by name if known, say in one sentence what you can help with, and ask one
      easy open question about what brought them here. Two sentences at most; no feature
      list and no pitch.
    templates:
      - "Hi {contact_name|there}, thanks for reaching out. What prompted you to look at this now?"
      - "Hello {contact_name|there}, happy to help! What would you like to get out of this chat?"
      - "Hi {contact_name|there}, good to meet you. So I can point you to the right things, what are you hoping to improve at {company_name|your company}?"

  rapport_mirror:
    summary: Return the small talk briefly and genuinely, mirror their words, then bridge lightly to their work.
    source: Never Split the Difference (Voss) — mirroring; Carnegie — rapport
    guidance: >-
      Reply to the small talk briefly and genuinely, echoing a word or two of theirs, then
      offer one light question about their work. One or two sentences; do not force the pivot
      or sound scripted.
    templates:
      - "Ha, I hear you. How are things going at {company_name|your end} these days?"
      - "That sounds nice. Out of curiosity, what's keeping {company_name|your team} busy this quarter?"
      - "Fair enough! Whenever you're ready, I'd love to hear what you're working on."

  spin_situation_question:
    summary: Ask one focused question about the facts still missing (current tool, team, use case).
    source: SPIN Selling (Rackham, 1988) — situation questions
    guidance: >-
      Ask one question about the most important fact you still lack for fit: what they use
      today, who would use it, or what for. Never ask about something they already told you,
      and use situation questions sparingly; move on to problems soon.
    templates:
      - "To get a picture of your setup, how do you handle {use_case|this} today?"
      - "How many people at {company_name|your company} would be working with this day to day?"
      - "What are you using for {use_case|this} at the moment: a tool, spreadsheets, or something built in-house?"

  spin_problem_question:
    summary: Ask about the difficulty behind what they just shared (SPIN problem question).
    source: SPIN Selling (Rackham, 1988) — problem questions
    guidance: >-
      Acknowledge what they shared in a few words, then ask one open question about what makes
      it hard or unsatisfying today. No pitch yet and no leading question that assumes a problem
      they have not hinted at.
    templates:
      - "Thanks for walking me through that. What makes {use_case|this} hardest for {company_name|your team} today?"
      - "Got it. What frustrates you most about {current_solution|the current setup}?"
      - "If you could fix one thing about how this works today, what would it be?"

  spin_implication_question:
    summary: Explore what the stated problem costs them and who else it affects (SPIN implication question).
    source: SPIN Selling (Rackham, 1988) — implication questions
    guidance: >-
      Ask one question about the consequences of the problem they named: time, money, risk,
      missed goals, or knock-on effects on other people. Use their own words and never
      exaggerate or put numbers in their mouth.
    templates:
      - "When that happens, what does it cost {company_name|the team}, in hours, deals or headaches?"
      - "Who else at {company_name|the company} feels the effect when that goes wrong?"
      - "If nothing changes over the next few months, what does that mean for {company_name|you}?"

  spin_need_payoff_question:
    summary: Let them state, in their own words, the value of solving the problem (SPIN need-payoff question).
    source: SPIN Selling (Rackham, 1988) — need-payoff questions
    guidance: >-
      Ask one positive question that invites them to say what solving the problem would be worth
      or free up for them. Keep it specific to the pain and impact they described; do not pitch
      features yet.
    templates:
      - "If that problem went away, what would it free up for {company_name|your team}?"
      - "Suppose that cost were cut in half. What would that be worth to {company_name|you}?"
      - "What would it mean for {company_name|you} if this simply worked the way it should?"

  answer_then_ask:
    summary: Answer the product question directly first, then ask one question that ties it to their use.
    source: Consultative selling — answer first, then qualify (Rackham, Major Account Sales Strategy)
    guidance: >-
      Answer the question directly and honestly in one or two sentences; if it is not supported
      or you do not know, say so plainly. Then ask one short question linking the answer to their
      use case. Never bury the answer in a pitch.
    templates:
      - "Good question, and I'll make sure you get a precise answer. So I cover the right detail, how would {company_name|your team} use it day to day?"
      - "Happy to cover that. Which part matters most for {use_case|what you have in mind}, so I can go into the relevant detail?"
      - "Thanks for asking; the honest answer depends a little on your setup. Is this mainly for {use_case|day-to-day work}, or something broader?"

  value_before_price:
    summary: Answer the price question openly, anchored on the value and scope they need.
    source: Value-based selling — establish value before price
    guidance: >-
      Do not dodge: say honestly how pricing works (what it scales with) if known, then ask one
      question about scope (users, use case, outcome) so the figure fits. Never quote invented
      numbers; two or three sentences.
    templates:
      - "Happy to talk price; it depends on scope, so I'd rather give you a real number than a vague one. Roughly how many people would use it at {company_name|your company}?"
      - "Fair question. To quote something that fits, what would you mainly use it for, and for about how many people?"
      - "Sure. So the number actually makes sense for {company_name|your team}, what would a good outcome look like for you?"

  fit_to_budget:
    summary: When they have shared a budget, answer the price question in terms of what fits within it.
    source: Solution Selling (Bosworth) — aligning scope to budget
    guidance: >-
      Acknowledge the budget they gave, say plainly whether and how an option could fit it or
      what would have to change, and ask one question to confirm scope. Be honest when it does
      not fit; never pretend or invent discounts.
    templates:
      - "Thanks for being open about the budget, that helps. Which parts matter most to have from day one, so I can shape an option to fit?"
      - "A budget of {budget_amount|that size} is useful to know. Would you rather start smaller and grow, or cover everyone at once?"
      - "Shall I put together an option that fits {budget_amount|what you have in mind}, so you can compare it side by side?"

  label_the_concern:
    summary: Name the concern back calmly (tactical empathy) and invite them to say more, without rebutting.
    source: Never Split the Difference (Voss) — labelling / tactical empathy
    guidance: >-
      Label the concern in their words ("It sounds like...", "It seems...") without defending,
      rebutting or saying "but", then ask one open question inviting them to say more. Two
      sentences at most; no pitch.
    templates:
      - "It sounds like that's a real concern for you. What's driving it?"
      - "It seems something here doesn't sit right yet. What would need to be true for this to make sense for {company_name|you}?"
      - "Fair enough; it sounds like you want to be sure this is worth it before going further. What's weighing on you most?"

  reframe_value:
    summary: Shift the comparison from price to the cost of the problem and the outcome they want.
    source: The Challenger Sale (Dixon & Adamson) — reframe
    guidance: >-
      Make one reframe that weighs the price against what the problem costs them today and the
      outcome they want, using their own pain and impact words if captured, then ask one
      question. Do not argue, belittle the concern or invent ROI figures.
    templates:
      - "Totally fair to look hard at cost. Set against what the current problem costs you each month, how does it compare?"
      - "Price matters, and so does what you get back. If it got you to {desired_outcome|the outcome you're after}, what would that be worth to {company_name|you}?"
      - "Fair point. Would it help to put the cost next to the time you spend on {current_solution|the current approach} today?"

  risk_reversal:
    summary: Lower the risk of saying yes with a small pilot, trial, phased start or clear exit.
    source: Risk reversal (pilot, trial, guarantee)
    guidance: >-
      Offer one concrete way to lower their risk, such as a small pilot, a trial with success
      criteria, a phased start or an easy exit, and ask if it would help. Only offer what the
      company actually provides; never promise guarantees, refunds or terms you cannot confirm.
    templates:
      - "What if we started with a small pilot for {team_size|a few people}, so you can see results before committing?"
      - "To take the risk off your side, we could start small and only expand if it proves itself. Would that work for {company_name|you}?"
      - "Would a short trial with clear success criteria make this an easier call?"

  social_proof:
    summary: Share how similar companies handled the same concern and offer a reference.
    source: Cialdini (Influence) — social proof
    guidance: >-
      Say in general terms how companies like theirs (industry, size, situation) handled the
      same concern, and offer a case study or reference call. Never invent customer names,
      numbers or results; one or two sentences, then a question.
    templates:
      - "Teams in {industry|a similar position} often raised the same point, and I can share how they approached it. Would a case study or a reference call help?"
      - "Many teams we talk to also weighed us against {competitors|other options} before deciding. Want me to share what they looked at?"
      - "Would it help to speak with a customer of a similar size to {company_name|yours}?"

  clarify_and_simplify:
    summary: Own the unclear explanation, restate it plainly, and check understanding.
    source: Made to Stick (Heath & Heath) — curse of knowledge; plain language
    guidance: >-
      Apologise lightly for being unclear, restate the last point in one plain sentence with no
      jargon, and check understanding with a simple yes/no or either/or question. Under three
      short sentences; add no new information.
    templates:
      - "Sorry, I wasn't clear. Which part should I explain differently?"
      - "Let me put that more simply. Which bit lost you, so I can explain just that part?"
      - "My fault for the jargon: in short, the goal is to make {use_case|this} easier for {company_name|your team}. Want me to go through it step by step?"

  apologize_and_own:
    summary: Apologise sincerely, take ownership without excuses, and ask what would put it right.
    source: Service recovery — LAST (listen, apologise, solve, thank)
    guidance: >-
      Apologise sincerely and specifically, take ownership without excuses or blaming others,
      and say what you will do next or ask what would make it right. Two or three sentences;
      no selling in the same reply.
    templates:
      - "I'm really sorry about that, {contact_name|and thanks for telling me}. That's on us; what would put this right for you?"
      - "You're right to raise it, and I apologise. I'll look into what happened; what would be the most helpful outcome for you?"
      - "That shouldn't have happened, and I'm sorry. Can you tell me a bit more so I can fix it properly?"

  identify_decision_process:
    summary: Acknowledge others need to weigh in, then learn who decides, the steps and the criteria.
    source: MEDDIC — decision process and economic buyer
    guidance: >-
      Acknowledge that others need to be involved, then ask how a decision like this gets made:
      who signs off, which steps (security, legal, pilot) and on what criteria. One or two
      questions at most; offer to help with the internal conversation and never go around them.
    templates:
      - "Makes sense to bring others in. How do decisions like this usually get made at {company_name|your company}: who signs off, and what steps are involved?"
      - "Of course. What would the person who signs off want to see to feel comfortable?"
      - "Totally understand. Would it help if I put together a short summary you can share internally?"

  create_urgency_honestly:
    summary: Tie timing to their own stated deadline or driver and the cost of delay; never invent urgency.
    source: Honest urgency — cost of delay (no false scarcity; cf. Cialdini — scarcity)
    guidance: >-
      Connect the timing to the deadline, renewal or goal date they gave and what a delay would
      cost them, using only facts they stated. Never invent deadlines, expiring discounts or
      scarcity, and leave the decision clearly with them.
    templates:
      - "No pressure from me. You mentioned {timeline|a target date}; working back from that, when would you need to start to be ready?"
      - "Given {urgency_driver|the deadline you mentioned}, would it make sense to line things up now so you're not squeezed later?"
      - "Totally your call on timing. What would waiting another quarter cost {company_name|you}, if anything?"

  trial_close:
    summary: Check readiness with a soft question about fit or going ahead, reflecting their signal.
    source: Trial close (consultative selling)
    guidance: >-
      Reflect the buying signal they gave and check readiness with one soft, open question about
      fit or going ahead ("How does this look so far?", "Would this work for your team?"). No
      hard close and no pressure; one or two sentences.
    templates:
      - "It sounds like this could fit. How does it look for {company_name|your team} so far?"
      - "Glad that's landing. If the details check out, would you want to get {team_size|the team} started {timeline|soon}?"
      - "From what you've said, is there anything that would stop you going ahead?"

  next_step_proposal:
    summary: Propose one small, specific next step (or confirm the agreed one), with an easy out.
    source: SPIN Selling (Rackham, 1988) — advances / next-step commitment
    guidance: >-
      Propose one specific, small next step (short call, demo, trial setup, summary for a
      colleague) with a suggested time, or confirm the one already agreed. Make it easy to say
      no or choose another option; one or two sentences.
    templates:
      - "Would a short call next week work to go through this properly? If not, I'm happy to send a summary instead."
      - "Shall we lock in {next_step|a short demo}? Happy to work around your calendar."
      - "A simple next step could be a quick walkthrough for {team_size|a couple of your people}. Would that be useful, or would you rather take it from here yourself?"

  graceful_exit:
    summary: Confirm they will not be contacted again, thank them, and stop; no pitch.
    source: Respectful opt-out (consent-based outreach; CAN-SPAM / GDPR practice)
    guidance: >-
      Confirm plainly that they have been removed and will not be contacted again, thank them
      briefly, and stop. One or two sentences; no pitch, no questions, no offers and no attempt
      to change their mind.
    templates:
      - "Understood, {contact_name|and thanks for letting me know}. I've removed you and you won't hear from us again."
      - "Of course. You won't be contacted again; thanks for your time."
      - "No problem at all. I've taken you off our list and we won't reach out again."

  warm_goodbye:
    summary: Thank them, recap any agreed next step, and say goodbye warmly.
    source: Peak-end rule (Kahneman) — end on a good note
    guidance: >-
      Thank them, recap the agreed next step if there is one, and say goodbye warmly. One or two
      sentences; no new questions and no pitch.
    templates:
      - "Thanks for your time, {contact_name|and have a great day}!"
      - "Great talking with you. Looking forward to {next_step|staying in touch}; take care!"
      - "Take care, {contact_name|and thanks again}. Have a good rest of your day!"

  open_question:
    summary: Acknowledge what they said and ask one open question that moves toward their goals.
    source: Open-ended questioning (consultative selling)
    guidance: >-
      Acknowledge what they said in a few words and ask one open what/how question that moves
      toward their goals or problems. Do not pitch or assume; keep it short.
    templates:
      - "Thanks, that's helpful. What would you like to focus on?"
      - "Got it. What's most important for {company_name|you} right now?"
      - "Tell me a bit more. What would make this conversation worthwhile for you?"

  feel_felt_found:
    summary: Empathise, normalise the doubt with how others felt, and share what they found, in general terms.
    source: Feel-felt-found (classic objection handling)
    guidance: >-
      Show you understand how they feel, say others in a similar position felt the same, and
      share what they found, in general terms only with no invented names or numbers. Two or
      three sentences ending in a light question; vary the wording so it never sounds scripted.
    templates:
      - "I understand; others in {industry|your position} felt the same at first and found a small start answered most of their doubts. Would that be worth a look?"
      - "That's a fair way to feel; plenty of teams we speak to felt the same until they saw something concrete. Would a quick example help?"
      - "I get it; many people felt that way before trying it and found it easier to judge with real data. Want me to share an example?"

rules:
  # --- hard exits and conversation control -------------------------------------------
  - name: opt-out-ends-outreach
    priority: 100
    when: {situation: opt_out}
    choose: [graceful_exit]
  - name: goodbye
    priority: 95
    when: {situation: goodbye}
    choose: [warm_goodbye, next_step_proposal]
  - name: complaint
    priority: 90
    when: {situation: complaint}
    choose: [apologize_and_own, clarify_and_simplify, next_step_proposal]
  - name: confusion
    priority: 85
    when: {situation: confusion}
    choose: [clarify_and_simplify, answer_then_ask]

  # --- objections: persistent resistance -> easy next step with an out -----------------
  - name: persistent-resistance
    priority: 75
    when:
      situation: [objection_price, objection_timing, objection_competitor, objection_need, objection_trust]
      resistance_min: 3
    choose: [next_step_proposal, risk_reversal, label_the_concern]

  # --- objections: repeated (second objection turn) ------------------------------------
  - name: repeated-price-objection
    priority: 70
    when: {situation: objection_price, resistance_min: 2}
    choose: [risk_reversal, reframe_value, next_step_proposal]
  - name: repeated-competitor-or-trust-objection
    priority: 70
    when: {situation: [objection_competitor, objection_trust], resistance_min: 2}
    choose: [social_proof, risk_reversal, next_step_proposal]
  - name: repeated-need-objection
    priority: 70
    when: {situation: objection_need, resistance_min: 2}
    choose: [next_step_proposal, feel_felt_found]
  - name: repeated-timing-objection
    priority: 70
    when: {situation: objection_timing, resistance_min: 2}
    choose: [next_step_proposal, risk_reversal]

  # --- objections: first time -> label / empathy first --------------------------------
  - name: authority-process-unknown
    priority: 62
    when: {situation: objection_authority, missing: [decision_process]}
    choose: [identify_decision_process, label_the_concern]
  - name: authority-process-known
    priority: 60
    when: {situation: objection_authority}
    choose: [next_step_proposal, identify_decision_process]
  - name: first-price-objection
    priority: 60
    when: {situation: objection_price}
    choose: [label_the_concern, reframe_value]
  - name: first-competitor-objection
    priority: 60
    when: {situation: objection_competitor}
    choose: [label_the_concern, social_proof]
  - name: first-trust-objection
    priority: 60
    when: {situation: objection_trust}
    choose: [label_the_concern, social_proof, feel_felt_found]
  - name: first-need-objection
    priority: 60
    when: {situation: objection_need}
    choose: [label_the_concern, feel_felt_found, spin_problem_question]
  - name: timing-objection-with-driver
    priority: 61
    when: {situation: objection_timing, has: [urgency_driver]}
    choose: [label_the_concern, create_urgency_honestly]
  - name: first-timing-objection
    priority: 60
    when: {situation: objection_timing}
    choose: [label_the_concern, next_step_proposal]

  # --- buying signals -------------------------------------------------------------------
  - name: buying-signal-next-step-known
    priority: 52
    when: {situation: buying_signal, has: [next_step]}
    choose: [next_step_proposal, trial_close]
  - name: buying-signal-timeline-known
    priority: 51
    when: {situation: buying_signal, has: [timeline]}
    choose: [next_step_proposal, trial_close]
  - name: buying-signal
    priority: 50
    when: {situation: buying_signal}
    choose: [trial_close, next_step_proposal]

  # --- stalls: honest urgency only when they gave a reason to move ----------------------
  - name: stall-with-urgency-driver
    priority: 46
    when: {situation: stall, has: [urgency_driver]}
    choose: [create_urgency_honestly, next_step_proposal]
  - name: stall-with-timeline
    priority: 45
    when: {situation: stall, has: [timeline]}
    choose: [create_urgency_honestly, next_step_proposal]
  - name: stall
    priority: 44
    when: {situation: stall}
    choose: [next_step_proposal, label_the_concern]

  # --- pricing questions ----------------------------------------------------------------
  - name: pricing-with-budget-amount
    priority: 42
    when: {situation: pricing_question, has: [budget_amount]}
    choose: [fit_to_budget, value_before_price]
  - name: pricing-with-budget-signal
    priority: 41
    when: {situation: pricing_question, has: [budget_signal]}
    choose: [fit_to_budget, value_before_price]
  - name: pricing-question
    priority: 40
    when: {situation: pricing_question}
    choose: [value_before_price, answer_then_ask]

  # --- product questions ----------------------------------------------------------------
  - name: product-question
    priority: 35
    when: {situation: product_question}
    choose: [answer_then_ask, social_proof, open_question]

  # --- discovery: SPIN sequence driven by what is still missing -------------------------
  - name: early-discovery-no-setup
    priority: 30
    when: {situation: discovery_share, turn_max: 2, missing: [pain_point, current_solution]}
    choose: [spin_situation_question, spin_problem_question]
  - name: discovery-without-pain
    priority: 28
    when: {situation: discovery_share, missing: [pain_point]}
    choose: [spin_problem_question, spin_situation_question]
  - name: discovery-pain-without-impact
    priority: 27
    when: {situation: discovery_share, has: [pain_point], missing: [pain_impact]}
    choose: [spin_implication_question, spin_problem_question]
  - name: discovery-impact-without-outcome
    priority: 26
    when: {situation: discovery_share, has: [pain_point, pain_impact], missing: [desired_outcome]}
    choose: [spin_need_payoff_question, spin_implication_question]
  - name: discovery-qualified
    priority: 24
    when: {situation: discovery_share, has: [pain_point, pain_impact, desired_outcome]}
    choose: [next_step_proposal, identify_decision_process, trial_close]

  # --- openings -------------------------------------------------------------------------
  - name: greeting
    priority: 20
    when: {situation: greeting}
    choose: [greet_and_orient, rapport_mirror, open_question]
  - name: small-talk
    priority: 15
    when: {situation: small_talk}
    choose: [rapport_mirror, spin_situation_question, open_question]

  - name: default
    priority: 0
    when: {}
    choose: [open_question, next_step_proposal]

"""#

    /// The embedded playbook, parsed.
    public static func load() throws -> Playbook {
        try PlaybookLoader.parse(yaml: yaml, file: fileName)
    }
}
