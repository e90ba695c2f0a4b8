"""A private, throw-away PostgreSQL cluster for benches that stop and crash the server.

Never the machine's shared PostgreSQL: `initdb` into a temporary folder, listening on a free
port on 127.0.0.1 only (its Unix socket inside the folder), trust authentication for the
`postgres` role. As root, every server command runs as the `postgres` system user (initdb
refuses root) through `runuser`, on a folder that user owns.

    with PrivateCluster() as cluster:
        url = cluster.create_database("billbot")      # postgresql://postgres@127.0.0.1:P/billbot
        cluster.stop("fast")                          # or "immediate", or "kill9" (the postmaster)
        cluster.start()
    # stopped and removed here, whatever happened
"""

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

import psycopg


def _bin_dir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if not found:
        raise SystemExit("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateCluster:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="billbot-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as: list[str] = []
        self._server: subprocess.Popen[bytes] | None = None
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.admin_url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    # ------------------------------------------------------------------ processes

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._as, *args], capture_output=True, text=True, check=check, timeout=120
        )

    def init(self) -> "PrivateCluster":
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# billbot bench: private, loopback only\n"
                "listen_addresses = '127.0.0.1'\n"
                f"port = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\n"
                "max_connections = 200\n"
            )
        return self

    def start(self, timeout: float = 60.0) -> float:
        """Start the postmaster as a child of this process (so it is reaped when it dies: a
        killed postmaster left as a zombie would block the next start) and wait until it
        accepts connections; the seconds that took."""
        started = time.monotonic()
        with open(self.log, "ab") as log:
            self._server = subprocess.Popen(
                [*self._as, str(self.bin / "postgres"), "-D", str(self.data)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a Ctrl-C of the bench reaches it only through remove()
            )
        while time.monotonic() - started < timeout:
            if self._server.poll() is not None:
                break
            try:
                with psycopg.connect(self.admin_url, connect_timeout=2) as connection:
                    connection.execute("SELECT 1")
                return time.monotonic() - started
            except psycopg.OperationalError:
                time.sleep(0.02)
        raise RuntimeError(f"the private PostgreSQL did not come up: {self.server_log()[-2000:]}")

    def postmaster_pid(self) -> int | None:
        pid_file = self.data / "postmaster.pid"
        try:
            return int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self, mode: str = "fast") -> float:
        """fast / immediate through pg_ctl, or kill9: SIGKILL to the postmaster (its children
        notice and exit; the next start recovers from the WAL). The seconds it took."""
        started = time.monotonic()
        if mode == "kill9":
            pid = self.postmaster_pid()
            children = self._children(pid) if pid else []
            if pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and any(_alive(c) for c in children):
                time.sleep(0.02)
        else:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        if self._server is not None:
            self._server.wait(timeout=30)
            self._server = None
        return time.monotonic() - started

    @staticmethod
    def _children(pid: int) -> list[int]:
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True, check=False
        )
        return [int(p) for p in out.stdout.split()]

    def running(self) -> bool:
        return self._server is not None and self._server.poll() is None

    def server_log(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    # ------------------------------------------------------------------ databases

    def create_database(self, name: str, template: str | None = None) -> str:
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    # ------------------------------------------------------------------ lifetime

    def remove(self) -> None:
        """Stop whatever runs (immediately) and delete the folder."""
        if self.running():
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._run(
                    str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
                )
        if self._server is not None:
            pid = self.postmaster_pid()
            if self._server.poll() is None and pid is not None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._server.wait(timeout=30)
            self._server = None
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PrivateCluster":
        try:
            self.init()
            self.start()
        except BaseException:
            self.remove()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.remove()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
