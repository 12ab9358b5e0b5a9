"""Certificates: the public verification page, the printable page and the PDF."""
from __future__ import annotations

from flask import Response, abort, redirect, render_template, request, url_for

from courses.certificates import certificate_pdf, certificate_texts, qr_svg
from courses.services import learning
from courses.views import bp


def _verify_url(code: str) -> str:
    return url_for("courses.certificate", code=code, _external=True)


@bp.route("/certificates/")
def verify():
    """A form to type a code; a code given is looked up on its own page."""
    code = (request.args.get("code") or "").strip()[:64]
    if code:
        return redirect(url_for("courses.certificate", code=learning.normalise_code(code)
                                or code))
    return render_template("courses/verify.html")


@bp.route("/certificates/<code>")
def certificate(code: str):
    cert = learning.certificate_by_code(code)
    if cert is None:
        return render_template("courses/certificate.html", cert=None, code=code[:64]), 404
    return render_template("courses/certificate.html", cert=cert, texts=certificate_texts(cert),
                           qr=qr_svg(_verify_url(cert.code)), verify_url=_verify_url(cert.code))


@bp.route("/certificates/<code>.pdf")
def certificate_download(code: str):
    cert = learning.certificate_by_code(code)
    if cert is None:
        abort(404)
    pdf = certificate_pdf(cert, _verify_url(cert.code))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="vfac-certificate-{cert.code}.pdf"',
        "Cache-Control": "private, max-age=86400"})
