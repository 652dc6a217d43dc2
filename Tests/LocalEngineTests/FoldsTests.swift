@testable import LocalEngine
import SalesCore
import Testing

@Suite("Cross-validation folds")
struct FoldsTests {
    static func turn(_ conversation: String, author: String?) -> GoldenTurn {
        GoldenTurn(id: conversation + "-t1", conversation: conversation, message: "hi", situation: .greeting, slots: SlotValues(), author: author)
    }

    @Test("by author: one fold per author, and an author's conversations never straddle folds")
    func byAuthor() {
        let turns = [
            Self.turn("c1", author: "a"), Self.turn("c2", author: "b"), Self.turn("c3", author: "a"), Self.turn("c4", author: "c"),
            Self.turn("c5", author: "b"), Self.turn("c6", author: nil),
        ]
        let (folds, count) = Folds.assign(turns, count: 5, by: .author)
        #expect(count == 4, "a, b, c and the unnamed author")
        #expect(folds[0] == folds[2] && folds[1] == folds[4])
        #expect(Set(folds).count == 4)
    }

    @Test("by conversation: the requested number of folds, whoever wrote them")
    func byConversation() {
        let turns = (1...10).map { Self.turn("c\($0)", author: $0 % 2 == 0 ? "a" : "b") }
        let (folds, count) = Folds.assign(turns, count: 5, by: .conversation)
        #expect(count == 5)
        #expect(Set(folds) == Set(0..<5))
        #expect(folds == Folds.assign(turns, count: 5), "the same folds as before authors were known")
    }

    @Test("golden lines carry their author, and lines without one still load")
    func authorDecodes() throws {
        let text = """
            {"id": "x-t1", "message": "hi", "situation": "greeting", "author": "e"}
            {"id": "y-t1", "message": "hi", "situation": "greeting"}
            """
        let turns = try GoldenFile.parse(text, file: "inline.jsonl")
        #expect(turns.map(\.author) == ["e", nil])
    }
}
