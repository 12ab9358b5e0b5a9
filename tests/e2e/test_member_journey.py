"""Register -> confirm -> approved by a moderator (with 2FA) -> log in -> Arabic, right to left."""
from __future__ import annotations

import email
import re
import subprocess
import sys
import time
from email import policy
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a quiet harbour at dawn 2026"


def run_in_app(env: dict, code: str) -> str:
    """Run Python inside the server's app (same database, same secrets); return its output."""
    script = ("from vfac.app import create_app\napp = create_app()\n"
              "with app.app_context():\n" + "\n".join("    " + line for line in code.splitlines()))
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip()


def make_moderator(env: dict) -> None:
    run_in_app(env, """
from accounts.models import Profession, Role
from accounts.services import NewMember, create_member
from vfac.extensions import db, security
m = create_member(None, NewMember("mod", "mod@example.org", "a quiet harbour at dawn 2026",
    "Lucía Fernández", "CO", "Fiscalía", Profession.PROSECUTOR, "es", role=Role.MODERATOR))
m.tf_primary_method = "authenticator"
m.tf_totp_secret = security._totp_factory.generate_totp_secret()
db.session.commit()""")


def totp_code(env: dict) -> str:
    return run_in_app(env, """
from sqlalchemy import select
from accounts.models import User
from vfac.extensions import db, security
u = db.session.execute(select(User).where(User.username == "mod")).scalar_one()
print(security._totp_factory.generate_totp_password(u.tf_totp_secret))""")


def confirmation_link(instance: Path) -> str:
    """The link of the confirmation mail, which the queue's consumer delivers in a moment."""
    for _ in range(100):
        for path in sorted((instance / "outbox").glob("*.eml"), reverse=True):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            found = re.search(r"https?://\S+/auth/confirm/\S+", message.get_body(("plain",))
                              .get_content())
            if found:
                return found.group(0)
        time.sleep(0.1)
    raise AssertionError("no confirmation mail in the outbox after 10 s")


def log_in(page, identity: str) -> None:
    page.fill("#identity", identity)
    page.fill("#password", PASSWORD)
    page.click("form[name=login_user_form] button[type=submit]")


def watch(page, base: str) -> list[str]:
    """Collect problems: console errors (CSP violations among them) and off-site requests."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith((base, "data:"))
            else problems.append("off-site request: " + r.url))
    return problems


def test_register_approve_login_switch_to_arabic(server, browser, output_dir):
    base, env, instance = server
    make_moderator(env)

    visitor = browser.new_context(locale="en-GB")
    page = visitor.new_page()
    problems = watch(page, base)
    page.goto(base + "/auth/register")
    page.fill("#username", "ama")
    page.fill("#email", "ama.owusu@police.gov.gh")
    page.fill("#password", PASSWORD)
    page.fill("#password_confirm", PASSWORD)
    page.fill("#full_name", "Ama Owusu")
    page.select_option("#country", "GH")
    page.fill("#organisation", "Ghana Police Service, Cybercrime Unit")
    page.select_option("#profession", "police")
    page.select_option("#language", "en")
    page.fill("#statement", "I investigate mobile-money fraud and seize phones as evidence.")
    page.click("form[name=register_user_form] button[type=submit]")
    page.wait_for_url("**/auth/registered")
    page.goto(confirmation_link(instance).replace("https://", "http://", 1)
              .replace("localhost", base.split("//", 1)[1], 1))
    page.wait_for_url("**/auth/login**")  # confirmed; now log in to see the registration
    log_in(page, "ama")
    page.wait_for_url("**/account/status")
    assert "Waiting for review" in page.content()

    moderator = browser.new_context(locale="es-ES")
    mod_page = moderator.new_page()
    mod_page.goto(base + "/auth/login")
    log_in(mod_page, "mod")
    mod_page.wait_for_url("**/auth/tf-validate**")
    mod_page.fill("input[name=code]", totp_code(env))
    mod_page.click("form[name=two_factor_verify_code_form] [type=submit]")
    mod_page.goto(base + "/admin/members?status=pending")
    card = mod_page.locator("article.vetting", has_text="Ama Owusu")
    card.locator("button[value=approve]").click()
    mod_page.wait_for_url("**/admin/members?status=pending")
    assert mod_page.locator("article.vetting", has_text="Ama Owusu").count() == 0

    page.goto(base + "/")  # the member's session now sees an approved account
    assert page.url.rstrip("/") == base
    page.click("details.lang summary")
    page.click("details.lang button[lang=ar]")
    page.wait_for_load_state()
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.screenshot(path=str(output_dir / "e2e-home-ar.png"), full_page=True)
    page.goto(base + "/account/settings")
    assert page.get_attribute("html", "dir") == "rtl"
    page.screenshot(path=str(output_dir / "e2e-settings-ar.png"), full_page=True)
    # nothing overflows sideways in right-to-left layout
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    print((instance / 'server.log').read_text())
    assert problems == [], problems
