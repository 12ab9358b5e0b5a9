"""Real consumers in other processes (`flask jobs worker`) on a database of their own:
each mail is sent once even with two of them, the digest is sent once per member when two
run it at once, and a registration's confirmation mail reaches the outbox in seconds."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.accounts.test_journey import REGISTRATION
from tests.smtp import ScriptedSmtp
from tests.standalone import ROOT, Standalone

REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture
def standalone(tmp_path):
    made = []

    def make(**settings: str) -> Standalone:
        made.append(Standalone(tmp_path, **settings))
        return made[-1]

    yield make
    for each in made:
        each.close()


def _workers(place: Standalone, n: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([str(Path(sys.executable).parent / "flask"), "jobs", "worker",
                              "--workers", "2"], cwd=ROOT, env=place.env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(n)]


def _stop(workers: list[subprocess.Popen]) -> str:
    errors = []
    for worker in workers:
        worker.send_signal(signal.SIGINT)  # Huey's graceful stop: running jobs finish
    for worker in workers:
        try:
            _out, err = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            _out, err = worker.communicate()
        errors.append(err or "")
    return "\n".join(errors)


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


MEMBER = """
from accounts.models import Profession, Role, Status
from accounts.services import NewMember, create_member

def member(name, **fields):
    user = create_member(None, NewMember(
        username=name, email=f"{name}@example.org", password="correct horse battery staple",
        full_name=f"Test {name}", country="GH", organisation="Ghana Police Service",
        profession=Profession.POLICE, language=fields.pop("language", "en"),
        statement="Investigating online fraud.", role=Role.MEMBER))
    user.status = Status.APPROVED
    for key, value in fields.items():
        setattr(user, key, value)
    return user
"""


@pytest.mark.parametrize("queue", ["sqlite", "redis"])
def test_two_consumers_send_each_mail_once_after_smtp_recovers(queue, standalone):
    smtp = ScriptedSmtp()
    smtp.refuse()
    settings = {"VFAC_MAIL_SERVER": "127.0.0.1", "VFAC_MAIL_PORT": str(smtp.port),
                "VFAC_MAIL_USE_TLS": "false", "VFAC_MAIL_TIMEOUT": "1",
                "VFAC_MAIL_RETRY_DELAY": "1", "VFAC_MAIL_RETRY_MAX_DELAY": "2"}
    if queue == "redis":
        settings["VFAC_REDIS_URL"] = REDIS
    place = standalone(**settings)
    # ten mails, and each delivery queued three times over: a duplicate must find it sent
    place.run("""
from accounts.mail import deliver, queue
from vfac import jobs, unit_of_work
ids = []
for n in range(10):
    ids.append(queue(f"to{n}@example.org", f"Mail {n}", "Text", None, kind="test").id)
unit_of_work.commit()
for mail_id in ids:
    jobs.enqueue(deliver, mail_id)
    jobs.enqueue(deliver, mail_id)
""")
    workers = _workers(place, 2)
    try:
        assert _wait(lambda: place.scalar(
            "SELECT count(*) FROM accounts_outgoing_mail WHERE attempts > 0") == 10, 20)
        assert smtp.messages == []  # refused: nothing sent, nothing lost
        smtp.accept()
        assert _wait(lambda: len(smtp.messages) >= 10, 30), len(smtp.messages)
        time.sleep(3)  # the duplicates and the retries have had their chance
    finally:
        errors = _stop(workers)
        smtp.close()
    assert sorted(m["To"] for m in smtp.messages) == sorted(f"to{n}@example.org"
                                                            for n in range(10)), errors[-2000:]
    assert place.scalar("SELECT count(*) FROM accounts_outgoing_mail "
                        "WHERE status = 'SENT'") == 10


def test_two_consumers_running_the_digest_at_once_send_each_member_one(standalone):
    place = standalone()
    place.run(MEMBER + """
from accounts.models import MailSetting
from forum.services import posting
from vfac import unit_of_work
from vfac.models import Visibility
from datetime import timedelta
from vfac.models import utcnow
answerer = member("answerer", reviewed_at=utcnow() - timedelta(days=90))  # no newcomer limit
for n in range(10):
    asker = member(f"asker{n}", mail_notifications=MailSetting.DAILY)
    thread = posting.ask_question(asker, posting.QuestionInput(
        title=f"Question {n} about preserving e-mail evidence", body="Which request first?",
        category_slug="electronic-evidence", topic_slugs=(), tags=("cloud",),
        language="en", country=None, visibility=Visibility.PUBLIC))
    posting.post_answer(answerer, thread, "Send a preservation request first.")
    unit_of_work.commit()
""", VFAC_JOBS_IMMEDIATE="true")  # the notifications are written by jobs: at once here
    start = time.time() + 2  # both start at the same moment
    code = f"""
import time
from forum.services import notify
time.sleep(max(0, {start} - time.time()))
print(notify.send_digests())
"""
    runs = [place.python(code), place.python(code)]
    sent = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err[-3000:]
        sent.append(int(out.strip().splitlines()[-1]))
    assert sum(sent) == 10, sent
    per_member = place.scalar(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM accounts_outgoing_mail "
        "WHERE kind = 'forum_digest' GROUP BY to_address) AS counts")
    assert per_member == 1
    assert place.scalar("SELECT count(*) FROM accounts_outgoing_mail "
                        "WHERE kind = 'forum_digest'") == 10


def test_a_registrations_confirmation_mail_reaches_the_outbox_through_the_queue(standalone):
    # what `make run` does: the web app queues, the consumer beside it delivers
    place = standalone()
    outbox = place.folder / "instance" / "outbox"
    workers = _workers(place, 1)
    try:
        out = place.run(f"""
app.config["WTF_CSRF_ENABLED"] = False
response = app.test_client().post("/auth/register", base_url="http://127.0.0.1:5000",
                                  data={REGISTRATION!r})
print(response.status_code)
""")
        assert out.strip() in ("200", "302")
        assert _wait(lambda: outbox.exists() and any(outbox.iterdir()), 10)
    finally:
        _stop(workers)
    mail = next(outbox.iterdir()).read_text()
    assert REGISTRATION["email"] in mail
