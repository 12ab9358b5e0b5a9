"""A real SMTP server on 127.0.0.1 that a test scripts: refuse, hang, or accept.

- `refuse()`: nothing listens on the port (connections are refused at once).
- `hang()`: a listener takes the connection and never says a word (a stuck server).
- `accept()`: aiosmtpd answers and keeps every message it is given, in `messages`.
The port stays the same throughout, as a mail server's address does.
"""
from __future__ import annotations

import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Keep:
    def __init__(self, server: "ScriptedSmtp") -> None:
        self.server = server

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self.server.lock:
            self.server.messages.append(
                email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class ScriptedSmtp:
    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[email.message.EmailMessage] = []
        self.lock = threading.Lock()
        self._controller: Controller | None = None
        self._hanging: socket.socket | None = None
        self._held: list[socket.socket] = []
        self._stop = threading.Event()

    def _quiet(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
        if self._hanging is not None:
            self._stop.set()
            self._taker.join(timeout=2)  # its accept() returns within 0.2 s
            self._hanging.close()
            for held in self._held:
                held.close()
            self._hanging, self._held = None, []

    def refuse(self) -> None:
        self._quiet()

    def hang(self) -> None:
        self._quiet()
        self._stop = threading.Event()
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        listener.settimeout(0.2)
        self._hanging = listener
        stop = self._stop

        def take() -> None:
            while not stop.is_set():
                try:
                    connection, _address = listener.accept()
                except (TimeoutError, OSError):
                    continue
                self._held.append(connection)  # accepted, never answered

        self._taker = threading.Thread(target=take, daemon=True)
        self._taker.start()

    def accept(self) -> None:
        self._quiet()
        self._controller = Controller(_Keep(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def to(self, address: str) -> list[email.message.EmailMessage]:
        with self.lock:
            return [m for m in self.messages if address in m["To"]]

    def close(self) -> None:
        self._quiet()
