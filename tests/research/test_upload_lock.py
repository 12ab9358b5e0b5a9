"""While an upload's PDF is checked, the rest of the site can still write (issue 13, #6).

A crafted 20 MB PDF used to hold SQLite's write lock for the ~20 s of its check: the
upload's request begins with BEGIN IMMEDIATE (vfac/app.py), and other members' logins
waited out the busy timeout and failed. The check is a job now (issue 14); here the queue
is immediate, so the job runs in the upload's own thread just after its commit, the
closest it can come to the request's transaction. The suite's own app runs each test inside one
connection's transaction, where no second connection could write at all, so this runs an
app on a SQLite file of its own, in a fresh interpreter (Flask-Limiter and Flask-Security
keep state on their one extension object).
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _login(client, username: str) -> int:
    from tests.conftest import PASSWORD  # noqa: PLC0415

    return client.post("/auth/login", data={"identity": username, "password": PASSWORD}
                       ).status_code


def _lock_is_free(path: Path) -> bool:
    """True when another connection could start writing at once (no wait at all)."""
    import sqlite3  # noqa: PLC0415

    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:  # "database is locked"
        return False
    finally:
        probe.close()


def _members(app) -> None:
    from accounts.models import Profession, Status  # noqa: PLC0415
    from accounts.services import NewMember, create_member  # noqa: PLC0415
    from tests.conftest import PASSWORD  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415

    with app.app_context():
        from flask_migrate import upgrade  # noqa: PLC0415

        upgrade()  # a throw-away database for this check only, with the topics
        for name, profession in (("academic", Profession.ACADEMIC),
                                 ("officer", Profession.POLICE)):
            user = create_member(None, NewMember(
                username=name, email=f"{name}@example.org", password=PASSWORD,
                full_name=f"Test {name.title()}", country="GH", organisation="GPS",
                profession=profession, language="en", statement="Investigating fraud."))
            user.status = Status.APPROVED
        db.session.commit()


def scenario(folder: str) -> dict:
    """One upload whose check waits until told; meanwhile another member logs in."""
    from research import files  # noqa: PLC0415
    from research.models import Paper  # noqa: PLC0415
    from tests.research.test_journey import form  # noqa: PLC0415
    from vfac.app import create_app  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415

    path = Path(folder) / "lock.sqlite"
    app = create_app({
        "TESTING": True, "INSTANCE_PATH": folder, "SECRET_KEY": "k" * 48,
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "BASE_URL": "https://localhost",
        "SESSION_COOKIE_SECURE": False, "WTF_CSRF_ENABLED": False, "LOGIN_FAILURE_DELAY": 0,
        "JOBS_IMMEDIATE": True,
        "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS": {
            "argon2__type": "ID", "argon2__memory_cost": 8, "argon2__time_cost": 1,
            "argon2__parallelism": 1}})
    _members(app)
    checking, release = threading.Event(), threading.Event()
    real_check = files._run_check

    def slow_check(pdf, *options):
        if "--clean" in options:
            checking.set()
            release.wait(30)
        return real_check(pdf, *options)

    files._run_check = slow_check
    uploader, other = app.test_client(), app.test_client()
    result: dict = {"login_as_uploader": _login(uploader, "academic")}

    def upload() -> None:
        result["upload"] = uploader.post("/research/submit", data=form(),
                                         content_type="multipart/form-data").status_code

    thread = threading.Thread(target=upload)
    thread.start()
    try:
        result["check_started"] = checking.wait(30)
        result["lock_free_during_check"] = _lock_is_free(path)
        started = time.monotonic()
        try:
            result["other_login"] = _login(other, "officer")
        except Exception as error:  # noqa: BLE001 - TESTING re-raises "database is locked"
            result["other_login"] = type(error).__name__
        result["other_login_seconds"] = round(time.monotonic() - started, 2)
    finally:
        release.set()
        thread.join(60)
    with app.app_context():
        result["papers"] = db.session.query(Paper).count()
        db.engine.dispose()
    return result


def test_other_members_write_while_an_upload_is_checked(tmp_path):
    code = ("import json; from tests.research.test_upload_lock import scenario; "
            f"print(json.dumps(scenario({str(tmp_path)!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["login_as_uploader"] == 302 and result["check_started"], result
    assert result["lock_free_during_check"], result
    assert result["other_login"] == 302 and result["other_login_seconds"] < 2, result
    assert result["upload"] == 302 and result["papers"] == 1, result
