"""A small Atom 1.0 (RFC 4287) writer for the advice board's feeds; no dependencies."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GENERATOR = "VFAC"

# Characters outside XML 1.0's Char production: members' text may contain them (pasted
# terminal output, broken clients) and a single one makes the whole feed unparseable.
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    id: str  # a stable URI: the absolute URL of the thread/answer, or a tag: URI
    title: str
    url: str  # alternate link (absolute)
    updated: datetime  # timezone-aware UTC; naive is taken as UTC
    published: datetime | None
    author: str  # display name, any Unicode
    html: str  # already-sanitised HTML fragment, escaped into <content type="html">
    categories: tuple[str, ...] = ()


def _clean(value: str) -> str:
    """Return value without the characters XML 1.0 cannot carry."""
    return _ILLEGAL.sub("", value)


def _date(value: datetime) -> str:
    """Return an RFC 3339 timestamp in UTC; a naive datetime is taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    """Append an element with cleaned text and attributes; ElementTree escapes them."""
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrib.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _author(parent: ET.Element, name: str) -> None:
    """Append an author; an empty name (or one of only illegal characters) becomes VFAC."""
    name = _clean(name)
    _add(_add(parent, "author"), "name", name if name.strip() else GENERATOR)


def atom_feed(*, id: str, title: str, self_url: str, alternate_url: str, updated: datetime,
              entries: Sequence[Entry], language: str = "en", subtitle: str = "") -> bytes:
    """A complete Atom document, UTF-8 encoded."""
    # Unqualified tags under a literal xmlns attribute give <feed xmlns="..."> without ns0:
    # prefixes and without ElementTree's global register_namespace (its default_namespace
    # option refuses unqualified attributes such as rel and href).
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: _clean(language)})
    _add(feed, "id", id)
    _add(feed, "title", title)
    if subtitle:
        _add(feed, "subtitle", subtitle)
    _add(feed, "updated", _date(updated))
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=alternate_url)
    # RFC 4287 4.1.1 wants a feed author unless every entry has one, so an empty feed needs it.
    _author(feed, GENERATOR)
    _add(feed, "generator", GENERATOR)
    for item in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", item.id)
        _add(entry, "title", item.title)
        _add(entry, "link", rel="alternate", type="text/html", href=item.url)
        _add(entry, "updated", _date(item.updated))
        if item.published is not None:
            _add(entry, "published", _date(item.published))
        _author(entry, item.author)
        for term in item.categories:
            if _clean(term).strip():  # term is required and must say something
                _add(entry, "category", term=term)
        _add(entry, "content", item.html, type="html")
    # The declaration is written by hand: ElementTree's own uses single quotes.
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode("utf-8")
