/// Why a table file could not be read.
public enum EmbeddingTableError: Error, Equatable, Sendable {
    /// The file does not start with "EMBT".
    case notATable
    /// A format version this code does not read.
    case unsupportedVersion(UInt32)
    /// The file ends inside the named section.
    case truncated(section: String)
    /// A count or size in the named section is out of range.
    case implausible(section: String, value: Int)
    /// The vocabulary has no "[UNK]" token, or its token count differs from the header's.
    case invalidVocabulary(String)
    /// Bytes remain after the last section.
    case trailingBytes(Int)
}
