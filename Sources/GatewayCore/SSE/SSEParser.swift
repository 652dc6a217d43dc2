/// One server-sent event: the `event:` name (if any) and the joined `data:` lines.
public struct SSEEvent: Sendable, Hashable {
    public var event: String?
    public var data: String

    public init(event: String? = nil, data: String) {
        self.event = event
        self.data = data
    }
}

/// An incremental parser for `text/event-stream` bodies. Feed it bytes as they arrive in
/// any chunking; it returns each event once its terminating blank line has been seen.
/// Handles `\n`, `\r\n` and `\r` line ends, comments and multi-line `data:`.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var eventName: String?
    private var dataLines: [String] = []
    private var sawData = false
    private var lastWasCR = false

    public init() {}

    /// Feeds bytes; returns the events completed by them. Scans for line ends and copies
    /// the bytes between them in one step (the relay's per-chunk path).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [SSEEvent] {
        var events: [SSEEvent] = []
        var index = 0
        let count = bytes.count
        while index < count {
            if lastWasCR {
                lastWasCR = false
                if bytes[index] == Self.lineFeed {
                    index += 1
                    continue
                }
            }
            var end = index
            while end < count, bytes[end] != Self.lineFeed, bytes[end] != Self.carriageReturn { end += 1 }
            if end > index { line.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<end])) }
            guard end < count else { break }
            lastWasCR = bytes[end] == Self.carriageReturn
            if let event = endLine() { events.append(event) }
            index = end + 1
        }
        return events
    }

    /// Feeds bytes from any sequence (copied once into contiguous storage).
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
        let contiguous = Array(bytes)
        return contiguous.withUnsafeBytes { feed($0) }
    }

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// True when bytes of an unfinished event are buffered.
    public var hasPartialEvent: Bool {
        !line.isEmpty || sawData || eventName != nil
    }

    private mutating func endLine() -> SSEEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            guard sawData else {
                eventName = nil
                return nil
            }
            let data = dataLines.count == 1 ? dataLines[0] : dataLines.joined(separator: "\n")
            let event = SSEEvent(event: eventName, data: data)
            eventName = nil
            dataLines.removeAll(keepingCapacity: true)
            sawData = false
            return event
        }
        if line.first == UInt8(ascii: ":") { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let field = line[..<colon]
        if field.elementsEqual("data".utf8) {
            dataLines.append(String(decoding: line[valueStart...], as: UTF8.self))
            sawData = true
        } else if field.elementsEqual("event".utf8) {
            eventName = String(decoding: line[valueStart...], as: UTF8.self)
        }
        return nil
    }
}
