import GatewayCore
import Testing

@Suite("SSE parser")
struct SSEParserTests {
    let stream = "event: message_start\ndata: {\"a\":1}\n\n: comment\r\ndata: line1\r\ndata: line2\r\n\r\ndata: [DONE]\n\n"

    @Test func parsesEventsWithNamesCommentsAndMultilineData() {
        var parser = SSEParser()
        let events = parser.feed(Array(stream.utf8))
        #expect(events == [
            SSEEvent(event: "message_start", data: "{\"a\":1}"),
            SSEEvent(event: nil, data: "line1\nline2"),
            SSEEvent(event: nil, data: "[DONE]"),
        ])
        #expect(!parser.hasPartialEvent)
    }

    @Test(arguments: [1, 2, 3, 7, 13])
    func anyChunkingGivesTheSameEvents(chunkSize: Int) {
        var whole = SSEParser()
        let expected = whole.feed(Array(stream.utf8))
        var parser = SSEParser()
        var events: [SSEEvent] = []
        let bytes = Array(stream.utf8)
        var index = 0
        while index < bytes.count {
            let end = min(index + chunkSize, bytes.count)
            events += parser.feed(bytes[index..<end])
            index = end
        }
        #expect(events == expected)
    }

    @Test func unfinishedEventIsReportedAsPartial() {
        var parser = SSEParser()
        #expect(parser.feed(Array("data: {\"half\":".utf8)).isEmpty)
        #expect(parser.hasPartialEvent)
    }

    /// Lone CR line ends, a field with no colon, no space after the colon, unknown fields,
    /// fed through the raw-buffer entry the relay uses, split between a CR and its LF.
    @Test func lineEndsAndFieldFormsThroughRawBuffers() {
        let text = "data:a\rdata\r\revent:e\rid: 7\rdata: b\r\n\r\n"
        let bytes = Array(text.utf8)
        var parser = SSEParser()
        var events: [SSEEvent] = []
        let split = bytes.firstIndex(of: UInt8(ascii: "\n"))!
        bytes[..<split].withUnsafeBytes { events += parser.feed($0) }
        bytes[split...].withUnsafeBytes { events += parser.feed($0) }
        #expect(events == [SSEEvent(event: nil, data: "a\n"), SSEEvent(event: "e", data: "b")])
        #expect(!parser.hasPartialEvent)
    }
}
