"""A viewer's browser tab spoken at the protocol level: Streamlit's websocket with its protobuf messages.

A browser would cost the load bench a Chromium per session; what loads the server is the same either way:
one websocket per tab on `/_stcore/stream`, a BackMsg `rerun_script` carrying the URL's query string, the page
and the widgets' values, answered by ForwardMsgs (the page's elements as deltas) up to `script_finished`.
This client sends what the browser sends for a page load, a page change and a sidebar filter change, and
reads back what a viewer reads: the KPI tiles (metrics), the widgets' options, and anything failed.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import httpx
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

RUN_TIMEOUT_S = 60.0  # one rerun; longer counts as a timeout, not a slow run
FINAL = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}  # not "early, for a rerun"
PAGE_FAILED = "Trang gặp lỗi"  # app.py shows this instead of a traceback when a page raises


class SessionError(RuntimeError):
    """The connection dropped or a run did not finish in time: an error as a viewer sees it."""


@dataclass
class Run:
    """What one script run showed: the time from the BackMsg to `script_finished`, and the elements."""

    seconds: float
    metrics: dict[str, str] = field(default_factory=dict)  # KPI tile label -> shown value
    widgets: dict[str, Element] = field(default_factory=dict)  # user key -> its element (options, id)
    errors: list[str] = field(default_factory=list)  # exception elements and the app's "page failed" error
    page_hash: str = ""


class Session:
    """One tab: its websocket, the URL's query string, the pages it may open, and the values its viewer set."""

    def __init__(self, ws: websockets.ClientConnection, query: str) -> None:
        self.ws = ws
        self.query = query  # the URL's query string, which the app keeps the filters in
        self.pages: dict[str, str] = {}  # url path ("" for home) -> page script hash
        self.page_hash = ""  # the page shown, which every rerun names as the browser does
        self.states: dict[str, WidgetState] = {}  # widget id -> the value this viewer set

    @classmethod
    async def open(cls, base_url: str, page: str = "", query: str = "") -> tuple[Session, Run]:
        """Load `base_url/page?query` as a browser does; returns the session and its first run."""
        try:
            ws = await _connect(base_url, page)
        except (httpx.HTTPError, websockets.WebSocketException, OSError, TimeoutError) as exc:
            raise SessionError(f"could not connect: {exc!r}") from exc
        session = cls(ws, query)
        return session, await session.rerun(page_name=page)

    async def close(self) -> None:
        await self.ws.close()

    async def rerun(self, page_name: str = "", page_hash: str | None = None) -> Run:
        """Send a `rerun_script` with the query string, the page and every value this viewer set; read to the
        end of the run."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = page_name
        state.page_script_hash = self.page_hash if page_hash is None else page_hash
        state.widget_states.widgets.extend(self.states.values())
        start = time.perf_counter()
        try:
            await self.ws.send(msg.SerializeToString())
            return await asyncio.wait_for(self._read_run(start), RUN_TIMEOUT_S)
        except TimeoutError as exc:
            raise SessionError(f"no script_finished within {RUN_TIMEOUT_S:.0f} s") from exc
        except websockets.ConnectionClosed as exc:
            raise SessionError(f"disconnected: {exc}") from exc

    async def open_page(self, url_path: str) -> Run:
        """Click a page in the sidebar's navigation."""
        return await self.rerun(page_hash=self.pages[url_path])

    async def choose(self, widget: Element, values: list[str] | str) -> Run:
        """Set a multiselect (a list of shown options) or a radio (one shown option), as a click does."""
        kind = widget.WhichOneof("type")
        element = getattr(widget, kind)
        state = WidgetState(id=element.id)
        if kind == "multiselect":
            state.string_array_value.data.extend(values)
        elif kind == "radio":
            state.string_value = values
        else:
            raise ValueError(f"cannot set a {kind}")
        self.states[element.id] = state
        return await self.rerun()

    async def _read_run(self, start: float) -> Run:
        run = Run(0.0)
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await self.ws.recv())
            kind = msg.WhichOneof("type")
            if kind == "delta":
                _read_delta(msg, run)
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                self.page_hash = run.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished in FINAL:
                run.seconds = time.perf_counter() - start
                return run


async def _connect(base_url: str, page: str) -> websockets.ClientConnection:
    """The page's GET first, for its cookies (nginx's sticky route, Streamlit's XSRF), then the websocket."""
    async with httpx.AsyncClient(timeout=RUN_TIMEOUT_S) as http:
        answer = await http.get(f"{base_url}/{page}")
        answer.raise_for_status()
    cookies = SimpleCookie()
    for header in answer.headers.get_list("set-cookie"):
        cookies.load(header)
    return await websockets.connect(
        f"ws://{urlsplit(base_url).netloc}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
        open_timeout=RUN_TIMEOUT_S, additional_headers={
            "Origin": base_url, "Cookie": "; ".join(f"{k}={m.value}" for k, m in cookies.items())})


def _read_delta(msg: ForwardMsg, run: Run) -> None:
    if msg.delta.WhichOneof("type") != "new_element":
        return
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "metric":
        run.metrics[element.metric.label] = element.metric.body
    elif kind == "exception":
        run.errors.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "alert" and element.alert.format == Alert.ERROR and element.alert.body.startswith(PAGE_FAILED):
        run.errors.append(element.alert.body)
    elif kind in ("multiselect", "radio"):
        run.widgets[getattr(element, kind).id.split("-", 2)[-1]] = element  # "$$ID-<hash>-<key>"
