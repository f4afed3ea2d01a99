"""Helpers for fault tests: real services that a test can stop and start by process id."""

import asyncio
import contextlib
import email
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class TcpProxy:
    """Forwards a local port to a real server (say Postgres). `stop()` closes the port and every
    connection through it, as if the server had gone; `start()` opens it again."""

    def __init__(self, target_host: str, target_port: int, port: int):
        self.target = (target_host, target_port)
        self.port = port
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> "TcpProxy":
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(50)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        with self._lock:
            listener, self._listener = self._listener, None
            sockets, self._sockets = self._sockets, []
        if listener is not None:
            with contextlib.suppress(OSError):  # shutdown wakes the thread in accept()
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def spare_port() -> int:
    """A port nothing listens on now, chosen by the system. Fault tests used fixed ports, and two
    runs on one machine (or two xdist processes) then failed with "address already in use"."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, up: bool = True, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} did not go {'up' if up else 'down'}")


class RedisServer:
    """A redis-server of the test's own on a spare port, stopped with SIGKILL by its pid."""

    def __init__(self, port: int):
        self.port = port
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            [
                "/usr/bin/redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        wait_for_port(self.port, up=False)


class SmtpSink:
    """A real SMTP server (aiosmtpd) that keeps what it accepts. It can answer "try again later"
    to the next few emails (`fail_next`), or hold the next few for a while before saying yes
    (`hold_next`, `hold_seconds`), long enough for a test to kill the sender mid-send. An email
    whose sender went away before the yes is not accepted, as with any mail server."""

    def __init__(self, port: int):
        self.port = port
        self.received: list[email.message.Message] = []
        self.fail_next = 0
        self.hold_next = 0
        self.hold_seconds = 3.0
        self.holding = threading.Event()
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=port)

    def start(self) -> "SmtpSink":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            fail, hold = self.fail_next > 0, self.hold_next > 0
            self.fail_next -= fail
            self.hold_next -= hold
        if fail:
            return "451 4.3.0 Try again later"
        if hold:
            self.holding.set()
            await asyncio.sleep(self.hold_seconds)
            if server.transport is None or server.transport.is_closing():
                return "451 4.3.0 Sender gone"
        message = email.message_from_bytes(envelope.content)
        with self._lock:
            self.received.append(message)
        return "250 2.0.0 Accepted"

    def message_ids(self) -> list[str]:
        with self._lock:
            return [message["Message-ID"] for message in self.received]

    def wait_for(self, count: int, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while len(self.message_ids()) < count and time.monotonic() < deadline:
            time.sleep(0.1)


class CeleryProcess:
    """A real Celery worker (prefork pool, one child) or beat, in its own process group."""

    def __init__(self, kind: str, env: dict, log: Path):
        self.kind = kind
        self.env = env
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> "CeleryProcess":
        command = [sys.executable, "-m", "celery", "-A", "config", self.kind, "-l", "INFO"]
        if self.kind == "worker":
            command += ["-P", "prefork", "-c", "1", "--without-gossip", "--without-mingle"]
            command += ["-n", f"fault-{os.getpid()}-{time.monotonic_ns()}@%h"]
        else:
            command += ["-s", str(self.log.with_suffix(".schedule")), "--pidfile="]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def children(self) -> list[int]:
        found = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        return [int(pid) for pid in found.stdout.split()]

    def wait_ready(self, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if "ready." in self.log.read_text(errors="replace"):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise TimeoutError(f"celery {self.kind} not ready:\n{self.log.read_text()[-3000:]}")

    def kill_child(self) -> int:
        (child,) = self.children()
        os.kill(child, signal.SIGKILL)
        return child

    def kill(self) -> None:
        """SIGKILL the whole worker: the main process and its children, no clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
