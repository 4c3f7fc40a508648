"""Irreversible face masks: a solid fill (the default) or a coarse mosaic, never a light blur.

The rectangles to mask come from the face detector (``faces.detect_faces``), which already
enlarges its detections to cover hair, ears and chin by the margins measured on crowd photos;
nothing here enlarges them again.

The mosaic replaces each block of the (merged) box by the block's mean colour. Blocks are at
least ``max(MIN_BLOCK, longest side / BLOCKS_ACROSS)`` pixels, so a face is at most about six
blocks across: too few to recognise or to "de-pixelate".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PIL import Image, ImageDraw

from resguardo.scrub.media.base import Box, MaskStyle

__all__ = [
    "BLOCKS_ACROSS",
    "MIN_BLOCK",
    "clip",
    "iou",
    "mask",
    "mosaic_block",
    "mosaic_regions",
]

MIN_BLOCK = 8
BLOCKS_ACROSS = 6
#: Modes the masks are drawn on; the image handler converts everything else first.
MODES = frozenset({"L", "LA", "RGB", "RGBA"})


def clip(box: Box, width: int, height: int) -> Box | None:
    """``box`` cut to the image; None when nothing of it is inside."""
    left, top = max(0, box.x), max(0, box.y)
    right, bottom = min(width, box.x + box.w), min(height, box.y + box.h)
    if right <= left or bottom <= top:
        return None
    return Box(left, top, right - left, bottom - top)


def iou(a: Box, b: Box) -> float:
    """Intersection over union of two boxes (0 when they do not touch)."""
    ix = max(0, min(a.x + a.w, b.x + b.w) - max(a.x, b.x))
    iy = max(0, min(a.y + a.h, b.y + b.h) - max(a.y, b.y))
    inter = ix * iy
    union = a.w * a.h + b.w * b.h - inter
    return inter / union if union > 0 else 0.0


def mosaic_block(box: Box) -> int:
    """The side of a mosaic block for ``box``: coarse enough that nothing can be read back."""
    return max(MIN_BLOCK, math.ceil(max(box.w, box.h) / BLOCKS_ACROSS))


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def mosaic_regions(boxes: Iterable[Box]) -> list[tuple[Box, int]]:
    """Overlapping boxes merged into disjoint rectangles, each with its block size (the
    coarsest of the boxes it holds, or of itself), so every block is one uniform colour."""
    regions = [(b, mosaic_block(b)) for b in boxes if b.w > 0 and b.h > 0]
    merged = True
    while merged:
        merged = False
        out: list[tuple[Box, int]] = []
        for box, block in regions:
            for i, (other, other_block) in enumerate(out):
                if _overlap(box, other):
                    left, top = min(box.x, other.x), min(box.y, other.y)
                    right = max(box.x + box.w, other.x + other.w)
                    bottom = max(box.y + box.h, other.y + other.h)
                    union = Box(left, top, right - left, bottom - top)
                    out[i] = (union, max(block, other_block, mosaic_block(union)))
                    merged = True
                    break
            else:
                out.append((box, block))
        regions = out
    return sorted(regions)


_OPAQUE_BLACK: dict[str, int | tuple[int, ...]] = {
    "L": 0,
    "LA": (0, 255),
    "RGB": (0, 0, 0),
    "RGBA": (0, 0, 0, 255),
}


def mask(image: Image.Image, boxes: Sequence[Box], style: MaskStyle = "solid") -> Image.Image:
    """Mask every box of ``image`` in place (and return it). Boxes are cut to the image.

    ``solid`` paints opaque black; ``mosaic`` paints each block its mean colour, opaque.
    """
    if image.mode not in MODES:
        raise ValueError(f"cannot mask an image in mode {image.mode}")
    width, height = image.size
    inside = [c for c in (clip(b, width, height) for b in boxes) if c is not None]
    if not inside:
        return image
    if style == "solid":
        draw = ImageDraw.Draw(image)
        fill = _OPAQUE_BLACK[image.mode]
        for box in inside:
            draw.rectangle((box.x, box.y, box.x + box.w - 1, box.y + box.h - 1), fill=fill)
        return image
    for box, block in mosaic_regions(inside):
        region = image.crop((box.x, box.y, box.x + box.w, box.y + box.h))
        # reduce() averages each block x block cell; the last row and column average what is left.
        means = region.reduce(block)
        cells = means.resize((means.width * block, means.height * block), Image.Resampling.NEAREST)
        cells = cells.crop((0, 0, box.w, box.h))
        if "A" in image.mode:
            cells.putalpha(255)
        image.paste(cells, (box.x, box.y))
    return image
