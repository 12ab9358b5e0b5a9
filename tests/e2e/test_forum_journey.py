"""In a real browser: a French police officer asks, an expert is told and answers, the asker
is told, accepts the answer and comments; hostile markup in the comment never runs."""
from __future__ import annotations

import re

import pytest

from tests.e2e.test_member_journey import PASSWORD, log_in, run_in_app, watch

pytestmark = pytest.mark.e2e

ASKER, EXPERT = "amelie_forum", "volkov_forum"
TITLE = "Comment préserver le compte de messagerie en nuage d'un suspect ?"
BODY = ("Nous enquêtons sur une escroquerie en ligne. Le suspect utilise un compte de messagerie "
        "hébergé à l'étranger. Comment demander la **conservation** des données avant "
        "qu'il ne supprime tout ?")
ANSWER = ("Envoyez d'abord une demande de conservation au fournisseur, puis passez par "
          "l'entraide judiciaire ou le point de contact 24/7 pour obtenir les données.")
HOSTILE = ("Merci ! <img src=x onerror=alert(1)> <script>alert(1)</script> "
           "[x](javascript:alert(1))")


def make_members(env: dict) -> None:
    """An experienced French police officer, and an expert in electronic evidence who reads
    French (both approved 60 days ago: the new-member limits do not apply)."""
    run_in_app(env, f"""
from datetime import timedelta
from accounts.models import Profession, Role
from accounts.services import NewMember, create_member
from vfac.extensions import db
from vfac.models import utcnow
asker = create_member(None, NewMember({ASKER!r}, "amelie.forum@example.org", {PASSWORD!r},
    "Amélie Martin", "FR", "Police nationale, OFAC", Profession.POLICE, "fr"))
expert = create_member(None, NewMember({EXPERT!r}, "volkov.forum@example.org", {PASSWORD!r},
    "Irina Volkova", "EE", "Prosecutor's Office", Profession.PROSECUTOR, "en",
    role=Role.EXPERT, expert_topics=("electronic-evidence",)))
expert.reads_languages = ["fr"]
asker.reviewed_at = expert.reviewed_at = utcnow() - timedelta(days=60)
db.session.commit()""")


def sign_in(page, base: str, username: str) -> None:
    page.goto(base + "/auth/login")
    log_in(page, username)
    page.wait_for_url(base + "/")


def sign_out(page, base: str) -> None:
    page.click("details.menu.account > summary")
    page.click("details.menu.account form[action*='logout'] button[type=submit]")
    page.wait_for_url(base + "/")
    assert page.locator("details.menu.account").count() == 0


def submit(form) -> None:
    """Click the form's "post" button; if the page comes back with the warning step
    (personal data, similar questions), click "post as it is" (step=confirm)."""
    page = form.page
    form.locator("button[name=step][value=post]").click()
    page.wait_for_load_state()
    confirm = page.locator("button[name=step][value=confirm]")
    if confirm.count():
        confirm.first.click()
        page.wait_for_load_state()


def unread_badge(page):
    return page.locator("a.notes-link .count")


def told(page) -> bool:
    """Whether the header shows one unread notification; notifications are written by the
    queue's consumer a moment after the post, so reload as a member would, for up to 10 s."""
    for _ in range(20):
        if unread_badge(page).count() and re.search(r"\b1\b", unread_badge(page).inner_text()):
            return True
        page.wait_for_timeout(500)
        page.reload()
    return False


def test_ask_notify_answer_accept(server, browser, output_dir):
    base, env, _ = server
    make_members(env)
    context = browser.new_context(locale="fr-FR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems = watch(page, base)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)

    # 1. The asker posts a question in French about electronic evidence.
    sign_in(page, base, ASKER)
    page.goto(base + "/forum/ask")
    page.fill("#title", TITLE)
    page.fill("#body", BODY)
    page.select_option("#category", "electronic-evidence")
    page.select_option("#language", "fr")
    page.fill("#tags", "cloud, conservation")
    submit(page.locator("form.ask"))
    page.wait_for_url(re.compile(r"/forum/\d+/[^/?#]+$"))
    thread_url = page.url
    on_thread = re.compile(re.escape(thread_url) + r"(#.*)?$")
    assert page.locator("h1").inner_text().strip() == TITLE
    assert page.locator("#question .prose strong").inner_text() == "conservation"
    sign_out(page, base)

    # 2. The expert was told (topic and language match), finds and answers it.
    sign_in(page, base, EXPERT)
    assert told(page), "no unread notification"
    page.goto(base + "/forum/for-you")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(on_thread)
    page.fill("#answer-form textarea[name=body]", ANSWER)
    submit(page.locator("#answer-form form"))
    page.wait_for_url(re.compile(re.escape(thread_url) + r"#answer-\d+$"))
    answer = page.locator("article.answer", has_text="demande de conservation")
    assert answer.count() == 1
    assert answer.locator(".byline .badge.expert").is_visible()
    assert EXPERT in answer.locator(".byline").inner_text()
    sign_out(page, base)

    # 3. The asker is told of the answer, opens it from the notifications, accepts it.
    sign_in(page, base, ASKER)
    assert told(page), "no unread notification"
    page.goto(base + "/forum/notifications")
    unread = page.locator("ul.notes li.unread")
    assert unread.count() == 1
    assert EXPERT in unread.inner_text()
    unread.locator("a").first.click()
    page.wait_for_url(on_thread)
    assert unread_badge(page).count() == 0  # opening it marked it read
    answer = page.locator("article.answer", has_text="demande de conservation")
    answer.locator("form[action$='/accept'] button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(thread_url) + r"#answer-\d+$"))
    accepted = page.locator("article.answer.accepted")
    assert accepted.count() == 1
    assert "demande de conservation" in accepted.inner_text()
    assert accepted.locator(".badge.ok").is_visible()
    assert "✓" in accepted.locator(".badge.ok").inner_text()

    # 4. A comment full of hostile markup renders as inert text.
    question = page.locator("#question")
    question.locator("details.add-comment > summary").click()
    question.locator("details.add-comment textarea[name=body]").fill(HOSTILE)
    submit(question.locator("details.add-comment form"))
    page.wait_for_url(re.compile(re.escape(thread_url) + r"#comment-\d+$"))
    comment = page.locator("#question li.comment", has_text="Merci")
    assert comment.count() == 1
    prose = comment.locator(".prose")
    assert prose.locator("img, script, [onerror]").count() == 0
    for link in prose.locator("a").all():  # only safe links may be rendered
        href = link.get_attribute("href") or ""
        assert not href.strip().lower().startswith("javascript:"), href
        link.click()
        page.wait_for_load_state()
        if page.url.split("#")[0] != thread_url:
            page.goto(thread_url)
    page.wait_for_timeout(300)  # give any injected handler the time to fire
    assert dialogs == [], dialogs

    page.goto(thread_url)
    assert page.locator("article.answer.accepted").count() == 1
    page.screenshot(path=str(output_dir / "forum-thread.png"), full_page=True)
    context.close()
    assert dialogs == [], dialogs
    assert problems == [], problems
