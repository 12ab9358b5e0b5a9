"""The Atom writer: feedparser reads what it writes, also from hostile member text."""
from __future__ import annotations

import calendar
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta, timezone

import feedparser
import pytest

from forum.atom import ATOM, Entry, atom_feed

BOARD = "https://vfac.example/forum/"
T1 = datetime(2024, 3, 1, 9, 30, 15, tzinfo=UTC)
T2 = datetime(2024, 3, 2, 10, 0, 0, tzinfo=UTC)
T3 = datetime(2024, 3, 3, 23, 59, 59, tzinfo=UTC)
HOSTILE = ("<script>alert(1)</script> ]]> & \x00\x08\x1b \ud800 "
           "هل يمكن تتبع العملة المشفرة؟ 如何追踪加密货币？")


def _feed(entries: list[Entry], **kwargs) -> bytes:
    args = {"id": BOARD, "title": "Technical advice", "self_url": BOARD + "feed.atom",
            "alternate_url": BOARD, "updated": T3, "entries": entries} | kwargs
    return atom_feed(**args)


def _entry(n: int, **kwargs) -> Entry:
    args = {"id": f"{BOARD}t/{n}", "title": f"Question {n}", "url": f"{BOARD}t/{n}",
            "updated": T2, "published": T1, "author": f"Member {n}",
            "html": "<p>Hi <em>there</em></p>", "categories": ("malware", "forensics")} | kwargs
    return Entry(**args)


def _epoch(parsed) -> int:
    return calendar.timegm(parsed)


def _tags(xml: bytes, name: str) -> list[ET.Element]:
    return list(ET.fromstring(xml).iter(f"{{{ATOM}}}{name}"))


def test_three_entries_round_trip():
    entries = [_entry(1), _entry(2, published=None, updated=T3, categories=()),
               _entry(3, url=f"{BOARD}t/3?page=2&sort=new#answer-7", author="")]
    xml = _feed(entries, subtitle="Answers from vetted experts")
    assert xml.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in xml
    assert b"ns0:" not in xml

    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    feed = parsed.feed
    assert (feed.id, feed.title, feed.subtitle) == (
        BOARD, "Technical advice", "Answers from vetted experts")
    assert feed.language == "en"
    assert _epoch(feed.updated_parsed) == T3.timestamp()
    assert {(link.rel, link.type, link.href) for link in feed.links} == {
        ("self", "application/atom+xml", BOARD + "feed.atom"), ("alternate", "text/html", BOARD)}
    assert feed.generator == "VFAC"

    assert [e.id for e in parsed.entries] == [f"{BOARD}t/{n}" for n in (1, 2, 3)]
    assert [e.title for e in parsed.entries] == ["Question 1", "Question 2", "Question 3"]
    assert [e.link for e in parsed.entries] == [
        f"{BOARD}t/1", f"{BOARD}t/2", f"{BOARD}t/3?page=2&sort=new#answer-7"]
    assert [e.author for e in parsed.entries] == ["Member 1", "Member 2", "VFAC"]
    assert [_epoch(e.updated_parsed) for e in parsed.entries] == [
        T2.timestamp(), T3.timestamp(), T2.timestamp()]
    assert _epoch(parsed.entries[0].published_parsed) == T1.timestamp()
    assert "published" not in parsed.entries[1]
    assert [t.term for t in parsed.entries[0].tags] == ["malware", "forensics"]
    assert "tags" not in parsed.entries[1]
    for e in parsed.entries:
        assert e.content[0].type == "text/html"
        assert e.content[0].value == "<p>Hi <em>there</em></p>"


def test_empty_feed_is_valid():
    xml = _feed([])
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.entries == []
    assert parsed.feed.title == "Technical advice"
    # RFC 4287 4.1.1: with no entries to carry authors, the feed itself needs one
    assert parsed.feed.author == "VFAC"
    assert "subtitle" not in parsed.feed


def test_hostile_text_stays_text():
    long_title = "長" * 10_000
    entries = [_entry(1, title=HOSTILE, author=HOSTILE, html=HOSTILE, categories=(HOSTILE,)),
               _entry(2, title=long_title, author="\x00\x1b")]
    xml = _feed(entries, title=HOSTILE, subtitle=HOSTILE, language="ar")

    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    root = ET.fromstring(xml)  # well-formed XML 1.0, or this raises
    assert not [el for el in root.iter() if el.tag.rpartition("}")[2].lower() == "script"]
    assert b"<script" not in xml
    assert "<script>alert(1)</script>" in root.find(f"{{{ATOM}}}title").text

    clean = HOSTILE.replace("\x00", "").replace("\x08", "").replace("\x1b", "")
    clean = clean.replace("\ud800", "")
    first, second = parsed.entries
    assert parsed.feed.title == clean
    assert first.title == clean
    assert first.author == clean
    assert first.tags[0].term == clean
    assert "هل يمكن تتبع العملة المشفرة؟" in first.content[0].value
    assert "如何追踪加密货币？" in first.content[0].value
    assert "<script" not in first.content[0].value  # and feedparser's sanitiser agrees
    assert second.title == long_title
    assert second.author == "VFAC"  # nothing left of the name once cleaned
    assert parsed.feed.language == "ar"


@pytest.fixture
def local_time_not_utc(monkeypatch: pytest.MonkeyPatch):
    # On a UTC machine "naive means local" and "naive means UTC" agree; make them differ.
    monkeypatch.setenv("TZ", "IST-5:30")  # POSIX: five and a half hours east of UTC
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_naive_datetimes_are_utc(local_time_not_utc):
    naive = datetime(2024, 5, 6, 7, 8, 9)
    xml = _feed([_entry(1, updated=naive, published=naive)], updated=naive)
    assert [el.text for el in _tags(xml, "updated")] == ["2024-05-06T07:08:09Z"] * 2
    assert _tags(xml, "published")[0].text == "2024-05-06T07:08:09Z"
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    assert _epoch(parsed.feed.updated_parsed) == naive.replace(tzinfo=UTC).timestamp()


def test_other_offsets_are_written_in_utc():
    local = datetime(2024, 5, 6, 9, 8, 9, 123456, tzinfo=timezone(timedelta(hours=2)))
    xml = _feed([], updated=local)
    assert _tags(xml, "updated")[0].text == "2024-05-06T07:08:09Z"
