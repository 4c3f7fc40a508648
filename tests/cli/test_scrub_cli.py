"""`resguardo scrub` / `inspect` plumbing through a subprocess (formats have their own tests)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run


def test_out_and_in_place_are_exclusive(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    result = run("scrub", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--in-place")
    assert result.returncode == 2 and result.stderr.startswith("error[usage.")


def test_one_of_out_or_in_place_is_required(tmp_path: Path) -> None:
    result = run("scrub", str(tmp_path))
    assert result.returncode == 2 and result.stderr.startswith("error[usage.missing_argument]")


def test_missing_input(tmp_path: Path) -> None:
    result = run("scrub", str(tmp_path / "nope.jpg"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and result.stderr.startswith("error[input.file_not_found]")


def test_text_file_is_refused_with_a_hint_and_reported(tmp_path: Path) -> None:
    notes = tmp_path / "-rf notas ñ.txt"
    notes.write_text("Ana vive en la calle 5", encoding="utf-8")
    report = tmp_path / "report.json"
    result = run("scrub", str(notes), "--out", str(tmp_path / "o"), "--report", str(report), lang="es")
    assert result.returncode == 2
    assert result.stderr.startswith("error[scrub.text_file]: ") and "redact" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data == {
        "files": [
            {
                "input": str(notes.resolve()),
                "output": None,
                "status": "refused",
                "error_code": "scrub.text_file",
                "faces": [],
                "metadata_removed": [],
            }
        ]
    }
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_inspect_refuses_text_in_json(tmp_path: Path) -> None:
    notes = tmp_path / "n.txt"
    notes.write_text("hola", encoding="utf-8")
    result = run("inspect", str(notes), "--format", "json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["files"][0]["error_code"] == "scrub.text_file"


def test_video_progress_crosses_processes_and_becomes_a_bar_per_file() -> None:
    """The callback the CLI hands the scrubber is picklable (batches clean files in worker
    processes) and each video's messages drive a bar of its own, removed when it is done."""
    import multiprocessing
    import pickle

    from rich.progress import Progress

    from resguardo.cli.scrub import FrameProgress, show_frames

    with multiprocessing.Manager() as manager:
        channel = manager.Queue()
        callback = pickle.loads(pickle.dumps(FrameProgress(channel)))  # noqa: S301  (our own bytes)
        callback(Path("/v/a.mp4"), 5, 20)
        callback(Path("/v/b.mkv"), 1, 10)
        callback(Path("/v/a.mp4"), 20, 20)
        channel.put(None)
        bar = Progress(disable=True)
        seen: list[tuple[str, float, float | None]] = []
        original = bar.update

        def update(task: object, **kw: object) -> None:
            original(task, **kw)  # type: ignore[arg-type]
            seen.append((bar._tasks[task].description, kw["completed"], kw["total"]))  # type: ignore[index,arg-type]

        bar.update = update  # type: ignore[method-assign]
        show_frames(channel, bar)
    assert seen == [("  a.mp4", 5, 20), ("  b.mkv", 1, 10), ("  a.mp4", 20, 20)]
    assert [t.description for t in bar.tasks] == ["  b.mkv"], "a finished video's bar goes away"
