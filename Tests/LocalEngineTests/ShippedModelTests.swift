import Foundation
import LocalEngine
import SalesCore
import Testing
import TestSupport

@Suite("Shipped local model")
struct ShippedModelTests {
    @Test("the model compiled into the binary is the one in policies/local-model.json")
    func embeddedEqualsFile() throws {
        let file = try LocalModel.load(path: Fixtures.path("policies/local-model.json"))
        #expect(!file.features.isEmpty, "the shipped model is trained")
        #expect(LocalModel.shipped == file, "regenerate both with `swift run sales-agent train-local`")
    }

    @Test("training is deterministic: the dev split reproduces the shipped model")
    func trainingReproducesShippedModel() async throws {
        let turns = try Fixtures.devTurns()
        // About a minute of CPU in a debug build: off the cooperative pool (see onOwnThread).
        let model = try await onOwnThread { LocalTrainer.train(turns, embedder: SharedEmbedder.instance) }
        #expect(model == LocalModel.shipped)
    }

    @Test("the trainer refuses the test split, the style-shift set and the held-out set", arguments: ["golden/test.jsonl", "golden/shift.jsonl", "golden/heldout-b.jsonl"])
    func refusesHeldOutFiles(_ file: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("local-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: LocalModelError.self) {
            _ = try LocalTrainer.trainAndWrite(
                devPaths: [Fixtures.path(file)], modelPath: folder.appendingPathComponent("m.json").path,
                swiftPath: folder.appendingPathComponent("m.swift").path)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path), "nothing is written")
    }

    @Test("a corrupt model file is an error naming the file")
    func corruptModelFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-model-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"version": 1, "labels": ["#.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try LocalModel.load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(path), "\(error)")
        }
    }
}

@Suite("Local engine behaviour")
struct LocalEngineBehaviourTests {
    let engine: LocalEngine

    init() throws {
        engine = LocalEngine(model: .shipped, playbook: try Playbooks.shipped(), embedder: SharedEmbedder.instance)
    }

    @Test(
        "money is captured verbatim however it is written",
        arguments: [
            ("Our budget is $20k for this.", "$20k"),
            ("We could spend 20,000 dollars a year.", "20,000 dollars"),
            ("Probably around 15-20k per year.", "15-20k per year"),
        ])
    func money(_ message: String, _ expected: String) {
        let value = engine.capture(message: message, context: SlotValues())[.budgetAmount]
        #expect(value.map { $0.contains(expected) || expected.contains($0) } == true, "\(value ?? "nil")")
        if let value { #expect(message.contains(value)) }
    }

    @Test("every captured value on the dev split is a verbatim substring of its message")
    func capturedValuesAreQuotes() async throws {
        let turns = try Fixtures.devTurns()
        let engine = engine
        let notQuoted = try await onOwnThread {
            turns.flatMap { turn in
                engine.capture(message: turn.message, context: turn.context).entries
                    .filter { !turn.message.contains($0.value) }
                    .map { "\(turn.id): \($0.slot.rawValue)=\($0.value)" }
            }
        }
        #expect(notQuoted.isEmpty, "\(notQuoted.joined(separator: "\n"))")
    }

    @Test("clear messages get the situation a salesperson would name")
    func clearSituations() {
        let cases: [(String, Situation)] = [
            ("Please stop contacting me and remove me from your list.", .optOut),
            ("How much does the pro plan cost per seat?", .pricingQuestion),
            ("Hi there!", .greeting),
        ]
        for (message, expected) in cases {
            let detection = engine.detect(message: message, context: SlotValues(), history: [])
            #expect(detection.situation == expected, "\(message) → \(detection.situation.rawValue)")
            #expect((0...1).contains(detection.confidence))
        }
    }

    @Test("replies fill known slots and read naturally without them")
    func replies() throws {
        let playbook = try Playbooks.shipped()
        for principle in playbook.principles {
            let bare = engine.reply(principle: principle, context: SlotValues(), turn: 0)
            #expect(!bare.contains("{") && !bare.contains("}"), "\(principle.name): \(bare)")
            #expect(!bare.isEmpty)
        }
        let withName = playbook.principles.first { $0.templates.contains { $0.slots.contains(.contactName) } }
        if let withName {
            let turn = withName.templates.firstIndex { $0.slots.contains(.contactName) } ?? 0
            let reply = engine.reply(principle: withName, context: SlotValues([.contactName: "Dana"]), turn: turn)
            #expect(reply.contains("Dana"), "\(reply)")
        }
    }
}
