"""Test fixtures for `Tests/EmbeddingsTests`: reference token ids and pair cosines."""
import json

import numpy as np

import pairs
import tokenizer_cases


def _dump(value, path):
    # ASCII-only JSON (every other character escaped) with one record per line: stable, diffable.
    lines = ",\n".join(json.dumps(item, ensure_ascii=True, sort_keys=True) for item in value)
    path.write_text("[\n" + lines + "\n]\n")


def write_tokenizer_ids(tokenizer, path):
    """The reference tokenizer's ids (no [CLS]/[SEP]) for every case; returns the count."""
    cases = tokenizer_cases.all_cases()
    _dump([{"text": text, "ids": tokenizer.encode(text, add_special_tokens=False).ids} for text in cases], path)
    return len(cases)


def spearman(x, y):
    """Spearman's rho with average ranks for ties."""
    def ranks(v):
        order = np.argsort(v, kind="stable")
        r = np.empty(len(v))
        r[order] = np.arange(len(v))
        for value in np.unique(v):
            tied = v == value
            r[tied] = r[tied].mean()
        return r
    return float(np.corrcoef(ranks(np.asarray(x)), ranks(np.asarray(y)))[0, 1])


def static_vector(rows, ids):
    """The static model's vector for token ids: sum of weighted rows (last row if none), L2 norm."""
    v = rows[ids].astype(np.float64).sum(axis=0) if ids else rows[-1].astype(np.float64)
    return v / np.linalg.norm(v)


def write_pair_cosines(tokenizer, model, rows, path):
    """Full-model and static cosines for every pair; returns a printable summary."""
    records, full, static = [], [], []
    for kind, a, b in pairs.all_pairs():
        ea, eb = model.encode([tokenizer.encode(a).ids, tokenizer.encode(b).ids])
        ia, ib = (tokenizer.encode(t, add_special_tokens=False).ids for t in (a, b))
        f, s = float(ea @ eb), float(static_vector(rows, ia) @ static_vector(rows, ib))
        full.append(f)
        static.append(s)
        records.append({"kind": kind, "a": a, "b": b, "full": round(f, 6), "static": round(s, 6)})
    _dump(records, path)
    lines = [f"pairs: {len(records)}, Spearman(static, full) = {spearman(static, full):.4f}"]
    kinds = [r["kind"] for r in records]
    for kind in dict.fromkeys(kinds):
        f = np.mean([x for x, k in zip(full, kinds) if k == kind])
        s = np.mean([x for x, k in zip(static, kinds) if k == kind])
        lines.append(f"  {kind:10s} mean cosine: full {f:.3f}  static {s:.3f}")
    return "\n".join(lines)
