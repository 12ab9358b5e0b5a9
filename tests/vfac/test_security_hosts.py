"""Absolute links come from BASE_URL, never from the request's Host header (audit finding 1).

An anonymous attacker who posts /auth/reset with `Host: evil.example` must not get the
member a genuine reset link to evil.example; the same holds for every absolute link.
"""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from accounts.models import User
from tests.accounts.test_journey import REGISTRATION
from vfac.config import MissingBaseUrl
from vfac.extensions import db

EVIL = "http://evil.example"


@pytest.fixture
def alias(app):
    """A second name the site answers to (as a proxy's internal name would be)."""
    before = app.config["TRUSTED_HOSTS"]
    app.config["TRUSTED_HOSTS"] = [*before, "alias.test"]
    yield "http://alias.test"
    app.config["TRUSTED_HOSTS"] = before


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>)]+", text)


@pytest.mark.parametrize("method, path", [
    ("GET", "/"), ("GET", "/auth/reset"), ("POST", "/auth/reset"), ("POST", "/auth/register"),
    ("POST", "/auth/confirm"), ("GET", "/forum/feed.atom"), ("GET", "/oai?verb=Identify"),
    ("GET", "/healthz"), ("GET", "/no/such/page")])
def test_an_untrusted_host_is_a_400(client, make_user, outbox, method, path):
    member = make_user()
    data = {"email": member.email, **({} if "register" not in path else REGISTRATION)}
    response = client.open(path, method=method, data=data, base_url=EVIL)
    assert response.status_code == 400
    assert "evil.example" not in response.get_data(as_text=True)
    assert outbox.messages() == []


def test_reset_link_follows_base_url_not_host(client, make_user, outbox, alias):
    member = make_user()
    assert client.post("/auth/reset", data={"email": member.email},
                       base_url=alias).status_code in (200, 302)
    found = links(outbox.last_body())
    assert found and all(link.startswith("https://localhost/") for link in found), found


def test_confirmation_link_follows_base_url_not_host(client, outbox, alias):
    response = client.post("/auth/register", data=REGISTRATION, base_url=alias)
    assert response.status_code == 302
    assert db.session.execute(select(User).filter_by(username="kofi")).scalar_one()
    found = links(outbox.last_body())
    assert found and all(link.startswith("https://localhost/") for link in found), found


def test_feeds_and_oai_ids_follow_base_url(client, alias):
    feed = client.get("/forum/feed.atom", base_url=alias).get_data(as_text=True)
    assert "alias.test" not in feed and "https://localhost/forum/" in feed
    oai = client.get("/oai?verb=Identify", base_url=alias).get_data(as_text=True)
    assert "alias.test" not in oai
    assert "<baseURL>https://localhost/oai</baseURL>" in oai

    from research import oai as oai_module  # noqa: PLC0415

    with client.application.test_request_context("/oai", base_url=alias):
        assert oai_module._repository_id() == "localhost"
        assert oai_module._paper_url(7) == "https://localhost/research/7"


def test_links_outside_a_request_follow_base_url(app):
    from flask import url_for  # noqa: PLC0415

    with app.app_context():  # as `flask forum digest` from cron
        assert url_for("forum.notifications", _external=True) == \
            "https://localhost/forum/notifications"


def test_forwarded_host_is_not_believed_unless_configured(tmp_path):
    from vfac.app import create_app  # noqa: PLC0415

    settings = {"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                "BASE_URL": "https://vfac.test", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                "PROXY_FIX_COUNT": 1}
    assert create_app(settings).wsgi_app.x_host == 0
    assert create_app({**settings, "PROXY_FIX_HOST": True}).wsgi_app.x_host == 1


def test_a_forwarded_host_cannot_choose_the_links(client, make_user, outbox, alias):
    member = make_user()
    client.post("/auth/reset", data={"email": member.email},
                headers={"X-Forwarded-Host": "evil.example"})
    assert "evil.example" not in outbox.last_body()


def test_base_url_is_required_outside_debug(tmp_path):
    from vfac.app import create_app  # noqa: PLC0415

    with pytest.raises(MissingBaseUrl):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                    "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with pytest.raises(MissingBaseUrl):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                    "SQLALCHEMY_DATABASE_URI": "sqlite://", "BASE_URL": "vfac.test/?x=1"})
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                      "SQLALCHEMY_DATABASE_URI": "sqlite://", "BASE_URL": "https://VFAC.test/"})
    assert app.config["TRUSTED_HOSTS"] == ["vfac.test"]
    assert app.config["BASE_URL"] == "https://VFAC.test"
