"""A VFAC site in processes of its own, for tests/platform/test_counters.py.

The app is made from the environment (DATABASE_URL, REDIS_URL, VFAC_*), as wsgi.py makes it
for gunicorn; the test process never builds a second app (tests/conftest.py's is bound to
the test database, and the extensions are shared).

    python -m tests.platform.counter_site setup       migrate, seed a public thread: JSON
    python -m tests.platform.counter_site flush N     N consumers run the counters' periodic
                                                      job at the same instant, as Huey would
"""
from __future__ import annotations

import json
import sys
import threading
from datetime import timedelta


def setup() -> None:
    from flask_migrate import upgrade

    from accounts.models import Profession, Status
    from accounts.services import NewMember, create_member
    from forum.services import posting
    from vfac import unit_of_work
    from vfac.app import create_app
    from vfac.models import Visibility, utcnow

    app = create_app()
    with app.app_context():
        upgrade()
        member = create_member(None, NewMember(
            username="counted", email="counted@example.org",
            password="correct horse battery staple", full_name="Counted Member",
            country="GH", organisation="Ghana Police Service", profession=Profession.POLICE,
            language="en", statement="Investigating online fraud."))
        member.status = Status.APPROVED
        member.reviewed_at = utcnow() - timedelta(days=60)
        thread = posting.ask_question(member, posting.QuestionInput(
            title="Is every view of this thread counted?", body="Count each view once.",
            category_slug="electronic-evidence", topic_slugs=(), tags=(), language="en",
            country=None, visibility=Visibility.PUBLIC))
        unit_of_work.commit()
        print(json.dumps({"thread_id": thread.id,
                          "path": f"/forum/{thread.id}/{thread.slug}"}))


def flush(consumers: int) -> None:
    from vfac.app import create_app

    app = create_app()
    job = app.extensions["vfac.jobs"]["vfac.counters.flush_counters"]
    start = threading.Barrier(consumers)
    failures: list[BaseException] = []

    def consume() -> None:
        start.wait()
        try:
            job.call_local()  # the unit of work a consumer runs: app context, commit
        except BaseException as error:  # noqa: BLE001 - reported to the test
            failures.append(error)

    threads = [threading.Thread(target=consume) for _ in range(consumers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        setup()
    else:
        flush(int(sys.argv[2]))
