"""Media scrubbing: metadata removal and face masking for images, video, audio and documents.

    from resguardo.scrub.media import scrub_file, inspect_file, Options
    report = scrub_file(Path("march.jpg"), Path("out/march.jpg"), Options())

Every handler module registers itself on import (see ``registry``).
"""

from resguardo.scrub.media.api import (
    FileReport,
    collect_inputs,
    inspect_file,
    scrub_file,
    scrub_many,
)
from resguardo.scrub.media.base import Box, CleanResult, Finding, Options

__all__ = [
    "Box",
    "CleanResult",
    "FileReport",
    "Finding",
    "Options",
    "collect_inputs",
    "inspect_file",
    "scrub_file",
    "scrub_many",
]
