"""Scrub one file or many: sniff, refuse what is suspicious, clean to a temporary file,
verify by reading it back, then rename into place. Fail closed: on any doubt, no output."""

from __future__ import annotations

import contextlib
import importlib
import os
import pkgutil
import secrets
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from resguardo.errors import ResguardoError, ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media.base import Box, Finding, Options
from resguardo.scrub.media.registry import handler_for

__all__ = ["MAX_FILE_BYTES", "FileReport", "collect_inputs", "inspect_file", "scrub_file", "scrub_many"]

MAX_FILE_BYTES = 4 * 1024**3
#: Modules of this package that are not format handlers.
NOT_HANDLERS = frozenset({"api", "base", "registry", "faces", "video"})


def _load_handlers() -> None:
    """Import every handler module of this package once: each registers itself."""
    package = Path(__file__).parent
    for info in pkgutil.iter_modules([str(package)]):
        if info.name not in NOT_HANDLERS and not info.name.startswith("_"):
            importlib.import_module(f"resguardo.scrub.media.{info.name}")


@dataclass(frozen=True, slots=True)
class FileReport:
    input: str
    output: str | None
    status: str  # "cleaned" | "refused"
    error_code: str | None = None
    error: ResguardoError | None = field(default=None, compare=False)
    faces: tuple[Box, ...] = ()
    faces_masked: int = 0
    metadata_removed: tuple[str, ...] = ()
    kind: str | None = None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "input": self.input,
            "output": self.output,
            "status": self.status,
            "error_code": self.error_code,
            "faces": [b.as_dict() for b in self.faces],
            "metadata_removed": list(self.metadata_removed),
        }
        if self.kind in VIDEO_OR_DOCUMENT:
            data["faces_masked"] = self.faces_masked
        return data


VIDEO_OR_DOCUMENT = frozenset({"mp4", "matroska", "pdf", "ooxml", "odf", "mp3", "flac", "ogg", "wav"})


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ScrubError(
            gettext_noop("%(file)s is larger than the %(max)s bytes the scrubber accepts."),
            code="scrub.too_large",
            params={"file": path.name, "max": MAX_FILE_BYTES},
        )


def inspect_file(path: Path) -> tuple[str, list[Finding]]:
    """The file's kind and the identifying metadata found in it."""
    _load_handlers()
    handler, kind = handler_for(path)
    _check_size(path)
    return kind, handler.inspect(path, kind)


def scrub_file(src: Path, dst: Path, options: Options, *, in_place: bool = False) -> FileReport:
    """Clean ``src`` into ``dst`` (or over ``src`` with ``in_place``). Never leaves a partial
    file; raises ScrubError when the file is refused."""
    _load_handlers()
    src = src.resolve()
    handler, kind = handler_for(src)
    _check_size(src)
    target = src if in_place else dst.resolve()
    if not in_place and target == src:
        raise ScrubError(
            gettext_noop("The output would overwrite the input %(file)s; use --in-place to do that."),
            code="scrub.same_file",
            params={"file": src.name},
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.{secrets.token_hex(6)}.part{target.suffix}")
    try:
        result = handler.clean(src, tmp, kind, options)
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise ScrubError(
                gettext_noop("Cleaning %(file)s produced no output."),
                code="scrub.no_output",
                params={"file": src.name},
            )
        leftover = handler.inspect(tmp, kind)
        if leftover:
            raise ScrubError(
                gettext_noop("%(file)s still held identifying data after cleaning (%(what)s): refused."),
                code="scrub.verify_failed",
                params={"file": src.name, "what": ", ".join(sorted({f.key for f in leftover}))[:200]},
            )
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600 if not in_place else (src.stat().st_mode & 0o777))
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return FileReport(
        input=str(src),
        output=str(target),
        status="cleaned",
        faces=result.faces,
        faces_masked=result.faces_masked,
        metadata_removed=result.removed,
        kind=kind,
    )


def collect_inputs(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """Each input file with its path relative to what names it: a file stands alone, a
    folder's files keep the folder's layout (mirrored under --out)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink()):
                yield child, Path(path.name) / child.relative_to(path)
        else:
            yield path, Path(path.name)


def _scrub_one(src: Path, dst: Path, options: Options, in_place: bool) -> FileReport:
    try:
        return scrub_file(src, dst, options, in_place=in_place)
    except ResguardoError as error:
        return FileReport(
            input=str(src.resolve()), output=None, status="refused", error_code=error.code, error=error
        )
    except Exception as exc:  # a crash on one hostile file must not stop the batch
        crash = ScrubError(
            gettext_noop("%(file)s could not be cleaned: %(reason)s."),
            code="scrub.failed",
            params={"file": src.name, "reason": type(exc).__name__},
        )
        return FileReport(
            input=str(src.resolve()), output=None, status="refused", error_code=crash.code, error=crash
        )


def scrub_many(
    inputs: list[tuple[Path, Path]],
    out_dir: Path | None,
    options: Options,
    *,
    workers: int | None = None,
    progress: Callable[[FileReport], None] | None = None,
) -> list[FileReport]:
    """Scrub many files in parallel (processes). ``out_dir`` None means in place.
    Reports come back in input order; ``progress`` is called as each file finishes."""
    jobs = [(src, (out_dir / rel) if out_dir else src) for src, rel in inputs]
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    reports: dict[int, FileReport] = {}
    if workers == 1:
        for i, (src, dst) in enumerate(jobs):
            reports[i] = _scrub_one(src, dst, options, out_dir is None)
            if progress:
                progress(reports[i])
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(_scrub_one, src, dst, options, out_dir is None): i
                for i, (src, dst) in enumerate(jobs)
            }
            for future in as_completed(futures):
                reports[futures[future]] = future.result()
                if progress:
                    progress(reports[futures[future]])
    return [reports[i] for i in range(len(jobs))]
