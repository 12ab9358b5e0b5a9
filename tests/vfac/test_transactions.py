"""outside_transaction(): ends the transaction for slow work, never half of a change."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from accounts.models import User
from vfac.extensions import db
from vfac.transactions import UnsavedChanges, outside_transaction


def test_ends_the_transaction_and_the_next_statement_begins_one(make_user):
    user = make_user()
    name = db.session.scalar(select(User.username).where(User.id == user.id))
    assert db.session().in_transaction()
    with outside_transaction():
        assert not db.session().in_transaction()
    assert db.session.scalar(select(User.username).where(User.id == user.id)) == name
    assert db.session().in_transaction()


@pytest.mark.parametrize("change", ["dirty", "new", "flushed", "executed"])
def test_refuses_with_changes_in_the_session(make_user, change):
    user = make_user(full_name="Before")
    if change == "dirty":
        user.full_name = "After"
    elif change == "new":
        db.session.add(User(username="someone", email="someone@example.org"))
    elif change == "flushed":
        user.full_name = "After"
        db.session.flush()
    else:
        db.session.execute(update(User).where(User.id == user.id).values(full_name="After"))
    with pytest.raises(UnsavedChanges), outside_transaction():
        pass
    db.session.rollback()
    assert db.session.get(User, user.id).full_name == "Before"  # nothing was committed
    with outside_transaction():  # the rollback ended that transaction: allowed again
        pass
