import GatewayCore
import Testing
import YAMLConfig

/// `cache.semantic_index` in the policy: read into ``BucketSearchSettings``, absent keys keep
/// the standard values, and a bad value names its file, line and field.
@Suite("Policy cache.semantic_index")
struct SemanticIndexPolicyTests {
    static func policy(_ index: String) -> String {
        PolicyLoaderTests.valid + "\ncache:\n  memory: {max_bytes: 1048576}\n  semantic_index: \(index)\n"
    }

    @Test func absentKeepsTheStandardSearch() throws {
        let policy = try PolicyLoader.parse(yaml: PolicyLoaderTests.valid, file: "p.yaml")
        #expect(policy.cache.semanticIndex == .standard)
    }

    @Test func readsEveryKey() throws {
        let yaml = Self.policy("{from_entries: 50000, rows_per_list: 300, min_lists: 32, max_lists: 256, probe_share: 0.125, min_probe: 12}")
        let search = try PolicyLoader.parse(yaml: yaml, file: "p.yaml").cache.semanticIndex
        #expect(search.indexFrom == 50_000)
        #expect(search.rowsPerList == 300)
        #expect(search.minLists == 32 && search.maxLists == 256)
        #expect(search.probeShare == 0.125 && search.minProbe == 12)
        #expect(search.trainingSample == BucketSearchSettings.standard.trainingSample)
        #expect(search.lists(for: 100_000) == 256)
        #expect(search.nprobe(lists: 256) == 32)
    }

    @Test func disabledScansExactlyAtEverySize() throws {
        let search = try PolicyLoader.parse(yaml: Self.policy("{enabled: false}"), file: "p.yaml").cache.semanticIndex
        #expect(search.indexFrom == .max)
    }

    @Test(arguments: [
        ("{from_entries: 10}", "cache.semantic_index.from_entries", "at least 1000"),
        ("{probe_share: 0}", "cache.semantic_index.probe_share", "greater than 0"),
        ("{probe_share: 2}", "cache.semantic_index.probe_share", "outside"),
        ("{min_lists: 64, max_lists: 32}", "cache.semantic_index", "must not be below min_lists"),
        ("{lists: 64}", "cache.semantic_index.lists", "unknown key"),
    ])
    func badValuesNameTheField(index: String, field: String, problem: String) {
        do {
            _ = try PolicyLoader.parse(yaml: Self.policy(index), file: "bad.yaml")
            Issue.record("expected an error for \(index)")
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == 19, "\(error)")
            #expect(error.field == field, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }
}
