"""Documents: PDF, OOXML and ODF files are read, cleaned and read back clean.

Every fixture is built here: office files as hand-written ZIP/XML, PDFs with pikepdf,
pictures with Pillow. exiftool, where installed, reads the output as a second opinion.
"""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

pikepdf = pytest.importorskip("pikepdf")
pytest.importorskip("defusedxml")
Image = pytest.importorskip("PIL.Image")

import defusedxml.ElementTree as SafeET  # noqa: E402
from lxml import etree  # noqa: E402

from resguardo.errors import ScrubError  # noqa: E402
from resguardo.scrub.media import documents, registry  # noqa: E402
from resguardo.scrub.media.api import scrub_file  # noqa: E402
from resguardo.scrub.media.base import Finding, Options  # noqa: E402
from resguardo.scrub.media.documents import DocumentHandler, clean_jpeg, clean_png  # noqa: E402
from tests.support import media_files  # noqa: E402
from tests.support.media_files import DECL, REL, R, W, content_types, rels  # noqa: E402

HANDLER = DocumentHandler()
EPOCH = (1980, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------- pictures


def photo_jpeg(orientation: int = 6) -> bytes:
    """A small JPEG as a phone writes it: Exif with GPS, a maker, an orientation, a comment."""
    image = Image.new("RGB", (32, 16), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (40.0, 25.0, 0.0), 3: "W", 4: (3.0, 42.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"taken at the march")
    return out.getvalue()


def tagged_png() -> bytes:
    image = Image.new("RGB", (8, 8), (0, 0, 255))
    info = __import__("PIL.PngImagePlugin", fromlist=["PngInfo"]).PngInfo()
    info.add_text("Author", "Maria Lopez")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_jpeg_loses_metadata_but_keeps_orientation_and_pixels() -> None:
    data = photo_jpeg(orientation=6)
    cleaned, found = clean_jpeg(data, keep_orientation=True)
    assert {"jpeg:exif", "jpeg:comment"} <= {f.key for f in found}
    assert b"PhoneMaker" not in cleaned and b"march" not in cleaned
    again, leftover = clean_jpeg(cleaned, keep_orientation=True)
    assert leftover == [] and again == cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.getexif().get(0x0112) == 6
        assert dict(image.getexif()) == {0x0112: 6}
        assert image.size == (32, 16)
    without, _ = clean_jpeg(data, keep_orientation=False)
    with Image.open(io.BytesIO(without)) as image:
        assert dict(image.getexif()) == {}


def test_png_keeps_only_the_chunks_needed_to_show_it() -> None:
    cleaned, found = clean_png(tagged_png())
    assert [f.key for f in found] == ["png:tEXt"]
    assert b"Maria" not in cleaned
    assert clean_png(cleaned)[1] == []
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (8, 8)


@pytest.mark.parametrize("data", [b"\xff\xd8\xff\xe1\x00", b"\xff\xd8\xff\xda\x00\x02\x00\x00", b"nope"])
def test_broken_jpeg_is_corrupt(data: bytes) -> None:
    with pytest.raises(ScrubError) as info:
        clean_jpeg(data, keep_orientation=True)
    assert info.value.code == "scrub.corrupt"


# --------------------------------------------------------------------------- PDF


def make_pdf(path: Path, *, incremental: bool = False) -> Path:
    """A PDF with every kind of identifying data the handler knows about."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    page = pdf.pages[0]
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    jpeg = photo_jpeg()
    with Image.open(io.BytesIO(jpeg)) as image:
        width, height = image.size
    picture = pikepdf.Stream(pdf, jpeg)
    picture.Type = pikepdf.Name.XObject
    picture.Subtype = pikepdf.Name.Image
    picture.Width, picture.Height = width, height
    picture.ColorSpace = pikepdf.Name.DeviceRGB
    picture.BitsPerComponent = 8
    picture.Filter = pikepdf.Name.DCTDecode
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Im1=picture)
    )
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 12 Tf 20 150 Td (Hello visible world) Tj ET q 32 0 0 16 20 20 cm /Im1 Do Q"
    )
    page.obj.PieceInfo = pikepdf.Dictionary(Illustrator=pikepdf.Dictionary(Private=pikepdf.String("x")))
    page.obj.Thumb = pdf.make_stream(
        b"\x00" * 12, Width=2, Height=2, BitsPerComponent=8, ColorSpace=pikepdf.Name.DeviceRGB
    )
    note = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Text,
        Rect=[10, 10, 30, 30],
        T=pikepdf.String("Maria Lopez"),
        Contents=pikepdf.String("check with the lawyer"),
        M=pikepdf.String("D:20240501120000Z"),
    )
    attachment = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.FileAttachment,
        Rect=[40, 10, 60, 30],
        FS=pikepdf.Dictionary(
            Type=pikepdf.Name.Filespec,
            F=pikepdf.String("sources.txt"),
            EF=pikepdf.Dictionary(F=pdf.make_stream(b"names of sources")),
        ),
    )
    launch = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[70, 10, 90, 30],
        A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("C:\\Users\\maria\\run.exe")),
    )
    page.obj.Annots = pdf.make_indirect(
        pikepdf.Array([pdf.make_indirect(note), pdf.make_indirect(attachment), pdf.make_indirect(launch)])
    )
    pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('hi')"))
    pdf.attachments["contacts.csv"] = pikepdf.AttachedFileSpec(pdf, b"maria,555-0100", mime_type="text/csv")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Maria Lopez"]
        meta["xmp:CreatorTool"] = "Writer 7.1"
    pdf.docinfo["/Author"] = "Maria Lopez"
    pdf.docinfo["/Creator"] = "Writer"
    pdf.docinfo["/Producer"] = "LibreOffice 7.1"
    pdf.docinfo["/Title"] = "Plan"
    pdf.docinfo["/CreationDate"] = "D:20240501120000Z"
    pdf.docinfo["/Office"] = "Barcelona collective"
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable, fix_metadata_version=False)
    if incremental:
        append_revision(path, b"<< /Author (Maria, edited later) /Producer (Writer) >>")
    return path


def append_revision(path: Path, info: bytes) -> None:
    """Add an incremental update by hand, as an editor's "save" does: new Info, new xref, %%EOF."""
    data = path.read_bytes()
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    with pikepdf.open(path) as pdf:
        size = int(pdf.trailer.Size)
        root = pdf.Root.objgen[0]
    offset = len(data)
    body = f"{size} 0 obj\n".encode() + info + b"\nendobj\n"
    xref_at = offset + len(body)
    xref = f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{offset:010d} 00000 n \n".encode()
    trailer = (
        f"trailer\n<< /Size {size + 1} /Root {root} 0 R /Info {size} 0 R /Prev {prev} >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    path.write_bytes(data + body + xref + trailer)


def keys(findings: list[Finding]) -> set[str]:
    return {f.key for f in findings}


def exiftool(path: Path) -> dict[str, object]:
    result = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    return dict(json.loads(result.stdout)[0])


needs_exiftool = pytest.mark.skipif(not shutil.which("exiftool"), reason="exiftool not installed")
PERSONAL = re.compile(
    r"(author|creator|lastmodifiedby|company|manager|producer|comment|preview\w*)$", re.IGNORECASE
)


def test_pdf_inspect_finds_everything(tmp_path: Path) -> None:
    found = HANDLER.inspect(make_pdf(tmp_path / "plan.pdf"), "pdf")
    expected = {
        "pdf:Info/Author",
        "pdf:Info/Creator",
        "pdf:Info/Producer",
        "pdf:Info/Title",
        "pdf:Info/CreationDate",
        "pdf:Info/Office",
        "pdf:xmp",
        "pdf:Names/EmbeddedFiles",
        "pdf:embedded-file",
        "pdf:action/JavaScript",
        "pdf:action/Launch",
        "pdf:annot/T",
        "pdf:annot/Contents",
        "pdf:annot/M",
        "pdf:annot/FileAttachment",
        "pdf:PieceInfo",
        "pdf:Thumb",
        "pdf:ID",
        "pdf:image:jpeg:exif",
    }
    assert expected <= keys(found)
    assert "pdf:revisions" not in keys(found)
    by_key = {f.key: f for f in found}
    assert by_key["pdf:annot/T"].value == "Maria Lopez" and by_key["pdf:annot/T"].category == "person"
    assert all(len(f.value) <= 80 for f in found)
    updated = {f.key: f for f in HANDLER.inspect(make_pdf(tmp_path / "edited.pdf", incremental=True), "pdf")}
    assert updated["pdf:revisions"].category == "hidden-data"
    assert updated["pdf:Info/Author"].value == "Maria, edited later"  # the latest revision's


def test_pdf_clean_leaves_nothing(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plan.pdf", incremental=True)
    before = src.read_bytes()
    dst = tmp_path / "out.pdf"
    result = HANDLER.clean(src, dst, "pdf", Options())
    assert src.read_bytes() == before
    assert {"pdf:Info/Author", "pdf:xmp", "pdf:revisions"} <= set(result.removed)
    assert HANDLER.inspect(dst, "pdf") == []
    data = dst.read_bytes()
    assert data.count(b"%%EOF") == 1 and data.count(b"startxref") == 1
    for secret in (b"Maria", b"Barcelona", b"app.alert", b"sources", b"555-0100", b"PhoneMaker", b"pikepdf"):
        assert secret not in data
    with pikepdf.open(dst) as pdf:
        assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root
        page = pdf.pages[0]
        assert b"Hello visible world" in page.obj.Contents.read_bytes()
        subtypes = [str(a.Subtype) for a in page.obj.Annots]
        assert subtypes == ["/Text", "/Link"]  # the sticky note stays, without its author
        assert "/A" not in page.obj.Annots[1]
        image = page.obj.Resources.XObject.Im1.read_raw_bytes()
        with Image.open(io.BytesIO(image)) as decoded:
            assert decoded.size == (32, 16) and dict(decoded.getexif()) == {}
        ident = pdf.trailer.ID
        assert bytes(ident[0]) == bytes(ident[1]) and len(bytes(ident[0])) == 16


def test_pdf_document_id_is_fresh_and_checked(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plan.pdf")
    with pikepdf.open(src) as pdf:
        original = bytes(pdf.trailer.ID[0])
    dst = tmp_path / "out.pdf"
    HANDLER.clean(src, dst, "pdf", Options())
    data = dst.read_bytes()
    assert original.hex().encode() not in data.lower()
    # Any edit that keeps an ID not derived from the cleaned bytes is reported again.
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data.replace(b"/ID [<", b"/ID [<", 1) + b"\n")
    assert "pdf:ID" in keys(HANDLER.inspect(tampered, "pdf"))


@needs_exiftool
def test_pdf_exiftool_agrees(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plan.pdf", incremental=True)
    assert any(PERSONAL.search(k) for k in exiftool(src))
    dst = tmp_path / "out.pdf"
    HANDLER.clean(src, dst, "pdf", Options())
    tags = exiftool(dst)
    assert [k for k in tags if PERSONAL.search(k)] == []
    assert "Maria" not in json.dumps(tags)


def test_pdf_annotation_contents_kept_without_author(tmp_path: Path) -> None:
    dst = tmp_path / "out.pdf"
    HANDLER.clean(make_pdf(tmp_path / "plan.pdf"), dst, "pdf", Options())
    with pikepdf.open(dst) as pdf:
        note = pdf.pages[0].obj.Annots[0]
        assert str(note.Contents) == "check with the lawyer"
        assert "/T" not in note and "/M" not in note


def test_pdf_encrypted_is_refused(tmp_path: Path) -> None:
    for user in ("secret", ""):
        pdf = pikepdf.new()
        pdf.add_blank_page()
        path = tmp_path / f"locked-{user or 'owner'}.pdf"
        pdf.save(path, encryption=pikepdf.Encryption(user=user, owner="owner-pass"))
        for call in (
            lambda p=path: HANDLER.inspect(p, "pdf"),
            lambda p=path: HANDLER.clean(p, tmp_path / "o.pdf", "pdf", Options()),
        ):
            with pytest.raises(ScrubError) as info:
                call()
            assert info.value.code == "scrub.encrypted"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"%PDF-1.7\n" + b"garbage " * 40,
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b"endobj", b"endobx"),
    ],
    ids=["garbage", "truncated", "mangled"],
)
def test_pdf_corrupt_is_refused(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(damage(make_pdf(tmp_path / "good.pdf").read_bytes()))
    with pytest.raises(ScrubError) as info:
        HANDLER.clean(path, tmp_path / "out.pdf", "pdf", Options())
    assert info.value.code == "scrub.corrupt"
    assert not (tmp_path / "out.pdf").exists()


def test_pdf_polyglots_are_refused(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf").read_bytes()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("payload.txt", "hidden")
    with_zip = tmp_path / "zip.pdf"
    with_zip.write_bytes(good + archive.getvalue())
    with_prefix = tmp_path / "prefix.pdf"
    with_prefix.write_bytes(b"GIF89a\x01\x00\x01\x00" + good)
    for path in (with_zip, with_prefix):
        with pytest.raises(ScrubError) as info:
            HANDLER.clean(path, tmp_path / "out.pdf", "pdf", Options())
        assert info.value.code == "scrub.polyglot"


def test_pdf_data_after_the_end_is_dropped(tmp_path: Path) -> None:
    src = tmp_path / "tail.pdf"
    src.write_bytes(make_pdf(tmp_path / "good.pdf").read_bytes() + b"secret trailing notes\n")
    assert "pdf:trailing-data" in keys(HANDLER.inspect(src, "pdf"))
    dst = tmp_path / "out.pdf"
    HANDLER.clean(src, dst, "pdf", Options())
    assert b"secret trailing" not in dst.read_bytes()
    assert HANDLER.inspect(dst, "pdf") == []


# --------------------------------------------------------------------------- OOXML


CORE = (
    DECL
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>Plan</dc:title><dc:creator>Maria Lopez</dc:creator>"
    "<cp:lastModifiedBy>Juan Perez</cp:lastModifiedBy><cp:revision>7</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T12:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-02T12:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)
APP = (
    DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Words>5</Words>"
    "<Application>Microsoft Office Word</Application><Company>Collective of Barcelona</Company>"
    "<Manager>Ana</Manager><AppVersion>16.0000</AppVersion></Properties>"
)
CUSTOM = (
    DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Source">'
    "<vt:lpwstr>informant 7</vt:lpwstr></property></Properties>"
)


def package_rels(main_type: str, main: str) -> str:
    return media_files.package_rels(main, custom=True, thumbnail="docProps/thumbnail.jpeg")


def write_zip(path: Path, members: dict[str, str | bytes], *, dated: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 2, 10, 30, 0) if dated else EPOCH)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            if name == "[Content_Types].xml" or name == "content.xml":
                info.extra = b"UT\x05\x00\x01\x00\x00\x00\x00"  # an extended timestamp, as zip tools add
            archive.writestr(info, data)
        archive.comment = b"made on maria-laptop"
    return path


DOCX_BODY = (
    DECL + f'<w:document xmlns:w="{W}" xmlns:r="{R}"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
    "<w:body>"
    '<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">'
    '<w:r w:rsidRPr="00D4E5F6"><w:t xml:space="preserve">Body text stays. </w:t></w:r>'
    '<w:ins w:id="1" w:author="Juan Perez" w:date="2024-05-02T10:00:00Z">'
    "<w:r><w:t>Inserted words stay.</w:t></w:r></w:ins>"
    '<w:del w:id="2" w:author="Juan Perez" w:date="2024-05-02T10:01:00Z">'
    "<w:r><w:delText>Deleted words go.</w:delText></w:r></w:del>"
    '<w:commentRangeStart w:id="0"/><w:r><w:t>Commented text stays.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
    "</w:p>"
    '<w:p><w:pPr><w:rPr><w:ins w:id="3" w:author="Juan Perez" w:date="2024-05-02T10:02:00Z"/></w:rPr></w:pPr>'
    '<w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="Juan Perez" w:date="2024-05-02T10:03:00Z"><w:rPr/>'
    "</w:rPrChange></w:rPr><w:t>Second paragraph.</w:t></w:r>"
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
    '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    "</w:p>"
    '<w:sectPr w:rsidR="00A1B2C3"/></w:body></w:document>'
)
DOCX_SETTINGS = (
    DECL + f'<w:settings xmlns:w="{W}" xmlns:r="{R}"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
    '<w:attachedTemplate r:id="rId1"/><w:trackRevisions/>'
    '<w:docVars><w:docVar w:name="case" w:val="asylum 2291"/></w:docVars>'
    '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids>'
    '<w14:docId w14:val="5E3F1A2B"/></w:settings>'
)
DOCX_COMMENTS = (
    DECL + f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Juan Perez" w:initials="JP">'
    "<w:p><w:r><w:t>Do not publish the address</w:t></w:r></w:p></w:comment></w:comments>"
)


def make_docx(path: Path, *, media: bytes | None = None, media_name: str = "image1.jpeg") -> Path:
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types(
            media_files.PACKAGE_TYPES | {"jpeg": "image/jpeg"},
            media_files.DOCX_PARTS
            | {
                "customXml/itemProps1.xml": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
            },
        ),
        "_rels/.rels": package_rels("document", "word/document.xml"),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "docProps/custom.xml": CUSTOM,
        "docProps/thumbnail.jpeg": photo_jpeg(),
        "word/document.xml": DOCX_BODY,
        "word/_rels/document.xml.rels": rels(
            ("rId1", f"{REL}/settings", "settings.xml"),
            ("rId2", f"{REL}/comments", "comments.xml"),
            ("rId3", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"),
            ("rId4", f"{REL}/customXml", "../customXml/item1.xml"),
            ("rId5", f"{REL}/hyperlink", "file:///C:/Users/maria/Documents/sources.xlsx", "External"),
            ("rId6", f"{REL}/hyperlink", "https://example.org/report", "External"),
            ("rId9", f"{REL}/image", f"media/{media_name}"),
        ),
        "word/settings.xml": DOCX_SETTINGS,
        "word/_rels/settings.xml.rels": rels(
            (
                "rId1",
                f"{REL}/attachedTemplate",
                "file:///C:\\Users\\maria\\AppData\\Templates\\Normal.dotm",
                "External",
            )
        ),
        "word/comments.xml": DOCX_COMMENTS,
        "word/people.xml": DECL
        + '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        '<w15:person w15:author="Juan Perez"><w15:presenceInfo w15:providerId="AD" w15:userId="juan@org"/>'
        "</w15:person></w15:people>",
        "customXml/item1.xml": "<sources><source>informant 7</source></sources>",
        "customXml/itemProps1.xml": DECL
        + '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" ds:itemID="{1}"/>',
        "customXml/_rels/item1.xml.rels": rels(("rId1", f"{REL}/customXmlProps", "itemProps1.xml")),
        f"word/media/{media_name}": media if media is not None else photo_jpeg(),
        "word/printerSettings/printerSettings1.bin": b"HP LaserJet in room 4\x00" * 4,
    }
    return write_zip(path, members)


def xlsx_members() -> dict[str, str | bytes]:
    sml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return {
        "[Content_Types].xml": content_types(
            media_files.PACKAGE_TYPES
            | {
                "vml": "application/vnd.openxmlformats-officedocument.vmlDrawing",
                "bin": "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings",
            },
            media_files.XLSX_PARTS,
        ),
        "_rels/.rels": media_files.package_rels("xl/workbook.xml"),
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "xl/workbook.xml": DECL
        + f'<workbook xmlns="{sml}" xmlns:r="{R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"'
        ' xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="x15ac xr">'
        '<fileVersion appName="xl"/><fileSharing userName="Maria Lopez"/>'
        '<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\maria\\Desktop\\"/></mc:Choice></mc:AlternateContent>'
        '<xr:revisionPtr revIDLastSave="0" documentId="8_{1234}" xr:uid="{ABCD}"/>'
        '<sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels(
            ("rId1", f"{REL}/worksheet", "worksheets/sheet1.xml"),
            (
                "rId2",
                "http://schemas.microsoft.com/office/2017/10/relationships/person",
                "persons/person.xml",
            ),
        ),
        "xl/worksheets/sheet1.xml": DECL
        + f'<worksheet xmlns="{sml}" xmlns:r="{R}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{{5E2A}}">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cell text stays</t></is></c></row></sheetData>'
        '<pageSetup orientation="portrait" r:id="rId3"/><legacyDrawing r:id="rId2"/></worksheet>',
        "xl/worksheets/_rels/sheet1.xml.rels": rels(
            ("rId1", f"{REL}/comments", "../comments1.xml"),
            ("rId2", f"{REL}/vmlDrawing", "../drawings/vmlDrawing1.vml"),
            ("rId3", f"{REL}/printerSettings", "../printerSettings/printerSettings1.bin"),
            (
                "rId4",
                "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
                "../threadedComments/threadedComment1.xml",
            ),
        ),
        "xl/comments1.xml": DECL
        + f'<comments xmlns="{sml}"><authors><author>Maria Lopez</author></authors><commentList>'
        '<comment ref="A1" authorId="0"><text><t>ask Juan</t></text></comment></commentList></comments>',
        "xl/threadedComments/threadedComment1.xml": DECL
        + '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
        '<threadedComment ref="A1" personId="{P1}"><text>ask Juan</text></threadedComment></ThreadedComments>',
        "xl/persons/person.xml": DECL
        + '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">'
        '<person displayName="Maria Lopez" id="{P1}" userId="maria@org" providerId="AD"/></personList>',
        "xl/drawings/vmlDrawing1.vml": media_files.VML_NOTE,
        "xl/printerSettings/printerSettings1.bin": b"Printer of the union office\x00" * 4,
    }


def pptx_members() -> dict[str, str | bytes]:
    return media_files.pptx_members(
        core=CORE,
        app=None,
        slide_text="Slide text stays",
        comment_author="Maria Lopez",
        initials="ML",
        comment_date="2024-05-01T10:00:00",
        comment="rework",
        picture_png=tagged_png(),
    )


def xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n)
            for n in archive.namelist()
            if n.endswith((".xml", ".rels")) or n == "[Content_Types].xml"
        }


def assert_well_formed_and_plain(path: Path) -> None:
    """Every XML part parses (safely); the ZIP has fixed dates, no extras, no comment."""
    for name, data in xml_parts(path).items():
        SafeET.fromstring(data, forbid_dtd=True), name
    with zipfile.ZipFile(path) as archive:
        assert archive.comment == b""
        for info in archive.infolist():
            assert info.date_time == EPOCH and info.extra == b"" and info.comment == b"", info.filename
        assert archive.testzip() is None


@pytest.fixture
def docx(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "plan.docx")


def test_docx_inspect_finds_everything(docx: Path) -> None:
    found = HANDLER.inspect(docx, "ooxml")
    expected = {
        "office:core:creator",
        "office:core:lastModifiedBy",
        "office:core:created",
        "office:core:modified",
        "office:core:revision",
        "office:app:Company",
        "office:app:Manager",
        "office:app:Application",
        "office:app:TotalTime",
        "office:docProps/custom.xml",
        "office:custom/Source",
        "office:thumbnail",
        "office:comments",
        "office:comment-anchor",
        "office:tracked-change",
        "office:rsid",
        "office:paraId",
        "office:docVars",
        "office:attachedTemplate",
        "office:docId",
        "office:customXml",
        "office:printerSettings",
        "office:external-path",
        "office:media:jpeg:exif",
        "zip:timestamps",
        "zip:extra-fields",
        "zip:comment",
    }
    assert expected <= keys(found)
    assert "office:app:Words" not in keys(found)  # counts are not identifying
    creators = [f for f in found if f.key == "office:core:creator"]
    assert creators[0].value == "Maria Lopez" and creators[0].category == "person"
    changes = [f.value for f in found if f.key == "office:tracked-change"]
    assert any("Juan Perez" in v and "Deleted words go." in v for v in changes)


def test_docx_clean(docx: Path, tmp_path: Path) -> None:
    before = docx.read_bytes()
    dst = tmp_path / "out.docx"
    result = HANDLER.clean(docx, dst, "ooxml", Options())
    assert docx.read_bytes() == before
    assert {"office:core:creator", "office:comments", "office:tracked-change"} <= set(result.removed)
    assert HANDLER.inspect(dst, "ooxml") == []
    assert_well_formed_and_plain(dst)
    with zipfile.ZipFile(dst) as archive:
        names = set(archive.namelist())
        everything = b"".join(archive.read(n) for n in names)
        document = archive.read("word/document.xml").decode()
        types = archive.read("[Content_Types].xml").decode()
        document_rels = archive.read("word/_rels/document.xml.rels").decode()
    assert names == {
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/settings.xml",
        "word/_rels/settings.xml.rels",
        "word/media/image1.jpeg",
    }
    for text in ("Body text stays.", "Inserted words stay.", "Commented text stays.", "Second paragraph."):
        assert text in document
    for secret in (
        b"Deleted words go",
        b"Maria",
        b"Juan",
        b"Barcelona",
        b"informant",
        b"asylum",
        b"rsid",
        b"PhoneMaker",
        b"LaserJet",
        b"C:/Users",
        b"Users\\maria",
    ):
        assert secret not in everything, secret
    assert "comments.xml" not in types and "custom.xml" not in types and "people.xml" not in types
    assert "docProps/core.xml" in types  # kept, blanked
    assert "https://example.org/report" in document_rels and 'Target="sources.xlsx"' in document_rels
    # The prefixes that mc:Ignorable names survive the rewrite, or Word calls the file corrupt.
    root = etree.fromstring(document.encode())
    assert root.get("{http://schemas.openxmlformats.org/markup-compatibility/2006}Ignorable") == "w14"
    assert root.nsmap.get("w14") == "http://schemas.microsoft.com/office/word/2010/wordml"
    assert root.find(f".//{{{W}}}drawing") is not None


def test_docx_photo_keeps_orientation(docx: Path, tmp_path: Path) -> None:
    dst = tmp_path / "out.docx"
    HANDLER.clean(docx, dst, "ooxml", Options())
    with (
        zipfile.ZipFile(dst) as archive,
        Image.open(io.BytesIO(archive.read("word/media/image1.jpeg"))) as image,
    ):
        assert dict(image.getexif()) == {0x0112: 6}


def test_clean_twice_is_stable(docx: Path, tmp_path: Path) -> None:
    once, twice = tmp_path / "once.docx", tmp_path / "twice.docx"
    HANDLER.clean(docx, once, "ooxml", Options())
    result = HANDLER.clean(once, twice, "ooxml", Options())
    assert result.removed == ()
    assert once.read_bytes() == twice.read_bytes()


def test_xlsx_inspect_and_clean(tmp_path: Path) -> None:
    src = write_zip(tmp_path / "budget.xlsx", xlsx_members())
    found = keys(HANDLER.inspect(src, "ooxml"))
    assert {
        "office:comments",
        "office:absPath",
        "office:fileSharing",
        "office:revisionPtr",
        "office:uid",
        "office:printerSettings",
        "office:core:creator",
    } <= found
    dst = tmp_path / "out.xlsx"
    HANDLER.clean(src, dst, "ooxml", Options())
    assert HANDLER.inspect(dst, "ooxml") == []
    assert_well_formed_and_plain(dst)
    with zipfile.ZipFile(dst) as archive:
        names = set(archive.namelist())
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        everything = b"".join(archive.read(n) for n in names)
    assert "Cell text stays" in sheet
    assert "legacyDrawing" not in sheet and "<pageSetup" in sheet and "r:id" not in sheet
    assert "AlternateContent" not in workbook and "Budget" in workbook
    assert not any(
        n.startswith(("xl/comments", "xl/persons", "xl/threaded", "xl/drawings", "xl/printer")) for n in names
    )
    for secret in (b"Maria", b"maria", b"Juan", b"union office"):
        assert secret not in everything, secret


def test_pptx_inspect_and_clean(tmp_path: Path) -> None:
    src = write_zip(tmp_path / "talk.pptx", pptx_members())
    found = keys(HANDLER.inspect(src, "ooxml"))
    assert {"office:comments", "office:core:creator", "office:media:png:tEXt"} <= found
    dst = tmp_path / "out.pptx"
    HANDLER.clean(src, dst, "ooxml", Options())
    assert HANDLER.inspect(dst, "ooxml") == []
    assert_well_formed_and_plain(dst)
    with zipfile.ZipFile(dst) as archive:
        names = set(archive.namelist())
        slide = archive.read("ppt/slides/slide1.xml").decode()
        everything = b"".join(archive.read(n) for n in names)
    assert "Slide text stays" in slide and "ppt/media/image1.png" in names
    assert not any("comment" in n.lower() for n in names)
    assert b"Maria" not in everything and b"rework" not in everything


@needs_exiftool
@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx"])
def test_ooxml_exiftool_agrees(tmp_path: Path, kind: str) -> None:
    src = tmp_path / f"file.{kind}"
    if kind == "docx":
        make_docx(src)
    else:
        write_zip(src, xlsx_members() if kind == "xlsx" else pptx_members())
    assert any(PERSONAL.search(k) for k in exiftool(src))
    dst = tmp_path / f"out.{kind}"
    HANDLER.clean(src, dst, "ooxml", Options())
    tags = exiftool(dst)
    assert [k for k in tags if PERSONAL.search(k)] == []
    assert "Maria" not in json.dumps(tags)


def test_orphan_parts_are_dropped(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "plan.docx")
    with zipfile.ZipFile(src, "a") as archive:
        archive.writestr("word/notes-to-self.xml", "<notes>the real source is Ana</notes>")
    assert "office:orphan-part" in keys(HANDLER.inspect(src, "ooxml"))
    dst = tmp_path / "out.docx"
    HANDLER.clean(src, dst, "ooxml", Options())
    with zipfile.ZipFile(dst) as archive:
        assert "word/notes-to-self.xml" not in archive.namelist()


def test_embedded_workbook_is_cleaned_too(tmp_path: Path) -> None:
    inner = write_zip(tmp_path / "inner.xlsx", xlsx_members()).read_bytes()
    src = make_docx(tmp_path / "chart.docx")
    with zipfile.ZipFile(src, "a") as archive:
        archive.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", inner)
    # Reachable from the document, as a chart's workbook is.
    data = src.read_bytes()
    patched = tmp_path / "patched.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(patched, "w") as new:
        for info in old.infolist():
            body = old.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId20" Type="{REL}/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>'.encode(),
                )
            new.writestr(info, body)
    found = keys(HANDLER.inspect(patched, "ooxml"))
    assert "office:media:office:absPath" in found
    dst = tmp_path / "out.docx"
    HANDLER.clean(patched, dst, "ooxml", Options())
    assert HANDLER.inspect(dst, "ooxml") == []
    with zipfile.ZipFile(dst) as archive:
        nested = archive.read("word/embeddings/Microsoft_Excel_Worksheet.xlsx")
    assert b"Cell text stays" in b"".join(
        zipfile.ZipFile(io.BytesIO(nested)).read(n) for n in zipfile.ZipFile(io.BytesIO(nested)).namelist()
    )


def test_media_without_a_handler_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_HANDLERS", dict.fromkeys(HANDLER.kinds, HANDLER))
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF", comment=b"Maria")
    src = make_docx(tmp_path / "anim.docx", media=gif.getvalue(), media_name="image1.gif")
    with pytest.raises(ScrubError) as info:
        HANDLER.clean(src, tmp_path / "out.docx", "ooxml", Options())
    assert info.value.code == "scrub.unsupported_content"


# --------------------------------------------------------------------------- ODF

ANNOTATION = (
    "<office:annotation><dc:creator>Juan Perez</dc:creator><dc:date>2024-05-02T10:00:00</dc:date>"
    "<text:p>Do not publish the address</text:p></office:annotation>"
)
ODF_BODIES = {
    "text": (
        "<office:text>"
        "<text:tracked-changes>"
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        "<dc:creator>Juan Perez</dc:creator><dc:date>2024-05-02T10:00:00</dc:date></office:change-info>"
        "<text:p>Deleted words go.</text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="ct2"><text:insertion><office:change-info>'
        "<dc:creator>Juan Perez</dc:creator><dc:date>2024-05-02T10:01:00</dc:date></office:change-info>"
        "</text:insertion></text:changed-region>"
        "</text:tracked-changes>"
        '<text:p text:style-name="P1">Body text stays. <text:change text:change-id="ct1"/>'
        '<text:change-start text:change-id="ct2"/>Inserted words stay.<text:change-end text:change-id="ct2"/>'
        + ANNOTATION
        + " Tail text stays.</text:p>"
        '<text:p><draw:frame><draw:image xlink:href="Pictures/photo.jpg"/></draw:frame>'
        '<text:a xlink:href="file:///home/maria/secret/list.ods">link text stays</text:a></text:p>'
        "</office:text>"
    ),
    "spreadsheet": (
        "<office:spreadsheet>"
        '<table:tracked-changes><table:cell-content-change table:id="ct1"><office:change-info>'
        "<dc:creator>Juan Perez</dc:creator><dc:date>2024-05-02T10:00:00</dc:date></office:change-info>"
        "<table:previous><table:change-track-table-cell><text:p>old value</text:p>"
        "</table:change-track-table-cell></table:previous></table:cell-content-change></table:tracked-changes>"
        '<table:table table:name="Sheet1"><table:table-row><table:table-cell>'
        + ANNOTATION
        + "<text:p>Cell text stays</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet>"
    ),
    "presentation": (
        "<office:presentation>"
        '<draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>Slide text stays</text:p>'
        "</draw:text-box></draw:frame>" + ANNOTATION + "</draw:page></office:presentation>"
    ),
}
ODF_META = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<office:document-meta {media_files.ODF_NS} office:version="1.3"><office:meta>'
    "<meta:initial-creator>Maria Lopez</meta:initial-creator><dc:creator>Juan Perez</dc:creator>"
    "<meta:creation-date>2024-05-01T12:00:00</meta:creation-date><dc:date>2024-05-02T12:00:00</dc:date>"
    "<meta:editing-cycles>12</meta:editing-cycles><meta:editing-duration>PT2H</meta:editing-duration>"
    "<meta:generator>LibreOffice/7.5$Linux_X86_64</meta:generator>"
    '<meta:user-defined meta:name="Case">asylum 2291</meta:user-defined>'
    '<meta:document-statistic meta:word-count="9"/></office:meta></office:document-meta>'
)
ODF_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<office:document-settings {media_files.ODF_NS} office:version="1.3"><office:settings>'
    '<config:config-item-set config:name="ooo:configuration-settings">'
    '<config:config-item config:name="PrinterName" config:type="string">HP in room 4</config:config-item>'
    '<config:config-item config:name="PrinterSetup" config:type="base64Binary">AAAA</config:config-item>'
    '<config:config-item config:name="Rsid" config:type="int">123456</config:config-item>'
    '<config:config-item config:name="AddParaSpacingToTableCells" config:type="boolean">true</config:config-item>'
    "</config:config-item-set></office:settings></office:document-settings>"
)


def make_odf(path: Path, flavour: str) -> Path:
    mimetype = f"application/vnd.oasis.opendocument.{flavour}"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {media_files.ODF_NS} office:version="1.3">'
        '<office:automatic-styles><style:style style:name="P1" style:family="paragraph">'
        '<style:text-properties officeooo:rsid="0012ab34" officeooo:paragraph-rsid="0012ab34"/></style:style>'
        "</office:automatic-styles><office:body>"
        + ODF_BODIES[flavour]
        + "</office:body></office:document-content>"
    )
    files = media_files.ODF_PARTS | {
        "Configurations2/": "application/vnd.sun.xml.ui.configuration",
        "Configurations2/accelerator/current.xml": "",
    }
    manifest = media_files.odf_manifest(mimetype, files)
    members: dict[str, str | bytes] = {
        "mimetype": mimetype,
        "content.xml": content,
        "styles.xml": media_files.ODF_STYLES,
        "meta.xml": ODF_META,
        "settings.xml": ODF_SETTINGS,
        "Thumbnails/thumbnail.png": tagged_png(),
        "Pictures/photo.jpg": photo_jpeg(),
        "Configurations2/accelerator/current.xml": "",
        "META-INF/manifest.xml": manifest,
    }
    return write_zip(path, members)


ODF_SUFFIX = {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}


@pytest.mark.parametrize("flavour", list(ODF_SUFFIX))
def test_odf_inspect_finds_everything(tmp_path: Path, flavour: str) -> None:
    src = make_odf(tmp_path / f"plan.{ODF_SUFFIX[flavour]}", flavour)
    found = HANDLER.inspect(src, "odf")
    expected = {
        "odf:meta/initial-creator",
        "odf:meta/creator",
        "odf:meta/creation-date",
        "odf:meta/date",
        "odf:meta/editing-cycles",
        "odf:meta/generator",
        "odf:meta/user-defined",
        "office:comments",
        "office:thumbnail",
        "office:Configurations2",
        "office:settings/PrinterName",
        "office:settings/PrinterSetup",
        "office:rsid",
        "office:media:jpeg:exif",
        "zip:timestamps",
        "zip:extra-fields",
        "zip:comment",
    }
    if flavour != "presentation":
        expected.add("office:tracked-change")
    assert expected <= keys(found)
    assert "odf:meta/document-statistic" not in keys(found)


@pytest.mark.parametrize("flavour", list(ODF_SUFFIX))
def test_odf_clean(tmp_path: Path, flavour: str) -> None:
    src = make_odf(tmp_path / f"plan.{ODF_SUFFIX[flavour]}", flavour)
    dst = tmp_path / f"out.{ODF_SUFFIX[flavour]}"
    HANDLER.clean(src, dst, "odf", Options())
    assert HANDLER.inspect(dst, "odf") == []
    assert_well_formed_and_plain(dst)
    with zipfile.ZipFile(dst) as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        content = archive.read("content.xml").decode()
        manifest = archive.read("META-INF/manifest.xml").decode()
        everything = b"".join(archive.read(n) for n in names)
    assert names[0] == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert not any(n.startswith(("Thumbnails/", "Configurations2/")) for n in names)
    assert (
        "Thumbnails" not in manifest
        and "Configurations2" not in manifest
        and "Pictures/photo.jpg" in manifest
    )
    for secret in (
        b"Maria",
        b"Juan",
        b"asylum",
        b"room 4",
        b"Do not publish",
        b"Deleted words",
        b"old value",
        b"0012ab34",
        b"PhoneMaker",
        b"/home/maria",
    ):
        assert secret not in everything, secret
    for text in {
        "text": ["Body text stays.", "Inserted words stay.", "Tail text stays.", "link text stays"],
        "spreadsheet": ["Cell text stays"],
        "presentation": ["Slide text stays"],
    }[flavour]:
        assert text in content
    assert "AddParaSpacingToTableCells" in archive_text(dst, "settings.xml")
    meta = SafeET.fromstring(archive_text(dst, "meta.xml"))
    assert meta.get("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}version") == "1.3"


def archive_text(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode()


@needs_exiftool
def test_odf_exiftool_agrees(tmp_path: Path) -> None:
    src = make_odf(tmp_path / "plan.odt", "text")
    assert any(PERSONAL.search(k) for k in exiftool(src))
    dst = tmp_path / "out.odt"
    HANDLER.clean(src, dst, "odf", Options())
    tags = exiftool(dst)
    assert [k for k in tags if PERSONAL.search(k)] == []
    assert "Maria" not in json.dumps(tags) and "Juan" not in json.dumps(tags)


def test_encrypted_odf_is_refused(tmp_path: Path) -> None:
    src = make_odf(tmp_path / "locked.odt", "text")
    data = {n: zipfile.ZipFile(src).read(n) for n in zipfile.ZipFile(src).namelist()}
    data["META-INF/manifest.xml"] = data["META-INF/manifest.xml"].replace(
        b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
        b'manifest:full-path="content.xml" manifest:media-type="text/xml">'
        b'<manifest:encryption-data manifest:checksum-type="SHA1" manifest:checksum="x"/></manifest:file-entry>',
    )
    locked = write_zip(tmp_path / "locked2.odt", dict(data))
    with pytest.raises(ScrubError) as info:
        HANDLER.inspect(locked, "odf")
    assert info.value.code == "scrub.encrypted"


# --------------------------------------------------------------------------- hostile archives


def refused(path: Path, kind: str) -> str:
    with pytest.raises(ScrubError) as info:
        HANDLER.clean(path, path.with_name("out" + path.suffix), kind, Options())
    assert not path.with_name("out" + path.suffix).exists()
    return info.value.code


def test_corrupt_office_files_are_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "plan.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    assert refused(truncated, "ooxml") == "scrub.corrupt"
    broken_xml = tmp_path / "broken.docx"
    members = {
        n: zipfile.ZipFile(io.BytesIO(good)).read(n) for n in zipfile.ZipFile(io.BytesIO(good)).namelist()
    }
    members["word/document.xml"] = b"<w:document><w:body>"
    write_zip(broken_xml, dict(members))
    assert refused(broken_xml, "ooxml") == "scrub.corrupt"
    no_manifest = tmp_path / "bare.odt"
    write_zip(no_manifest, {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<a/>"})
    assert refused(no_manifest, "odf") == "scrub.corrupt"


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        "<w:document>&lol2;</w:document>"
    )
    src = make_docx(tmp_path / "plan.docx")
    members = {n: zipfile.ZipFile(src).read(n) for n in zipfile.ZipFile(src).namelist()}
    members["word/document.xml"] = bomb.encode()
    path = write_zip(tmp_path / "entities.docx", dict(members))
    assert refused(path, "ooxml") == "scrub.suspicious"


def test_zip_bombs_are_refused(tmp_path: Path) -> None:
    ratio = tmp_path / "ratio.docx"
    with zipfile.ZipFile(ratio, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as handle:
            for _ in range(24):
                handle.write(b"\x00" * (1024 * 1024))
    assert refused(ratio, "ooxml") == "scrub.decompression_bomb"
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for i in range(documents.MAX_MEMBERS + 1):
            archive.writestr(f"p/{i}", b"")
    assert refused(many, "ooxml") == "scrub.decompression_bomb"


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_UNCOMPRESSED", 10_000)
    assert refused(make_docx(tmp_path / "plan.docx"), "ooxml") == "scrub.decompression_bomb"


@pytest.mark.parametrize("member", ["../evil.xml", "/etc/evil.xml", "word\\..\\evil.xml", "C:/evil.xml"])
def test_hostile_member_names_are_refused(tmp_path: Path, member: str) -> None:
    path = tmp_path / "evil.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(zipfile.ZipInfo(member), "x")
    assert refused(path, "ooxml") == "scrub.suspicious"


def test_duplicate_members_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<a/>")
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("word/document.xml", "<b/>")
    assert refused(path, "ooxml") == "scrub.suspicious"


def test_office_polyglot_is_refused(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "x.pdf").read_bytes()
    path = tmp_path / "poly.docx"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("[Content_Types].xml")
        archive.writestr(info, b"<Types/>" + pdf[:200], compress_type=zipfile.ZIP_STORED)
    assert refused(path, "ooxml") == "scrub.polyglot"


# --------------------------------------------------------------------------- the whole pipeline


def test_scrub_file_verifies_documents(tmp_path: Path) -> None:
    from resguardo.scrub.media import inspect_file, scrub_file

    for src in (
        make_docx(tmp_path / "a.docx"),
        make_pdf(tmp_path / "a.pdf"),
        make_odf(tmp_path / "a.odt", "text"),
    ):
        out = tmp_path / "out" / src.name
        try:
            report = scrub_file(src, out, Options(faces=False))
        except ScrubError as error:  # pragma: no cover - shows which check refused
            pytest.fail(f"{src.name}: {error}")
        assert report.status == "cleaned" and report.metadata_removed
        assert inspect_file(out)[1] == []


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed"
)
def test_libreoffice_opens_the_output(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice") or ""
    dst = tmp_path / "out.odt"
    HANDLER.clean(make_odf(tmp_path / "plan.odt", "text"), dst, "odf", Options())
    docx_out = tmp_path / "out.docx"
    HANDLER.clean(make_docx(tmp_path / "plan.docx"), docx_out, "ooxml", Options())
    for path in (dst, docx_out):
        subprocess.run(
            [
                office,
                "--headless",
                f"-env:UserInstallation=file://{tmp_path}/profile",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / "pdf"),
                str(path),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
        assert (tmp_path / "pdf" / (path.stem + ".pdf")).stat().st_size > 0


SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
    ' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
    ' sodipodi:docname="flyer.svg" inkscape:export-filename="/home/maria/Desktop/flyer.png" width="10" height="10">'
    "<!-- drawn by Maria for the march -->"
    "<metadata><rdf:RDF><rdf:Description><dc:creator>Maria Lopez</dc:creator></rdf:Description></rdf:RDF></metadata>"
    '<rect width="10" height="10" fill="red"/></svg>'
)


def test_svg_pictures_lose_metadata(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "flyer.docx", media=SVG.encode(), media_name="image1.svg")
    found = keys(HANDLER.inspect(src, "ooxml"))
    assert {
        "office:media:svg:metadata",
        "office:media:svg:editor-path",
        "office:media:office:xml-comment",
    } <= found
    dst = tmp_path / "out.docx"
    HANDLER.clean(src, dst, "ooxml", Options())
    assert HANDLER.inspect(dst, "ooxml") == []
    with zipfile.ZipFile(dst) as archive:
        svg = archive.read("word/media/image1.svg")
    assert b"Maria" not in svg and b"/home" not in svg and b"<rect" in svg


def test_private_pdf_entries_go(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plan.pdf")
    with pikepdf.open(src, allow_overwriting_input=True) as pdf:
        pdf.Root.AAPL_Notes = pikepdf.String("met Ana at the station")
        pdf.trailer.Backup = pdf.make_indirect(pikepdf.Dictionary(Who=pikepdf.String("Maria")))
        pdf.save(src)
    found = keys(HANDLER.inspect(src, "pdf"))
    assert {"pdf:Root/AAPL_Notes", "pdf:trailer/Backup"} <= found
    dst = tmp_path / "out.pdf"
    HANDLER.clean(src, dst, "pdf", Options())
    assert HANDLER.inspect(dst, "pdf") == []
    assert b"station" not in dst.read_bytes()


def test_field_codes_lose_folder_paths(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "fields.docx")
    members = {n: zipfile.ZipFile(src).read(n) for n in zipfile.ZipFile(src).namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"</w:body>",
        b'<w:p><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE "C:\\\\Users\\\\Maria Lopez\\\\Pictures\\\\march.jpg"'
        b" \\* MERGEFORMAT </w:instrText></w:r>"
        b'<w:fldSimple w:instr=" LINK Excel.Sheet.12 \\\\\\\\nas\\\\maria\\\\budget.xlsx "/></w:p></w:body>',
    )
    path = write_zip(tmp_path / "fields2.docx", dict(members))
    assert "office:field-path" in keys(HANDLER.inspect(path, "ooxml"))
    dst = tmp_path / "out.docx"
    HANDLER.clean(path, dst, "ooxml", Options())
    assert HANDLER.inspect(dst, "ooxml") == []
    document = archive_text(dst, "word/document.xml")
    assert '"march.jpg" \\* MERGEFORMAT' in document and "budget.xlsx" in document
    assert "Maria" not in document and "nas" not in document


# --------------------------------------------------------------------------- faces in pictures

#: The centre of each drawn face, and a point of background far from all of them.
FACE_CENTRES = tuple((cx, cy) for cx, cy, _ in media_files.DRAWN_FACES)
BACKGROUND = (300, 20)
#: Stored pixels -> upright pixels, for the EXIF orientations the tests use.
UPRIGHT = {1: None, 6: Image.Transpose.ROTATE_270, 8: Image.Transpose.ROTATE_90}
STORED = {1: None, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}


crowd = media_files.crowd_picture


def face_jpeg(orientation: int = 1) -> bytes:
    """The crowd as a phone stores it: turned for ``orientation``, with Exif (GPS, maker)."""
    image = crowd()
    turn = STORED[orientation]
    stored = image.transpose(turn) if turn is not None else image
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0x0112] = orientation
    exif[0x8825] = {1: "N", 2: (40.0, 25.0, 0.0), 3: "W", 4: (3.0, 42.0, 0.0)}
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=95, exif=exif, comment=b"taken at the march")
    return out.getvalue()


def upright(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        turn = UPRIGHT[image.getexif().get(0x0112, 1)]
        pixels = image.convert("RGB")
    return pixels.transpose(turn) if turn is not None else pixels


def dark(pixel: tuple[int, ...]) -> bool:
    return max(pixel[:3]) < 40


def docx_picture(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/media/image1.jpeg")


@pytest.mark.parametrize("orientation", [1, 6])
def test_faces_in_a_docx_photo_are_masked_and_its_exif_removed(tmp_path: Path, orientation: int) -> None:
    src = make_docx(tmp_path / "march.docx", media=face_jpeg(orientation))
    dst = tmp_path / "out" / "march.docx"
    report = scrub_file(src, dst, Options())
    assert report.faces_masked >= 3
    assert report.as_dict()["faces_masked"] == report.faces_masked
    data = docx_picture(dst)
    assert b"PhoneMaker" not in data and b"march" not in data
    with Image.open(io.BytesIO(data)) as image:
        # The stored orientation stays (the layout was made for it) and nothing else of Exif.
        assert dict(image.getexif()) == ({} if orientation == 1 else {0x0112: orientation})
        assert "comment" not in image.info
    before, after = upright(face_jpeg(orientation)), upright(data)
    assert after.size == before.size == (320, 240)
    masked = [c for c in FACE_CENTRES if dark(after.getpixel(c))]
    assert len(masked) >= 3, "most drawn faces are masked"
    assert all(not dark(before.getpixel(c)) for c in FACE_CENTRES)
    assert not dark(after.getpixel(BACKGROUND))


def test_no_faces_leaves_a_docx_photo_s_pixels_alone(tmp_path: Path) -> None:
    src = make_docx(tmp_path / "march.docx", media=face_jpeg())
    dst = tmp_path / "march-clean.docx"
    result = HANDLER.clean(src, dst, "ooxml", Options(faces=False))
    assert result.faces_masked == 0
    data = docx_picture(dst)
    assert b"PhoneMaker" not in data
    assert upright(data).tobytes() == upright(face_jpeg()).tobytes()  # the scan data is untouched


def test_faces_in_a_pptx_png_are_masked(tmp_path: Path) -> None:
    members = pptx_members()
    png = io.BytesIO()
    crowd().save(png, "PNG")
    members["ppt/media/image1.png"] = png.getvalue()
    src = write_zip(tmp_path / "slides.pptx", members)
    dst = tmp_path / "slides-clean.pptx"
    result = HANDLER.clean(src, dst, "ooxml", Options(mask_style="mosaic"))
    assert result.faces_masked >= 3
    with zipfile.ZipFile(dst) as archive, Image.open(io.BytesIO(archive.read("ppt/media/image1.png"))) as out:
        assert out.format == "PNG"
        after = out.convert("RGB")
    original = crowd()
    assert sum(after.getpixel(c) != original.getpixel(c) for c in FACE_CENTRES) >= 3
    assert after.getpixel(BACKGROUND) == original.getpixel(BACKGROUND)


def test_a_bitmap_picture_is_searched_too(tmp_path: Path) -> None:
    bmp = io.BytesIO()
    crowd().save(bmp, "BMP")
    src = make_docx(tmp_path / "old.docx", media=bmp.getvalue(), media_name="image1.bmp")
    dst = tmp_path / "old-clean.docx"
    result = HANDLER.clean(src, dst, "ooxml", Options())
    assert result.faces_masked >= 3
    with (
        zipfile.ZipFile(dst) as archive,
        Image.open(io.BytesIO(archive.read("word/media/image1.bmp"))) as out,
    ):
        assert out.format == "BMP"
        assert sum(dark(out.convert("RGB").getpixel(c)) for c in FACE_CENTRES) >= 3


def pdf_with_picture(path: Path, picture: Callable[[pikepdf.Pdf], pikepdf.Stream], *, form: bool) -> Path:
    """A one-page PDF that draws ``picture`` full page, directly or inside a Form XObject."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(320, 240))
    page = pdf.pages[0]
    image = picture(pdf)
    draw = b"q 320 0 0 240 0 0 cm /Im1 Do Q"
    if form:
        inner = pdf.make_stream(
            draw, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 320, 240]
        )
        inner.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=inner))
        page.obj.Contents = pdf.make_stream(b"/Fm1 Do")
    else:
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
        page.obj.Contents = pdf.make_stream(draw)
    pdf.save(path)
    return path


def jpeg_xobject(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    return pdf.make_stream(
        face_jpeg(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=320,
        Height=240,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.DCTDecode,
    )


def flate_xobject_with_alpha(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    alpha = pdf.make_stream(
        zlib.compress(b"\x80" * 320 * 240),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=320,
        Height=240,
        ColorSpace=pikepdf.Name.DeviceGray,
        BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode,
    )
    return pdf.make_stream(
        zlib.compress(crowd().tobytes()),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Image,
        Width=320,
        Height=240,
        ColorSpace=pikepdf.Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode,
        SMask=alpha,
    )


@pytest.mark.parametrize("form", [False, True], ids=["on the page", "inside a form"])
def test_faces_in_a_pdf_jpeg_are_masked(tmp_path: Path, form: bool) -> None:
    src = pdf_with_picture(tmp_path / "flyer.pdf", jpeg_xobject, form=form)
    dst = tmp_path / "out" / "flyer.pdf"
    report = scrub_file(src, dst, Options())
    assert report.faces_masked >= 3
    with pikepdf.open(dst) as pdf:
        (stream,) = [
            o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"
        ]
        assert stream.Filter == pikepdf.Name.DCTDecode
        assert (int(stream.Width), int(stream.Height)) == (320, 240)
        assert stream.ColorSpace == pikepdf.Name.DeviceRGB
        raw = stream.read_raw_bytes()
        after = pikepdf.PdfImage(stream).as_pil_image().convert("RGB")
    assert b"PhoneMaker" not in raw and b"Exif" not in raw
    assert sum(dark(after.getpixel(c)) for c in FACE_CENTRES) >= 3
    assert not dark(after.getpixel(BACKGROUND))


def test_faces_in_a_pdf_picture_with_alpha_are_masked_opaque(tmp_path: Path) -> None:
    src = pdf_with_picture(tmp_path / "flyer.pdf", flate_xobject_with_alpha, form=False)
    dst = tmp_path / "flyer-clean.pdf"
    result = HANDLER.clean(src, dst, "pdf", Options())
    assert result.faces_masked >= 3
    with pikepdf.open(dst) as pdf:
        pictures = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/SMask" in o]
        (stream,) = pictures
        after = pikepdf.PdfImage(stream).as_pil_image().convert("RGB")
        alpha = pikepdf.PdfImage(stream.SMask).as_pil_image().convert("L")
    masked = [c for c in FACE_CENTRES if dark(after.getpixel(c))]
    assert len(masked) >= 3
    assert all(alpha.getpixel(c) == 255 for c in masked), "the masks are opaque"
    assert alpha.getpixel(BACKGROUND) == 0x80 and after.getpixel(BACKGROUND) == crowd().getpixel(BACKGROUND)


def test_no_faces_leaves_pdf_pictures_alone(tmp_path: Path) -> None:
    src = pdf_with_picture(tmp_path / "flyer.pdf", flate_xobject_with_alpha, form=True)
    dst = tmp_path / "flyer-clean.pdf"
    assert HANDLER.clean(src, dst, "pdf", Options(faces=False)).faces_masked == 0
    with pikepdf.open(dst) as pdf:
        (stream,) = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/SMask" in o]
        assert stream.read_bytes() == crowd().tobytes()


def test_pdf_picture_that_cannot_be_decoded_refuses_the_file_with_faces_on(tmp_path: Path) -> None:
    def odd(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        return pdf.make_stream(
            b"\x00" * 64 * 64,
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=64,
            Height=64,
            ColorSpace=pikepdf.Name("/NoSuchSpace"),
            BitsPerComponent=8,
        )

    src = pdf_with_picture(tmp_path / "odd.pdf", odd, form=False)
    with pytest.raises(ScrubError) as refused:
        HANDLER.clean(src, tmp_path / "odd-clean.pdf", "pdf", Options())
    assert refused.value.code == "scrub.picture_undecodable"
    HANDLER.clean(src, tmp_path / "odd-clean.pdf", "pdf", Options(faces=False))  # metadata only: fine


def test_faces_in_an_inline_pdf_picture_refuse_the_file(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(320, 240))
    inline = b"BI /W 320 /H 240 /CS /RGB /BPC 8 ID " + crowd().tobytes() + b"\nEI"
    pdf.pages[0].obj.Contents = pdf.make_stream(b"q 320 0 0 240 0 0 cm\n" + inline + b"\nQ")
    src = tmp_path / "inline.pdf"
    pdf.save(src)
    with pytest.raises(ScrubError) as refused:
        HANDLER.clean(src, tmp_path / "inline-clean.pdf", "pdf", Options())
    assert refused.value.code == "scrub.faces_unmaskable"
    HANDLER.clean(src, tmp_path / "inline-clean.pdf", "pdf", Options(faces=False))


def emf_with_bitmap(picture: Image.Image) -> bytes:
    """A minimal EMF: its header, one StretchDIBits record drawing ``picture``, the end."""
    bmp = io.BytesIO()
    picture.save(bmp, "BMP")
    dib = bmp.getvalue()[14:]
    header = struct.pack(
        "<II4i4i4sIIIHHIII2i2i",
        1,
        88,
        0,
        0,
        320,
        240,
        0,
        0,
        8000,
        6000,
        b" EMF",
        0x10000,
        0,
        3,
        1,
        0,
        0,
        0,
        0,
        320,
        240,
        80,
        60,
    )
    record = struct.pack(
        "<II4i6i4I4I",
        81,
        80 + len(dib),
        0,
        0,
        320,
        240,
        0,
        0,
        0,
        0,
        320,
        240,
        80,
        40,
        120,
        len(dib) - 40,
        0,
        0xCC0020,
        320,
        240,
    )
    end = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    return header + record + dib + end


@pytest.mark.parametrize(
    ("faces", "picture", "code"),
    [
        (True, "crowd", "scrub.faces_unmaskable"),
        (True, "plain", None),
        (False, "crowd", None),
    ],
)
def test_bitmaps_inside_drawings_are_searched_for_faces(
    tmp_path: Path, faces: bool, picture: str, code: str | None
) -> None:
    image = crowd() if picture == "crowd" else Image.new("RGB", (320, 240), (90, 120, 90))
    assert documents._drawing_kind(emf_with_bitmap(image)) == "emf"
    src = make_docx(tmp_path / "drawing.docx", media=emf_with_bitmap(image), media_name="image1.emf")
    dst = tmp_path / "drawing-clean.docx"
    if code is None:
        HANDLER.clean(src, dst, "ooxml", Options(faces=faces))
        with zipfile.ZipFile(dst) as archive:
            assert archive.read("word/media/image1.emf") == emf_with_bitmap(
                image
            )  # drawings are kept as they are
    else:
        with pytest.raises(ScrubError) as refused:
            HANDLER.clean(src, dst, "ooxml", Options(faces=faces))
        assert refused.value.code == code


def test_emf_plus_pictures_split_over_records_are_put_back_together() -> None:
    png = io.BytesIO()
    crowd().save(png, "PNG")
    image = struct.pack("<II", 0xDBC01002, 1) + struct.pack("<iiiII", 320, 240, 0, 0, 1) + png.getvalue()
    half = len(image) // 2

    def plus_record(flags: int, body: bytes) -> bytes:
        data = struct.pack("<HHII", 0x4008, flags, 12 + len(body), len(body)) + body
        return struct.pack("<III", 70, 16 + len(data), 4 + len(data)) + b"EMF+" + data

    continued = 0x8000 | (5 << 8) | 3  # an image object in slot 3, continued
    emf = emf_with_bitmap(Image.new("RGB", (8, 8)))
    end = emf[-20:]
    emf = (
        emf[:-20]
        + plus_record(continued, struct.pack("<I", len(image)) + image[:half])
        + plus_record((5 << 8) | 3, image[half:])
        + end
    )
    found = list(documents._drawing_bitmaps(emf))
    assert found[-1] == png.getvalue()


def test_pictures_written_inside_an_svg_are_cleaned_and_masked(tmp_path: Path) -> None:
    encoded = base64.b64encode(face_jpeg()).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="320" height="240">'
        f'<image width="320" height="240" xlink:href="data:image/jpeg;base64,{encoded}"/></svg>'
    )
    src = make_docx(tmp_path / "flyer.docx", media=svg.encode(), media_name="image1.svg")
    assert "office:media:jpeg:exif" in keys(HANDLER.inspect(src, "ooxml"))
    dst = tmp_path / "flyer-clean.docx"
    assert HANDLER.clean(src, dst, "ooxml", Options()).faces_masked >= 3
    assert HANDLER.inspect(dst, "ooxml") == []
    with zipfile.ZipFile(dst) as archive:
        tree = etree.fromstring(archive.read("word/media/image1.svg"))
    href = tree[0].get("{http://www.w3.org/1999/xlink}href")
    picture = base64.b64decode(href.partition(",")[2])
    assert b"PhoneMaker" not in picture
    assert sum(dark(upright(picture).getpixel(c)) for c in FACE_CENTRES) >= 3
