"""Replicas behind nginx (deploy/): the site file as nginx reads it, and a running cluster serving the app.

The figures are the hand-checked fixtures' (tests/fixtures/README.md): An Giang 2020 has 2.450 + 1.620 + 700 =
4.770 participants, Bình Phước's 2023 form 2.600 (counted in Đồng Nai on today's map)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from bench.streamlit_client import Run, Session, SessionError
from deploy.replicas import ROOT, SITE, ClusterError, cluster, free_base, nginx_binary, nginx_conf, render_site
from etl.ingest import ingest_paths

FIXTURES = Path(__file__).parent / "fixtures"
DEBIAN_NGINX = Path("/etc/nginx")
TILE = "Người tham gia"


def _nginx() -> str:
    try:
        return nginx_binary()
    except ClusterError:
        if os.environ.get("CI"):
            raise
        pytest.skip("nginx is not installed (apt-get install -y nginx)")


def test_the_site_renders_for_the_try_out_and_nginx_accepts_it(tmp_path: Path) -> None:
    site = render_site(SITE.read_text(encoding="utf-8"), 18080, [18081, 18082, 18083])
    assert re.findall(r"^\s*listen\s+([^;]+);", site, re.MULTILINE) == ["127.0.0.1:18080"]
    assert re.findall(r"^\s*server\s+([\d.:]+);", site, re.MULTILINE) == [
        "127.0.0.1:18081", "127.0.0.1:18082", "127.0.0.1:18083"]
    conf = tmp_path / "nginx.conf"
    conf.write_text(nginx_conf(site, tmp_path), encoding="utf-8")
    checked = subprocess.run([_nginx(), "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_the_site_as_installed_in_debians_nginx_is_accepted(tmp_path: Path) -> None:
    """The README's install: the file as it is, in sites-enabled beside Debian's own nginx.conf (in a copy of
    /etc/nginx, so the system's configuration is untouched)."""
    nginx = _nginx()
    if not DEBIAN_NGINX.joinpath("nginx.conf").exists():
        pytest.skip("no Debian nginx configuration in /etc/nginx")
    copy = tmp_path / "nginx"
    shutil.copytree(DEBIAN_NGINX, copy, symlinks=True)
    conf = copy / "nginx.conf"
    text = conf.read_text().replace(str(DEBIAN_NGINX), str(copy)).replace("/var/log/nginx", str(tmp_path))
    conf.write_text(text.replace("/run/nginx.pid", str(tmp_path / "nginx.pid")))  # writable by any user
    for enabled in (copy / "sites-enabled").iterdir():
        enabled.unlink()
    shutil.copy(SITE, copy / "sites-enabled" / "htsd")
    checked = subprocess.run([nginx, "-t", "-c", str(conf), "-e", str(tmp_path / "error.log")], capture_output=True,
                             text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_nginx_takes_every_upload_streamlit_takes() -> None:
    streamlit_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]["maxUploadSize"]
    nginx_mb = int(re.search(r"client_max_body_size\s+(\d+)m;", SITE.read_text(encoding="utf-8")).group(1))
    assert streamlit_mb < nginx_mb <= streamlit_mb + 2  # the multipart envelope, and no more


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory):
    _nginx()
    db = tmp_path_factory.mktemp("replicas") / "warehouse.duckdb"
    ingest_paths([FIXTURES / "an_giang_flat_2020.csv", FIXTURES / "binh_phuoc_2023.ods"], db)
    with cluster(2, free_base(2), {"HTSD_WAREHOUSE": str(db)}) as started:
        yield started


def _open(url: str, page: str = "", query: str = "") -> Run:
    async def visit() -> Run:
        session, run = await Session.open(url, page, query)
        await session.close()
        return run

    return asyncio.run(visit())


def test_the_front_door_serves_streamlit_and_places_the_browser(running) -> None:
    with urllib.request.urlopen(running.url + "/") as answer:
        page = answer.read().decode()
        cookie = answer.headers["Set-Cookie"]
    assert "<title>Streamlit</title>" in page and 'id="root"' in page
    assert re.fullmatch(r"htsd_route=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax", cookie)


def test_a_session_through_nginx_and_on_each_replica_shows_the_figures(running) -> None:
    for url in [running.url, *running.replica_urls]:
        run = _open(url, "", "nam=2020")
        assert run.errors == []
        assert run.metrics[TILE] == "4.770"


def test_the_client_reads_filters_pages_and_tiles_as_a_viewer_sees_them(running) -> None:
    async def browse() -> list:
        session, first = await Session.open(running.replica_urls[0])  # no filter: the latest year, 2023
        by_year = await session.choose(first.widgets["f_years"], ["2020"])
        query = session.query
        funding = await session.open_page("kinh-phi")
        await session.close()
        return [first.metrics[TILE], by_year.metrics[TILE], parse_qs(query)["nam"], funding.errors,
                funding.page_hash == session.pages["kinh-phi"] != first.page_hash]

    assert asyncio.run(browse()) == ["2.600", "4.770", ["2020"], [], True]


def test_a_restarted_replica_serves_again_and_its_old_session_counts_the_drop(running) -> None:
    """The load bench counts a dropped connection as an error: the client says so instead of waiting."""
    async def across_restart() -> None:
        session, _ = await Session.open(running.replica_urls[1], "", "nam=2023")
        running.restart(1)
        with pytest.raises(SessionError, match="^disconnected"):
            await session.rerun()

    asyncio.run(across_restart())
    assert _open(running.replica_urls[1], "", "nam=2023").metrics[TILE] == "2.600"


def test_serve_stops_nginx_and_the_replicas_on_sigterm(tmp_path: Path) -> None:
    _nginx()
    db = tmp_path / "warehouse.duckdb"
    ingest_paths([FIXTURES / "an_giang_flat_2020.csv"], db)
    port = free_base(1)
    serve = subprocess.Popen([sys.executable, "-m", "etl", "serve", "--replicas", "1", "--port", str(port)], cwd=ROOT,
                             env={**os.environ, "HTSD_WAREHOUSE": str(db)}, stdout=subprocess.PIPE, text=True)
    try:
        ready = serve.stdout.readline()
        assert ready.startswith(f"Bảng điều khiển: http://127.0.0.1:{port} (nginx trước 1 bản chạy, cổng {port + 1};")
        assert _open(f"http://127.0.0.1:{port}", "", "nam=2020").metrics[TILE] == "4.770"
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(30) == 0
    finally:
        serve.kill()
    assert serve.stdout.read() == "Đã dừng nginx và các bản chạy.\n"
    assert free_base(1, port, port + 1) == port  # nothing answers on the front's or the replica's port any more
