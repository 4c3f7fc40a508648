"""Cleaning a video on the web in the background, with progress the page can show.

A video takes minutes (every frame is decoded, searched or tracked, masked and encoded), far
longer than a request may last behind a server's worker timeout or a proxy. So the clean step
starts a thread in the server process and answers at once; the progress page reads the job's
state from ``job.json`` in the upload's own folder (any worker process can read it) and
reloads itself until the file is ready, with no JavaScript.

The state is written atomically (a whole new file renamed over the old one), so a reader
never sees half of it. Jobs run one at a time per server process: one video already keeps
every core busy. A job whose process is gone (the server was restarted) reads as failed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from resguardo.errors import ResguardoError, ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media import Options, scrub_file

__all__ = ["Job", "read", "start"]

log = logging.getLogger(__name__)

JOB_FILE = "job.json"
#: Videos cleaned at once by one server process.
MAX_RUNNING = 1
#: The job file is rewritten at most this often while frames are done (seconds).
WRITE_EVERY_S = 0.5

State = Literal["queued", "running", "done", "failed"]
_slots = threading.BoundedSemaphore(MAX_RUNNING)


@dataclass(frozen=True, slots=True)
class Job:
    state: State
    done: int = 0
    total: int = 0
    #: when the work began (not the wait in the queue), epoch seconds; 0 while queued
    started: float = 0.0
    pid: int = 0
    error: dict[str, Any] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0

    def seconds_left(self, now: float | None = None) -> int | None:
        """The time left at the pace so far; None until a few frames are done."""
        if self.state != "running" or self.done < 5 or self.total <= self.done or not self.started:
            return None
        spent = (now if now is not None else time.time()) - self.started
        return max(1, round(spent / self.done * (self.total - self.done)))

    def failure(self) -> ResguardoError:
        """The error a failed job stopped with (its message is translated where it is shown)."""
        return ScrubError(
            str(self.error.get("message") or ResguardoError.default_message),
            code=str(self.error.get("code") or "internal"),
            params={str(k): str(v) for k, v in dict(self.error.get("params") or {}).items()},
        )


def _write(folder: Path, job: Job) -> None:
    data = {
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "started": job.started,
        "pid": job.pid,
        "error": job.error,
    }
    temporary = folder / f".{JOB_FILE}.{threading.get_ident()}.tmp"
    # The folder may be gone (the person left and it was swept): then there is no one to tell.
    with contextlib.suppress(OSError):
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, folder / JOB_FILE)
    with contextlib.suppress(OSError):
        temporary.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read(folder: Path) -> Job | None:
    """The job of this upload folder; None when no job was started there."""
    try:
        data = json.loads((folder / JOB_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        data = {"state": "failed", "error": {}}
    state = data.get("state")
    if state not in ("queued", "running", "done", "failed"):
        state = "failed"
    job = Job(
        state=state,
        done=int(data.get("done") or 0),
        total=int(data.get("total") or 0),
        started=float(data.get("started") or 0.0),
        pid=int(data.get("pid") or 0),
        error=dict(data.get("error") or {}),
    )
    if job.state in ("queued", "running") and not _alive(job.pid):
        return replace(
            job,
            state="failed",
            error={
                "code": "publish.job_interrupted",
                "message": gettext_noop(
                    "The cleaning of this file was interrupted (the server restarted). Nothing was kept: "
                    "upload the file again."
                ),
            },
        )
    return job


def start(folder: Path, src: Path, out: Path, options: Options) -> None:
    """Clean ``src`` into ``out`` in a background thread; progress goes to the folder's job file."""
    _write(folder, Job("queued", pid=os.getpid()))
    thread = threading.Thread(
        target=_work, args=(folder, src, out, options), name="resguardo-publish-job", daemon=True
    )
    thread.start()


def _work(folder: Path, src: Path, out: Path, options: Options) -> None:
    with _slots:
        started = time.time()
        pid = os.getpid()
        _write(folder, Job("running", started=started, pid=pid))
        last = 0.0

        def progress(_path: Path, done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= WRITE_EVERY_S or done >= total:
                last = now
                _write(folder, Job("running", done, total, started, pid))

        try:
            scrub_file(src, out, replace(options, progress=progress))
        except ResguardoError as exc:
            error = {
                "code": exc.code,
                "message": exc.message,
                "params": {k: str(v) for k, v in exc.params.items()},
            }
            _write(folder, Job("failed", started=started, pid=pid, error=error))
            return
        except Exception as exc:
            # Only the kind of failure is logged: the message may hold a file name.
            log.error("a background clean failed: %s", type(exc).__name__)
            _write(folder, Job("failed", started=started, pid=pid, error={"code": "internal"}))
            return
        with contextlib.suppress(OSError):
            src.unlink()  # the original is not needed any more: only the clean copy stays
        _write(folder, Job("done", 1, 1, started, pid))
