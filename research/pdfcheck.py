"""Open a PDF with pypdf in a child process: `python -m research.pdfcheck PATH [--text]`.

pypdf has had denial-of-service bugs (loops, memory blow-ups) on crafted files, so the
parent runs this with a time limit and caps its memory (research/files.py); whatever
happens here, the web process survives. Prints one JSON object on stdout:
{"ok": true, "pages": N, "text": "..."} or {"ok": false, "reason": "encrypted" | "script" |
"malformed"}.
"""
from __future__ import annotations

import json
import sys

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

MAX_PAGES_READ = 2000
# Names of actions that run code or open other things when a reader opens or clicks
_ACTIVE = {"/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/RichMedia"}


def _has_active_content(reader: PdfReader) -> bool:
    """True when the catalogue, a page or an annotation carries a script or launch action."""
    seen: set[int] = set()

    def walk(obj, depth: int = 0) -> bool:
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                return False
            seen.add(obj.idnum)
            obj = obj.get_object()
        if depth > 40:
            return False
        if isinstance(obj, DictionaryObject):
            if _ACTIVE & set(obj.keys()) or obj.get("/S") in _ACTIVE:
                return True
            return any(walk(value, depth + 1) for key, value in obj.items() if key != "/Parent")
        if isinstance(obj, list):
            return any(walk(value, depth + 1) for value in obj)
        return False

    return walk(reader.trailer["/Root"])


def check(path: str, want_text: bool) -> dict:
    with open(path, "rb") as handle:
        if handle.read(5) != b"%PDF-":
            return {"ok": False, "reason": "malformed"}
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return {"ok": False, "reason": "encrypted"}
        pages = len(reader.pages)
        if pages == 0:
            return {"ok": False, "reason": "malformed"}
        if _has_active_content(reader):
            return {"ok": False, "reason": "script"}
        text = ""
        if want_text:
            # fpdf2-made CJK text comes back with NULs between glyphs
            text = "\n".join((page.extract_text() or "").replace("\x00", "")
                             for page in reader.pages[:MAX_PAGES_READ])
    except Exception:  # noqa: BLE001 - any failure to read is a malformed file to the user
        return {"ok": False, "reason": "malformed"}
    return {"ok": True, "pages": pages, "text": text}


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1], "--text" in sys.argv[2:])))
