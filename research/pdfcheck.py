"""Check a PDF with pypdf in a child process, and write a clean copy of it.

`python -m research.pdfcheck PATH [--clean OUT] [--text]`

pypdf has had denial-of-service bugs (loops, memory blow-ups) on crafted files, so the
parent runs this with a time limit and caps its memory (research/files.py); whatever
happens here, the web process survives. Prints one JSON object on stdout:
{"ok": true, "pages": N, "text": "..."} or {"ok": false, "reason": "encrypted" | "script" |
"external" | "mixed" | "malformed"}.

The check refuses what readers run or open (scripts, launch and form actions, additional
actions, XFA, links to other or embedded files, attachments) and files that are also
something else (an HTML page or an HTA behind a PDF signature). An accepted file is then
rewritten, pages only, to OUT: no catalogue actions, names, forms or outline, no bytes
of the upload outside its pages' objects. Only that copy is kept and served, so whatever
the check did not foresee, and whatever pypdf reads differently from other readers, stays
behind.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

MAX_PAGES_READ = 2000
# Keys whose mere presence means code, hidden forms or files: JavaScript name trees and
# actions, additional actions (run on open, close, page view, keystroke...), XFA forms,
# embedded files (the name tree and a file specification's /EF).
_ACTIVE_KEYS = {"/JS": "script", "/JavaScript": "script", "/AA": "script", "/XFA": "script",
                "/RichMediaContent": "script", "/EmbeddedFiles": "external", "/EF": "external"}
# Action types (/S) that run something or open another document, wherever they are
_ACTIVE_ACTIONS = {"/JavaScript": "script", "/Launch": "script", "/SubmitForm": "script",
                   "/ImportData": "script", "/RichMediaExecute": "script",
                   "/GoToR": "external", "/GoToE": "external"}
_ACTIVE_ANNOTATIONS = {"/FileAttachment": "external", "/RichMedia": "script"}
# What the clean copy keeps of a page's annotations: links inside the document and to
# web addresses (the references of a paper); annotations that play or carry things go.
_KEPT_ACTIONS = {"/GoTo", "/URI"}
_DROPPED_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}

# The %PDF- line, then only whitespace and comment lines before the first "N G obj"
# (possessive quantifiers: linear on any input)
_HEADER_THEN_OBJECT = re.compile(rb"%PDF-[^\r\n]*+(?:[\x00\t\n\x0c\r ]++|%[^\r\n]*+)*+"
                                 rb"\d++[\x00\t\n\x0c\r ]++\d++[\x00\t\n\x0c\r ]++obj\b")
# Markup a browser, mshta or a script host would act on; hex strings (<4f1a...>) and
# dictionaries (<</Type...) cannot start like this
_MARKUP = re.compile(rb"<(?:!doctype|html|head|body|script|iframe|object|embed|svg|meta|"
                     rb"hta:)", re.IGNORECASE)
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _outside_streams(data: bytes) -> Iterator[bytes]:
    pos = 0
    while (start := _STREAM.search(data, pos)) is not None:
        yield data[pos:start.start()]
        end = data.find(b"endstream", start.end())
        if end < 0:
            return
        pos = end + len(b"endstream")
    yield data[pos:]


def is_polyglot(data: bytes) -> bool:
    """True when the bytes are also something else than a PDF (an HTML page, an HTA...)."""
    if _HEADER_THEN_OBJECT.match(data) is None:
        return True
    return any(_MARKUP.search(part) for part in _outside_streams(data))


def _action_chain(action) -> Iterator[DictionaryObject]:
    """An action and the ones it runs next (/Next: one action or an array of them)."""
    seen: set[int] = set()
    stack = [action]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
        item = _resolve(item)
        if isinstance(item, DictionaryObject):
            yield item
            stack.append(item.get("/Next"))
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _refusal(obj: DictionaryObject) -> str | None:
    for key, reason in _ACTIVE_KEYS.items():
        if key in obj:
            return reason
    reason = _ACTIVE_ACTIONS.get(_resolve(obj.get("/S"))) or \
        _ACTIVE_ANNOTATIONS.get(_resolve(obj.get("/Subtype")))
    if reason:
        return reason
    if "/OpenAction" in obj and any(_resolve(a.get("/S")) == "/URI"
                                    for a in _action_chain(dict.get(obj, "/OpenAction"))):
        return "script"  # a web address called on opening tells someone who opened it, when
    return None


def active_content(reader: PdfReader) -> str | None:
    """The reason to refuse the first active construct reachable from the trailer, or None.

    Walks every object once, iteratively (no depth at which things hide), following every
    key, /Parent included: an inherited or back-linked object is checked like any other.
    """
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) in seen:
                continue
            seen.add((obj.idnum, obj.generation))
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):  # streams too: their dictionary, not data
            reason = _refusal(obj)
            if reason:
                return reason
            stack.extend(dict.values(obj))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return None


def _clean_annotations(page) -> None:
    kept = ArrayObject()
    for ref in _resolve(page.get("/Annots")) or ():
        annotation = _resolve(ref)
        if not isinstance(annotation, DictionaryObject) or \
                _resolve(annotation.get("/Subtype")) in _DROPPED_ANNOTATIONS:
            continue
        annotation.pop("/AA", None)
        action = _resolve(annotation.get("/A"))
        if isinstance(action, DictionaryObject) and _resolve(action.get("/S")) in _KEPT_ACTIONS:
            action.pop("/Next", None)
        else:
            annotation.pop("/A", None)
        kept.append(ref)
    if "/Annots" in page:
        page[NameObject("/Annots")] = kept


def write_clean_copy(reader: PdfReader, out: str) -> None:
    """The pages alone, in a new file: no catalogue actions, names, forms or outline."""
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page, excluded_keys=("/AA",))
    for page in writer.pages:
        page.pop("/AA", None)
        _clean_annotations(page)
    writer.write(out)


def check(path: str, want_text: bool, clean_to: str | None = None) -> dict:
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.startswith(b"%PDF-"):
        return {"ok": False, "reason": "malformed"}
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return {"ok": False, "reason": "encrypted"}
        pages = len(reader.pages)
        if pages == 0:
            return {"ok": False, "reason": "malformed"}
        if is_polyglot(data):
            return {"ok": False, "reason": "mixed"}
        reason = active_content(reader)
        if reason:
            return {"ok": False, "reason": reason}
        if clean_to:
            write_clean_copy(reader, clean_to)
            with open(clean_to, "rb") as handle:
                if is_polyglot(handle.read()):  # strings that sat in compressed object streams
                    return {"ok": False, "reason": "mixed"}
        text = ""
        if want_text:
            # fpdf2-made CJK text comes back with NULs between glyphs
            text = "\n".join((page.extract_text() or "").replace("\x00", "")
                             for page in reader.pages[:MAX_PAGES_READ])
    except Exception:  # noqa: BLE001 - any failure to read is a malformed file to the user
        return {"ok": False, "reason": "malformed"}
    return {"ok": True, "pages": pages, "text": text}


def main(argv: list[str]) -> dict:
    clean_to = argv[argv.index("--clean") + 1] if "--clean" in argv else None
    return check(argv[0], "--text" in argv[1:], clean_to)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
