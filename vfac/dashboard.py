"""The administrators' dashboard: members, courses, papers and questions in numbers.

The members' tables come from accounts.stats; each pillar gives its own through
vfac.pillars ("stats"), so the shell imports none of them. In every table a row is a label
in the UI language, the raw code, then numbers; a float is a percentage and None is "no
figure". A table whose key ends in "-totals" holds a pillar's headline figures.
"""
from __future__ import annotations

import csv
import io
import sys
import time
from typing import Any

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts import stats as member_stats
from accounts.forms import country_name
from accounts.permissions import require
from vfac import pillars
from vfac.i18n import current_language
from vfac.models import utcnow

bp = Blueprint("dashboard", __name__)

TOTALS = "-totals"
ROWS_SHOWN = 100  # per table on the page (the HTML budget); the CSV file has every row
MAP_SIZE = (960, 480)  # the <img> carries it too, so the page does not move as it loads
MAP_SECONDS = 600
# Nothing runs or loads in the map; pygal's style sheet is inline.
MAP_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_maps: dict[tuple, tuple[float, bytes]] = {}  # (language, counts) -> (expires, svg)


def dashboard_tables() -> list[pillars.Table]:
    """Every table: the members' first, then each pillar's in the usual order."""
    return member_stats.dashboard_tables() + pillars.collect("stats")


def table_by_key(key: str) -> pillars.Table | None:
    """The table with this key (the CSV address names it), if there is one."""
    return next((table for table in dashboard_tables() if table.key == key), None)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    # a spreadsheet would run "=HYPERLINK(...)" in a course title as a formula
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def table_csv(table: pillars.Table) -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark, so Excel reads Arabic and Chinese."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in [table.columns, *table.rows]:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _without_scripts(svg: Any) -> Any:
    # pygal always adds its config <script>; its comments carry its web addresses. The tree
    # is lxml's or the standard library's (pygal uses lxml only when installed): walk it.
    for parent in list(svg.iter()):
        for child in list(parent):
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return svg


def _render_map(counts: dict[str, int]) -> bytes:
    # Imported here: only this map needs pygal. World is pygal.maps.world.World, taken from
    # its own package, because pygal serves "pygal.maps.*" through a legacy import hook.
    from pygal.style import Style  # noqa: PLC0415
    from pygal_maps_world.i18n import COUNTRIES  # noqa: PLC0415
    from pygal_maps_world.maps import World  # noqa: PLC0415

    # That hook (appended to sys.meta_path when pygal is imported) turns every later failed
    # import in the process into an ImportWarning, an error under the tests' warning filter.
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__module__ != "pygal"]
    width, height = MAP_SIZE
    style = Style(background="transparent", plot_background="transparent", colors=("#0b5394",),
                  font_family="system-ui, sans-serif")
    chart = World(js=[], width=width, height=height, style=style, legend_at_bottom=True,
                  title=_("Approved members by country"), no_data_text=_("No members yet"),
                  value_formatter=format_decimal)
    chart.area_names = {code: country_name(code.upper()) for code in COUNTRIES}
    chart.add(_("Approved members"), {code.lower(): n for code, n in counts.items()
                                      if code.lower() in COUNTRIES})
    chart.add_xml_filter(_without_scripts)
    return chart.render()


def world_map_svg() -> bytes:
    """The members' world map, drawn again only when the counts (or the language) change."""
    counts = member_stats.members_by_country()
    key = (current_language(), tuple(sorted(counts.items())))
    now = time.monotonic()
    cached = _maps.get(key)
    if cached and cached[0] > now:
        return cached[1]
    svg = _render_map(counts)
    # each map weighs ~800 KB: keep one per language, and none past its time
    for stale in [k for k, (expires, _svg) in _maps.items() if expires <= now or k[0] == key[0]]:
        _maps.pop(stale, None)
    _maps[key] = (now + MAP_SECONDS, svg)
    return svg


@bp.route("/admin/dashboard")
@auth_required()
def index():
    require(current_user, "vfac.dashboard.view")
    tables = dashboard_tables()
    return render_template("admin/dashboard.html", map_size=MAP_SIZE, row_limit=ROWS_SHOWN,
                           totals=[t for t in tables if t.key.endswith(TOTALS)],
                           tables=[t for t in tables if not t.key.endswith(TOTALS)])


@bp.route("/admin/dashboard/<key>.csv")
@auth_required()
def table_download(key: str):
    require(current_user, "vfac.dashboard.view")
    table = table_by_key(key) or abort(404)
    filename = f"vfac-{table.key}-{utcnow().date().isoformat()}.csv"
    return Response(table_csv(table), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.route("/admin/dashboard/map.svg")
@auth_required()
def world_map():
    require(current_user, "vfac.dashboard.view")
    response = Response(world_map_svg(), content_type="image/svg+xml")
    response.headers["Content-Security-Policy"] = MAP_CSP  # the shell keeps a view's own CSP
    return response


@bp.after_app_request
def _let_the_browser_keep_the_map(response: Response) -> Response:
    # vfac/security.py marks every signed-in response no-store, and runs before this hook
    # (hooks run in reverse order of registration); the map is heavy and changes slowly.
    if request.endpoint == "dashboard.world_map" and response.status_code == 200:
        response.headers["Cache-Control"] = f"private, max-age={MAP_SECONDS}"
    return response
