"""A database of its own and the app in other processes, for tests of real concurrency.

The session's test database lives inside one transaction that each test rolls back, which
no other process can see; two consumers or two web workers need committed data on a
database they all reach. `Standalone` makes one (a SQLite file, or a fresh PostgreSQL
database beside TEST_DATABASE_URL), migrates it, and runs `flask` commands or Python
snippets against it in subprocesses, configured only through the environment.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from tests import pgdb

ROOT = Path(__file__).resolve().parent.parent


class Standalone:
    def __init__(self, folder: Path, **settings: str) -> None:
        self.folder = folder
        base = os.environ.get("TEST_DATABASE_URL")
        if base:
            name = f"vfac_standalone_{secrets.token_hex(4)}"
            self.url = make_url(base).set(database=name).render_as_string(hide_password=False)
            assert pgdb.main(self.url) == 0
        else:
            self.url = f"sqlite:///{folder / 'standalone.sqlite'}"
        self.settings = {
            "VFAC_SQLALCHEMY_DATABASE_URI": self.url,
            "VFAC_INSTANCE_PATH": str(folder / "instance"),
            "VFAC_SECRET_KEY": "standalone-secret-key-that-is-long-enough-0123456789",
            "VFAC_BASE_URL": "http://127.0.0.1:5000",
            "VFAC_SESSION_COOKIE_SECURE": "false",
            "VFAC_STAFF_REQUIRE_2FA": "false",
            "VFAC_JOBS_SQLITE_PATH": str(folder / "jobs.sqlite"),
            "VFAC_JOBS_QUEUE_NAME": f"vfac-test-{secrets.token_hex(4)}",
            "VFAC_SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS":
                '{"argon2__type": "ID", "argon2__memory_cost": 8, "argon2__time_cost": 1, '
                '"argon2__parallelism": 1}',
            **settings,
        }
        self._engine: Engine | None = None
        self.flask("db", "upgrade")

    def env(self, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("VFAC_") and key not in ("REDIS_URL", "MAIL_SERVER",
                                                               "DATABASE_URL")}
        return {**env, "FLASK_APP": "wsgi", **self.settings, **extra}

    def flask(self, *args: str, **extra: str) -> str:
        done = subprocess.run([str(Path(sys.executable).parent / "flask"), *args], cwd=ROOT,
                              env=self.env(**extra), capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def python(self, code: str, **extra: str) -> subprocess.Popen:
        """Start `code` in a new interpreter with `app` (create_app()) and an app context."""
        prelude = ("from vfac.app import create_app\napp = create_app()\n"
                   "ctx = app.app_context()\nctx.push()\n")
        return subprocess.Popen([sys.executable, "-c", prelude + code], cwd=ROOT,
                                env=self.env(**extra), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def run(self, code: str, **extra: str) -> str:
        process = self.python(code, **extra)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-3000:]
        return out

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = create_engine(self.url)
        return self._engine

    def scalar(self, sql: str, **params) -> object:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self.url.startswith("postgresql"):
            import psycopg  # noqa: PLC0415

            target = make_url(self.url)
            admin = f"host={target.host} port={target.port or 5432} " \
                    f"user={target.username} dbname=postgres"
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)')
