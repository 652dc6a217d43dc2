import Embeddings
import Foundation
import Testing

@Suite("Table file")
struct EmbeddingTableTests {
    @Test("the linked table is the committed file")
    func linkedIsCommitted() throws {
        let file = try Fixtures.tableFile()
        let table = try file.withUnsafeBytes { try EmbeddingTable(bytes: $0) }
        #expect(table.identifier == (try EmbeddingTable.bundled()).identifier)
        #expect(table.dimension == Fixtures.embedder.dimension)
    }

    @Test("damaged files are refused with the reason")
    func damagedFiles() throws {
        let file = try Fixtures.tableFile()
        func read(_ data: Data) -> EmbeddingTableError? {
            do {
                _ = try data.withUnsafeBytes { try EmbeddingTable(bytes: $0) }
                return nil
            } catch {
                return error as? EmbeddingTableError
            }
        }
        #expect(read(Data()) == .truncated(section: "magic"))
        var magic = file
        magic[0] = UInt8(ascii: "X")
        #expect(read(magic) == .notATable)
        var version = file
        version[4] = 9
        #expect(read(version) == .unsupportedVersion(9))
        #expect(read(file.prefix(file.count - 1)) == .truncated(section: "rows"))
        #expect(read(file + [0, 0, 0, 0]) == .trailingBytes(4))
    }
}
