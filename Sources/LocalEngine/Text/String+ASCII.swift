extension String {
    /// True when every byte is 7-bit ASCII, so one byte is one character and the
    /// byte-level fast paths (tokenizer, shape and trigram features, opt-out folding) apply.
    var isAllASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
