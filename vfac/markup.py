"""Markdown to safe HTML: the only place where member text becomes markup.

CommonMark (markdown-it-py, raw HTML off) renders, then bleach keeps an allow-list.
Callers render once, at write time, and store the result next to the source.
"""
from __future__ import annotations

import re

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
_md_without_linkify = MarkdownIt("commonmark", {"html": False, "linkify": False})
_md_without_linkify.enable(["table", "strikethrough"])
_md_without_linkify.add_render_rule("link_open", _link_open)


# Links are the costly part of rendering (linkify, then bleach on every tag) and the main
# use of a text full of them is spam: forms refuse more (vfac.forms.few_links), before any
# rendering, and a text that got here some other way is rendered without linkify.
MAX_LINKS = 50
_LINKISH = re.compile(r"(?i)https?://|www\.|mailto:")


def count_links(text: str) -> int:
    """How many links a Markdown text would have, counted cheaply (an upper bound)."""
    return len(_LINKISH.findall(text or ""))


def render_markdown(text: str) -> Markup:
    """Render member-written Markdown to sanitised HTML (headings start at h2)."""
    html = (_md if count_links(text) <= MAX_LINKS else _md_without_linkify).render(text or "")
    # A member's "# Title" must not compete with the page's own h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = bleach.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         protocols=ALLOWED_PROTOCOLS, strip=True)
    # (bleach.linkify would add rel too, but it escapes the text of <code> a second time)
    return Markup(clean)
