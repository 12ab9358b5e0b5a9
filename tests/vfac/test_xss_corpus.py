"""The XSS corpus against the one sanitiser and the templates' escaping, and the checker itself."""
from __future__ import annotations

import pytest
from markupsafe import escape

from tests.xss import CORPUS, assert_inert
from vfac.markup import render_markdown

# Corpus entries that render_markdown lets through; each is a known, reported bug.
KNOWN_LEAKS: dict[str, str] = {}


def _cases() -> list:
    return [pytest.param(entry, id=f"{n:03d}",
                         marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[entry])]
                         if entry in KNOWN_LEAKS else [])
            for n, entry in enumerate(CORPUS)]


def test_corpus_is_big_varied_and_short() -> None:
    assert len(CORPUS) >= 60
    assert len(set(CORPUS)) == len(CORPUS)
    assert all(isinstance(entry, str) and 0 < len(entry) < 500 for entry in CORPUS)


@pytest.mark.parametrize("entry", _cases())
def test_render_markdown_is_inert(entry: str) -> None:
    assert_inert(render_markdown(entry), payload_markers=["alert(1)"])


@pytest.mark.parametrize("entry", _cases())
def test_escaped_entry_is_inert(entry: str) -> None:
    assert_inert(escape(entry))
    assert_inert(f'<p title="{escape(entry)}">{escape(entry)}</p>')


def test_markdown_still_renders_safe_markup() -> None:
    html = render_markdown("**bold** [site](https://example.org) <b>")
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert "&lt;b&gt;" in html
    assert_inert(html)


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<script src="https://evil.example/x.js"></script>',
    '<script src="/static/../x.js?"></script><script>alert(1)</script>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="java\u200bscript:alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="VBScript:msgbox(1)">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "<img src=x onerror=alert(1)>",
    "<img src=x ONERROR=alert(1)/>",
    "<svg onload=alert(1)>",
    "<svg><path d='M0 0h1'/></svg>",
    '<svg aria-hidden="true"><a href="/x"><circle r="1"/></a></svg>',
    '<svg aria-hidden="true"><set attributeName="href" to="javascript:alert(1)"/></svg>',
    '<svg aria-hidden="true"><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    '<svg aria-hidden="true"><foreignObject><p>x</p></foreignObject></svg>',
    '<svg aria-hidden="true"><use href="https://evil.example/i.svg#x"/></svg>',
    '<svg aria-hidden="true"><image href="x.png"/></svg>',
    "<math><mi>x</mi></math>",
    '<div style="x">',
    "<style>p{}</style>",
    "<iframe>",
    '<object data="x.swf"></object>',
    "<embed src=x>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="Refresh" content="0;url=https://evil.example/">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<link rel="import" href="x.html">',
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><img src=x onerror=alert(1)> -->",
    "<script nonce=abc>x</script/><img src=x onerror=alert(1)>",
], ids=lambda html: html[:40])
def test_assert_inert_fails_on_dangerous_html(html: str) -> None:
    with pytest.raises(AssertionError):
        assert_inert(html)


def test_assert_inert_message_shows_the_offending_tag() -> None:
    with pytest.raises(AssertionError) as raised:
        assert_inert('<p>hi</p>\n<img src="x" onerror="alert(1)">')
    message = str(raised.value)
    assert "onerror" in message and "<img" in message and "alert(1)" in message
    assert "line 2" in message


def test_assert_inert_payload_markers_in_nonced_scripts() -> None:
    page = '<script nonce="r4nd0m">var title = "\'-alert(1)-\'";</script>'
    assert_inert(page)
    with pytest.raises(AssertionError):
        assert_inert(page, payload_markers=["alert(1)"])


def test_assert_inert_passes_a_normal_page() -> None:
    assert_inert("""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phishing kits &lt;script&gt;</title>
<link rel="stylesheet" href="/static/app.abc.css">
<script src="/static/app.abc.js" defer></script>
</head><body>
<nav><a href="/">Home</a> <a href="#main">Skip</a>
<svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16"><g fill="none"
stroke="currentColor"><circle cx="8" cy="8" r="6.5"/><path d="M1.5 8h13"/></g></svg>
<svg aria-hidden="true"><use href="/static/icons.svg#globe"/></svg></nav>
<main id="main"><h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p>See <a href="https://example.org" rel="nofollow ugc noopener">example.org</a>
or <a href="mailto:help@example.org">mail us</a>.</p>
<form method="post" action="/forum/reply"><textarea name="body">&lt;img onerror=x&gt;</textarea>
<button type="submit">Reply</button></form>
<img src="/static/logo.svg" alt="VFAC">
<script nonce="r4nd0m">document.documentElement.classList.add("js")</script>
</main></body></html>""")
