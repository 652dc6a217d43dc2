/// What BERT-uncased's normalizer and pre-tokenizer do with each character.
///
/// ASCII is decided in code. For other code points the answers were measured from the
/// reference tokenizer by `scripts/embedder/unicode_tables.py` and ship in the table, so the
/// tokenizer does not depend on the Unicode version of the Swift runtime:
/// * removed: control, format, private-use and nonspacing-mark characters;
/// * mapped: accented and upper-case letters, to their NFD base letters in lower case;
/// * punctuation: split off as a word of its own.
/// CJK ideographs become words of their own and Hangul syllables decompose to jamo, by rule.
struct BertCharacters: Sendable {
    /// Inclusive (lo, hi) pairs, flattened and sorted.
    private let removed: [UInt32]
    private let punctuation: [UInt32]
    /// Sorted code points, and three outputs for each (0 where there are fewer).
    private let mappedKeys: [UInt32]
    private let mappedOutputs: [UInt32]

    init(reading reader: inout ByteReader) throws {
        removed = try reader.u32s(2 * (try reader.count("removed ranges", limit: 1 << 20)), section: "removed ranges")
        let mappedCount = try reader.count("mapped code points", limit: 1 << 20)
        let entries = try reader.u32s(4 * mappedCount, section: "mapped code points")
        mappedKeys = (0..<mappedCount).map { entries[4 * $0] }
        mappedOutputs = (0..<mappedCount).flatMap { entries[(4 * $0 + 1)...(4 * $0 + 3)] }
        punctuation = try reader.u32s(2 * (try reader.count("punctuation", limit: 1 << 20)), section: "punctuation")
        guard Self.isSorted(removed), Self.isSorted(punctuation), Self.isSorted(mappedKeys) else {
            throw EmbeddingTableError.implausible(section: "character tables", value: 0)
        }
    }

    /// Whether the normalizer deletes the non-ASCII code point `v`.
    @inline(__always)
    func isRemoved(_ v: UInt32) -> Bool { Self.contains(v, ranges: removed) }

    /// Whether the pre-tokenizer splits off the non-ASCII code point `v`.
    @inline(__always)
    func isPunctuation(_ v: UInt32) -> Bool { Self.contains(v, ranges: punctuation) }

    /// The outputs of the non-ASCII code point `v` when they differ from `v` itself.
    @inline(__always)
    func mapping(_ v: UInt32) -> (UInt32, UInt32, UInt32)? {
        var lo = 0, hi = mappedKeys.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if mappedKeys[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        guard lo < mappedKeys.count, mappedKeys[lo] == v else { return nil }
        return (mappedOutputs[3 * lo], mappedOutputs[3 * lo + 1], mappedOutputs[3 * lo + 2])
    }

    /// BERT's "Chinese character" ranges, as the reference tokenizer spells them
    /// (it starts the CJK Extension E range at U+2B920, not U+2B820).
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Whether BERT splits the ASCII character `b` off as punctuation (`char::is_ascii_punctuation`).
    @inline(__always)
    static func isASCIIPunctuation(_ b: UInt32) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    private static func contains(_ v: UInt32, ranges: [UInt32]) -> Bool {
        // Binary search for the last range whose lower bound is <= v.
        var lo = 0, hi = ranges.count / 2
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ranges[2 * mid] <= v { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && v <= ranges[2 * (lo - 1) + 1]
    }

    private static func isSorted(_ values: [UInt32]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
