"""Face masks are irreversible: every pixel of every box is painted over, solid or in coarse
uniform blocks, and nothing outside the boxes changes."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from resguardo.scrub.media import masking
from resguardo.scrub.media.base import Box


def noise(size: tuple[int, int], seed: int, mode: str = "RGB") -> Image.Image:
    rng = random.Random(seed)  # noqa: S311 - reproducible test pixels, not secrets
    bands = len(mode)
    return Image.frombytes(mode, size, bytes(rng.randrange(256) for _ in range(size[0] * size[1] * bands)))


boxes = st.builds(
    Box,
    x=st.integers(-20, 90),
    y=st.integers(-20, 90),
    w=st.integers(0, 70),
    h=st.integers(0, 70),
)
sizes = st.tuples(st.integers(1, 80), st.integers(1, 80))


def pixels_in(box: Box, size: tuple[int, int]) -> list[tuple[int, int]]:
    clipped = masking.clip(box, *size)
    if clipped is None:
        return []
    return [
        (x, y)
        for x in range(clipped.x, clipped.x + clipped.w)
        for y in range(clipped.y, clipped.y + clipped.h)
    ]


@settings(max_examples=60, deadline=None)
@given(size=sizes, drawn=st.lists(boxes, max_size=5), seed=st.integers(0, 2**16))
def test_solid_mask_paints_every_pixel_of_every_box_and_nothing_else(
    size: tuple[int, int], drawn: list[Box], seed: int
) -> None:
    original = noise(size, seed)
    image = masking.mask(original.copy(), drawn, "solid")
    inside = {p for box in drawn for p in pixels_in(box, size)}
    for x in range(size[0]):
        for y in range(size[1]):
            if (x, y) in inside:
                assert image.getpixel((x, y)) == (0, 0, 0)
            else:
                assert image.getpixel((x, y)) == original.getpixel((x, y))


@settings(max_examples=60, deadline=None)
@given(size=sizes, drawn=st.lists(boxes, max_size=4), seed=st.integers(0, 2**16))
def test_mosaic_turns_every_box_into_uniform_coarse_blocks_of_the_mean_colour(
    size: tuple[int, int], drawn: list[Box], seed: int
) -> None:
    original = noise(size, seed)
    image = masking.mask(original.copy(), drawn, "mosaic")
    clipped = [c for c in (masking.clip(b, *size) for b in drawn) if c is not None]
    regions = masking.mosaic_regions(clipped)
    covered: set[tuple[int, int]] = set()
    for region, block in regions:
        assert block >= max(masking.MIN_BLOCK, -(-max(region.w, region.h) // masking.BLOCKS_ACROSS))
        for bx in range(region.x, region.x + region.w, block):
            for by in range(region.y, region.y + region.h, block):
                cell = Box(bx, by, min(block, region.x + region.w - bx), min(block, region.y + region.h - by))
                points = pixels_in(cell, size)
                colours = {image.getpixel(p) for p in points}
                assert len(colours) == 1, "a mosaic block is not uniform"
                (colour,) = colours
                for band in range(3):
                    values = [original.getpixel(p)[band] for p in points]  # type: ignore[index]
                    assert abs(colour[band] - sum(values) / len(values)) <= 1  # type: ignore[index]
                covered.update(points)
    inside = {p for box in drawn for p in pixels_in(box, size)}
    assert inside <= covered
    for x in range(size[0]):
        for y in range(size[1]):
            if (x, y) not in covered:
                assert image.getpixel((x, y)) == original.getpixel((x, y))


def test_mosaic_is_coarse_not_a_light_blur() -> None:
    face = Box(10, 10, 96, 120)
    original = noise((140, 160), 7)
    image = masking.mask(original.copy(), [face], "mosaic")
    block = masking.mosaic_block(face)
    assert block == 20  # 120 / 6: a face is six blocks tall at most
    region = image.crop((face.x, face.y, face.x + face.w, face.y + face.h))
    # Noise has a different colour in nearly every pixel; the mask leaves one per block.
    blocks = -(-face.w // block) * -(-face.h // block)
    assert len(set(region.get_flattened_data())) <= blocks


def test_small_faces_still_get_blocks_of_at_least_eight_pixels() -> None:
    assert masking.mosaic_block(Box(0, 0, 12, 14)) == masking.MIN_BLOCK == 8


def test_regions_merge_overlapping_boxes_into_disjoint_rectangles() -> None:
    regions = masking.mosaic_regions([Box(0, 0, 10, 10), Box(5, 5, 10, 10), Box(40, 40, 60, 6)])
    assert regions == [(Box(0, 0, 15, 15), 8), (Box(40, 40, 60, 6), 10)]


@pytest.mark.parametrize(
    ("mode", "black"), [("L", 0), ("LA", (0, 255)), ("RGB", (0, 0, 0)), ("RGBA", (0, 0, 0, 255))]
)
def test_masks_are_opaque_in_every_mode(mode: str, black: object) -> None:
    transparent = Image.new(mode, (30, 30))
    solid = masking.mask(transparent.copy(), [Box(2, 2, 10, 10)], "solid")
    assert solid.getpixel((5, 5)) == black
    mosaic = masking.mask(noise((30, 30), 3, mode), [Box(2, 2, 10, 10)], "mosaic")
    if "A" in mode:
        assert mosaic.getpixel((5, 5))[-1] == 255  # type: ignore[index]


def test_modes_without_a_mask_are_refused() -> None:
    with pytest.raises(ValueError, match="mode P"):
        masking.mask(Image.new("P", (4, 4)), [Box(0, 0, 2, 2)], "solid")


def test_iou() -> None:
    assert masking.iou(Box(0, 0, 10, 10), Box(0, 0, 10, 10)) == 1.0
    assert masking.iou(Box(0, 0, 10, 10), Box(5, 0, 10, 10)) == pytest.approx(50 / 150)
    assert masking.iou(Box(0, 0, 10, 10), Box(20, 20, 5, 5)) == 0.0
    assert masking.iou(Box(0, 0, 0, 0), Box(0, 0, 0, 0)) == 0.0
