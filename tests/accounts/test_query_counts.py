"""Lists run a bounded number of queries, however many rows they show (no N+1)."""
from __future__ import annotations

import pytest

from accounts import audit
from accounts.models import Role, Status
from vfac.extensions import db


@pytest.mark.parametrize("rows", [3, 20])
def test_audit_page_queries_do_not_grow_with_rows(client, auth, make_user, count_queries, rows):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    members = [make_user() for _ in range(rows)]
    for member in members:
        audit.record("member.role_changed", actor=admin, subject=member, old="member", new="expert")
    db.session.commit()
    auth.login(admin)
    client.get("/admin/audit")  # warm-up (session write)
    with count_queries() as counter:
        assert client.get("/admin/audit").status_code == 200
    assert 2 <= counter["n"] <= 8, counter


@pytest.mark.parametrize("rows", [3, 20])
def test_vetting_queue_queries_do_not_grow_with_rows(client, auth, make_user, count_queries,
                                                     rows):
    moderator = make_user(Role.MODERATOR, totp=True)
    for _ in range(rows):
        make_user(status=Status.PENDING)
    auth.login(moderator)
    client.get("/admin/members?status=pending")
    with count_queries() as counter:
        assert client.get("/admin/members?status=pending").status_code == 200
    assert 2 <= counter["n"] <= 6, counter
