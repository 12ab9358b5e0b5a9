"""Hand-built PDFs for the upload checks: every byte where a test wants it.

`document()` is a one-page PDF with real text; its arguments put raw PDF syntax into the
catalogue, the page, the page tree or around the file, as an attacker would.
"""
from __future__ import annotations

TEXT = "Cloud evidence and mutual legal assistance"
JS = b"<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>"
HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def build(objects: dict[int, bytes], *, header: bytes = HEADER, tail: bytes = b"") -> bytes:
    """Objects (number -> body) with a correct cross-reference table; object 1 is the root."""
    out = bytearray(header)
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets \
            else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    return bytes(out) + tail


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


def document(catalog: bytes = b"", page: bytes = b"", *, levels: int = 0,
             objects: dict[int, bytes] | None = None, header: bytes = HEADER,
             tail: bytes = b"", text: str = TEXT) -> bytes:
    """One page of text; `levels` intermediate /Pages nodes between the root and the page."""
    parent = 100 + levels - 1 if levels else 2
    body = {
        1: b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
        2: b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (100 if levels else 3),
        3: b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font "
           b"<< /F1 4 0 R >> >> /Contents 5 0 R %s >>" % (parent, page),
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        5: stream(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")),
    }
    for level in range(levels):
        number = 100 + level
        kid = number + 1 if level < levels - 1 else 3
        body[number] = b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (
            number - 1 if level else 2, kid)
    body.update(objects or {})
    return build(body, header=header, tail=tail)


def nested(inner: bytes, depth: int) -> bytes:
    """`inner` inside `depth` nested arrays."""
    return b"[" * depth + inner + b"]" * depth


def next_chain(last: bytes, depth: int) -> bytes:
    """A harmless /GoTo action whose /Next runs another, `depth` times, then `last`."""
    action = last
    for _ in range(depth):
        action = b"<< /S /GoTo /D [3 0 R /Fit] /Next %s >>" % action
    return action
