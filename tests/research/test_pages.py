"""Library pages: bounded SQL queries, page-weight budgets, Arabic layout."""
from __future__ import annotations

import pytest

from accounts.models import Role
from research.models import PaperFile
from tests.vfac.test_pages import FIRST_VISIT_BUDGET, HTML_BUDGET, assets_of, gzipped_size
from vfac.extensions import db
from vfac.models import FileCheck

TOPICS = ("electronic-evidence", "investigation", "international-cooperation")


def add_versions(paper, n: int) -> None:
    for v in range(1, n + 1):
        paper.files.append(PaperFile(version=v, original_name=f"v{v}.pdf",
                                     stored_name=f"{paper.id:08d}{v:024d}", size=1000 * v,
                                     sha256="0" * 64, pages=3, check_state=FileCheck.PASSED))
    db.session.commit()


def queries_for(client, count_queries, url):
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter["n"]


def pages(paper):
    return {"library": "/research/", "search": "/research/?q=evidence",
            "paper": f"/research/{paper.id}", "moderation": "/research/moderation",
            "mine": "/research/mine"}


@pytest.mark.parametrize("page", ["library", "search", "paper", "moderation", "mine"])
def test_query_count_does_not_grow(client, auth, make_user, make_paper, count_queries, page):
    moderator = make_user(Role.MODERATOR, totp=True)
    small = make_paper("Electronic evidence", topics=TOPICS[:1], submitter=moderator)
    auth.login(moderator)
    before = queries_for(client, count_queries, pages(small)[page])
    big = make_paper("Electronic evidence at scale", topics=TOPICS, submitter=moderator,
                     authors=[(f"Author {i}", f"Affiliation {i}", None) for i in range(30)],
                     keywords=[f"k{i}" for i in range(20)])
    add_versions(big, 6)
    for i in range(40):
        make_paper(f"Evidence paper {i}", topics=TOPICS, submitter=moderator,
                   authors=[("A", "", None), ("B", "", None), ("C", "", None)])
    after = queries_for(client, count_queries, pages(big)[page])
    assert after <= before, (page, before, after)
    assert after <= 20, (page, after)


@pytest.mark.parametrize("page", ["library", "search", "paper"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_page_weight_budget(client, auth, make_user, make_paper, page, language):
    paper = make_paper("Electronic evidence", abstract="Evidence " * 300, topics=TOPICS,
                       authors=[(f"Author {i}", f"Affiliation {i}", None) for i in range(12)])
    add_versions(paper, 4)
    for i in range(40):
        make_paper(f"Evidence paper {i}", abstract="Electronic evidence. " * 40, topics=TOPICS,
                   year=1990 + i, language=["en", "fr", "es", "ru", "ar", "zh"][i % 6])
    auth.login(make_user(language=language))
    url = pages(paper)[page]
    html_size = gzipped_size(client, url)
    assert html_size <= HTML_BUDGET, (url, html_size)
    html = client.get(url).get_data(as_text=True)
    total = html_size + sum(gzipped_size(client, a) for a in set(assets_of(html)))
    assert total <= FIRST_VISIT_BUDGET, (url, total)


def test_library_is_right_to_left_in_arabic(client, auth, make_user, make_paper):
    paper = make_paper("Electronic evidence in court", language="en")
    auth.login(make_user(language="ar"))
    html = client.get(f"/research/{paper.id}").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1 lang="en" dir="auto">' in html  # the paper keeps its own language
