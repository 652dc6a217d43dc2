"""A numpy forward pass of all-MiniLM-L6-v2 (6-layer BERT, 384 wide) read from safetensors.

Computes in float64 on one BLAS thread so two runs give identical numbers. Mirrors the
sentence-transformers pipeline: BertModel -> mean pooling over the attention mask -> L2 norm.
"""
import json
import struct

import numpy as np


def load_safetensors(path):
    """Every tensor in a safetensors file as a float64 (or int64) numpy array, by name."""
    with open(path, "rb") as f:
        header_len = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_len))
        data = f.read()
    dtypes = {"F32": np.float32, "I64": np.int64}
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=dtypes[meta["dtype"]]).reshape(meta["shape"])
        tensors[name] = array.astype(np.float64) if meta["dtype"] == "F32" else array
    return tensors


def erf(x):
    """erf to about 1.5e-7 (Abramowitz & Stegun 7.1.26); numpy has none and scipy is not needed.

    Written in place: the vocabulary pass spends most of its time here.
    """
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = 1.061405429 * t
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += c
        poly *= t
    a *= a
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    np.subtract(1.0, poly, out=poly)
    return np.copysign(poly, x, out=poly)


def gelu(x):
    """BERT's exact (erf) GELU."""
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def layer_norm(x, weight, bias, eps=1e-12):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class MiniLM:
    """The encoder. `hidden(ids, mask)` gives the last hidden states; `encode` the sentence vectors."""

    def __init__(self, safetensors_path, heads=12, layers=6):
        self.w = load_safetensors(safetensors_path)
        self.heads = heads
        self.layers = layers

    def _linear(self, x, name):
        # One 2-D GEMM: numpy loops over the batch for a 3-D @ 2-D product.
        flat = x.reshape(-1, x.shape[-1]) @ self.w[name + ".weight"].T + self.w[name + ".bias"]
        return flat.reshape(*x.shape[:-1], flat.shape[-1])

    def hidden(self, ids, mask):
        """ids, mask: int arrays [batch, length]. Returns float64 [batch, length, 384]."""
        w = self.w
        batch, length = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][:length][None]
        x = x + w["embeddings.token_type_embeddings.weight"][0][None, None]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        width = x.shape[-1]
        head = width // self.heads
        bias = (1.0 - mask[:, None, None, :].astype(np.float64)) * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            def split(t):
                return t.reshape(batch, length, self.heads, head).transpose(0, 2, 1, 3)
            q = split(self._linear(x, p + "attention.self.query"))
            k = split(self._linear(x, p + "attention.self.key"))
            v = split(self._linear(x, p + "attention.self.value"))
            scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + bias
            scores = scores - scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs = probs / probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)
            attn = self._linear(context, p + "attention.output.dense")
            x = layer_norm(attn + x, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            ff = self._linear(gelu(self._linear(x, p + "intermediate.dense")), p + "output.dense")
            x = layer_norm(ff + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def encode(self, id_lists):
        """Sentence vectors (mean pooling, L2 norm) for lists of token ids that include [CLS]/[SEP]."""
        out = []
        for ids in id_lists:
            arr = np.array([ids], dtype=np.int64)
            h = self.hidden(arr, np.ones_like(arr))[0]
            v = h.mean(axis=0)
            out.append(v / np.linalg.norm(v))
        return np.array(out)
