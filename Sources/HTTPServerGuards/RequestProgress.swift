/// Outbound user events the part-level handler sends down the pipeline to the byte-level
/// one, so the head timer knows when a request's head is complete and when it ended.
enum RequestProgress: Sendable {
    case headReceived
    case requestEnded
}
