"""Small files the demo seeds generate without the network: a one-page PDF of plain lines, and the
image library's entry for a generated picture.

Used by the content apps' ``demo.py`` (drafts for comment, projects, the organisation's portraits,
the news pictures); the PDF files are tagged as demo data by their callers."""

import hashlib
import io
from collections.abc import Callable

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from .text import slug as ascii_slug


def wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def pdf_bytes(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing ``lines`` (ASCII, Helvetica), its cross-reference table
    pointing at each object."""

    def literal(text: str) -> str:
        ascii_text = text.encode("ascii", "replace").decode("ascii")
        return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "\n".join(["BT", "/F1 12 Tf", "16 TL", "56 780 Td", *(f"({literal(x)}) Tj T*" for x in lines), "ET"])
    stream_bytes = stream.encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream_bytes) + stream_bytes + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def library_image(title: str, description: str, content: Callable[[], bytes], tag: str, max_slug: int = 80):
    """The library image with ``title``; made when there is none from the JPEG ``content()`` returns,
    described and tagged ``tag``. Returns ``(image, created)``."""
    Image = get_image_model()  # noqa: N806
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image, False
    data = content()
    image = Image(
        title=title,
        description=description,
        file=ImageFile(io.BytesIO(data), name=f"{ascii_slug(title)[:max_slug]}.jpg"),
        file_size=len(data),
        file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
    )
    image.save()
    image.tags.add(tag)
    return image, True
