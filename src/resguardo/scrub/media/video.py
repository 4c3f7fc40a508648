"""Masking faces in video: decode, detect, track, mask, encode, all streamed.

The picture is read twice, at once, by two ``ffmpeg`` decoders writing raw frames into
pipes: the first hands over only every ``every``-th frame, as RGB, which the face detector
searches in a thread of its own (onnxruntime lets go of the interpreter, so the next frame is
searched while the last ones are masked); the second hands over every frame as 8-bit 4:2:0
YUV, the form the encoder takes, so the frames are masked in place and never converted to RGB
and back (less work, and no colour lost in a round trip). The second runs behind the first by a
few detections (the pipes hold it back), so each frame is masked knowing the detections
before and after it, and memory stays a few frames whatever the length of the video. Both
decoders turn the picture upright (the display matrix phones write) and make the frame rate
constant, so the frames they give are the same frames.

Tracking (``Tracker``) is what keeps a face hidden on the frames the detector does not see
or, now and then, does not find: detections are linked into tracks by overlap (after a
prediction of where each face has moved, from its own speed or from the motion of the
whole picture when the camera pans), a frame between two detections of a track gets the
box interpolated between them, enlarged for motion, and a track is kept alive for
``linger`` detections before its first one and after its last one. A change of scene between
two searched frames (their colour histograms far apart) ends every track, so a face of the old
scene never drags the boxes of the new one. The settings were chosen by measurement on a 1080p
clip with known faces (``benchmarks/video.py``, ``docs/benchmarks-video.md``).

The encoded picture is written to a temporary file and joined to the kept audio by
``av.remux``, which strips tags, chapters and encoder messages as for any other video.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import IO

import numpy as np
from numpy.typing import NDArray

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media import masking
from resguardo.scrub.media.base import Box, MaskStyle
from resguardo.scrub.media.faces import Band, FaceDetector, Pass

__all__ = [
    "DEFAULT_SETTINGS",
    "Encoding",
    "Picture",
    "Settings",
    "Tracker",
    "VideoDetector",
    "encoding_for",
    "mask_picture",
    "upright_size",
    "video_detector",
]

#: Frames per second when a file does not say (a still picture stored as video, for example).
FALLBACK_RATE = Fraction(25)
#: A stream may give this many times the frames it declares (or this many seconds more):
#: past that it is refused, since a hostile timestamp jump would otherwise make the
#: constant-rate conversion invent frames without end.
FRAME_SLACK = 2.0
FRAME_SLACK_SECONDS = 60
#: The progress callback is called at most this often (seconds).
PROGRESS_EVERY_S = 0.25

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Settings:
    """Tracking settings; the defaults are the measured ones (docs/benchmarks-video.md)."""

    #: the detector searches every ``every``-th frame
    every: int = 4
    #: a track is kept alive this many detections before its first and after its last one
    #: (and a face missed this many times in a row is still the same track)
    linger: int = 1
    #: detections link to a track when the predicted box overlaps them this much (IoU) ...
    link_iou: float = 0.2
    #: ... or when their centres are this close, in face sizes, and their sizes alike
    link_distance: float = 0.6
    link_size_ratio: float = 1.6
    #: on frames between detections a box grows by this share of its size on every side,
    #: plus ``motion_pad`` of the distance it moves between the two detections
    pad: float = 0.05
    motion_pad: float = 0.1

    def __post_init__(self) -> None:
        if self.every < 1 or self.linger < 0:
            raise ValueError("every must be at least 1 and linger at least 0")


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class VideoDetector(FaceDetector):
    """The photo detector without its upscaled pass, too slow for the frames of a film:
    the full-size pass keeps the small faces instead (below ``low * band`` pixels, at
    ``top_bands``' threshold), the reduced passes are the photo detector's."""

    top_scale: float = 1.0
    top_bands: tuple[Band, ...] = (Band(0.0, 19.2, 0.12),)
    #: stricter than in photos: a false alarm is masked for a while in video, and a face
    #: missed on one frame is usually found on the next detection
    threshold: float = 0.12

    def passes(self, width: int, height: int) -> list[Pass]:
        levels = FaceDetector.passes(self, width, height)
        return [Pass(1.0, self.top_bands + levels[1].bands), *levels[2:]]


def video_detector(threads: int | None = None) -> FaceDetector:
    """The face detector for video frames (chosen by measurement, benchmarks/video.py)."""
    return VideoDetector(threads=threads)


# -- tracking --------------------------------------------------------------------------------

_Rect = tuple[float, float, float, float]  # x0, y0, x1, y1


def _rect(box: Box) -> _Rect:
    return (float(box.x), float(box.y), float(box.x + box.w), float(box.y + box.h))


def _size(r: _Rect) -> float:
    return math.sqrt(max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1]))


def _shift(r: _Rect, dx: float, dy: float) -> _Rect:
    return (r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy)


def _centre(r: _Rect) -> tuple[float, float]:
    return ((r[0] + r[2]) / 2, (r[1] + r[3]) / 2)


@dataclass(slots=True)
class _Track:
    frames: list[int] = field(default_factory=list)
    rects: list[_Rect] = field(default_factory=list)
    #: the motion of the whole picture when the track began: its speed until it has its own
    flow: tuple[float, float] = (0.0, 0.0)

    def velocity(self) -> tuple[float, float] | None:
        """Pixels per frame between its last two detections; None after one."""
        if len(self.frames) < 2:
            return None
        (ax, ay), (bx, by) = _centre(self.rects[-2]), _centre(self.rects[-1])
        dt = self.frames[-1] - self.frames[-2]
        return ((bx - ax) / dt, (by - ay) / dt)


class Tracker:
    """Detections in, boxes to mask per frame out.

    ``add`` takes the detections of frames in increasing order; ``boxes_at(t)`` is final
    once ``t < settled()`` (every detection that can change it is known) or after
    ``finish()``.
    """

    def __init__(self, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.settings = settings
        self._tracks: list[_Track] = []
        self._last = -1
        self._finished = False
        self._count = 0
        #: motion of the whole picture (pixels per frame) between the last two detections
        self._flow = (0.0, 0.0)

    @property
    def count(self) -> int:
        """Tracks made so far: the faces masked (a face lost for longer than ``linger``
        detections and found again counts twice)."""
        return self._count

    @property
    def reach(self) -> int:
        """Frames before its first and after its last detection that a track covers."""
        return self.settings.linger * self.settings.every

    def settled(self) -> int:
        if self._finished:
            return 2**62
        return self._last - self.reach - self.settings.every + 1

    def finish(self) -> None:
        self._finished = True

    def add(self, frame: int, boxes: Sequence[Box], *, cut: bool = False) -> None:
        """The detections of ``frame``. ``cut``: the picture changed scene since the last
        detection, so no face is linked to one before it (a face of the old scene would drag
        the boxes of the new one to the wrong place on the frames between)."""
        if frame <= self._last or self._finished:
            raise ValueError("detections must come in increasing frame order, before finish()")
        gap_limit = (self.settings.linger + 1) * self.settings.every
        alive = [] if cut else [t for t in self._tracks if frame - t.frames[-1] <= gap_limit]
        if cut:
            self._flow = (0.0, 0.0)
        rects = [_rect(b) for b in boxes if b.w > 0 and b.h > 0]
        matched: dict[int, int] = {}  # rect index -> track index in alive
        self._flow = _vote(frame, rects, alive, self._flow, self.settings)
        # Each face where its own speed (or, while it has none, the picture's) puts it; then
        # the faces still alone, where the picture's motion puts them.
        self._link(frame, rects, alive, matched, use_flow=False)
        self._link(frame, rects, alive, matched, use_flow=True)
        for ri, rect in enumerate(rects):
            if ri in matched:
                alive[matched[ri]].frames.append(frame)
                alive[matched[ri]].rects.append(rect)
            else:
                self._tracks.append(_Track([frame], [rect], self._flow))
                self._count += 1
        self._last = frame

    def forget(self, before: int) -> None:
        """Drop the tracks that can no longer touch a frame from ``before`` on, nor be
        linked to a later detection (memory stays bounded on a long video)."""
        gap_limit = (self.settings.linger + 1) * self.settings.every
        horizon = min(before - self.reach, self._last + 1 - gap_limit)
        self._tracks = [t for t in self._tracks if t.frames[-1] >= horizon]

    def _link(
        self, frame: int, rects: list[_Rect], alive: list[_Track], matched: dict[int, int], *, use_flow: bool
    ) -> None:
        s = self.settings
        taken = set(matched.values())
        tracks = [ti for ti in range(len(alive)) if ti not in taken]
        free = [ri for ri in range(len(rects)) if ri not in matched]
        if not tracks or not free:
            return
        predicted = []
        for ti in tracks:
            track = alive[ti]
            dt = frame - track.frames[-1]
            velocity = self._flow if use_flow else (track.velocity() or self._flow)
            predicted.append(_shift(track.rects[-1], velocity[0] * dt, velocity[1] * dt))
        # every (track, detection) pair at once: overlap, likeness of size, nearness of centres
        p = np.array(predicted, dtype=np.float64)[:, None, :]
        r = np.array([rects[ri] for ri in free], dtype=np.float64)[None, :, :]
        iw = np.clip(np.minimum(p[..., 2], r[..., 2]) - np.maximum(p[..., 0], r[..., 0]), 0, None)
        ih = np.clip(np.minimum(p[..., 3], r[..., 3]) - np.maximum(p[..., 1], r[..., 1]), 0, None)
        inter = iw * ih
        p_area = (p[..., 2] - p[..., 0]) * (p[..., 3] - p[..., 1])
        r_area = (r[..., 2] - r[..., 0]) * (r[..., 3] - r[..., 1])
        union = p_area + r_area - inter
        overlap = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        p_size = np.sqrt(np.clip(p[..., 2] - p[..., 0], 0, None) * np.clip(p[..., 3] - p[..., 1], 0, None))
        r_size = np.sqrt(np.clip(r[..., 2] - r[..., 0], 0, None) * np.clip(r[..., 3] - r[..., 1], 0, None))
        big, small = np.maximum(p_size, r_size), np.minimum(p_size, r_size)
        alike = big <= s.link_size_ratio * np.maximum(1e-6, small)
        distance = np.hypot(
            (p[..., 0] + p[..., 2]) / 2 - (r[..., 0] + r[..., 2]) / 2,
            (p[..., 1] + p[..., 3]) / 2 - (r[..., 1] + r[..., 3]) / 2,
        )
        near = distance <= s.link_distance * big
        ok = (overlap >= s.link_iou) | (alike & near)
        ts, rs = np.nonzero(ok)
        pairs = sorted(
            (-float(overlap[t, r_]), free[int(r_)], tracks[int(t)]) for t, r_ in zip(ts, rs, strict=True)
        )
        for _, ri, ti in pairs:
            if ri not in matched and ti not in taken:
                matched[ri] = ti
                taken.add(ti)

    def boxes_at(self, frame: int, width: int, height: int) -> list[Box]:
        """The rectangles to mask on ``frame`` of a ``width`` x ``height`` picture."""
        found: list[Box] = []
        for track in self._tracks:
            rect = self._rect_at(track, frame)
            if rect is None:
                continue
            x0, y0 = max(0, math.floor(rect[0])), max(0, math.floor(rect[1]))
            x1, y1 = min(width, math.ceil(rect[2])), min(height, math.ceil(rect[3]))
            if x1 > x0 and y1 > y0:
                found.append(Box(x0, y0, x1 - x0, y1 - y0))
        return sorted(set(found))

    def _rect_at(self, track: _Track, t: int) -> _Rect | None:
        s = self.settings
        frames, rects = track.frames, track.rects
        if t < frames[0] - self.reach or t > frames[-1] + self.reach:
            return None
        if t <= frames[0] or t >= frames[-1]:
            # Before the first or after the last detection: the box moved on at the track's
            # own speed (or the picture's), and growing with the distance to the detection.
            end = 0 if t <= frames[0] else -1
            dt = t - frames[end]
            # (before the first detection, the speed must not change once the frame is
            # written: it is the picture's when the track began, not the track's own)
            velocity = track.flow if end == 0 else (track.velocity() or track.flow)
            if dt == 0:
                return rects[end]
            moved = _shift(rects[end], velocity[0] * dt, velocity[1] * dt)
            return _grow(moved, s.pad * _size(rects[end]) * (1 + abs(dt) / s.every))
        i = _bisect(frames, t)
        a, b = rects[i], rects[i + 1]
        fa, fb = frames[i], frames[i + 1]
        if t == fa:
            return a
        w = (t - fa) / (fb - fa)
        rect = (
            a[0] + (b[0] - a[0]) * w,
            a[1] + (b[1] - a[1]) * w,
            a[2] + (b[2] - a[2]) * w,
            a[3] + (b[3] - a[3]) * w,
        )
        (ax, ay), (bx, by) = _centre(a), _centre(b)
        margin = s.pad * max(_size(a), _size(b)) + s.motion_pad * math.hypot(bx - ax, by - ay)
        return _grow(rect, margin)


#: The fastest motion of the whole picture looked for, in pixels per frame, and the
#: precision it is found with.
MAX_FLOW = 64
FLOW_BIN = 1.0


def _vote(
    frame: int, rects: list[_Rect], alive: list[_Track], previous: tuple[float, float], s: Settings
) -> tuple[float, float]:
    """The motion of the whole picture (pixels per frame) since the last detections: the
    displacement most pairs of (last seen face, new face) of a similar size agree on. A pan
    moves every face alike, so the true one collects a vote from nearly every face, while
    wrong pairings scatter. Without a clear winner the previous motion is kept."""
    last = [t for t in alive if t.frames[-1] == max((u.frames[-1] for u in alive), default=-1)]
    if not last or not rects:
        return previous
    old = np.array([t.rects[-1] for t in last], dtype=np.float64)
    new = np.array(rects, dtype=np.float64)
    dt = frame - last[0].frames[-1]
    old_c = (old[:, :2] + old[:, 2:]) / 2
    new_c = (new[:, :2] + new[:, 2:]) / 2
    old_s = np.sqrt(np.prod(old[:, 2:] - old[:, :2], axis=1))
    new_s = np.sqrt(np.prod(new[:, 2:] - new[:, :2], axis=1))
    moves = (new_c[None, :, :] - old_c[:, None, :]) / dt
    ratio = np.maximum(old_s[:, None], new_s[None, :]) / np.maximum(
        1e-6, np.minimum(old_s[:, None], new_s[None, :])
    )
    ok = (ratio <= s.link_size_ratio) & (np.abs(moves).max(axis=2) < MAX_FLOW)
    moves = moves[ok]
    if len(moves) == 0:
        return previous
    bins = int(2 * MAX_FLOW / FLOW_BIN)
    counts, _, _ = np.histogram2d(
        moves[:, 0], moves[:, 1], bins=bins, range=((-MAX_FLOW, MAX_FLOW), (-MAX_FLOW, MAX_FLOW))
    )
    # votes in each 3x3 neighbourhood of bins
    padded = np.pad(counts, 1)
    pooled = np.zeros_like(counts)
    for i in range(3):
        for j in range(3):
            pooled += padded[i : i + bins, j : j + bins]
    best = np.unravel_index(int(np.argmax(pooled)), pooled.shape)
    if pooled[best] < max(2, 0.25 * min(len(old), len(new))):
        return previous
    centre = (np.array(best, dtype=np.float64) + 0.5) * FLOW_BIN - MAX_FLOW
    near = np.abs(moves - centre).max(axis=1) <= 1.5 * FLOW_BIN
    found = np.median(moves[near], axis=0)
    return (float(found[0]), float(found[1]))


def _bisect(frames: list[int], t: int) -> int:
    """The index i with frames[i] <= t < frames[i + 1] (frames[0] <= t < frames[-1])."""
    lo, hi = 0, len(frames) - 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if frames[mid] <= t:
            lo = mid
        else:
            hi = mid
    return lo


def _union(a: _Rect, b: _Rect) -> _Rect:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _grow(r: _Rect, margin: float) -> _Rect:
    return (r[0] - margin, r[1] - margin, r[2] + margin, r[3] + margin)


# -- decoding and encoding -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Picture:
    """The video stream to mask, as the probe describes it."""

    index: int
    width: int  # stored size, before turning upright
    height: int
    rate: Fraction  # frames per second after the constant-rate conversion
    frames: int  # expected frame count (0 when unknown)
    rotation: int  # clockwise degrees to turn the stored picture upright: 0, 90, 180, 270


def upright_size(picture: Picture) -> tuple[int, int]:
    if picture.rotation in (90, 270):
        return picture.height, picture.width
    return picture.width, picture.height


def _turn_filter(rotation: int) -> list[str]:
    return {90: ["transpose=clock"], 180: ["hflip", "vflip"], 270: ["transpose=cclock"]}.get(rotation, [])


@dataclass(frozen=True, slots=True)
class Encoding:
    """How the masked picture is encoded: codec arguments and the intermediate container."""

    codec: str
    arguments: tuple[str, ...]


#: H.264 for MP4/MOV/3GP and Matroska; VP9 for WebM (which holds only VP8, VP9 and AV1).
#: Quality settings keep masks and faces-free areas close to the source at a modest size; x264's
#: ``superfast`` preset took two thirds of ``veryfast``'s time on a 1080p clip for a file about
#: 1.5x as large at the same quality setting (``ultrafast``: half the time, 4x the size).
X264 = Encoding("h264", ("-c:v", "libx264", "-preset", "superfast", "-crf", "20", "-pix_fmt", "yuv420p"))
VP9 = Encoding(
    "vp9",
    (
        *("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1"),
        *("-crf", "30", "-b:v", "0", "-pix_fmt", "yuv420p"),
    ),
)


def encoding_for(muxer: str) -> Encoding:
    return VP9 if muxer == "webm" else X264


def _popen(command: list[str], *, stdin: int | None, stdout: int | None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603  (an argument list, no shell)
        command,
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.DEVNULL,  # a hostile file can make ffmpeg log without end
        env={k: v for k, v in os.environ.items() if k != "FFREPORT"},  # FFREPORT writes a log
    )


def _decoder(
    ffmpeg: str, url: str, demuxer: str, picture: Picture, every: int, *, planar: bool
) -> subprocess.Popen[bytes]:
    """Raw frames of the picture, upright and at a constant rate: every ``every``-th one as
    RGB for the detector, or (``planar``) every one as 8-bit 4:2:0 YUV in the limited range,
    the form the encoder takes, so the frames masked are never converted to RGB and back."""
    chain = [*_turn_filter(picture.rotation), f"fps={picture.rate}"]
    if every > 1:
        chain.append(f"select=not(mod(n\\,{every}))")
    if planar:
        chain.append("scale=out_range=tv")
    command = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-noautorotate", "-f", demuxer, "-i", url]
    command += ["-map", f"0:{picture.index}", "-vf", ",".join(chain), "-fps_mode", "passthrough"]
    command += ["-f", "rawvideo", "-pix_fmt", "yuv420p" if planar else "rgb24", "pipe:1"]
    return _popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)


def _encoder(
    ffmpeg: str, width: int, height: int, rate: Fraction, encoding: Encoding, dst: Path
) -> subprocess.Popen[bytes]:
    command = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y"]
    command += ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-color_range", "tv"]
    command += ["-s", f"{width}x{height}", "-framerate", str(rate)]
    command += ["-i", "pipe:0", "-an", "-sn", "-dn"]
    if width % 2 or height % 2:  # 4:2:0 needs even sides: one black row or column is added
        command += ["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2"]
    command += [*encoding.arguments, "-fflags", "+bitexact", "-flags:v", "+bitexact"]
    command += ["-f", "matroska", "file:" + str(dst)]
    return _popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)


def _planar_size(width: int, height: int) -> int:
    """Bytes of one 8-bit 4:2:0 frame: a full-size luma plane and two half-size chroma planes
    (odd sides rounded up)."""
    return width * height + 2 * ((width + 1) // 2) * ((height + 1) // 2)


def _frames(process: subprocess.Popen[bytes], size: int) -> Iterator[bytearray]:
    """The decoder's frames, each read straight into its own buffer (painted in place)."""
    stream = process.stdout
    if not isinstance(stream, io.BufferedIOBase):
        raise _Broken("no pipe")
    while True:
        frame = bytearray(size)
        view = memoryview(frame)
        filled = 0
        while filled < size:
            got = stream.readinto(view[filled:])
            if not got:
                break
            filled += got
        view.release()
        if filled == 0:
            return
        if filled != size:
            raise _Broken("a frame was cut short")
        yield frame


class _Broken(Exception):
    """A decoder or encoder failed; turned into a ScrubError by ``mask_picture``."""


def _failed(name: str) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "Faces in %(file)s could not be masked: the video could not be decoded or encoded, so it was refused."
        ),
        code="scrub.video_failed",
        params={"file": name},
    )


def _too_long(name: str, limit: int) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "%(file)s gives far more frames than it declares (more than %(limit)s): refused as damaged or hostile."
        ),
        code="scrub.corrupt",
        params={"file": name, "limit": limit},
    )


#: Black in limited-range YUV (what the encoder is told it gets): luma 16, no colour.
_BLACK = (16, 128, 128)


def _planes(frame: bytearray, width: int, height: int) -> tuple[NDArray[np.uint8], ...]:
    """Writable views of the Y, U and V planes of a 4:2:0 frame."""
    cw, ch = (width + 1) // 2, (height + 1) // 2
    data = np.frombuffer(frame, dtype=np.uint8)
    luma = width * height
    return (
        data[:luma].reshape(height, width),
        data[luma : luma + cw * ch].reshape(ch, cw),
        data[luma + cw * ch :].reshape(ch, cw),
    )


def _even(box: Box, width: int, height: int) -> tuple[int, int, int, int] | None:
    """``box`` cut to the frame and grown to even edges, so each 2x2 pixel group that shares a
    colour sample is masked whole or not at all: (x0, y0, x1, y1)."""
    inside = masking.clip(box, width, height)
    if inside is None:
        return None
    x0, y0 = inside.x & ~1, inside.y & ~1
    x1 = min(width, (inside.x + inside.w + 1) & ~1)
    y1 = min(height, (inside.y + inside.h + 1) & ~1)
    return x0, y0, x1, y1


def _paint(frame: bytearray, boxes: Sequence[Box], width: int, height: int, style: MaskStyle) -> None:
    """Mask ``boxes`` on a raw 4:2:0 frame, in place: solid black, or a mosaic whose blocks
    (an even number of pixels, on even edges) are each one colour in every plane."""
    planes = _planes(frame, width, height)
    if style == "solid":
        for box in boxes:
            edges = _even(box, width, height)
            if edges is None:
                continue
            x0, y0, x1, y1 = edges
            planes[0][y0:y1, x0:x1] = _BLACK[0]
            for plane, value in zip(planes[1:], _BLACK[1:], strict=True):
                plane[y0 // 2 : (y1 + 1) // 2, x0 // 2 : (x1 + 1) // 2] = value
        return
    inside = [c for c in (masking.clip(b, width, height) for b in boxes) if c is not None]
    for region, block in masking.mosaic_regions(inside):
        edges = _even(region, width, height)
        if edges is None:
            continue
        block += block & 1
        x0, y0, x1, y1 = edges
        _blocks(planes[0], x0, y0, x1, y1, block)
        for plane in planes[1:]:
            _blocks(plane, x0 // 2, y0 // 2, (x1 + 1) // 2, (y1 + 1) // 2, block // 2)


def _rgb(frame: bytearray, width: int, height: int) -> bytes:
    """A limited-range 4:2:0 frame as RGB bytes (BT.601), for the detector."""
    luma, cb, cr = _planes(frame, width, height)
    y = (luma.astype(np.float32) - 16) * (255 / 219)
    u = np.repeat(np.repeat(cb, 2, axis=0), 2, axis=1)[:height, :width].astype(np.float32) - 128
    v = np.repeat(np.repeat(cr, 2, axis=0), 2, axis=1)[:height, :width].astype(np.float32) - 128
    u *= 255 / 224
    v *= 255 / 224
    rgb = np.stack((y + 1.402 * v, y - 0.344136 * u - 0.714136 * v, y + 1.772 * u), axis=-1)
    out: bytes = np.clip(np.rint(rgb), 0, 255).astype(np.uint8).tobytes()
    return out


def _blocks(plane: NDArray[np.uint8], x0: int, y0: int, x1: int, y1: int, block: int) -> None:
    """Each ``block`` x ``block`` cell of the rectangle (the last ones cut) becomes its mean."""
    for top in range(y0, y1, block):
        for left in range(x0, x1, block):
            cell = plane[top : min(top + block, y1), left : min(left + block, x1)]
            cell[...] = round(float(cell.mean()))


#: Two searched frames whose colour histograms differ by more than this (L1 distance of the
#: normalised 3 x 32-bin histograms, 0 to 2) are taken to be of different scenes.
SCENE_CUT = 0.5


def _histogram(frame: bytes | bytearray, width: int, height: int) -> NDArray[np.float64]:
    """A coarse colour histogram of a frame (every 4th pixel of every 4th row), summing to 1 per channel."""
    pixels = np.frombuffer(frame, dtype=np.uint8).reshape(height, width, 3)[::4, ::4]
    counts = [np.bincount(pixels[..., c].ravel() >> 3, minlength=32) for c in range(3)]
    histogram = np.concatenate(counts).astype(np.float64)
    return histogram / max(1.0, float(histogram.sum()) / 3)


def _detect(detector: FaceDetector, frame: bytes | bytearray, width: int, height: int) -> list[Box]:
    array = np.frombuffer(frame, dtype=np.uint8).reshape(height, width, 3)
    return detector.detect(array)


def mask_picture(
    src: Path,
    demuxer: str,
    picture: Picture,
    dst: Path,
    *,
    encoding: Encoding,
    style: MaskStyle,
    extra: Sequence[Box] = (),
    detector: FaceDetector | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    progress: ProgressCallback | None = None,
) -> int:
    """Write the picture of ``src`` (stream ``picture.index``), upright and with every face
    masked, to ``dst`` (Matroska, ``encoding``'s codec, no audio). Returns the number of
    face tracks masked. Raises ScrubError and leaves no ``dst`` on any failure."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise ScrubError(
            gettext_noop(
                "%(file)s needs %(tool)s, which is not installed: run scripts/system-deps.sh (Debian package ffmpeg)."
            ),
            code="scrub.tool_missing",
            params={"file": src.name, "tool": "ffmpeg"},
        )
    if detector is None:
        detector = video_detector()
    width, height = upright_size(picture)
    size = width * height * 3
    url = "file:" + str(src.resolve())
    expected = picture.frames
    limit = max(int(expected * FRAME_SLACK), expected + int(picture.rate * FRAME_SLACK_SECONDS))
    if expected <= 0:
        limit = 2**62
    tracker = Tracker(settings)
    processes: list[subprocess.Popen[bytes]] = []
    scanner: _Scanner | None = None
    ok = False
    try:
        scout = _decoder(ffmpeg, url, demuxer, picture, settings.every, planar=False)
        processes.append(scout)
        scanner = _Scanner(scout, detector, (width, height, size), settings.every, limit)
        reader = _decoder(ffmpeg, url, demuxer, picture, 1, planar=True)
        processes.append(reader)
        encoder = _encoder(ffmpeg, width, height, picture.rate, encoding, dst)
        processes.append(encoder)
        if encoder.stdin is None:
            raise _Broken("no pipe")
        written = _run(
            scanner, reader, encoder.stdin, tracker, detector,
            (width, height, size), style, extra, settings, limit, expected, progress,
        )  # fmt: skip
        encoder.stdin.close()
        for process in processes:
            if process.wait() != 0:
                raise _Broken(f"ffmpeg exited with {process.returncode}")
        if written == 0 or not dst.is_file():
            raise _Broken("no frame")
        ok = True
    except _TooLong as exc:
        raise _too_long(src.name, limit) from exc
    except (_Broken, OSError, ValueError) as exc:
        raise _failed(src.name) from exc
    finally:
        if scanner is not None:
            scanner.stop()
        for process in processes:
            if process.poll() is None:
                process.kill()
            with contextlib.suppress(OSError):
                process.wait()
        if scanner is not None:
            scanner.join()  # its decoder is gone, so it is at most one detection from done
        for process in processes:
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if not ok:
            with contextlib.suppress(FileNotFoundError):
                dst.unlink()
    return tracker.count


class _TooLong(Exception):
    pass


@dataclass(frozen=True, slots=True)
class _Searched:
    """The detections of one searched frame, from the scanning thread."""

    index: int
    boxes: list[Box]
    cut: bool


class _Scanner:
    """Reads the searched frames and detects their faces in a thread of its own, a couple of
    frames ahead of the masking: onnxruntime lets go of the interpreter while it runs, so the
    frames of the last detection are masked and encoded while the next one is searched."""

    #: searched frames waiting to be used (each holds only its boxes, not the frame)
    AHEAD = 2

    def __init__(
        self,
        scout: subprocess.Popen[bytes],
        detector: FaceDetector,
        shape: tuple[int, int, int],
        every: int,
        limit: int,
    ) -> None:
        self._frames = _frames(scout, shape[2])
        self._detector = detector
        self._shape = shape
        self._every = every
        self._limit = limit
        self._queue: queue.Queue[_Searched | BaseException | None] = queue.Queue(self.AHEAD)
        self._stop = threading.Event()
        #: the colour histogram of the last searched frame (read once the scan is over)
        self.histogram: NDArray[np.float64] | None = None
        self._thread = threading.Thread(target=self._scan, name="resguardo-video-scan", daemon=True)
        self._thread.start()

    def __iter__(self) -> Iterator[_Searched]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def stop(self) -> None:
        self._stop.set()

    def join(self) -> None:
        self._thread.join()

    def _put(self, item: _Searched | BaseException | None) -> bool:
        while not self._stop.is_set():
            with contextlib.suppress(queue.Full):
                self._queue.put(item, timeout=0.1)
                return True
        return False

    def _scan(self) -> None:
        width, height, _ = self._shape
        try:
            for count, frame in enumerate(self._frames):
                if self._stop.is_set():
                    return
                index = count * self._every
                if index > self._limit:
                    raise _TooLong
                histogram = _histogram(frame, width, height)
                previous, self.histogram = self.histogram, histogram
                cut = _is_cut(previous, histogram)
                if not self._put(_Searched(index, _detect(self._detector, frame, width, height), cut)):
                    return
        except Exception as exc:
            self._put(exc)
            return
        self._put(None)


def _is_cut(previous: NDArray[np.float64] | None, histogram: NDArray[np.float64]) -> bool:
    return previous is not None and float(np.abs(histogram - previous).sum()) / 3 > SCENE_CUT


def _run(
    scanner: _Scanner,
    reader: subprocess.Popen[bytes],
    sink: IO[bytes],
    tracker: Tracker,
    detector: FaceDetector,
    shape: tuple[int, int, int],
    style: MaskStyle,
    extra: Sequence[Box],
    settings: Settings,
    limit: int,
    expected: int,
    progress: ProgressCallback | None,
) -> int:
    width, height, _ = shape
    frames = _frames(reader, _planar_size(width, height))
    detected = 0  # frames the scout has given
    written = 0
    last_report = 0.0
    tail: list[bytearray] = []

    def emit(data: bytearray, index: int) -> None:
        boxes = tracker.boxes_at(index, width, height) + list(extra)
        if boxes:
            _paint(data, boxes, width, height, style)
        sink.write(data)

    for searched in scanner:
        tracker.add(searched.index, searched.boxes, cut=searched.cut)
        tracker.forget(written)
        detected += 1
        while written < tracker.settled():
            data = next(frames, None)
            if data is None:
                raise _Broken("the two decoders disagree on the frames")
            emit(data, written)
            written += 1
            if written > limit:
                raise _TooLong
            now = time.monotonic()
            if progress is not None and now - last_report >= PROGRESS_EVERY_S:
                progress(written, max(expected, written))
                last_report = now
    # The last frames after the last detection: the last of them is searched too, so a face
    # that comes in at the very end is found. At most ``every`` - 1 frames wait here.
    last_detection = (detected - 1) * settings.every
    for data in frames:
        index = written + len(tail)
        if index > last_detection + settings.every - 1:
            raise _Broken("the two decoders disagree on the frames")
        tail.append(data)
        if index > limit:
            raise _TooLong
    if tail and written + len(tail) - 1 > last_detection:
        last = _rgb(tail[-1], width, height)
        cut = _is_cut(scanner.histogram, _histogram(last, width, height))
        tracker.add(written + len(tail) - 1, _detect(detector, last, width, height), cut=cut)
    tracker.finish()
    for data in tail:
        emit(data, written)
        written += 1
    if detected == 0 or written <= last_detection:
        raise _Broken("the two decoders disagree on the frames")
    if progress is not None:
        progress(written, written)
    return written
