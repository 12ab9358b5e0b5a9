"""Markdown to safe HTML: the only place where member text becomes markup.

CommonMark (markdown-it-py, raw HTML off) renders, then bleach keeps an allow-list.
Callers render once, at write time, and store the result next to the source.
"""
from __future__ import annotations

import bleach
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "ol": ["start"],
                      "th": ["align"], "td": ["align"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_md = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
_md.enable(["linkify", "table", "strikethrough"])


def _link_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


def render_markdown(text: str) -> Markup:
    """Render member-written Markdown to sanitised HTML (headings start at h2)."""
    html = _md.render(text or "")
    # A member's "# Title" must not compete with the page's own h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         protocols=ALLOWED_PROTOCOLS, strip=True)
    return Markup(bleach.linkify(clean, callbacks=[_link_rel], skip_tags=["pre", "code"]))
