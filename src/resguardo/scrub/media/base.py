"""The vocabulary every media handler speaks: findings, options, boxes, results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

__all__ = ["Box", "CleanResult", "Finding", "Handler", "MaskStyle", "Options", "Progress"]

MaskStyle = Literal["solid", "mosaic"]
#: Told how a long file advances: (the file, frames done, frames in all). Called from the
#: process that cleans the file, so a batch run across processes needs a picklable one.
Progress = Callable[[Path, int, int], None]
#: What a finding reveals, so people see why it matters.
Category = Literal["location", "device", "person", "time", "software", "content", "hidden-data", "other"]


@dataclass(frozen=True, slots=True, order=True)
class Box:
    """A rectangle in pixel coordinates of the upright image."""

    x: int
    y: int
    w: int
    h: int

    def as_dict(self) -> dict[str, int]:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h}


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of identifying metadata in a file.

    ``key`` is stable and namespaced ("exif:GPSInfo", "xmp", "video:stream:2:subtitle",
    "pdf:Info/Author"); ``value`` is a short printable excerpt (never the whole payload).
    """

    key: str
    value: str
    category: Category = "other"


@dataclass(frozen=True, slots=True)
class Options:
    faces: bool = True
    mask_style: MaskStyle = "solid"
    drop_audio: bool = False
    #: faces people consented to show (boxes in upright coordinates): left unmasked
    keep: tuple[Box, ...] = ()
    #: extra rectangles the person drew: always masked (in video, on every frame)
    extra: tuple[Box, ...] = ()
    #: progress of a long file (video); None for none
    progress: Progress | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class CleanResult:
    #: keys of the findings removed
    removed: tuple[str, ...] = ()
    #: masked rectangles of a still image (upright output coordinates)
    faces: tuple[Box, ...] = ()
    #: masked faces in video (count over all frames' tracks); 0 for stills and documents
    faces_masked: int = 0
    #: progress callback support is per handler; notes for the report
    notes: tuple[str, ...] = field(default=())


class Handler(Protocol):
    """A format family. Registered by kind in ``resguardo.scrub.media.registry``.

    ``clean`` writes a complete file at ``dst`` (a temporary path the caller renames) or
    raises a ``ScrubError``; it never modifies ``src``. ``inspect`` lists identifying
    metadata; the caller verifies a cleaned file by inspecting it again.
    """

    kinds: tuple[str, ...]

    def inspect(self, path: Path, kind: str) -> list[Finding]: ...

    def clean(self, src: Path, dst: Path, kind: str, options: Options) -> CleanResult: ...
