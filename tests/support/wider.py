"""Reading WIDER FACE ground truth (``../shared/data/faces/wider-dev/ground_truth.txt``), shared
by the face tests and the face and video benchmarks.

The file is a run of records: the image's path, the number of faces, then one line per face
(x, y, w, h, blur, expression, illumination, invalid, occlusion, pose).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def records(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(image file name, the record's lines as written) for each record of the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        name = lines[i].strip()
        if not name:
            i += 1
            continue
        count = int(lines[i + 1])
        record = lines[i : i + 2 + count]
        yield Path(name.replace("\\", "/")).name, record
        i += len(record)


def faces(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """The valid face boxes (x, y, w, h) of each image, by file name."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    for name, record in records(path):
        boxes = []
        for row in record[2:]:
            x, y, w, h, *_rest, invalid, _occlusion, _pose = (int(v) for v in row.split()[:10])
            if not invalid and w > 0 and h > 0:
                boxes.append((x, y, w, h))
        out[name] = boxes
    return out
