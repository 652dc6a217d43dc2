import Foundation
import SalesCore
import Testing

@Suite("The golden set")
struct GoldenFilesTests {
    static let folder = policiesFolder.deletingLastPathComponent().appendingPathComponent("golden")

    static func load(_ name: String) throws -> [GoldenTurn] {
        try GoldenFile.load(path: folder.appendingPathComponent(name).path)
    }

    @Test func filesParseWithKnownNamesAndVerbatimValues() throws {
        for name in ["dev.jsonl", "test.jsonl"] {
            let turns = try Self.load(name)
            #expect(!turns.isEmpty)
            for turn in turns {
                for (slot, value) in turn.slots {
                    #expect(turn.message.contains(value), "\(name) \(turn.id): \(slot.rawValue)=\"\(value)\" is not in the message")
                    #expect(!value.isEmpty)
                }
                #expect(turn.id == "\(turn.conversation ?? "")-t\(turn.turn ?? 0)", "\(turn.id)")
            }
            #expect(Set(turns.map(\.id)).count == turns.count, "ids are unique in \(name)")
        }
    }

    @Test func coverageMeetsTheMinimums() throws {
        let turns = try Self.load("dev.jsonl") + Self.load("test.jsonl")
        #expect(Set(turns.compactMap(\.conversation)).count >= 60)
        #expect(turns.count >= 400)
        for situation in Situation.allCases {
            #expect(turns.filter { $0.situation == situation }.count >= 12, "\(situation.rawValue)")
        }
        for slot in Slot.allCases {
            #expect(turns.filter { $0.slots[slot] != nil }.count >= 10, "\(slot.rawValue)")
        }
    }

    @Test func splitIsByConversation() throws {
        let dev = Set(try Self.load("dev.jsonl").compactMap(\.conversation))
        let test = Set(try Self.load("test.jsonl").compactMap(\.conversation))
        #expect(dev.isDisjoint(with: test))
        #expect(!test.isEmpty)
    }

    @Test func historyAndContextFollowTheConversation() throws {
        let turns = try Self.load("dev.jsonl") + Self.load("test.jsonl")
        for (_, conversation) in Dictionary(grouping: turns, by: { $0.conversation ?? "" }) {
            let ordered = conversation.sorted { ($0.turn ?? 0) < ($1.turn ?? 0) }
            var context = SlotValues()
            for (index, turn) in ordered.enumerated() {
                #expect(turn.turn == index + 1, "\(turn.id)")
                #expect(turn.history.count == 2 * index, "\(turn.id)")
                #expect(turn.context == context, "\(turn.id): context is the earlier slots merged")
                context = context.merging(turn.slots)
            }
        }
    }

    @Test func simScriptAnswersGenerateWithTheGoldReply() throws {
        let turns = try Self.load("dev.jsonl").filter { $0.conversation == "c001" }
        let lines = SimScript.lines(for: turns).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String] }
        #expect(lines.count == 3 * turns.count)
        let first = try #require(turns.first { $0.turn == 1 })
        let second = try #require(turns.first { $0.turn == 2 })
        let generate = try #require(lines.first { $0["tag"] == "generate" && $0["message"] == first.message })
        #expect(generate["response"] == second.history.last?.text)
        let detect = try #require(lines.first { $0["tag"] == "detect" && $0["message"] == first.message })
        #expect(detect["response"]?.contains(first.situation.rawValue) == true)
    }
}
