/// Why the session manager refused a request. Each case is one problem a client can cause
/// or meet; the HTTP layer maps every case to a status and an error code.
public enum SessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No session has this id.
    case notFound(id: String)
    /// A session with this id already exists.
    case alreadyExists(id: String)
    /// The id is empty, too long or uses characters outside `[A-Za-z0-9._:-]`.
    case invalidID(String)
    /// Another turn of this session is still running.
    case busy(id: String)
    /// The customer opted out: the session takes no more messages.
    case closed(id: String)
    /// The message is empty or only whitespace.
    case emptyMessage

    public var description: String {
        switch self {
        case .notFound(let id): "no session with id '\(id)'"
        case .alreadyExists(let id): "a session with id '\(id)' already exists"
        case .invalidID(let id):
            "invalid session id '\(id.prefix(40))': use 1-\(SessionID.maxLength) characters from A-Z a-z 0-9 . _ : -"
        case .busy(let id): "session '\(id)' is busy with another turn; retry when it has answered"
        case .closed: "session closed for outreach"
        case .emptyMessage: "the message is empty"
        }
    }
}
