"""Strings for the tokenizer fixture: hand-written edge cases plus generated random strings.

The generator is a fixed LCG (not `random`), so the cases never change between Python versions.
"""

HANDWRITTEN = [
    "", " ", "   \t\n  ", "hello", "Hello, World!", "HELLO WORLD", "hello   world",
    "What's the price?", "I'd like 5 seats, please.", "don't can't won't isn't",
    "Our budget is $50k.", "$80k", "$1,200.50", "€9,000", "£45/month", "¥3000", "10%", "-42", "+1 (555) 010-9999",
    "3.14159", "1e10", "2024-05-06", "12/31/2025", "10:30am", "Q4 2026", "v2.3.1", "#42", "@channel",
    "https://example.com/pricing?plan=pro&seats=50#faq", "www.acme.io", "mailto:sales@acme.com",
    "jane.doe+crm@example.co.uk", "C:\\Program Files\\App", "/usr/local/bin/llm-gateway",
    "snake_case_identifier", "camelCaseIdentifier", "kebab-case-identifier", "SCREAMING_SNAKE",
    "Café au lait", "naïve résumé", "Ångström", "São Paulo", "Zürich", "Crème brûlée", "Øresund", "Łódź",
    "straße", "STRASSE", "İstanbul", "ıi", "ΣΊΣΥΦΟΣ", "Ἀθῆναι", "Москва", "Привет, мир!",
    "ﬁnancial ﬂow", "½ price", "x²+y²", "№5", "™®©", "…", "— – -", "“quoted” ‘single’", "«guillemets»", "¿Qué? ¡Sí!",
    "中文测试", "我们需要五十个席位", "日本語のテキスト", "カタカナ ひらがな", "한국어 텍스트", "안녕하세요",
    "北京大学 Peking University", "𠀀𠀁𠀂", "𫠠𫠡", "豈更車", "ｆｕｌｌｗｉｄｔｈ", "ＡＢＣ１２３",
    "مرحبا بالعالم", "שלום עולם", "नमस्ते दुनिया", "สวัสดีครับ", "Tiếng Việt có dấu",
    "😀", "👍🏽", "👨‍👩‍👧‍👦", "🇩🇪🇫🇷", "I ❤ this product 🚀🚀", "☃", "★★★★☆", "✓ done",
    "zero\u200bwidth", "soft\u00adhyphen", "non\u00a0breaking", "em\u2003space", "ideographic\u3000space",
    "bom\ufeffhere", "rtl\u200fmark", "nul\x00byte", "bell\x07char", "tab\there", "cr\rlf\n", "vt\x0bff\x0c",
    "del\x7fchar", "c1\x85next", "replacement\ufffdchar", "private\ue000use", "variation\ufe0fselector",
    "tag\U000e0041chars", "e\u0301 combining", "a\u0308\u0304", "Z\u0351\u0352\u0353algo", "\u0301leading mark",
    "[CLS] literal [SEP] tokens [MASK] [UNK] [PAD]", "<|endoftext|>", "<script>alert(1)</script>",
    "SELECT * FROM users WHERE id = 1;", "{\"json\": [1, 2, 3]}", "`code` **bold** _italic_ ~~strike~~",
    "a" * 100, "a" * 101, "b" * 250, "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis",
    "antidisestablishmentarianism" * 4, "x" * 99 + "é", "é" * 101, "ab" * 60 + " end",
    "unaffordable", "reimbursement", "multi-tenant", "re-onboarding", "preauthorization", "SaaS B2B CRM ERP SSO",
    "iPhone iOS macOS", "GPT-4o", "OAuth2.0", "HTTP/2", "p99≈11µs", "µ", "Å", "K", "Ω",
    "!!!???...", "...", "''\"\"``", "a.b.c", "a-b_c+d=e", "((nested))", "[[link]]", "~/.config",
    "Dear Sir/Madam,\n\nPlease find attached the invoice #INV-2024-0042.\n\nBest regards,\nJohn",
    "We need SSO, SCIM provisioning, and audit logs — can you do that by Q3?",
    "Hi! We're evaluating CRMs for a 50-person team; budget ~$50k/yr. Do you support HubSpot import?",
]


def _lcg(seed):
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield state >> 33


# Code point pools for the random strings: common scripts, marks, controls, spaces, symbols,
# CJK planes, private use, unassigned and recently assigned code points.
POOLS = [
    (0x20, 0x7E), (0x20, 0x7E), (0x20, 0x7E), (0x00, 0x1F), (0x7F, 0x9F), (0xA0, 0xFF), (0x100, 0x24F),
    (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF), (0x600, 0x6FF), (0x860, 0x8FF),
    (0x900, 0x97F), (0xE00, 0xE7F), (0x1100, 0x11FF), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x1E00, 0x1EFF),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x23FF), (0x2E00, 0x2E7F), (0x3000, 0x30FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xE000, 0xF8FF), (0xF900, 0xFAFF), (0xFE00, 0xFE6F),
    (0xFF00, 0xFFEF), (0xFFF0, 0xFFFF), (0x10000, 0x1007F), (0x11000, 0x11FFF), (0x1F300, 0x1FAFF),
    (0x20000, 0x2A6DF), (0x2B740, 0x2B93F), (0x2F800, 0x2FA1F), (0x30000, 0x3134F), (0xE0000, 0xE01EF),
    (0xF0000, 0xF00FF), (0x10FF00, 0x10FFFF),
]


def generated(count=80, seed=20240506):
    """`count` strings of 1 to 40 code points drawn from POOLS, with spaces mixed in."""
    rng = _lcg(seed)
    out = []
    for _ in range(count):
        length = 1 + next(rng) % 40
        chars = []
        for _ in range(length):
            if next(rng) % 6 == 0:
                chars.append(" ")
                continue
            lo, hi = POOLS[next(rng) % len(POOLS)]
            cp = lo + next(rng) % (hi - lo + 1)
            if 0xD800 <= cp <= 0xDFFF:
                cp = 0x41
            chars.append(chr(cp))
        out.append("".join(chars))
    return out


def all_cases():
    """Every tokenizer case, hand-written first."""
    return HANDWRITTEN + generated()
