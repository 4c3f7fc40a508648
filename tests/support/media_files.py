"""Builders of media fixtures used by both tests/scrub/media and benchmarks/corpus.py: a device
colour profile, drawn faces, and the skeletons of OOXML packages (content types, relationships,
a presentation). Callers fill in the identifying details they plant."""

from __future__ import annotations

import struct

from PIL import Image, ImageDraw

__all__ = [
    "CORE_REL",
    "DECL",
    "DOCX_PARTS",
    "DRAWN_FACES",
    "PACKAGE_TYPES",
    "PKG",
    "REL",
    "THUMB_REL",
    "R",
    "W",
    "content_types",
    "crowd_picture",
    "device_icc",
    "draw_face",
    "odf_manifest",
    "package_rels",
    "pptx_members",
    "rels",
]

# --------------------------------------------------------------------------- pictures


def device_icc(
    description: str, maker: bytes = b"APPL", model: bytes = b"DEV1", owner: str | None = None
) -> bytes:
    """A small, valid RGB display profile (gamma 2.2, sRGB primaries) that names a device:
    ``description`` ("Canon EOS R5 Camera RGB"), the 4-byte ``maker`` and ``model`` signatures
    of its header, and a copyright line naming ``owner`` (the maker's "device profile" when None)."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \x00\x00\x00\x00" + s15(x) + s15(y) + s15(z)

    text = description.encode() + b"\x00"
    desc = b"desc\x00\x00\x00\x00" + struct.pack(">I", len(text)) + text + b"\x00" * 78
    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233) + b"\x00\x00"
    holder = owner.encode() if owner is not None else maker + b" device profile"
    tags = [
        (b"desc", desc),
        (b"cprt", b"text\x00\x00\x00\x00Copyright " + holder + b"\x00"),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        data += b"\x00" * (-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += data
    header = (
        struct.pack(">I", offset + len(body))
        + b"lcms"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 5, 1, 12, 0, 0)
        + b"acspAPPL"
        + b"\x00" * 4
        + maker
        + model
        + b"\x00" * 12
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + maker
        + b"\x00" * 44
    )
    if len(header) != 128:
        raise ValueError("the maker and model signatures are 4 bytes each")
    return header + struct.pack(">I", len(tags)) + table + body


#: (centre x, centre y, height) of the faces of ``crowd_picture``; the detector finds most of them.
DRAWN_FACES = ((175, 100, 40), (260, 165, 25), (100, 190, 15), (60, 75, 60))


def draw_face(draw: ImageDraw.ImageDraw, cx: float, cy: float, s: float) -> None:
    """A flat drawn face of height ``s``: skin oval, eyes with pupils and brows, nose, open mouth."""
    draw.ellipse((cx - s * 0.4, cy - s * 0.5, cx + s * 0.4, cy + s * 0.5), fill=(224, 172, 140))
    for ex in (-0.17, 0.17):
        x = cx + ex * s
        draw.ellipse((x - s * 0.07, cy - s * 0.16, x + s * 0.07, cy - s * 0.08), fill=(255, 255, 255))
        draw.ellipse((x - s * 0.03, cy - s * 0.15, x + s * 0.03, cy - s * 0.09), fill=(40, 30, 20))
        draw.line(
            (x - s * 0.09, cy - s * 0.22, x + s * 0.09, cy - s * 0.22),
            fill=(60, 40, 20),
            width=max(1, int(s * 0.03)),
        )
    draw.polygon(
        [(cx, cy - s * 0.05), (cx - s * 0.05, cy + s * 0.1), (cx + s * 0.05, cy + s * 0.1)],
        fill=(200, 140, 110),
    )
    draw.chord((cx - s * 0.15, cy + s * 0.12, cx + s * 0.15, cy + s * 0.3), 0, 180, fill=(150, 50, 50))


def crowd_picture() -> Image.Image:
    """320 x 240 RGB, green, with the ``DRAWN_FACES``."""
    image = Image.new("RGB", (320, 240), (90, 120, 90))
    draw = ImageDraw.Draw(image)
    for cx, cy, s in DRAWN_FACES:
        draw_face(draw, cx, cy, s)
    return image


# --------------------------------------------------------------------------- OOXML packages

DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = R
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
THUMB_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
PML = "http://schemas.openxmlformats.org/presentationml/2006/main"
_OFFICE = "application/vnd.openxmlformats-officedocument"


#: Extensions every package declares.
PACKAGE_TYPES = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_WML = f"{_OFFICE}.wordprocessingml"
#: The parts of a word-processing document with comments and people, and of a workbook with comments.
DOCX_PARTS = {
    "word/document.xml": f"{_WML}.document.main+xml",
    "word/settings.xml": f"{_WML}.settings+xml",
    "word/comments.xml": f"{_WML}.comments+xml",
    "word/people.xml": "application/vnd.ms-word.people+xml",
    "docProps/core.xml": _CORE_TYPE,
    "docProps/app.xml": f"{_OFFICE}.extended-properties+xml",
    "docProps/custom.xml": f"{_OFFICE}.custom-properties+xml",
}
XLSX_PARTS = {
    "xl/workbook.xml": f"{_OFFICE}.spreadsheetml.sheet.main+xml",
    "xl/worksheets/sheet1.xml": f"{_OFFICE}.spreadsheetml.worksheet+xml",
    "xl/comments1.xml": f"{_OFFICE}.spreadsheetml.comments+xml",
    "docProps/core.xml": _CORE_TYPE,
    "docProps/app.xml": f"{_OFFICE}.extended-properties+xml",
}
#: A legacy drawing that holds nothing but a cell note's box (Excel writes one per comment).
VML_NOTE = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    '<v:shape><x:ClientData ObjectType="Note"><x:Row>0</x:Row></x:ClientData></v:shape></xml>'
)


def package_rels(main: str, *, custom: bool = False, thumbnail: str | None = None) -> str:
    """``_rels/.rels``: the main part, core and extended properties, and optionally custom
    properties (``docProps/custom.xml``) and a thumbnail."""
    items: list[tuple[str, ...]] = [
        ("rId1", f"{REL}/officeDocument", main),
        ("rId2", CORE_REL, "docProps/core.xml"),
        ("rId3", f"{REL}/extended-properties", "docProps/app.xml"),
    ]
    if custom:
        items.append(("rId4", f"{REL}/custom-properties", "docProps/custom.xml"))
    if thumbnail:
        items.append(("rId5", THUMB_REL, thumbnail))
    return rels(*items)


def content_types(defaults: dict[str, str], overrides: dict[str, str]) -> str:
    """``[Content_Types].xml``: extension -> type, and part name (no leading slash) -> type."""
    body = "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
    body += "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        DECL + f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{body}</Types>'
    )


def rels(*items: tuple[str, ...]) -> str:
    """A relationships part: (id, type, target) each, with a fourth item for an external target."""
    body = ""
    for item in items:
        rid, kind, target = item[:3]
        mode = ' TargetMode="External"' if len(item) == 4 else ""
        body += f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'
    return DECL + f'<Relationships xmlns="{PKG}">{body}</Relationships>'


def pptx_members(
    *,
    core: str,
    app: str | None,
    slide_text: str,
    comment_author: str,
    initials: str,
    comment_date: str,
    comment: str,
    picture_png: bytes,
) -> dict[str, str | bytes]:
    """A one-slide presentation with a PNG picture, a comment and its author's list."""
    overrides = {
        "ppt/presentation.xml": f"{_OFFICE}.presentationml.presentation.main+xml",
        "ppt/slides/slide1.xml": f"{_OFFICE}.presentationml.slide+xml",
        "ppt/comments/comment1.xml": f"{_OFFICE}.presentationml.comments+xml",
        "ppt/commentAuthors.xml": f"{_OFFICE}.presentationml.commentAuthors+xml",
        "docProps/core.xml": _CORE_TYPE,
    }
    top: list[tuple[str, ...]] = [
        ("rId1", f"{REL}/officeDocument", "ppt/presentation.xml"),
        ("rId2", CORE_REL, "docProps/core.xml"),
    ]
    if app is not None:
        overrides["docProps/app.xml"] = f"{_OFFICE}.extended-properties+xml"
        top.append(("rId3", f"{REL}/extended-properties", "docProps/app.xml"))
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types(
            PACKAGE_TYPES | {"png": "image/png"},
            overrides,
        ),
        "_rels/.rels": rels(*top),
        "docProps/core.xml": core,
    }
    if app is not None:
        members["docProps/app.xml"] = app
    members |= {
        "ppt/presentation.xml": DECL
        + f'<p:presentation xmlns:p="{PML}" xmlns:r="{R}"><p:sldIdLst><p:sldId id="256" r:id="rId1"/></p:sldIdLst></p:presentation>',
        "ppt/_rels/presentation.xml.rels": rels(
            ("rId1", f"{REL}/slide", "slides/slide1.xml"),
            ("rId2", f"{REL}/commentAuthors", "commentAuthors.xml"),
        ),
        "ppt/slides/slide1.xml": DECL
        + f'<p:sld xmlns:p="{PML}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="{R}">'
        f"<p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>{slide_text}</a:t></a:r></a:p></p:txBody></p:sp>"
        '<p:pic><p:blipFill><a:blip r:embed="rId3"/></p:blipFill></p:pic></p:spTree></p:cSld></p:sld>',
        "ppt/slides/_rels/slide1.xml.rels": rels(
            ("rId2", f"{REL}/comments", "../comments/comment1.xml"),
            ("rId3", f"{REL}/image", "../media/image1.png"),
        ),
        "ppt/comments/comment1.xml": DECL
        + f'<p:cmLst xmlns:p="{PML}"><p:cm authorId="0" dt="{comment_date}"><p:text>{comment}</p:text></p:cm></p:cmLst>',
        "ppt/commentAuthors.xml": DECL
        + f'<p:cmAuthorLst xmlns:p="{PML}"><p:cmAuthor id="0" name="{comment_author}" initials="{initials}"/></p:cmAuthorLst>',
        "ppt/media/image1.png": picture_png,
    }
    return members


# --------------------------------------------------------------------------- OpenDocument packages

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
    ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
    ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' xmlns:officeooo="http://openoffice.org/2009/office"'
    ' xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"'
)
#: An empty styles part.
ODF_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_NS} office:version="1.3"/>'
)


#: The parts of an OpenDocument file with a thumbnail and one photo (path -> media type).
ODF_PARTS = {
    "content.xml": "text/xml",
    "styles.xml": "text/xml",
    "meta.xml": "text/xml",
    "settings.xml": "text/xml",
    "Thumbnails/thumbnail.png": "image/png",
    "Pictures/photo.jpg": "image/jpeg",
}


def odf_manifest(mimetype: str, files: dict[str, str]) -> str:
    """``META-INF/manifest.xml`` listing the package root and ``files`` (path -> media type)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        + "".join(
            f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type="{t}"/>'
            for p, t in files.items()
        )
        + "</manifest:manifest>"
    )
