/// How people misspell, abbreviate and disguise the few words an opt-out turns on.
enum OptOutSpelling {
    /// Chat spellings read as the words they stand for.
    static let shorthand: [String: [String]] = [
        "pls": ["please"], "plz": ["please"], "plse": ["please"], "u": ["you"], "ur": ["your"], "dont": ["don't"],
        "didnt": ["didn't"], "wont": ["won't"], "cant": ["can't"], "im": ["i'm"], "msg": ["message"],
        "msgs": ["messages"], "txt": ["text"], "txts": ["texts"], "txting": ["texting"], "thx": ["thanks"],
        "e-mail": ["email"], "e-mails": ["emails"], "e-mailing": ["emailing"], "mails": ["mails"],
        "opt-out": ["opt_out"], "optout": ["opt_out"], "opt-outs": ["opt_outs"], "opted-out": ["opted_out"],
        "do-not-call": ["dnc"], "do-not-contact": ["dnc"], "do-not-email": ["dnc"], "do-not-engage": ["dnc"], "do-not-recontact": ["dnc"], "do-not-solicit": ["dnc"], "do-not-mail": ["dnc"], "de-list": ["delist"], "cold-call": ["cold", "call"],
        "cold-calling": ["cold", "calling"], "cold-calls": ["cold", "calls"], "follow-up": ["follow_up"],
        "follow-ups": ["follow_ups"], "followups": ["follow_ups"], "followup": ["follow_up"],
        "right-to-erasure": ["right", "to", "erasure"], "cease-and-desist": ["cease", "and", "desist"],
        "stopall": ["stop", "all"], "unsub": ["unsubscribe"], "dms": ["dms"], "dm'ing": ["dming"],
        "dming": ["dming"], "inmails": ["inmails"], "robocalls": ["robocalls"], "frm": ["from"], "agn": ["again"],
        "mor": ["more"], "sendin": ["sending"], "theese": ["these"], "dnt": ["don't"], "msging": ["messaging"],
        "plis": ["please"], "pleas": ["please"], "txtin": ["texting"], "callin": ["calling"],
        "remvoed": ["removed"], "emials": ["emails"], "nomore": ["no", "more"], "unsubcribe": ["unsubscribe"],
        "rmv": ["remove"], "w": ["with"], "stahp": ["stop"], "stawp": ["stop"], "4": ["for"], "infomation": ["information"], "yuor": ["your"], "yoru": ["your"], "yer": ["your"], "aff": ["off"], "dinna": ["don't"], "dinnae": ["don't"], "tae": ["to"], "fae": ["from"], "ye": ["you"], "tk": ["take"], "lst": ["list"],
    ]

    /// Key words whose one-letter slips are read as the word (`stpo`, `remve`, `agian`).
    static let targets: [String] = [
        "stop", "remove", "unsubscribe", "again", "alone", "emailing", "email", "contacting", "contact", "mailing",
        "texting", "messaging", "calling", "delete", "list", "interested", "anymore", "number", "details", "never",
    ]
    private static let targetLetters: [[Character]] = targets.map(Array.init)
    /// Real words one slip away from a target: never corrected.
    static let realWords: Set<String> = [
        "step", "shop", "stomp", "spot", "stow", "top", "atop", "slop", "stops", "store", "stock", "soap", "stoops",
        "remote", "removal", "removes", "removed", "contract", "contacts", "contact's", "mail", "emails", "emailed",
        "next", "test", "text", "testing", "tent", "context", "texts", "texted", "falling", "culling", "calming",
        "massaging", "making", "lost", "last", "lust", "mist", "fist", "gist", "lists", "listed", "along", "atone",
        "aloe", "clone", "gain", "agin", "deleted", "deletes", "dilate", "interest", "numbers", "lumber", "umber",
        "slits", "silt", "lint", "liste", "mailings", "sailing", "nailing", "failing", "hailing", "wailing",
        "railing", "jailing", "alike", "alone", "balling", "calling", "detail", "retails", "newer", "fever", "lever",
        "sever", "nerve", "seven", "neve", "ever", "even", "every", "nevers",
    ]
    /// Short slips that the distance rule would not reach.
    static let shortSlips: [String: String] = ["cal": "call", "calll": "call", "ot": "out", "iut": "out", "oit": "out", "stp": "stop", "stpo": "stop", "lis": "list"]

    /// One token as words: shorthand expanded, digits inside words read as letters.
    static func normalize(_ token: String) -> [String] {
        if let expanded = shorthand[token] { return expanded }
        var word = token
        if word.contains(where: \.isLetter), word.contains(where: \.isNumber) {
            word = String(word.map { leet[$0] ?? $0 })
        }
        return [collapseRuns(word)]
    }

    static let leet: [Character: Character] = ["0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"]

    /// `stooooop` → `stop`: a letter written three or more times in a row counts once.
    static func collapseRuns(_ word: String) -> String {
        let characters = Array(word)
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            var end = index + 1
            while end < characters.count, characters[end] == characters[index] { end += 1 }
            result.append(contentsOf: repeatElement(characters[index], count: end - index >= 3 ? 1 : end - index))
            index = end
        }
        return String(result)
    }

    /// The target a misspelled word stands for, or the word itself.
    static func corrected(_ word: String) -> String {
        if let slip = shortSlips[word] { return slip }
        guard word.count >= 4, !realWords.contains(word), !targets.contains(word), word.allSatisfy(\.isLetter) else { return word }
        let letters = Array(word)
        for (target, targetLetters) in zip(targets, targetLetters) where OptimalStringAlignment.isWithinOneEdit(letters, targetLetters) {
            return target
        }
        return word
    }

    /// Runs of three or more single letters (`s t o p`, `s . t . o . p`) joined into one word.
    static func joinSpelledLetters(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < words.count {
            var letters: [String] = []
            var cursor = index
            while cursor < words.count {
                let word = words[cursor]
                if word.count == 1, word.first?.isLetter == true {
                    letters.append(word)
                    cursor += 1
                } else if word == ".", !letters.isEmpty, cursor + 1 < words.count, words[cursor + 1].count == 1 {
                    cursor += 1
                } else {
                    break
                }
            }
            if letters.count >= 3 {
                result.append(corrected(letters.joined()))
                index = cursor
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }

    /// Multi-word terms read as one word: `opt out` → `opt_out`, `do not call list` → `dnc list`.
    static func joinCompounds(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        outer: while index < words.count {
            for (phrase, joined) in compounds where words.count - index >= phrase.count {
                if words[index] == phrase[0], words[index..<(index + phrase.count)].elementsEqual(phrase) {
                    result.append(contentsOf: joined)
                    index += phrase.count
                    continue outer
                }
            }
            result.append(words[index])
            index += 1
        }
        return result
    }

    static let compounds: [([String], [String])] = [
        (["opt", "out"], ["opt_out"]), (["opt", "outs"], ["opt_outs"]), (["opted", "out"], ["opted_out"]),
        (["follow", "up"], ["follow_up"]), (["follow", "ups"], ["follow_ups"]), (["following", "up"], ["following_up"]),
        (["reach", "out"], ["reach_out"]), (["reaching", "out"], ["reaching_out"]), (["e", "mail"], ["email"]),
        (["do", "not", "call", "list"], ["dnc", "list"]), (["do", "not", "call", "registry"], ["dnc", "registry"]),
        (["do", "not", "call", "register"], ["dnc", "registry"]), (["do", "not", "contact", "list"], ["dnc", "list"]),
        (["do", "not", "contact", "flag"], ["dnc", "flag"]), (["never", "contact", "list"], ["dnc", "list"]),
        (["dnc", "lists"], ["dnc", "list"]),
        // Speech-to-text slips: `to on subscribe`, `un sub scribe`, `opt doubt`, `do not contract me`.
        (["to", "on", "subscribe"], ["to", "unsubscribe"]), (["un", "sub", "scribe"], ["unsubscribe"]),
        (["un", "subscribe"], ["unsubscribe"]), (["opt", "doubt"], ["opt_out"]), (["not", "contract", "me"], ["not", "contact", "me"]),
        (["don't", "contract", "me"], ["don't", "contact", "me"]), (["stop", "contracting"], ["stop", "contacting"]),
    ]
}

/// Edit distance with adjacent transpositions (`stpo` is one edit from `stop`), as far as
/// the spelling check needs it: whether two words are at most one edit apart.
enum OptimalStringAlignment {
    /// True when `lhs` becomes `rhs` by at most one substitution, insertion, deletion or
    /// swap of two neighbours (optimal string alignment distance ≤ 1).
    static func isWithinOneEdit(_ lhs: [Character], _ rhs: [Character]) -> Bool {
        let (long, short) = lhs.count >= rhs.count ? (lhs, rhs) : (rhs, lhs)
        guard long.count - short.count <= 1 else { return false }
        guard let mismatch = short.indices.first(where: { long[$0] != short[$0] }) else { return true }
        if long.count > short.count {
            return long[(mismatch + 1)...].elementsEqual(short[mismatch...])
        }
        if long[(mismatch + 1)...].elementsEqual(short[(mismatch + 1)...]) { return true }
        return mismatch + 1 < long.count && long[mismatch] == short[mismatch + 1] && long[mismatch + 1] == short[mismatch]
            && long[(mismatch + 2)...].elementsEqual(short[(mismatch + 2)...])
    }
}
