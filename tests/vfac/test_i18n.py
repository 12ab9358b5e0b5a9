"""Six languages: how the locale is chosen, right-to-left Arabic, complete catalogues."""
from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from vfac.extensions import db
from vfac.i18n import LANGUAGES
from vfac.models import Topic

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted((ROOT / "translations").glob("*/LC_MESSAGES/*.po"))


def lang_of(response) -> str:
    html = response.get_data(as_text=True)
    return html.split('<html lang="', 1)[1].split('"', 1)[0]


def test_there_is_a_catalogue_for_each_language():
    folders = {p.parts[-3] for p in CATALOGUES if p.name == "messages.po"}
    assert folders == {"ar", "es", "fr", "ru", "zh_Hans_CN"}


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_every_catalogue_is_complete_and_compiled(po):
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    messages = [m for m in catalogue if m.id]
    untranslated = [m.id for m in messages
                    if not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert untranslated == [] and fuzzy == []
    mo = po.with_suffix(".mo")
    assert mo.exists(), "compile the catalogue"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    plural = gettext.c2py(catalogue.plural_expr)
    for message in messages:
        if isinstance(message.id, str):
            assert compiled.gettext(message.id) == message.string, f"recompile {mo}"
            continue
        for n in (0, 1, 2, 5, 11, 100):
            assert compiled.ngettext(message.id[0], message.id[1], n) == \
                message.string[plural(n)], f"recompile {mo}"


@pytest.mark.parametrize("po", [p for p in CATALOGUES if p.name == "messages.po"],
                         ids=lambda p: p.parts[-3])
def test_translations_are_not_copies_of_the_english(po):
    with po.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id and len(m.id) > 12]
    same = [m.id for m in messages if m.string == m.id]
    assert len(same) <= 2, same


def test_catalogue_has_every_message_of_the_code(tmp_path):
    from babel.messages.extract import extract_from_dir  # noqa: PLC0415

    method_map = [("vfac/**.py", "python"), ("accounts/**.py", "python"),
                  ("courses/**.py", "python"), ("research/**.py", "python"),
                  ("forum/**.py", "python"), ("templates/**.html", "jinja2"),
                  ("templates/**.txt", "jinja2")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
    found = {msg[2] if isinstance(msg[2], str) else msg[2][0]
             for msg in extract_from_dir(str(ROOT), method_map, keywords=keywords)
             if ".venv" not in msg[0]}
    with (ROOT / "translations/fr/LC_MESSAGES/messages.po").open("rb") as handle:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert found - known == set(), "run `make translations` and translate the new messages"


@pytest.mark.parametrize("header,expected", [("fr-FR,fr;q=0.9", "fr"), ("es-419", "es"),
                                             ("ru", "ru"), ("ar-EG", "ar"), ("zh-CN", "zh"),
                                             ("zh", "zh"), ("de-DE", "en"), ("", "en")])
def test_accept_language(client, header, expected):
    assert lang_of(client.get("/", headers={"Accept-Language": header})) == expected


def test_cookie_beats_accept_language_and_preference_beats_cookie(client, auth, make_user):
    r = client.get("/language/ru?next=/topics", headers={"Accept-Language": "fr"})
    assert r.status_code == 302 and r.headers["Location"] == "/topics"
    assert lang_of(client.get("/", headers={"Accept-Language": "fr"})) == "ru"
    auth.login(make_user(language="es"))
    assert lang_of(client.get("/")) == "es"
    # the switcher changes a member's preference, at once
    assert client.post("/language/zh?next=/").status_code == 302
    assert lang_of(client.get("/", headers={"Accept-Language": "fr"})) == "zh"


def test_arabic_is_right_to_left(client):
    html = client.get("/", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    for other in ("en", "fr", "zh"):
        html = client.get("/", headers={"Accept-Language": other}).get_data(as_text=True)
        assert 'dir="ltr"' in html


def test_the_stylesheet_uses_logical_properties():
    css = (ROOT / "static/app.css").read_text()
    for physical in ("margin-left", "margin-right", "padding-left", "padding-right",
                     "text-align:left", "text-align:right", "float:left", "float:right",
                     "border-left", "border-right", " left:", " right:"):
        assert physical not in css, physical


def test_country_names_in_the_ui_language(client):
    fr = client.get("/auth/register", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert '<option value="GH">Ghana</option>' in fr and "Sénégal" in fr
    ar = client.get("/auth/register", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert "غانا" in ar
    zh = client.get("/auth/register", headers={"Accept-Language": "zh"}).get_data(as_text=True)
    assert "加纳" in zh


def test_library_screens_are_translated_too(client):
    """Flask-Security's own screens, in every language (with our completions of its catalogues)."""
    english = client.get("/auth/reset", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Send password reset instructions" in english and "Recover Password" in english
    expected = {"fr": "Récupérer le mot de passe", "es": "Recuperar contraseña",
                "ru": "Восстановить пароль", "ar": "استعادة كلمة المرور", "zh": "恢复密码"}
    for lang, text in expected.items():
        html = client.get("/auth/reset", headers={"Accept-Language": lang}).get_data(as_text=True)
        assert f'<html lang="{lang}"' in html and text in html, lang
        assert "Send password reset instructions" not in html, lang


def test_the_nine_topics_in_six_languages():
    topics = list(db.session.execute(select(Topic).order_by(Topic.position)).scalars())
    assert [t.slug for t in topics] == [
        "phenomenon", "legislation", "criminalization", "investigation", "electronic-evidence",
        "criminal-justice", "international-cooperation", "prevention", "human-rights"]
    for topic in topics:
        assert set(topic.name) == set(topic.description) == set(LANGUAGES)
        assert len(set(topic.name.values())) == 6  # really translated


def test_topic_pages_in_the_ui_language(client):
    html = client.get("/topics/electronic-evidence", headers={"Accept-Language": "zh"}
                      ).get_data(as_text=True)
    assert "电子证据" in html


def test_dates_formatted_for_the_locale(client, auth, make_user):
    user = make_user(language="fr")
    auth.login(user)
    html = client.get(f"/members/{user.username}").get_data(as_text=True)
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
    assert any(month in html for month in months)
