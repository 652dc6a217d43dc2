import Foundation
import SalesCore
import Testing
import YAMLConfig

/// The repository's `policies/` folder, found from this file.
let policiesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("policies")

func loadShippedPlaybook() throws -> Playbook {
    let path = policiesFolder.appendingPathComponent("playbook.yaml").path
    return try PlaybookLoader.parse(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
}

@Suite("Playbook loading and validation")
struct PlaybookTests {
    @Test func shippedPlaybookIsCompleteAndValid() throws {
        let playbook = try loadShippedPlaybook()
        #expect(playbook.slotDescriptions.count == 23)
        #expect(playbook.situationDescriptions.count == 17)
        #expect(playbook.principles.count >= 18)
        #expect(playbook.rules.count >= 20)
        #expect(playbook.principle(named: Playbook.gracefulExit) != nil)
        for principle in playbook.principles {
            #expect(principle.templates.count >= 2, "\(principle.name)")
            for template in principle.templates {
                // Every template reads without any slot captured: no braces, no empty gaps.
                let bare = template.render(SlotValues())
                #expect(!bare.contains("{") && !bare.contains("  "), "\(principle.name): \(bare)")
            }
        }
        let covered = Set(playbook.rules.compactMap(\.condition.situations).flatMap { $0 })
        #expect(covered == Set(Situation.allCases))
    }

    @Test func embeddedPlaybookIsTheFileInPolicies() throws {
        let file = policiesFolder.appendingPathComponent("playbook.yaml")
        #expect(try String(contentsOf: file, encoding: .utf8) == DefaultPlaybook.yaml)
        #expect(try DefaultPlaybook.load() == loadShippedPlaybook())
    }

    static let minimal = """
        slots:
        \(Slot.allCases.map { "  \($0.rawValue): d" }.joined(separator: "\n"))
        situations:
        \(Situation.allCases.map { "  \($0.rawValue): d" }.joined(separator: "\n"))
        principles:
          graceful_exit:
            summary: s
            guidance: g
            templates: ["Bye {contact_name|there}.", "Done."]
          open_question:
            summary: s
            guidance: g
            templates: ["What matters most to {company_name|you}?", "Tell me more."]
        rules:
          - name: default
            priority: 0
            when: {}
            choose: [open_question]
        """

    @Test func minimalPlaybookLoads() throws {
        let playbook = try PlaybookLoader.parse(yaml: Self.minimal, file: "p.yaml")
        #expect(playbook.principles.map(\.name) == ["graceful_exit", "open_question"])
    }

    @Test(arguments: [
        ("templates: [\"Bye {contact_name|there}.\", \"Done.\"]", "templates: [\"Bye {contact_nam|there}.\", \"Done.\"]", "unknown slot 'contact_nam'"),
        ("choose: [open_question]", "choose: [open_questions]", "unknown principle 'open_questions'"),
        ("  greeting: d", "  greting: d", "unknown name 'greting'"),
        ("when: {}", "when: {situation: gretting}", "unknown situation 'gretting'"),
        ("    priority: 0\n", "    priority: 0\n    colour: red\n", "unknown key"),
    ])
    func errorsNameFileAndLine(original: String, broken: String, problem: String) throws {
        let yaml = Self.minimal.replacingOccurrences(of: original, with: broken)
        #expect(yaml != Self.minimal)
        do {
            _ = try PlaybookLoader.parse(yaml: yaml, file: "playbook.yaml")
            Issue.record("expected an error for \(broken)")
        } catch {
            #expect(error.description.contains(problem), "\(error)")
            let line = yaml.components(separatedBy: "\n").firstIndex { $0.contains(broken.components(separatedBy: "\n").last { !$0.isEmpty }!.trimmingCharacters(in: .whitespaces)) }.map { $0 + 1 }
            #expect(error.line == line, "\(error)")
            #expect(error.description.hasPrefix("playbook.yaml:\(error.line): "))
        }
    }
}
