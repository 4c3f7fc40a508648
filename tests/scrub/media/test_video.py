"""Tracking (pure logic) and the video detector's passes.

The whole pipeline (decode, detect, mask, encode, remux) is tested through ``scrub_file`` in
test_av.py; coverage and speed on a 1080p clip are measured by benchmarks/video.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")

from resguardo.scrub.media.base import Box
from resguardo.scrub.media.faces import FaceDetector
from resguardo.scrub.media.masking import clip
from resguardo.scrub.media.video import (
    Picture,
    Settings,
    Tracker,
    upright_size,
    video_detector,
)

W, H = 640, 360


def contains(outer: Box, inner: Box) -> bool:
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and outer.x + outer.w >= inner.x + inner.w
        and outer.y + outer.h >= inner.y + inner.h
    )


def covered(boxes: list[Box], face: Box) -> bool:
    return any(contains(b, face) for b in boxes)


def run(tracker: Tracker, detections: dict[int, list[Box]], last: int) -> dict[int, list[Box]]:
    for frame in sorted(detections):
        tracker.add(frame, detections[frame])
    tracker.finish()
    return {t: tracker.boxes_at(t, W, H) for t in range(last + 1)}


def moving(t: int, speed: float = 3.0, x: int = 100) -> Box:
    return Box(round(x + speed * t), 100, 30, 36)


def test_a_moving_face_is_covered_between_detections() -> None:
    every = 5
    tracker = Tracker(Settings(every=every))
    frames = run(tracker, {t: [moving(t)] for t in range(0, 31, every)}, 30)
    for t, boxes in frames.items():
        assert covered(boxes, moving(t)), t
    assert tracker.count == 1


def test_a_face_the_detector_misses_once_stays_masked() -> None:
    every = 5
    detections = {t: [moving(t)] for t in range(0, 41, every)}
    detections[20] = []  # the detector blinks
    tracker = Tracker(Settings(every=every, linger=1))
    frames = run(tracker, detections, 40)
    for t, boxes in frames.items():
        assert covered(boxes, moving(t)), t
    assert tracker.count == 1, "the blink does not split the track"


def test_a_track_lingers_before_its_first_and_after_its_last_detection() -> None:
    face = Box(200, 100, 30, 30)
    tracker = Tracker(Settings(every=4, linger=2))
    frames = run(tracker, {0: [], 4: [], 20: [face], 24: [face], 40: []}, 48)
    shown = [t for t, boxes in frames.items() if covered(boxes, face)]
    assert shown == list(range(20 - 8, 24 + 8 + 1))


def test_a_fast_pan_moves_every_face_alike_and_keeps_their_tracks() -> None:
    """Faces that move further than their own size between detections are linked by the
    motion of the whole picture (found from the faces that still overlap)."""
    every = 5
    sizes = (80, 60, 12, 10)  # the large faces overlap their last place, the small ones do not

    def faces_at(t: int) -> list[Box]:
        return [Box(40 + 120 * i + 6 * t, 150, s, s) for i, s in enumerate(sizes)]

    tracker = Tracker(Settings(every=every))
    frames = run(tracker, {t: faces_at(t) for t in range(0, 31, every)}, 30)
    assert tracker.count == len(sizes)
    for t, boxes in frames.items():
        for face in faces_at(t):
            assert covered(boxes, face), (t, face)


def test_boxes_are_cut_to_the_picture() -> None:
    tracker = Tracker(Settings(every=2))
    frames = run(tracker, {0: [Box(-10, -10, 40, 40)], 2: [Box(W - 20, H - 20, 40, 40)]}, 2)
    for boxes in frames.values():
        for b in boxes:
            assert b.x >= 0 and b.y >= 0 and b.x + b.w <= W and b.y + b.h <= H


def test_detections_must_come_in_order() -> None:
    tracker = Tracker()
    tracker.add(5, [])
    with pytest.raises(ValueError, match="increasing"):
        tracker.add(5, [])
    tracker.finish()
    with pytest.raises(ValueError, match="increasing"):
        tracker.add(10, [])
    with pytest.raises(ValueError, match="every"):
        Settings(every=0)


boxes_strategy = st.lists(
    st.builds(
        Box,
        st.integers(-20, W),
        st.integers(-20, H),
        st.integers(1, 120),
        st.integers(1, 120),
    ),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(
    every=st.integers(1, 6),
    linger=st.integers(0, 3),
    detections=st.lists(boxes_strategy, min_size=1, max_size=12),
)
def test_settled_frames_never_change(every: int, linger: int, detections: list[list[Box]]) -> None:
    """What is masked on a frame once it is settled is what the whole video's detections
    give it: the streaming pipeline writes frames as soon as they are settled."""
    config = Settings(every=every, linger=linger)
    last = (len(detections) - 1) * every
    streamed: dict[int, list[Box]] = {}
    tracker = Tracker(config)
    for n, boxes in enumerate(detections):
        tracker.add(n * every, boxes)
        tracker.forget(len(streamed))
        for t in range(last + 1):
            if t < tracker.settled() and t not in streamed:
                streamed[t] = tracker.boxes_at(t, W, H)
    tracker.finish()
    for t in range(last + 1):
        streamed.setdefault(t, tracker.boxes_at(t, W, H))
    whole = Tracker(config)
    assert streamed == run(whole, {n * every: b for n, b in enumerate(detections)}, last)
    # and every detection is masked on its own frame
    for n, boxes in enumerate(detections):
        for box in boxes:
            inside = clip(box, W, H)
            if inside is not None:
                assert covered(streamed[n * every], inside)


def test_the_video_detector_has_no_upscaled_pass() -> None:
    detector = video_detector()
    assert isinstance(detector, FaceDetector)
    passes = detector.passes(1920, 1080)
    assert [p.scale for p in passes] == [1.0, 0.5, 0.25]
    assert passes[0].bands[0].min_size == 0.0  # small faces are kept at full size
    assert passes[-1].bands[-1].max_size == float("inf")  # and large ones at the last pass
    small = detector.passes(320, 240)
    assert [p.scale for p in small] == [1.0]
    assert small[0].bands[-1].max_size == float("inf")


@pytest.mark.parametrize(
    ("rotation", "size"), [(0, (64, 48)), (90, (48, 64)), (180, (64, 48)), (270, (48, 64))]
)
def test_upright_size_follows_the_rotation(rotation: int, size: tuple[int, int]) -> None:
    from fractions import Fraction

    assert upright_size(Picture(0, 64, 48, Fraction(25), 10, rotation)) == size


def test_a_scene_cut_starts_new_tracks_that_reach_back_to_it() -> None:
    every = 8
    old, new = Box(100, 100, 30, 36), Box(400, 200, 30, 36)
    for cut in (False, True):
        tracker = Tracker(Settings(every=every, linger=1))
        tracker.add(0, [old])
        tracker.add(8, [old])
        # the scene changes on frame 12; on frame 16 the face of the new scene is somewhere else,
        # near enough to the old one's predicted place to be linked without the cut
        tracker.add(16, [Box(130, 110, 30, 36) if not cut else new], cut=cut)
        tracker.finish()
        if cut:
            assert tracker.count == 2
            for t in range(9, 17):  # the new face is masked on the frames after the cut too
                assert covered(tracker.boxes_at(t, W, H), new), t


def test_scene_cut_measure_tells_a_cut_from_a_pan() -> None:
    import numpy as np

    from resguardo.scrub.media.video import SCENE_CUT, _histogram

    rng = np.random.default_rng(0)
    scene = rng.integers(0, 120, (72, 128, 3), dtype=np.uint8)
    panned = np.roll(scene, 9, axis=1)
    other = rng.integers(100, 255, (72, 128, 3), dtype=np.uint8)

    def distance(a: np.ndarray, b: np.ndarray) -> float:  # type: ignore[type-arg]
        return float(np.abs(_histogram(a.tobytes(), 128, 72) - _histogram(b.tobytes(), 128, 72)).sum()) / 3

    assert distance(scene, panned) < SCENE_CUT < distance(scene, other)


# -- painting on 4:2:0 frames ------------------------------------------------------------------


def _planar(width: int, height: int, seed: int = 0) -> bytearray:
    import numpy as np

    from resguardo.scrub.media.video import _planar_size

    rng = np.random.default_rng(seed)
    return bytearray(rng.integers(40, 220, _planar_size(width, height), dtype=np.uint8).tobytes())


@pytest.mark.parametrize("size", [(64, 48), (63, 47)])
def test_a_solid_mask_is_black_in_every_plane_on_even_edges(size: tuple[int, int]) -> None:
    import numpy as np

    from resguardo.scrub.media.video import _paint, _planes

    width, height = size
    frame = _planar(width, height)
    before = [p.copy() for p in _planes(bytearray(frame), width, height)]
    _paint(frame, [Box(5, 7, 10, 9), Box(55, 40, 20, 20)], width, height, "solid")
    y, u, v = _planes(frame, width, height)
    # grown to even edges: x 4..16, y 6..16; the second box cut to the frame
    assert (y[6:16, 4:16] == 16).all() and (u[3:8, 2:8] == 128).all() and (v[3:8, 2:8] == 128).all()
    assert (y[40:, 54:] == 16).all() and (u[20:, 27:] == 128).all()
    # nothing else moved
    untouched = np.ones_like(y, dtype=bool)
    untouched[6:16, 4:16] = False
    untouched[40:, 54:] = False
    assert (y[untouched] == before[0][untouched]).all()
    assert (u[:3] == before[1][:3]).all() and (v[10:20, :20] == before[2][10:20, :20]).all()


def test_a_mosaic_makes_every_block_one_colour_in_every_plane() -> None:
    import numpy as np

    from resguardo.scrub.media.masking import mosaic_block
    from resguardo.scrub.media.video import _paint, _planes

    width, height = 96, 64
    frame = _planar(width, height, seed=3)
    box = Box(10, 8, 48, 40)
    original = _planes(bytearray(frame), width, height)[0][8:48, 10:58].copy()
    _paint(frame, [box], width, height, "mosaic")
    y, u, v = _planes(frame, width, height)
    block = mosaic_block(box) + (mosaic_block(box) & 1)
    for top in range(8, 48, block):
        for left in range(10, 58, block):
            cell = y[top : min(top + block, 48), left : min(left + block, 58)]
            assert cell.min() == cell.max(), (top, left)
            for plane in (u, v):
                half = plane[top // 2 : min(top + block, 48) // 2, left // 2 : min(left + block, 58) // 2]
                assert half.min() == half.max()
    assert np.abs(y[8:48, 10:58].astype(int) - original).mean() > 12  # the face is not what it was


def test_the_planar_frame_reads_back_as_its_colours() -> None:
    import numpy as np

    from resguardo.scrub.media.video import _planar_size, _rgb

    width, height = 6, 4
    frame = bytearray(_planar_size(width, height))
    frame[: width * height] = bytes([235]) * (width * height)  # white luma, no colour
    frame[width * height :] = bytes([128]) * (len(frame) - width * height)
    assert (np.frombuffer(_rgb(frame, width, height), np.uint8) == 255).all()
    frame[: width * height] = bytes([16]) * (width * height)
    assert (np.frombuffer(_rgb(frame, width, height), np.uint8) == 0).all()
    # pure red in BT.601 limited range: Y 81, Cb 90, Cr 240
    frame[: width * height] = bytes([81]) * (width * height)
    chroma = (width // 2) * (height // 2)
    frame[width * height : width * height + chroma] = bytes([90]) * chroma
    frame[width * height + chroma :] = bytes([240]) * chroma
    red = np.frombuffer(_rgb(frame, width, height), np.uint8).reshape(height, width, 3)
    assert (red[..., 0] >= 250).all() and (red[..., 1:] <= 5).all()
