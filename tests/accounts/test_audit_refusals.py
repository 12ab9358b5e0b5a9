"""Refusals are in the audit log: 403s, CSRF failures and rate-limit hits."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from accounts.models import AuditEvent
from vfac.extensions import db


def events(action: str) -> list[AuditEvent]:
    return list(db.session.execute(select(AuditEvent).where(AuditEvent.action == action))
                .scalars())


def test_a_403_is_audited_with_the_rule(client, auth, make_user):
    member = make_user(username="curious")
    auth.login(member)
    assert client.get("/admin/audit").status_code == 403
    [event] = events("access.denied")
    assert event.actor_id == member.id and event.detail["rule"] == "accounts.audit.view"
    assert event.detail["path"] == "/admin/audit"


@pytest.mark.usefixtures("csrf_on")
def test_a_csrf_failure_is_audited(client):
    assert client.post("/auth/login", data={"identity": "x", "password": "y"}).status_code == 400
    [event] = events("csrf.failed")
    assert event.detail["path"] == "/auth/login"


def test_a_rate_limit_hit_is_audited(client):
    for i in range(6):
        r = client.post("/auth/login", data={"identity": "target", "password": f"wrong {i}"})
    assert r.status_code == 429
    [event] = events("rate.limited")
    assert event.detail["path"] == "/auth/login" and "minute" in event.detail["limit"]


def test_the_audit_page_names_the_refusals(client, auth, make_user):
    from accounts.models import Role  # noqa: PLC0415

    auth.login(make_user(username="curious"))
    client.get("/admin/audit")
    auth.logout()
    auth.login(make_user(Role.ADMINISTRATOR, totp=True, username="boss"))
    assert "Refused: not allowed" in client.get("/admin/audit").get_data(as_text=True)
