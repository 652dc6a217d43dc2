/// BERT-uncased's tokenizer: the `BertNormalizer` (clean text, space around CJK ideographs,
/// NFD without nonspacing marks, lower case), the `BertPreTokenizer` (split on whitespace,
/// punctuation as words of its own) and greedy longest-match-first WordPiece with "##"
/// continuations, where a word longer than 100 scalars, or one with a part no piece matches,
/// becomes "[UNK]".
///
/// Differences from the reference, on purpose:
/// * only the first `maximumInputScalars` Unicode scalars are read (8,000 by default), so a
///   huge message costs bounded time; a cut can fall inside the last word;
/// * "[CLS]", "[SEP]" and the other special tokens typed in text are text (the reference's
///   `encode_special_tokens = True`), so user input cannot produce control tokens;
/// * no "[CLS]"/"[SEP]" around the output.
/// Canonical reordering of combining marks is not done; marks that NFD would reorder are
/// nonspacing and removed anyway, except in sequences of unusual spacing marks.
public struct WordPieceTokenizer: Sendable {
    /// A word with more Unicode scalars than this becomes "[UNK]" (BERT's `max_input_chars_per_word`).
    public static let maximumWordScalars = 100

    /// How many Unicode scalars of the input are read; the rest is ignored.
    public let maximumInputScalars: Int
    let vocabulary: Vocabulary
    let characters: BertCharacters

    /// The tokenizer of `table`'s vocabulary, reading at most `maximumInputScalars` scalars.
    public init(table: EmbeddingTable, maximumInputScalars: Int = 8_000) {
        precondition(maximumInputScalars >= 0, "maximumInputScalars must not be negative")
        self.vocabulary = table.vocabulary
        self.characters = table.characters
        self.maximumInputScalars = maximumInputScalars
    }

    /// The id of "[UNK]".
    public var unknownID: Int32 { vocabulary.unknownID }

    /// The number of tokens in the vocabulary.
    public var vocabularySize: Int { vocabulary.count }

    /// The token ids of `text`, without "[CLS]" and "[SEP]".
    public func tokenIDs(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        forEachTokenID(in: text) { ids.append($0) }
        return ids
    }

    /// The text of the token `id` ("##ing" for a continuation), for diagnostics.
    public func token(_ id: Int32) -> String {
        precondition(id >= 0 && Int(id) < vocabulary.count, "token id out of range")
        return vocabulary.token(id)
    }

    /// Calls `body` with each token id of `text` in order, without allocating for native strings.
    public func forEachTokenID(in text: String, _ body: (Int32) -> Void) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { scan($0, body) }
        if done == nil {
            var copy = text
            copy.makeContiguousUTF8()
            copy.utf8.withContiguousStorageIfAvailable { scan($0, body) }
        }
    }

    private func scan(_ utf8: UnsafeBufferPointer<UInt8>, _ body: (Int32) -> Void) {
        WordScratch.withScratch(pieceLimit: vocabulary.maximumPieceScalars) { word in
            var reader = ScalarReader(utf8, limit: maximumInputScalars)
            while let v = reader.next() {
                if v < 0x80 {
                    ascii(v, into: &word, body)
                } else {
                    nonASCII(v, into: &word, body)
                }
            }
            finish(&word, body)
        }
    }
}
