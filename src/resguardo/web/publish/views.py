"""Publish safely, on the web: upload, review what the file gives away and the faces found,
keep the faces of people who consented, add rectangles, download the cleaned file.

Works without JavaScript end to end. Files live only for the time it takes (see storage).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from resguardo.errors import InputError, ResguardoError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media import Box, Options, inspect_file, scrub_file
from resguardo.web.publish import jobs, storage

MAX_UPLOAD_BYTES = 1024**3
STILL_KINDS = frozenset({"jpeg", "png", "webp", "tiff", "gif", "heif"})
VIDEO_KINDS = frozenset({"mp4", "matroska"})
PREVIEW_SIDE = 1200
MAX_EXTRA_BOXES = 8


def _open_upright(path: Path) -> Any:
    from PIL import Image, ImageOps

    with contextlib.suppress(ImportError):
        import pillow_heif

        pillow_heif.register_heif_opener()
    with Image.open(path) as image:
        image.seek(0)
        return ImageOps.exif_transpose(
            image.convert("RGB") if image.mode not in ("RGB", "L") else image.copy()
        )


def _folder(request: HttpRequest, token: str) -> Path:
    """The upload folder of this token in this session: 404 for any other."""
    folder = storage.folder_for(request, token)
    if folder is None:
        raise Http404
    return folder


def _the_file(folder: Path) -> Path:
    files = sorted((folder / "in").iterdir())
    if not files:
        raise Http404
    return files[0]


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    storage.sweep()
    return render(request, "publish/index.html", {"max_mb": MAX_UPLOAD_BYTES // 1024**2})


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponseBase:
    upload = request.FILES.get("file")
    if upload is None:
        raise InputError(gettext_noop("Choose a file to clean."), code="publish.no_file")
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise InputError(
            gettext_noop("The file is too large (more than %(max)s bytes)."),
            code="publish.too_large",
            params={"max": MAX_UPLOAD_BYTES},
        )
    token, folder = storage.new(request)
    (folder / "in").mkdir(mode=0o700)
    path = folder / "in" / storage.safe_name(upload.name or "file")
    try:
        with path.open("xb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        kind, findings = inspect_file(path)
        faces: list[dict[str, int]] = []
        size = (0, 0)
        if kind in STILL_KINDS and _mask_faces(request):
            from resguardo.scrub.media.faces import detect_faces

            image = _open_upright(path)
            size = image.size
            faces = [b.as_dict() for b in detect_faces(image)]
        state = {
            "kind": kind,
            "findings": [{"key": f.key, "value": f.value, "category": f.category} for f in findings],
            "faces": faces,
            "size": size,
            "mask_faces": _mask_faces(request),
        }
        (folder / "state.json").write_text(json.dumps(state), encoding="utf-8")
    except ResguardoError:
        storage.discard(request, token)
        raise
    if request.POST.get("action") == "now":
        return _clean_and_send(request, token, folder, Options(faces=bool(state["mask_faces"])))
    return redirect("publish:review", token=token)


def _mask_faces(request: HttpRequest) -> bool:
    """The form sends "on" from the checkbox and "off" from a hidden field after it, so an
    unticked box still says something: faces are masked when "on" is among the values, or
    when the field is missing altogether (the safe default)."""
    values = request.POST.getlist("faces")
    return not values or "on" in values


def _state(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "state.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@login_required
@require_GET
def review(request: HttpRequest, token: str) -> HttpResponse:
    folder = _folder(request, token)
    state = _state(folder)
    width, height = state["size"]
    scale = min(1.0, PREVIEW_SIDE / max(width, height, 1))
    faces = [
        {
            "n": i + 1,
            **box,
            "sx": box["x"] * scale,
            "sy": box["y"] * scale,
            "sw": box["w"] * scale,
            "sh": box["h"] * scale,
        }
        for i, box in enumerate(state["faces"])
    ]
    return render(
        request,
        "publish/review.html",
        {
            "token": token,
            "name": _the_file(folder).name,
            "state": state,
            "faces": faces,
            "still": state["kind"] in STILL_KINDS,
            "video": state["kind"] in VIDEO_KINDS,
            "preview_w": round(width * scale),
            "preview_h": round(height * scale),
            "extra_rows": range(3),
        },
    )


@login_required
@require_GET
def preview(request: HttpRequest, token: str) -> HttpResponse:
    """The upright picture, downscaled and re-encoded without any metadata."""
    folder = storage.folder_for(request, token)
    if folder is None or _state(folder)["kind"] not in STILL_KINDS:
        raise Http404
    image = _open_upright(_the_file(folder)).convert("RGB")
    image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    response = HttpResponse(buffer.getvalue(), content_type="image/jpeg")
    response["Cache-Control"] = "no-store"
    return response


def _int(value: str, where: str) -> int:
    if not value.strip().lstrip("-").isdigit():
        raise InputError(
            gettext_noop("%(where)s must be a whole number."),
            code="publish.bad_rectangle",
            params={"where": where},
        )
    return int(value)


def _extra_boxes(request: HttpRequest, size: tuple[int, int]) -> tuple[Box, ...]:
    boxes = []
    width, height = size
    for i in range(MAX_EXTRA_BOXES):
        fields = [request.POST.get(f"extra-{i}-{k}", "").strip() for k in ("x", "y", "w", "h")]
        if not any(fields):
            continue
        x, y, w, h = (_int(v, f"extra-{i}") for v in fields)
        if w <= 0 or h <= 0 or x < 0 or y < 0 or (width and (x + w > width or y + h > height)):
            raise InputError(
                gettext_noop("Rectangle %(n)s lies outside the picture."),
                code="publish.bad_rectangle",
                params={"n": i + 1},
            )
        boxes.append(Box(x, y, w, h))
    return tuple(boxes)


@login_required
@require_http_methods(["POST"])
def clean(request: HttpRequest, token: str) -> HttpResponseBase:
    folder = _folder(request, token)
    state = _state(folder)
    keep = tuple(
        Box(**state["faces"][int(n) - 1])
        for n in request.POST.getlist("keep")
        if n.isdigit() and 1 <= int(n) <= len(state["faces"])
    )
    options = Options(
        faces=bool(state["mask_faces"]),
        mask_style="mosaic" if request.POST.get("mask_style") == "mosaic" else "solid",
        drop_audio=request.POST.get("drop_audio") == "on",
        keep=keep,
        extra=_extra_boxes(request, tuple(state["size"])),
    )
    return _clean_and_send(request, token, folder, options)


def _clean_and_send(request: HttpRequest, token: str, folder: Path, options: Options) -> HttpResponseBase:
    src = _the_file(folder)
    out = folder / "out" / src.name
    if _state(folder)["kind"] in VIDEO_KINDS:
        # Minutes of work: done in the background while a page shows how far it has got.
        jobs.start(folder, src, out, options)
        return redirect("publish:progress", token=token)
    try:
        scrub_file(src, out, options)
        # Open, then delete: the open handle streams the file, and nothing stays on disk.
        handle = out.open("rb")
    finally:
        storage.discard(request, token)
    return _send(handle, src.name)


def _send(handle: Any, name: str) -> FileResponse:
    ascii_name = "".join(c if (c.isascii() and c.isalnum()) or c in "._-" else "_" for c in name)
    response = FileResponse(
        handle, as_attachment=True, filename=f"cleaned-{ascii_name}", content_type="application/octet-stream"
    )
    response["Cache-Control"] = "no-store"
    return response


#: Seconds between reloads of the progress page while a video is cleaned.
REFRESH_SECONDS = 3


@login_required
@require_GET
def progress(request: HttpRequest, token: str) -> HttpResponseBase:
    """How far the cleaning of a video has got; reloads itself until the file is ready."""
    folder = _folder(request, token)
    job = jobs.read(folder)
    if job is None:
        return redirect("publish:review", token=token)
    if job.state == "failed":
        storage.discard(request, token)
        raise job.failure()
    left = job.seconds_left()
    response = render(
        request,
        "publish/progress.html",
        {
            "token": token,
            "job": job,
            "refresh": REFRESH_SECONDS if job.state != "done" else None,
            "minutes_left": None if left is None else max(1, round(left / 60)),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def download(request: HttpRequest, token: str) -> HttpResponseBase:
    """The cleaned video, once; the folder is deleted as it is sent."""
    folder = _folder(request, token)
    job = jobs.read(folder)
    outputs = sorted((folder / "out").iterdir()) if (folder / "out").is_dir() else []
    if job is None or job.state != "done" or len(outputs) != 1:
        return redirect("publish:progress", token=token)
    try:
        handle = outputs[0].open("rb")
    finally:
        storage.discard(request, token)
    return _send(handle, outputs[0].name)
