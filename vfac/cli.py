"""Maintainer commands: flask --app wsgi create-admin | seed-demo | search reindex |
purge-sessions | jobs worker | translate."""
from __future__ import annotations

import itertools
import logging
import subprocess
import sys
from pathlib import Path

import click
from flask import Flask

from vfac import unit_of_work

ROOT = Path(__file__).resolve().parent.parent


def init_app(app: Flask) -> None:
    @app.cli.command("create-admin")
    @click.option("--username", prompt=True)
    @click.option("--email", prompt=True)
    @click.option("--full-name", prompt=True)
    @click.option("--country", default="AT", show_default=True, help="ISO 3166 alpha-2")
    @click.option("--organisation", default="VFAC", show_default=True)
    @click.password_option()
    def create_admin(username: str, email: str, full_name: str, country: str,
                     organisation: str, password: str) -> None:
        """Create an approved administrator (they must set up two-factor authentication)."""
        from accounts.models import Profession, Role  # noqa: PLC0415
        from accounts.services import NewMember, create_member  # noqa: PLC0415

        errors, _normalised = app.extensions["security"]._password_util.validate(
            password, True, username=username)
        if errors:
            raise click.ClickException(" ".join(str(e) for e in errors))
        create_member(None, NewMember(
            username=username, email=email, password=password, full_name=full_name,
            country=country.upper(), organisation=organisation,
            profession=Profession.GOVERNMENT, role=Role.ADMINISTRATOR))
        unit_of_work.commit()
        click.echo(f"Administrator {username} created.")

    @app.cli.command("seed-demo")
    def seed_demo() -> None:
        """Load the demo members, courses, papers and advice threads (idempotent: existing ones are kept)."""
        from courses.demo import seed as seed_courses  # noqa: PLC0415
        from forum.demo import seed as seed_forum  # noqa: PLC0415
        from research.demo import seed as seed_papers  # noqa: PLC0415
        from vfac.demo import seed  # noqa: PLC0415

        for line in itertools.chain(seed(), seed_courses(), seed_papers(), seed_forum()):
            unit_of_work.commit()  # each step its own unit of work
            click.echo(line)
        unit_of_work.commit()

    @app.cli.group()
    def search() -> None:
        """The search index shared by courses, papers and advice threads."""

    @search.command()
    def reindex() -> None:
        """Rebuild the search index from every course, paper and thread (after an upgrade)."""
        from vfac import pillars  # noqa: PLC0415

        counts = pillars.reindex_everything()
        unit_of_work.commit()
        click.echo(", ".join(f"{pillar}: {count}" for pillar, count in counts.items()))

    @app.cli.command("purge-sessions")
    def purge_sessions() -> None:
        """Delete expired server-side sessions (run it daily from cron)."""
        from accounts.sessions import purge_expired  # noqa: PLC0415

        click.echo(f"{purge_expired()} expired sessions deleted.")

    @app.cli.group()
    def jobs() -> None:
        """The job queue (Huey): mail, notifications, PDF checks, counters, digests."""

    @jobs.command()
    @click.option("--workers", type=int, default=None, help="threads (JOBS_WORKERS)")
    def worker(workers: int | None) -> None:
        """Run a consumer: the queued jobs and the periodic ones (digest, session purge)."""
        from vfac import jobs as queue  # noqa: PLC0415

        if app.config["JOBS_IMMEDIATE"]:
            raise click.ClickException("JOBS_IMMEDIATE is set: jobs run as they are queued")
        logging.getLogger("huey").setLevel(logging.INFO)
        queue.consumer(app, workers or app.config["JOBS_WORKERS"]).run()

    @app.cli.group()
    def translate() -> None:
        """Translation commands (pybabel over babel.cfg)."""

    def _pybabel(*args: str) -> None:
        subprocess.run([str(Path(sys.executable).parent / "pybabel"), *args], check=True,
                       cwd=ROOT)

    @translate.command()
    def update() -> None:
        """Extract messages and update every catalogue."""
        _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext",
                 "-o", "messages.pot", ".")
        _pybabel("update", "-i", "messages.pot", "-d", "translations", "--no-fuzzy-matching")
        (ROOT / "messages.pot").unlink()

    @translate.command()
    def compile() -> None:
        """Compile every catalogue (.po to .mo)."""
        _pybabel("compile", "-d", "translations", "--statistics")
        # our completions of Flask-Security's own catalogues (see translations/README)
        _pybabel("compile", "-d", "translations", "-D", "flask_security")
