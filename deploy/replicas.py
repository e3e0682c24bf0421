"""N replicas of the dashboard behind nginx on this machine, for a try-out (`python -m etl serve`), the load
bench and the tests.

The same pieces as a real installation (README, "Chạy cho nhiều người dùng"): nginx with the site file of
deploy/nginx/ in front, and N `streamlit run app.py` processes sharing one cookie secret, one accounts file and
one warehouse. Here nginx runs in the foreground from a temporary prefix of its own (configuration, pid, logs and
temp folders), as any user: it needs nothing but Debian's `nginx` package and leaves the system's nginx alone.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dashboard.login_cookie import signing_key
from etl.accounts import DEFAULT_PATH as DEFAULT_ACCOUNTS

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(__file__).resolve().parent / "nginx" / "htsd.conf"
HOST = "127.0.0.1"
START_S = 120  # N replicas importing Streamlit, pandas and DuckDB at once on two busy cores
STOP_S = 15  # then a replica that ignores SIGTERM is killed
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
_UPSTREAM_SERVER = re.compile(r"^[ \t]*server[ \t]+[\w.:\[\]-]+;[ \t]*\n", re.MULTILINE)
_LISTEN = re.compile(r"^([ \t]*)listen[ \t]+[^;]+;", re.MULTILINE)


class ClusterError(RuntimeError):
    """The cluster could not start; the message says why, in Vietnamese, with the log that tells more."""


def render_site(site: str, port: int, replica_ports: Sequence[int]) -> str:
    """The site file listening on HOST:port with one upstream server per replica port; nothing else changes,
    so the try-out runs the very rules (stickiness, websocket headers, upload size) an installation runs."""
    servers = list(_UPSTREAM_SERVER.finditer(site))
    if not servers or len(_LISTEN.findall(site)) != 1:
        raise ValueError("the site file needs one `listen` line and the upstream's `server HOST:PORT;` lines")
    indent = re.match(r"[ \t]*", servers[0].group()).group()
    lines = "".join(f"{indent}server {HOST}:{p};\n" for p in replica_ports)
    site = site[:servers[0].start()] + lines + _UPSTREAM_SERVER.sub("", site[servers[0].start():])
    return _LISTEN.sub(lambda m: f"{m.group(1)}listen {HOST}:{port};", site)


def nginx_conf(site: str, prefix: Path) -> str:
    """A whole nginx.conf around the site, with every file nginx writes inside `prefix`; in the foreground,
    so nginx is a child that stops with its parent."""
    temp = "\n".join(f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                          "uwsgi", "scgi"))
    return (f"daemon off;\nworker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
            f"events {{\n    worker_connections 1024;\n}}\nhttp {{\n    access_log off;\n{temp}\n{site}\n}}\n")


def nginx_binary() -> str:
    """Debian installs nginx in /usr/sbin, which is not on an ordinary user's PATH."""
    found = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    if found is None:
        raise ClusterError("Chưa cài nginx: chạy `sudo apt-get install -y nginx` rồi thử lại.")
    return found


def cookie_secret(env: Mapping[str, str]) -> str:
    """Streamlit's server.cookieSecret, the same for every replica and every start: the one the environment
    sets, else one derived from the login cookie's key beside the accounts file (made once, 0600, git-ignored),
    under its own label so the two secrets are never the same bytes."""
    if env.get(COOKIE_SECRET_ENV):
        return env[COOKIE_SECRET_ENV]
    key = signing_key(Path(env.get("HTSD_ACCOUNTS") or DEFAULT_ACCOUNTS))
    return hmac.new(key, b"streamlit server.cookieSecret", hashlib.sha256).hexdigest()


@dataclass
class Replica:
    """One `streamlit run app.py` on its own port, which it keeps across restarts (nginx lists the port)."""

    port: int
    log: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"


@dataclass
class Cluster:
    """A running cluster: `url` is nginx's front door, `replicas` each answer on their own port too."""

    url: str
    replicas: list[Replica]
    env: dict[str, str]
    prefix: Path  # nginx's configuration, logs and temp files, and the replicas' logs
    nginx: subprocess.Popen | None = None

    @property
    def replica_urls(self) -> list[str]:
        return [r.url for r in self.replicas]

    def restart(self, index: int) -> None:
        """Stop one replica and start it again on its port, as `systemctl restart htsd@PORT` does; its
        browsers' sessions reconnect to it once it answers again."""
        replica = self.replicas[index]
        _stop(replica.process)
        replica.process = _start_replica(replica, self.env)
        _wait_healthy(replica.url, replica.process, replica.log)


@contextmanager
def cluster(replicas: int, port: int, env: Mapping[str, str] | None = None) -> Iterator[Cluster]:
    """nginx on HOST:port in front of `replicas` Streamlit processes on port+1 … port+replicas, all answering
    their health check when this yields; everything is stopped on exit, whatever ended the block."""
    merged = {**os.environ, **(env or {})}
    merged[COOKIE_SECRET_ENV] = cookie_secret(merged)
    ports = [port + i for i in range(replicas + 1)]
    _check_free(ports)
    prefix = Path(tempfile.mkdtemp(prefix="htsd-cluster-"))
    prefix.chmod(0o755)  # nginx's workers (user nobody when started as root) write their temp files under it
    running = Cluster(f"http://{HOST}:{port}", [Replica(p, prefix / f"replica-{p}.log") for p in ports[1:]], merged,
                      prefix)
    try:
        for replica in running.replicas:
            replica.process = _start_replica(replica, merged)
        running.nginx = _start_nginx(prefix, port, ports[1:])
        for replica in running.replicas:
            _wait_healthy(replica.url, replica.process, replica.log)
        _wait_healthy(running.url, running.nginx, prefix / "error.log")
        yield running
    finally:
        for process in [running.nginx] + [r.process for r in running.replicas]:
            _stop(process)
        shutil.rmtree(prefix, ignore_errors=True)


def free_base(replicas: int, start: int = 18500, stop: int = 19500) -> int:
    """A port with the next `replicas` ports free too, for a cluster that must not meet another server."""
    for base in range(start, stop, replicas + 1):
        if all(_free(base + i) for i in range(replicas + 1)):
            return base
    raise ClusterError(f"Không còn {replicas + 1} cổng liền nhau trống trong {start}–{stop}.")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def _check_free(ports: Sequence[int]) -> None:
    """A port already in use would fail a replica, or worse, let another server answer its health check."""
    for p in ports:
        if not _free(p):
            raise ClusterError(f"Cổng {p} đang được dùng; chọn cổng khác bằng --port.")


def _start_replica(replica: Replica, env: Mapping[str, str]) -> subprocess.Popen:
    """`streamlit run app.py` on the replica's port, as the systemd unit runs it; its own session, so a Ctrl-C
    in the terminal reaches only the parent, which stops the children in order."""
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(replica.port),
               "--server.address", HOST, "--server.headless", "true"]
    with replica.log.open("ab") as log:
        return subprocess.Popen(command, cwd=ROOT, env=dict(env), stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def _start_nginx(prefix: Path, port: int, replica_ports: Sequence[int]) -> subprocess.Popen:
    conf = prefix / "nginx.conf"
    conf.write_text(nginx_conf(render_site(SITE.read_text(encoding="utf-8"), port, replica_ports), prefix),
                    encoding="utf-8")
    command = [nginx_binary(), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    """Until `url` answers Streamlit's health check; a process that exits first is an error with its log."""
    deadline = time.monotonic() + START_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ClusterError(f"{url} đã dừng khi khởi động (mã {process.returncode}). Nhật ký:\n{_tail(log)}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise ClusterError(f"{url} không trả lời sau {START_S} giây. Nhật ký:\n{_tail(log)}")


def _tail(log: Path, lines: int = 20) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]) if log.exists() else ""


def _stop(process: subprocess.Popen | None) -> None:
    """SIGTERM (Streamlit and nginx both shut down cleanly on it), then SIGKILL after STOP_S."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
