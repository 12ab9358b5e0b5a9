"""Paper files on disk: checked by content, kept under random names outside static/.

An upload is refused at once when it is empty, too large or does not start with the PDF
signature; otherwise it is kept as it came, in quarantine (`<name>.upload`, never served),
and a job checks it (research/services/checks.py): pypdf, in a child process with a time
limit and a memory cap, opens it, finds pages, no encryption, no active content and
nothing but PDF (research/pdfcheck.py). The child then writes a clean copy, pages only;
that copy (`<name>`) is what is kept and served, never the uploaded bytes. A refused
upload leaves no file behind. Course attachments that are PDFs go through the same
quarantine and check.

Names are never taken as given: the member's name for a file loses folders and Unicode
control and format characters (a right-to-left override turns "fdp.hta" into what reads
as "ath.pdf") and always ends in the extension of what the content is.
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import secrets
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from flask import current_app
from flask_babel import lazy_gettext as _l

from accounts.services import ServiceError

ROOT = Path(__file__).resolve().parent.parent


class FileTooLarge(ServiceError):
    """The upload is over RESEARCH_PDF_MAX_BYTES (the view answers 413)."""


@dataclass(frozen=True)
class Quarantined:
    """An upload kept as it came, unchecked, until the check job: never served."""

    original_name: str
    stored_name: str  # the name of its clean copy-to-be; the upload is `<name>.upload`
    size: int
    sha256: str


class PdfRefused(Exception):
    """The check refused the file; `reason` is a key of the refusal messages.

    Not a ServiceError: it is raised in a job, whose unit of work records the refusal.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason if reason in _REFUSALS else "malformed"


@dataclass(frozen=True)
class CleanPdf:
    """The clean copy of an accepted PDF, kept under a random name."""

    stored_name: str
    size: int
    sha256: str
    pages: int


_REFUSALS = {
    "encrypted": _l("This PDF is encrypted or password-protected. Save a copy without "
                    "protection and upload that."),
    "script": _l("This PDF contains scripts or actions that run when it is opened. Export "
                 "or print it to a new PDF without them and upload that."),
    "external": _l("This PDF contains attached files or links that open other files. "
                   "Export or print it to a new PDF without them and upload that."),
    "mixed": _l("This file is not only a PDF: it also holds something else, such as a web "
                "page. Export or print it to a new PDF and upload that."),
    "malformed": _l("This file could not be read as a PDF. Check that it opens in a PDF "
                    "reader, save it again and upload it."),
}
# The clean copy holds the upload's objects written out plainly; a file that grows past
# this many times the largest upload is a bomb, and the child is stopped (SIGXFSZ).
_COPY_GROWTH = 4


def _folder() -> Path:
    return Path(current_app.instance_path) / "uploads" / "research"


def path_of(stored_name: str) -> Path:
    return _folder() / stored_name


def _limits(memory: int, seconds: int, file_bytes: int) -> None:  # in the child, before pypdf
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))


def _run_check(path: Path, *options: str) -> dict:
    """Run research.pdfcheck on the file in a limited child; {"ok": False, ...} on failure."""
    config = current_app.config
    seconds = config["RESEARCH_PDF_SECONDS"]
    command = [sys.executable, "-m", "research.pdfcheck", str(path), *options]
    limits = partial(_limits, config["RESEARCH_PDF_MEMORY_BYTES"], seconds,
                     _COPY_GROWTH * config["RESEARCH_PDF_MAX_BYTES"])
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=seconds + 5,
                              check=False, preexec_fn=limits)
        return json.loads(done.stdout) if done.returncode == 0 else {"ok": False,
                                                                     "reason": "malformed"}
    except (subprocess.TimeoutExpired, ValueError):
        return {"ok": False, "reason": "malformed"}


def read_pdf(path: Path, want_text: bool) -> dict:
    """Open the file with pypdf in a child process; {"ok": False, "reason": ...} on failure."""
    return _run_check(path, *(["--text"] if want_text else []))


def refusal_message(reason: str):
    """What a member is told about a refused PDF (lazy: rendered in their language)."""
    return _REFUSALS.get(reason, _REFUSALS["malformed"])


def quarantine_path(stored_name: str, folder: Path | None = None) -> Path:
    return (folder or _folder()) / f"{stored_name}.upload"


def quarantine(data: bytes, original_name: str, folder: Path | None = None) -> Quarantined:
    """Keep uploaded PDF bytes as they came, for the check job (fast: one write)."""
    folder = folder or _folder()
    folder.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16)
    quarantine_path(stored, folder).write_bytes(data)
    return Quarantined(original_name=original_name, stored_name=stored, size=len(data),
                       sha256=hashlib.sha256(data).hexdigest())


def check_quarantined(stored_name: str, folder: Path | None = None) -> CleanPdf:
    """Check a quarantined upload and keep its clean copy as `stored_name`; PdfRefused (and
    no clean copy) when refused. The upload stays: the job removes it once its outcome is
    committed, so a run that fails before that can be tried again.

    Takes seconds on a large file (a child process): call it outside a database
    transaction (vfac.transactions.outside_transaction).
    """
    folder = folder or _folder()
    upload = quarantine_path(stored_name, folder)
    if not upload.is_file():  # e.g. a worker without the web server's instance folder
        raise FileNotFoundError(f"quarantined upload {upload} is missing")
    # written under a name of its own, then renamed: a doubled job never serves half a copy
    partial = folder / f"{stored_name}.{secrets.token_hex(4)}.part"
    try:
        result = _run_check(upload, "--clean", str(partial))
        if not result["ok"]:
            raise PdfRefused(result["reason"])
        kept = partial.read_bytes()
        os.replace(partial, folder / stored_name)
    finally:
        partial.unlink(missing_ok=True)
    return CleanPdf(stored_name=stored_name, size=len(kept),
                    sha256=hashlib.sha256(kept).hexdigest(), pages=result["pages"])


def remove_quarantine(stored_name: str, folder: Path | None = None) -> None:
    quarantine_path(stored_name, folder).unlink(missing_ok=True)


def read_upload(stream: IO[bytes], limit: int) -> bytes:
    """The uploaded bytes; a ServiceError when empty, FileTooLarge past `limit`."""
    data = stream.read(limit + 1)
    if not data:
        raise ServiceError(_l("The file is empty."))
    if len(data) > limit:
        raise FileTooLarge(_l("The file is larger than %(size)d MB.", size=limit // 2**20))
    return data


def store_pdf(stream: IO[bytes], filename: str) -> Quarantined:
    """Keep an uploaded PDF in quarantine for its check; a ServiceError (and no file) at
    once when it is empty, too large or not a PDF."""
    data = read_upload(stream, current_app.config["RESEARCH_PDF_MAX_BYTES"])
    if not data.startswith(b"%PDF-"):
        raise ServiceError(_l("Only PDF documents can be uploaded: this file is not a PDF."))
    return quarantine(data, clean_name(filename, ".pdf", "paper"))


def discard(stored_name: str, folder: Path | None = None) -> None:
    """Remove a kept file from disk: its clean copy and its quarantined upload."""
    ((folder or _folder()) / stored_name).unlink(missing_ok=True)
    remove_quarantine(stored_name, folder)


def _visible(text: str) -> str:
    """NFC text without control or format characters (bidi overrides, zero-width marks,
    NUL, newlines) and line separators; runs of other spaces become one space."""
    kept = "".join(c for c in unicodedata.normalize("NFC", text)
                   if unicodedata.category(c)[0] != "C" and unicodedata.category(c) not in
                   ("Zl", "Zp"))
    return " ".join(kept.split())


def clean_name(filename: str, suffix: str, fallback: str) -> str:
    """A member's name for a file, safe to store and show, ending in `suffix` (".pdf").

    The extension the upload gave is dropped: the content decided what the file is.
    """
    name = _visible(filename.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, extension = name.rpartition(".")
    stem = (stem if dot else extension).strip(" .")
    return (stem or fallback)[:200 - len(suffix)] + suffix


def download_name(title: str, version: int) -> str:
    """The name a paper's file is downloaded under: `<title-slug>-v<N>.pdf`, in any script."""
    words = "".join(c if c.isalnum() or unicodedata.category(c) in ("Mn", "Mc") else " "
                    for c in _visible(title).casefold()).split()
    slug = "-".join(words)[:80].strip("-") or "paper"
    return f"{slug}-v{version}.pdf"
