"""Paper files on disk: checked by content, kept under random names outside static/.

A PDF is accepted when it starts with the PDF signature and pypdf, in a child process with
a time limit and a memory cap, opens it, finds pages, no encryption and no scripts or
launch actions. Anything else is refused and leaves no file behind.
"""
from __future__ import annotations

import hashlib
import json
import resource
import secrets
import subprocess
import sys
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
class StoredPdf:
    original_name: str
    stored_name: str
    size: int
    sha256: str
    pages: int


_REFUSALS = {
    "encrypted": _l("This PDF is encrypted or password-protected. Save a copy without "
                    "protection and upload that."),
    "script": _l("This PDF contains scripts or actions that run when it is opened. Export "
                 "or print it to a new PDF without them and upload that."),
    "malformed": _l("This file could not be read as a PDF. Check that it opens in a PDF "
                    "reader, save it again and upload it."),
}


def path_of(stored_name: str) -> Path:
    return Path(current_app.instance_path) / "uploads" / "research" / stored_name


def _limits(memory: int, seconds: int) -> None:  # runs in the child, before pypdf starts
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def read_pdf(path: Path, want_text: bool) -> dict:
    """Open the file with pypdf in a child process; {"ok": False, "reason": ...} on failure."""
    config = current_app.config
    seconds = config["RESEARCH_PDF_SECONDS"]
    command = [sys.executable, "-m", "research.pdfcheck", str(path)]
    try:
        done = subprocess.run(command + (["--text"] if want_text else []), cwd=ROOT,
                              capture_output=True, timeout=seconds + 5, check=False,
                              preexec_fn=partial(_limits, config["RESEARCH_PDF_MEMORY_BYTES"],
                                                 seconds))
        return json.loads(done.stdout) if done.returncode == 0 else {"ok": False,
                                                                     "reason": "malformed"}
    except (subprocess.TimeoutExpired, ValueError):
        return {"ok": False, "reason": "malformed"}


def store_pdf(stream: IO[bytes], filename: str) -> StoredPdf:
    """Check an uploaded PDF and keep it; a ServiceError (and no file) when refused."""
    limit = current_app.config["RESEARCH_PDF_MAX_BYTES"]
    data = stream.read(limit + 1)
    if not data:
        raise ServiceError(_l("The file is empty."))
    if len(data) > limit:
        raise FileTooLarge(_l("The file is larger than %(size)d MB.", size=limit // 2**20))
    if not data.startswith(b"%PDF-"):
        raise ServiceError(_l("Only PDF documents can be uploaded: this file is not a PDF."))
    stored = secrets.token_hex(16)
    path = path_of(stored)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    result = read_pdf(path, want_text=False)
    if not result["ok"]:
        path.unlink(missing_ok=True)
        raise ServiceError(_REFUSALS[result["reason"]])
    name = Path(filename.replace("\\", "/")).name.strip()[:200] or "paper.pdf"
    return StoredPdf(original_name=name, stored_name=stored, size=len(data),
                     sha256=hashlib.sha256(data).hexdigest(), pages=result["pages"])


def discard(stored_name: str) -> None:
    path_of(stored_name).unlink(missing_ok=True)
