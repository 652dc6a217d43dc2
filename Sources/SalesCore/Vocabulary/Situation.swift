/// What the customer mainly does in a message (SPEC §2.2).
public enum Situation: String, Sendable, Hashable, CaseIterable, Codable {
    case greeting
    case smallTalk = "small_talk"
    case discoveryShare = "discovery_share"
    case productQuestion = "product_question"
    case pricingQuestion = "pricing_question"
    case objectionPrice = "objection_price"
    case objectionTiming = "objection_timing"
    case objectionCompetitor = "objection_competitor"
    case objectionAuthority = "objection_authority"
    case objectionNeed = "objection_need"
    case objectionTrust = "objection_trust"
    case stall
    case buyingSignal = "buying_signal"
    case confusion
    case complaint
    case optOut = "opt_out"
    case goodbye

    /// True for the six objection kinds; these turns raise the resistance count.
    public var isObjection: Bool {
        switch self {
        case .objectionPrice, .objectionTiming, .objectionCompetitor, .objectionAuthority, .objectionNeed,
            .objectionTrust:
            true
        case .greeting, .smallTalk, .discoveryShare, .productQuestion, .pricingQuestion, .stall, .buyingSignal,
            .confusion, .complaint, .optOut, .goodbye:
            false
        }
    }
}
