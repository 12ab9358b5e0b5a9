"""Certificates drawn locally: a QR code (segno) and a PDF (fpdf2 with HarfBuzz shaping).

Fonts: Google's Noto fonts (SIL Open Font Licence) as Debian packages them, fonts-noto-core
(Noto Sans for Latin, Cyrillic and Greek; Noto Naskh Arabic) and fonts-noto-cjk (Noto Sans
CJK, Simplified Chinese face). `make install` installs them; the paths are the setting
CERTIFICATE_FONTS. Nothing is downloaded at run time. A script with no font found falls back
to the Latin font (its glyphs would be missing), and a warning is logged.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import segno
from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from fpdf import FPDF
from markupsafe import Markup

from courses.models import Certificate
from vfac.i18n import babel_locale

log = logging.getLogger("vfac.certificates")

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def qr_svg(url: str) -> Markup:
    """The URL as an inline SVG QR code (about 1.5 KB), drawn here, no image request."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, xmldecl=False,
                                    svgns=True, title=url, svgclass="qr-code", lineclass=None)
    return Markup(out.getvalue().decode())


def _font(pdf: FPDF, family: str, spec: str | tuple[str, int]) -> bool:
    path, index = (spec, 0) if isinstance(spec, str) else spec
    if not Path(path).is_file():
        log.warning("certificate font %s not found at %s", family, path)
        return False
    pdf.add_font(family, fname=path, collection_font_number=index)
    return True


def certificate_texts(cert: Certificate) -> dict[str, str]:
    """The fixed words of a certificate, in the course's language."""
    with force_locale(babel_locale(cert.language)):
        return {
            "heading": _("Certificate of completion"),
            "certifies": _("This certifies that"),
            "completed": _("has completed the course"),
            "hours": _("%(hours)d hours of study", hours=cert.hours),
            "date": _("Issued on %(date)s", date=format_date(cert.issued_at, "long")),
            "code": _("Certificate code: %(code)s", code=cert.code),
            "verify": _("Verify this certificate at"),
            "issuer": _("VFAC, the Virtual Forum against Cybercrime"),
        }


def certificate_pdf(cert: Certificate, verify_url: str) -> bytes:
    """A one-page A4 landscape certificate with the QR code to its verification page."""
    fonts = current_app.config["CERTIFICATE_FONTS"]
    words = certificate_texts(cert)
    text = " ".join([cert.full_name, cert.course_title, *words.values()])
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    if not _font(pdf, "main", fonts["sans"]):
        raise RuntimeError("no certificate font")
    fallbacks = [family for family, needed in (("arabic", _ARABIC), ("cjk", _CJK))
                 if needed.search(text) and _font(pdf, family, fonts[family])]
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks)
    pdf.set_text_shaping(True)
    pdf.set_draw_color(30, 64, 120)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)

    def line(content: str, size: int, top: float, colour=(20, 20, 20)) -> None:
        pdf.set_font("main", size=size)
        pdf.set_text_color(*colour)
        pdf.set_xy(20, top)
        pdf.multi_cell(257, size * 0.5, content, align="C")

    line(words["issuer"], 12, 22, (30, 64, 120))
    line(words["heading"], 30, 38, (30, 64, 120))
    line(words["certifies"], 14, 62)
    line(cert.full_name, 26, 74)
    line(words["completed"], 14, 92)
    line(cert.course_title, 20, 104)
    line(f"{words['hours']} · {words['date']}", 13, 130)
    qr = io.BytesIO()
    segno.make(verify_url, error="m").save(qr, kind="png", scale=6, border=1)
    qr.seek(0)
    pdf.image(qr, x=20, y=150, w=38, h=38)
    pdf.set_font("main", size=11)
    pdf.set_text_color(20, 20, 20)
    pdf.set_xy(64, 158)
    pdf.multi_cell(200, 6, f"{words['code']}\n{words['verify']}\n{verify_url}")
    return bytes(pdf.output())
