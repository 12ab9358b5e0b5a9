"""Light, safe pages: budgets, headers, caching, compression, no third-party requests."""
from __future__ import annotations

import gzip
import re

import pytest

from tests.accounts.test_journey import REGISTRATION

HTML_BUDGET = 20 * 1024
FIRST_VISIT_BUDGET = 60 * 1024


def gzipped_size(client, url: str) -> int:
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200, url
    body = response.get_data()
    if response.headers.get("Content-Encoding") != "gzip":
        body = gzip.compress(body)  # small responses are sent plain; count them as gzip
    return len(body)


def assets_of(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


@pytest.mark.parametrize("who", ["visitor", "member"])
@pytest.mark.parametrize("page", ["/", "/auth/login", "/auth/register", "profile"])
def test_page_weight_budgets(client, auth, make_user, page, who):
    user = make_user(username="budget")
    if who == "member":
        auth.login(user)
    url = f"/members/{user.username}" if page == "profile" else page
    if who == "visitor" and page == "profile":
        auth.login(user)
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    if response.status_code == 302:  # logged-in members are sent on from login/register
        return
    html_size = gzipped_size(client, url)
    assert html_size <= HTML_BUDGET, f"{url}: {html_size} bytes gzip"
    html = gzip.decompress(response.get_data()).decode() \
        if response.headers.get("Content-Encoding") == "gzip" else response.get_data(as_text=True)
    total = html_size + sum(gzipped_size(client, a) for a in set(assets_of(html)))
    assert total <= FIRST_VISIT_BUDGET, f"{url}: first visit {total} bytes gzip"


@pytest.mark.parametrize("url", ["/", "/auth/login", "/auth/register", "/topics", "/courses/",
                                 "/auth/reset", "/nope"])
def test_no_request_leaves_the_site(client, url):
    html = client.get(url).get_data(as_text=True)
    external = re.findall(r'(?:src|href|action)="((?:https?:)?//[^"]+)"', html)
    assert external == []
    assert "@import" not in html and "<style" not in html
    # scripts only from our own static files, never inline
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []


def test_the_stylesheet_and_script_make_no_remote_request(client):
    html = client.get("/").get_data(as_text=True)
    for asset in assets_of(html):
        if ".svg" in asset:
            continue  # an SVG names its XML namespace with a URL; that is no request
        with client.get(asset) as response:
            body = response.get_data(as_text=True)
        assert "http://" not in body and "https://" not in body and "url(" not in body


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"]
    assert "Strict-Transport-Security" in r.headers  # the test client speaks https
    # behind a TLS proxy that was not declared the request looks like plain http: the
    # canonical address (BASE_URL) is https, so HSTS is sent all the same
    plain = client.get("/", base_url="http://localhost")
    assert "Strict-Transport-Security" in plain.headers


def test_assets_are_hashed_and_cached_for_a_year(client):
    html = client.get("/").get_data(as_text=True)
    assets = assets_of(html)
    assert any(a.startswith("/static/app.css?v=") for a in assets)
    assert any(a.startswith("/static/app.js?v=") for a in assets)
    for asset in assets:
        r = client.get(asset, headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200
        assert "max-age=31536000" in r.headers["Cache-Control"]
        assert "immutable" in r.headers["Cache-Control"]
    css = client.get(next(a for a in assets if "app.css" in a), headers={"Accept-Encoding": "gzip"})
    assert css.headers["Content-Encoding"] == "gzip"


def test_html_is_gzipped(client):
    r = client.get("/auth/register", headers={"Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["Vary"]
    assert b"<!doctype html>" in gzip.decompress(r.get_data())


def test_member_pages_are_not_stored_by_caches(client, auth, make_user):
    assert "no-store" not in client.get("/").headers["Cache-Control"]
    auth.login(make_user())
    assert client.get("/").headers["Cache-Control"] == "no-store"
    assert client.get("/account/settings").headers["Cache-Control"] == "no-store"


def test_works_without_javascript(client):
    """Every control a member needs is a link or a form: nothing depends on the script."""
    html = client.get("/").get_data(as_text=True)
    assert "<details" in html and 'href="/language/fr' in html  # the language switcher
    assert 'action="/search"' in html
    register = client.get("/auth/register").get_data(as_text=True)
    assert 'method="post"' in register and 'name="statement"' in register


def test_accessible_forms(client):
    html = client.post("/auth/register", data={**REGISTRATION, "country": "XX"}
                       ).get_data(as_text=True)
    assert 'class="skip" href="#main"' in html
    for name in ("username", "full_name", "email", "password", "password_confirm", "country",
                 "organisation", "profession", "language", "statement"):
        assert f'<label for="{name}"' in html, name
    assert re.search(r'aria-describedby="[^"]*country-errors"', html)
    assert 'id="country-errors"' in html


@pytest.mark.parametrize("code,url,method", [(404, "/no-such-page", "GET"),
                                             (405, "/healthz", "POST"),
                                             (400, "/admin/members?after=x", "GET")])
def test_error_pages_in_the_users_language(client, auth, make_user, code, url, method):
    from accounts.models import Role  # noqa: PLC0415

    if code == 400:
        auth.login(make_user(Role.ADMINISTRATOR, totp=True, language="fr"))
    r = client.open(url, method=method, headers={"Accept-Language": "fr"})
    assert r.status_code == code
    html = r.get_data(as_text=True)
    assert '<html lang="fr"' in html and "Traceback" not in html


def test_413_and_500_pages(client, app, monkeypatch):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    try:
        r = client.post("/auth/login", data={"identity": "x" * 5000, "password": "y"},
                        headers={"Accept-Language": "es"})
    finally:
        app.config["MAX_CONTENT_LENGTH"] = 25 * 1024 * 1024
    assert r.status_code == 413 and '<html lang="es"' in r.get_data(as_text=True)

    def boom():
        raise RuntimeError("secret detail")

    monkeypatch.setitem(app.view_functions, "main.topics", boom)
    r = client.get("/topics", headers={"Accept-Language": "ru"})
    assert r.status_code == 500
    html = r.get_data(as_text=True)
    assert "secret detail" not in html and "Traceback" not in html
    assert '<html lang="ru"' in html


def test_429_page(client, app):
    codes = []
    for i in range(6):  # failed sign-ins for one name (accounts/limits.py)
        codes.append(client.post("/auth/login", data={"identity": "u1", "password": "p" * 12},
                                 headers={"Accept-Language": "zh-CN"}))
    limited = codes[-1]
    assert limited.status_code == 429 and '<html lang="zh"' in limited.get_data(as_text=True)


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json == {"status": "ok"}
