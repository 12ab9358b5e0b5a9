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


def _link_open(renderer, tokens, idx, options, env) -> str:
    # Members' links (written or bare URLs, which markdown-it links itself) are never endorsed.
    tokens[idx].attrSet("rel", "nofollow ugc noopener")
    return renderer.renderToken(tokens, idx, options, env)


_md.add_render_rule("link_open", _link_open)


def render_markdown(text: str) -> Markup:
    """Render member-written Markdown to sanitised HTML (headings start at h2)."""
    html = _md.render(text or "")
    # A member's "# Title" must not compete with the page's own h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         protocols=ALLOWED_PROTOCOLS, strip=True)
    # (bleach.linkify would add rel too, but it escapes the text of <code> a second time)
    return Markup(clean)
