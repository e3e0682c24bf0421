"""The data pages' glue to the ETL and the warehouse: upload limits, previews and confirmations kept in
the session (the upload page), and every stored version of the reports (the history page).

Writes go to the warehouse inside `writing()`, one at a time in this server and, across servers and the
command line, one at a time on the warehouse's writer lock (warehouse.lock); closing publishes a new
snapshot. Reads, `reading()`, open the published snapshot (warehouse.publish), which no writer ever holds.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from dashboard import db
from dashboard.auth import User
from dashboard.format import number
from etl.ingest import Confirmed, FileResult, Upload, confirm_uploads, preview_uploads
from etl.preview import FUNDING_ITEMS, STATED_TOTAL, Difference, FilePreview, differences, stored_figures
from etl.read import SUPPORTED_TYPES
from etl.resolve import Options
from etl.teach import Choice, choices, synonym_row, teach
from etl.template import DATA_DIR, indicator_labels
from etl.units import load_index
from warehouse.load import Warehouse, retrying
from warehouse.load import reading as warehouse_reading
from warehouse.lock import WarehouseBusy

RULES_FILE = DATA_DIR / "upload_rules.csv"
STATUS_WORDS = {"loaded": "mới", "replaced": "thay thế", "unchanged": "không đổi", "rejected": "bị từ chối"}
CHANGE_WORDS = {"new": "mới", "replaced": "thay thế", "unchanged": "không đổi"}
CONFIRMABLE = ("loaded", "replaced")  # an unchanged or rejected file has nothing to load
ENTRIES, PREVIEWS = "intake_entries", "intake_previews"  # session keys
_OPEN = threading.Lock()  # one writer connection to the warehouse at a time in this server process
T = TypeVar("T")


# --- limits: data/upload_rules.csv -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadRules:
    max_files: int
    max_file_mb: float
    file_types: tuple[str, ...]
    progress_from: int

    def describe(self) -> str:
        return (f"{', '.join(self.file_types)}; tối đa {number(self.max_files)} tệp mỗi lượt, "
                f"mỗi tệp tối đa {megabytes(self.max_file_mb)}")


def megabytes(value: float) -> str:
    """5 -> '5 MB', 1.5 -> '1,5 MB'."""
    return f"{number(value, 0 if float(value).is_integer() else 1)} MB"


def upload_rules(path: Path = RULES_FILE) -> UploadRules:
    """The officers' limits, within what the program can: only types the reader knows, and no file larger
    than the server accepts at all (server.maxUploadSize)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        values = {row["setting"].strip(): row["value"].strip() for row in csv.DictReader(handle)}
    types = tuple(t.lower() for t in values["file_types"].split() if t.lower() in SUPPORTED_TYPES)
    ceiling = float(st.get_option("server.maxUploadSize"))
    return UploadRules(int(values["max_files"]), min(float(values["max_file_mb"]), ceiling), types,
                       int(values["progress_from"]))


class Received(Protocol):
    """What the uploader hands over (streamlit's UploadedFile): a name, a size and the bytes."""

    name: str
    size: int

    def getvalue(self) -> bytes: ...


def screen(files: Sequence[Received], rules: UploadRules) -> tuple[list[Upload], list[str]]:
    """The files to preview, and why the others are not (in Vietnamese, naming each file). A file
    refused here is never read."""
    uploads, refused, seen = [], [], {}
    for file in files:
        suffix = Path(file.name).suffix.lower()
        if suffix not in rules.file_types:
            refused.append(f"Tệp '{file.name}': loại tệp '{suffix or 'không có đuôi'}' không được nhận "
                           f"(chỉ nhận {', '.join(rules.file_types)}).")
        elif file.size > rules.max_file_mb * 1024 * 1024:
            refused.append(f"Tệp '{file.name}' ({number(file.size / 1024 / 1024, 1)} MB) vượt giới hạn "
                           f"{megabytes(rules.max_file_mb)} mỗi tệp.")
        elif len(uploads) == rules.max_files:
            refused.append(f"Tệp '{file.name}': mỗi lượt chỉ xem trước tối đa {number(rules.max_files)} tệp; "
                           "nạp xong lượt này rồi tải tiếp.")
        else:
            upload = Upload(file.name, file.getvalue())
            if upload.sha256 in seen:
                refused.append(f"Tệp '{file.name}' giống hệt tệp '{seen[upload.sha256]}' trong lượt này; "
                               "chỉ xét một lần.")
            else:
                seen[upload.sha256] = file.name
                uploads.append(upload)
    return uploads, refused


# --- the warehouse, opened briefly ------------------------------------------------------------------------------


def fresh(read: Callable[..., T], *args) -> T:
    """A data page's read or write of the warehouse; while another writer holds it longer than a writer waits
    (warehouse.lock.WarehouseBusy), say so and stop the page."""
    try:
        return read(*args)
    except WarehouseBusy as busy:
        st.warning(str(busy), icon=":material/hourglass_top:")
        st.stop()


@contextmanager
def writing(submitted_by: str | None = None) -> Iterator[Warehouse]:
    """The warehouse open for staging and loading; files loaded through it are recorded as sent by `submitted_by`."""
    with _OPEN:
        warehouse = retrying(lambda: Warehouse(db.warehouse_path(), load_index(), submitted_by))
        try:
            yield warehouse
        finally:
            warehouse.close()


@contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A published snapshot (db.read_path()) open read-only, for what the data pages show."""
    with warehouse_reading(path) as con:
        yield con


# --- the upload page's session: each file's preview and what was done with it ----------------------------------


@dataclass
class Entry:
    upload: Upload
    state: str = "pending"  # pending | loaded | discarded
    result: FileResult | None = None
    note: str | None = None  # why the last confirmation loaded nothing


def entries(uploads: list[Upload]) -> list[Entry]:
    """The session's entry of each file in the uploader, in its order; files taken out of it are forgotten."""
    known = st.session_state.get(ENTRIES, {})
    current = {u.sha256: known.get(u.sha256) or Entry(u) for u in uploads}
    st.session_state[ENTRIES] = current
    return list(current.values())


def previews(pending: list[Entry], options: Options, rules: UploadRules) -> dict[str, FilePreview]:
    """Previews of the pending files (by content hash), each against the warehouse as it is now: made once
    per file, hints and warehouse version, and again after anything is loaded."""
    key = (options, str(db.read_path()))  # every write publishes a new snapshot
    cached_key, made = st.session_state.get(PREVIEWS, (None, {}))
    if cached_key != key:
        made = {}
    missing = [e.upload for e in pending if e.upload.sha256 not in made]
    if missing:
        with writing() as warehouse, progress(len(missing), rules, "Đang đọc thử") as step:
            for shown in preview_uploads(warehouse, missing, options, load_index(), on_progress=step):
                made[shown.sha256] = shown
        key = (options, str(db.read_path()))  # a first preview makes and publishes the warehouse
    st.session_state[PREVIEWS] = (key, made)
    return made


def confirm(chosen: list[Entry], shown: dict[str, FilePreview], options: Options, user: User,
            rules: UploadRules) -> None:
    """Load the chosen pending files, each in its own transaction, exactly as their previews showed.

    Each entry is marked the moment its file is written and before anything is drawn, so a second
    click (which interrupts this run at the next drawing) can never load a file twice; the warehouse
    would anyway find the same bytes unchanged and load nothing.
    """
    todo = [e for e in chosen if e.state == "pending" and shown[e.upload.sha256].status in CONFIRMABLE]
    if not todo:
        return
    by_hash = {e.upload.sha256: e for e in todo}
    with writing(user.username) as warehouse, progress(len(todo), rules, "Đang nạp") as step:
        counted = iter(range(1, len(todo) + 1))

        def record(upload: Upload, confirmed: Confirmed) -> None:
            entry = by_hash[upload.sha256]
            if confirmed.result is not None:
                entry.state, entry.result, entry.note = "loaded", confirmed.result, None
            else:
                shown[upload.sha256] = confirmed.changed
                entry.note = ("Chưa nạp: kho dữ liệu đã thay đổi từ lúc đọc thử (có tệp khác vừa được nạp). "
                              "Đây là kết quả đọc thử mới; xem lại rồi xác nhận.")
            step(next(counted), len(todo))

        confirm_uploads(warehouse, [(e.upload, shown[e.upload.sha256]) for e in todo], options, load_index(),
                        on_file=record)


@contextmanager
def progress(total: int, rules: UploadRules, doing: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar for batches of `rules.progress_from` files or more; a no-op step below that."""
    if total < rules.progress_from:
        yield lambda done, all_: None
        return
    bar = st.progress(0.0, text=f"{doing} 0/{number(total)} tệp…")
    yield lambda done, all_: bar.progress(done / all_, text=f"{doing} {number(done)}/{number(all_)} tệp…")
    bar.empty()


def clashes(pending: list[Entry], shown: dict[str, FilePreview]) -> list[str]:
    """Reports of one unit and year in two files of the batch: the one confirmed later replaces the other."""
    where: dict[tuple[int, str], list[str]] = {}
    names: dict[tuple[int, str], str] = {}
    for entry in pending:
        for report in shown[entry.upload.sha256].reports:
            if report.change != "unchanged":
                where.setdefault((report.year, report.unit_key), []).append(entry.upload.name)
                names[(report.year, report.unit_key)] = report.unit_name
    return [f"Báo cáo năm {year} của {names[(year, unit)]} có trong nhiều tệp của lượt này "
            f"({', '.join(files)}): tệp xác nhận sau sẽ thay thế tệp xác nhận trước."
            for (year, unit), files in where.items() if len(files) > 1]


# --- tables a user reads ---------------------------------------------------------------------------------------


@cache
def province_names() -> dict[str, str]:
    """Province code on today's map -> its name."""
    return {u.code: u.name for u in load_index().units.values() if u.map == "2025" and u.level == "province"}


@cache
def hint_provinces() -> list[str]:
    """Province names on both maps, for forms that do not state theirs (older forms name an old province)."""
    units = load_index().units.values()
    return sorted({u.name for u in units if u.level == "province"}, key=lambda n: n.split(" ", 1)[-1])


def reports_table(shown: FilePreview) -> pd.DataFrame:
    """What the file would load, one row per report (Tình trạng: new, replacing or equal to the current
    version); the name as written on the form when it differs."""
    places = province_names()
    table = pd.DataFrame([{
        "Đơn vị": r.unit_name + ("" if r.resolved else " (chưa xác định)"), "Năm": r.year,
        "Tình trạng": CHANGE_WORDS[r.change], "Hoạt động": r.figures.events, "Người tham gia": r.figures.participants,
        "Ngân sách nhà nước (đồng)": None if r.figures.funding is None else r.figures.funding[0],
        "Xã hội hóa (đồng)": None if r.figures.funding is None else r.figures.funding[1],
        "Tỉnh/thành phố": places.get(r.province_code, ""), "Tên trên biểu": r.reported_name,
    } for r in shown.reports])
    return table if (table["Tên trên biểu"] != table["Đơn vị"]).any() else table.drop(columns="Tên trên biểu")


def reading_text(shown: FilePreview) -> str:
    """What was understood of each table, one line each (shown as plain text: the headers are the sender's)."""
    return "\n".join(line for reading in shown.readings for line in reading.lines())


def unread_headers(shown: FilePreview) -> list[tuple[str, tuple[str, ...]]]:
    """(where, header path) of each column no rule read, for the officer to teach; a header met on several
    sheets is taught once, where it is first met ("Sheet 'Biểu', cột E")."""
    first: dict[tuple[str, ...], str] = {}
    for reading in shown.readings:
        for letters, path in reading.unread:
            first.setdefault(path, f"Sheet '{reading.sheet}', cột {letters}")
    return [(where, path) for path, where in first.items()]


TEACH_CHOICES: dict[str, Choice] = dict(choices(indicator_labels()))  # Vietnamese name -> what the column means


def teach_columns(chosen: list[tuple[tuple[str, ...], Choice]]) -> None:
    """Keep the officer's choices (etl.teach: data/header_synonyms_local.csv) and forget the previews, so every
    pending file is read again with them, and every later file too."""
    teach([synonym_row(path, choice) for path, choice in chosen])
    st.session_state.pop(PREVIEWS, None)


def replaced_differences(shown: FilePreview) -> pd.DataFrame:
    """Per report the file replaces: every figure that changes, before -> after."""
    return differences_table([(f"{r.unit_name} ({r.year})", d) for r in shown.reports if r.change == "replaced"
                              for d in differences(r.current, r.figures, INDICATORS)])


def differences_table(rows: list[tuple[str, Difference]]) -> pd.DataFrame:
    """Differences as a user reads them: Vietnamese labels, 1.234.567, signed changes, 'không ghi' for funding
    a version does not state."""
    labels = dict(indicator_labels())
    return pd.DataFrame([{"Báo cáo": report, "Chỉ tiêu": _label(d, labels), "Trước": _amount(d.before),
                          "Sau": _amount(d.after), "Thay đổi": _signed(d.change)} for report, d in rows],
                        columns=["Báo cáo", "Chỉ tiêu", "Trước", "Sau", "Thay đổi"])


INDICATORS = [key for key, _ in indicator_labels()]
RIGHT_ALIGNED = {c: st.column_config.Column(alignment="right") for c in ("Trước", "Sau", "Thay đổi")}
FUNDING_LABELS = {**dict(zip(FUNDING_ITEMS, ("Ngân sách nhà nước (đồng)", "Xã hội hóa (đồng)"), strict=True)),
                  STATED_TOTAL: "Tổng kinh phí ghi trên biểu (đồng)"}
MEASURE_LABELS = {"events": "số hoạt động", "participants": "người tham gia"}


def _label(difference: Difference, labels: dict[str, str]) -> str:
    if difference.measure == "vnd":
        return FUNDING_LABELS[difference.item]
    return f"{labels.get(difference.item, difference.item)} — {MEASURE_LABELS[difference.measure]}"


def _amount(value: int | None) -> str:
    return "không ghi" if value is None else number(value)


def _signed(value: int | None) -> str:
    return "–" if value is None else ("+" if value > 0 else "") + number(value)


# --- history: every version of every report ---------------------------------------------------------------------

VERSION_COLUMNS = """submission_id, year, province_code, province_name, unit_name, unit_key, reported_name, version,
    is_current, submitted_at, submitted_by, file_name, sha256, events, participants, state_budget_vnd, social_vnd"""
FOLD = "replace(strip_accents(lower({})), 'đ', 'd')"  # a name without case and accents, for searching


@dataclass(frozen=True)
class HistoryFilter:
    year: int | None = None
    province_code: str | None = None
    unit: str = ""  # part of the unit's name (or the name on the form), with or without accents


def source() -> tuple[str, str]:
    """The snapshot to read and its version: what the history's cached reads are keyed on (a snapshot never
    changes, so its name is its version)."""
    path = db.read_path()
    return str(path), path.name if path else ""


@st.cache_data(max_entries=64, show_spinner=False)
def history(wanted: HistoryFilter, limit: int, at: tuple[str, str]) -> tuple[pd.DataFrame, int]:
    """The versions matching the filter, the latest loaded first (at most `limit` of them), and how many
    match in all."""
    sql = f"""
        WITH wanted AS (SELECT {FOLD.format("trim($unit)")} AS part)
        SELECT {VERSION_COLUMNS}, count(*) OVER () AS matching
        FROM report_versions, wanted
        WHERE ($year IS NULL OR year = $year) AND ($province IS NULL OR province_code = $province)
          AND (contains({FOLD.format("unit_name")}, part) OR contains({FOLD.format("reported_name")}, part))
        ORDER BY submitted_at DESC, submission_id DESC
        LIMIT $limit"""  # noqa: S608 (fixed text; the user's choices are bound)
    params = {"year": wanted.year, "province": wanted.province_code, "unit": wanted.unit, "limit": limit}
    with reading(Path(at[0])) as con:
        found = con.execute(sql, params).df()
    matching = int(found["matching"].iloc[0]) if len(found) else 0
    return found.drop(columns="matching"), matching


@st.cache_data(max_entries=4, show_spinner=False)
def history_choices(at: tuple[str, str]) -> tuple[list[int], dict[str, str]]:
    """Years, and provinces (code -> name), that have any version (none before anything is published)."""
    if not at[1]:
        return [], {}
    with reading(Path(at[0])) as con:  # one pass over the versions
        found = con.execute("SELECT DISTINCT year, province_code, province_name FROM report_versions").fetchall()
    return sorted({y for y, _, _ in found}, reverse=True), dict(sorted(((c, n) for _, c, n in found),
                                                                       key=lambda pair: pair[1]))


@st.cache_data(max_entries=64, show_spinner=False)
def versions_of(year: int, unit_key: str, at: tuple[str, str]) -> pd.DataFrame:
    """Every version of one unit's report for a year, oldest first."""
    with reading(Path(at[0])) as con:
        return con.execute(f"SELECT {VERSION_COLUMNS} FROM report_versions "  # noqa: S608 (fixed text)
                           "WHERE year = ? AND unit_key = ? ORDER BY version", [year, unit_key]).df()


@st.cache_data(max_entries=64, show_spinner=False)
def version_differences(before: int, after: int, at: tuple[str, str]) -> pd.DataFrame:
    """Every figure that differs between two stored versions (by submission_id), as a table."""
    with reading(Path(at[0])) as con:
        figures = stored_figures(con, [before, after])
    return differences_table([("", d) for d in differences(figures[before], figures[after], INDICATORS)]).drop(
        columns="Báo cáo")


def archived_file(sha256: str) -> bytes:
    """The bytes of a file exactly as it was sent (read when the download is asked for, never cached)."""
    with reading(db.read_path()) as con:
        found = con.execute("SELECT content FROM archived_files WHERE sha256 = ?", [sha256]).fetchone()
    return bytes(found[0]) if found else b""
