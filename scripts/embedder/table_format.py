"""Writes the static embedding table in the binary layout `EmbeddingTable.swift` reads.

All integers little-endian u32, each section padded to a multiple of 4 bytes:

    "EMBT"  format version (1)  dimension  vocabulary count V
    identifier:            byte count, UTF-8 bytes
    vocabulary:            byte count, the V tokens in id order joined by "\n"
    removed ranges:        count, then (lo, hi) inclusive code point pairs
    mapped code points:    count, then (code point, out0, out1, out2), 0 = no output; sorted
    punctuation ranges:    count, then (lo, hi)
    scales:                (V + 1) float32, one per row
    rows:                  (V + 1) x dimension int8; row V is the vector of the empty text

A row's float vector is int8 * scale; the scale already carries the token's SIF weight.
"""
import hashlib
import struct

import numpy as np

MAGIC = b"EMBT"
FORMAT_VERSION = 1


def _u32(*values):
    return struct.pack("<" + "I" * len(values), *values)


def _padded(data):
    return data + b"\0" * (-len(data) % 4)


def quantize(rows):
    """int8 rows and float32 scales with rows ~= q * scale (round half to even, |q| <= 127)."""
    peak = np.abs(rows).max(axis=1)
    scales = np.where(peak > 0, peak / 127.0, 1.0)
    q = np.clip(np.round(rows / scales[:, None]), -127, 127).astype(np.int8)
    return q, scales.astype(np.float32)


def encode(name, tokens, removed, mapped, punctuation, rows):
    """The table file's bytes. `rows` is float64 [V + 1, dimension], weights applied."""
    q, scales = quantize(rows)
    vocabulary = "\n".join(tokens).encode("utf-8")
    body = _u32(len(vocabulary)) + _padded(vocabulary)
    body += _u32(len(removed)) + b"".join(_u32(lo, hi) for lo, hi in removed)
    body += _u32(len(mapped))
    for cp in sorted(mapped):
        out = mapped[cp] + [0] * (3 - len(mapped[cp]))
        body += _u32(cp, *out)
    body += _u32(len(punctuation)) + b"".join(_u32(lo, hi) for lo, hi in punctuation)
    body += scales.astype("<f4").tobytes() + q.tobytes()
    digest = hashlib.sha256(body).hexdigest()
    identifier = f"{name}+{digest[:12]}".encode("utf-8")
    head = MAGIC + _u32(FORMAT_VERSION, rows.shape[1], len(tokens)) + _u32(len(identifier)) + _padded(identifier)
    return head + body, identifier.decode(), digest


def dequantize(data, vocabulary_count, dimension):
    """float32 rows [V + 1, dimension] back from the file's last two sections (for checks)."""
    n = vocabulary_count + 1
    q = np.frombuffer(data[-n * dimension:], dtype=np.int8).reshape(n, dimension)
    scales = np.frombuffer(data[-n * dimension - 4 * n:-n * dimension], dtype="<f4")
    return q.astype(np.float32) * scales[:, None]
