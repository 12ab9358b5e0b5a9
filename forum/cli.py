"""`flask forum digest`: the daily e-mail summary of notifications (run it from cron)."""
from __future__ import annotations

import click

from forum.services import notify
from forum.views import bp


@bp.cli.command("digest")
def digest() -> None:
    """Send members who chose a daily summary their unread notifications of the last day."""
    click.echo(f"{notify.send_digests()} digest(s) sent")
