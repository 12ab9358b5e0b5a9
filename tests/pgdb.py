"""Create a fresh, empty PostgreSQL test database; exit 1 when no server answers."""
from __future__ import annotations

import sys

import psycopg
from sqlalchemy.engine import make_url


def main(url: str) -> int:
    target = make_url(url)
    admin = f"host={target.host} port={target.port or 5432} user={target.username} dbname=postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{target.database}"')
    except psycopg.OperationalError as error:
        print(f"PostgreSQL not available: {error}".strip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
