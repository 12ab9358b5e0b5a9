"""Previews and uploads are limited per member; a Markdown text may hold only so many links."""
from __future__ import annotations

import io

import pytest

from accounts.models import Profession
from tests.research.conftest import pdf_bytes
from tests.research.test_uploads import form
from vfac.markup import MAX_LINKS, count_links, render_markdown

TEXT = "How do we preserve the mailbox of a suspect held by a provider abroad?"


@pytest.fixture
def small_limits(app):
    old = app.config["PREVIEW_RATE_LIMIT"], app.config["UPLOAD_RATE_LIMIT"]
    app.config["PREVIEW_RATE_LIMIT"], app.config["UPLOAD_RATE_LIMIT"] = "3 per hour", "2 per hour"
    yield
    app.config["PREVIEW_RATE_LIMIT"], app.config["UPLOAD_RATE_LIMIT"] = old


def ask(client, step: str, body: str = TEXT):
    return client.post("/forum/ask", data={
        "title": "Preserving a cloud mailbox held abroad", "category": "investigation",
        "body": body, "tags": "cloud", "language": "en", "country": "",
        "visibility": "members", "step": step})


def test_previews_are_limited_per_member(client, auth, make_user, small_limits):
    auth.login(make_user(username="writer"))
    assert [ask(client, "preview").status_code for _ in range(3)] == [200] * 3
    r = ask(client, "preview")
    assert r.status_code == 429 and "many previews" in r.get_data(as_text=True)
    # posting is not a preview: it is not counted, nor refused
    assert ask(client, "confirm").status_code == 302


def test_too_many_links_are_refused_before_rendering(client, auth, make_user):
    auth.login(make_user(username="spammer"))
    body = "See " + " ".join(f"https://spam.example/{i}" for i in range(MAX_LINKS + 1))
    r = ask(client, "preview", body)
    assert r.status_code == 400
    assert f"At most {MAX_LINKS} links" in r.get_data(as_text=True)


def test_link_count_and_the_safety_net():
    assert count_links("[a](https://x.example) www.y.example <mailto:z@x.example>") == 3
    many = " ".join(f"https://x.example/{i}" for i in range(MAX_LINKS + 5))
    assert "<a " not in render_markdown(many)  # rendered, but not linkified
    assert "<a " in render_markdown("https://x.example/ only one")


def test_uploads_are_limited_per_member(client, auth, make_user, small_limits):
    auth.login(make_user(profession=Profession.ACADEMIC, username="uploader"))
    codes = [client.post("/research/submit", content_type="multipart/form-data",
                         data=form(pdf=(io.BytesIO(pdf_bytes()), "paper.pdf"))).status_code
             for _ in range(3)]
    assert codes[:2] == [302, 302] and codes[2] == 429
