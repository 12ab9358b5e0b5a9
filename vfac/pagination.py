"""Keyset pagination: page N costs what page 1 costs (OFFSET 50,000 was 7x slower)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import Select, func, select

from vfac.extensions import db


@dataclass
class Page:
    items: list[Any]
    next_key: int | None  # pass back as ?after= (ascending) or ?before= (descending)


def keyset_page(query: Select, key: Any, after: int | None, ascending: bool = True,
                per_page: int | None = None) -> Page:
    """One page of `query` ordered by the unique integer column `key`, starting after `after`."""
    per_page = per_page or current_app.config.get("PER_PAGE", 25)
    if after is not None:
        query = query.where(key > after if ascending else key < after)
    query = query.order_by(key.asc() if ascending else key.desc()).limit(per_page + 1)
    rows = list(db.session.execute(query).scalars())
    more = len(rows) > per_page
    rows = rows[:per_page]
    return Page(items=rows, next_key=getattr(rows[-1], key.key) if more and rows else None)


def count_and_first(model: Any, where: list, order_by: tuple, limit: int,
                    options: tuple = (), join: tuple = ()) -> tuple[int, list[Any]]:
    """How many rows of `model` meet `where`, and the first `limit` of them in this order.

    For the shared pages' sections: a short list and the size of the whole one.
    """
    total = db.session.execute(select(func.count()).select_from(model).where(*where)
                               ).scalar_one()
    statement = select(model)
    if join:
        statement = statement.join(*join)
    rows = db.session.execute(statement.where(*where).order_by(*order_by).limit(limit)
                              .options(*options)).scalars()
    return total, list(rows)
