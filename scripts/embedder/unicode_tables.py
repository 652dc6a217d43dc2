"""Character tables of the reference BERT normalizer and pre-tokenizer, measured code point by code point.

The reference (Hugging Face `tokenizers`, BertNormalizer + BertPreTokenizer) classifies characters
with fixed, older Unicode tables. Asking it about every code point and shipping the answers pins the
Swift tokenizer to the same behaviour, whatever Unicode version the Swift runtime has.

Per code point >= 0x80 (ASCII is handled in code and checked by the fixtures):
* removed: the normalizer deletes it (controls, format characters, private use, nonspacing marks);
* mapped: it becomes one to three other code points (NFD without marks, then lower case);
* punctuation: the pre-tokenizer splits it off as its own word.
CJK ideographs (padded with spaces) and Hangul syllables (decomposed algorithmically) are
checked here against the rules the Swift code applies, and left out of the tables.
"""

CJK_RANGES = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
              (0x2B740, 0x2B81F), (0x2B920, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def is_cjk(cp):
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def hangul_jamo(cp):
    """Canonical decomposition of a precomposed Hangul syllable, or None."""
    s = cp - 0xAC00
    if not 0 <= s < 11172:
        return None
    lead, vowel, trail = 0x1100 + s // 588, 0x1161 + (s % 588) // 28, 0x11A7 + s % 28
    return [lead, vowel] if trail == 0x11A7 else [lead, vowel, trail]


def to_ranges(points):
    """Sorted code points as inclusive (lo, hi) ranges."""
    ranges = []
    for cp in points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return [tuple(r) for r in ranges]


def measure(tokenizer):
    """(removed ranges, {cp: [outputs]}, punctuation ranges) for code points 0x80..0x10FFFF."""
    normalizer, pre = tokenizer.normalizer, tokenizer.pre_tokenizer
    removed, mapped, punctuation = [], {}, []
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        out = [ord(x) for x in normalizer.normalize_str(c)]
        if is_cjk(cp):
            assert len(out) == 3 and out[0] == 0x20 and out[2] == 0x20, hex(cp)
            out = out[1:2]
        else:
            jamo = hangul_jamo(cp)
            if jamo is not None:
                assert out == jamo, hex(cp)
                out = [cp]
        if not out:
            removed.append(cp)
        elif out != [cp]:
            assert len(out) <= 3, hex(cp)
            mapped[cp] = out
        if not c.isspace() and len(pre.pre_tokenize_str("a" + c + "a")) == 3:
            punctuation.append(cp)
    return to_ranges(removed), mapped, to_ranges(punctuation)
