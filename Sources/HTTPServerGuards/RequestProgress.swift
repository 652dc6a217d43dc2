/// Outbound user events the part-level handler sends down the pipeline to the byte-level
/// one, so its timers know when a request's head is complete, when the request ended and
/// when its response did.
enum RequestProgress: Sendable {
    case headReceived
    case requestEnded
    case responseEnded
}
