"""A real server (flask run on a free loopback port) and Debian's chromium via Playwright."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SECRET = "e2e-secret-key-0123456789abcdef0123456789abcdef"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Migrate a fresh SQLite database and serve it; yields (base_url, env)."""
    instance = tmp_path_factory.mktemp("e2e-instance")
    port = _free_port()
    env = {**os.environ, "FLASK_APP": "wsgi", "VFAC_INSTANCE_PATH": str(instance),
           "SECRET_KEY": SECRET, "VFAC_SESSION_COOKIE_SECURE": "false",
           "VFAC_BASE_URL": f"http://127.0.0.1:{port}"}
    env.pop("DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    log = (instance / "server.log").open("w")
    process = subprocess.Popen([*flask, "run", "--host", "127.0.0.1", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=log)
    # the job queue's consumer beside it, as `make run` starts it: mail, notifications, checks
    worker_log = (instance / "worker.log").open("w")
    worker = subprocess.Popen([*flask, "jobs", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=worker_log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        worker.kill()
        log.close()
        raise RuntimeError("the e2e server did not start")
    yield base, env, instance
    process.terminate()
    worker.send_signal(signal.SIGINT)  # Huey's graceful stop
    process.wait(timeout=10)
    worker.wait(timeout=20)
    log.close()
    worker_log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: `make test` installs it (apt-get install "
                    "chromium)")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
