"""Tình hình nộp báo cáo: for a year and level, who has reported, on time or late, and who to chase.

Reads the published snapshot (warehouse.publish), the same for every replica; see warehouse.submission_status.
"""

from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import auth, db, filters, intake, meeting, widgets
from dashboard.format import number
from dashboard.safe_text import literal
from warehouse import deadlines
from warehouse import submission_status as status

STATUS_LABELS = {"missing": "Chưa nộp", "late": "Trễ hạn", "received": "Đã nộp", "on_time": "Đúng hạn"}
BASIS_LABELS = {"form:own": "Ngày trên báo cáo", "received:own": "Ngày nạp tệp",  # date_source:via
                "given:own": "Ngày nhận tệp (cán bộ ghi)", "form:above": "Ngày trên biểu cấp trên",
                "received:above": "Ngày nạp biểu cấp trên", "given:above": "Ngày nhận biểu cấp trên (cán bộ ghi)"}

user = auth.require("officer")
st.title("Tình hình nộp báo cáo")
path = db.warehouse_path()


@st.cache_data(max_entries=8, show_spinner=False)
def aligned(warehouse: str, rules: str) -> list[str]:
    """The deadlines file's problems, once the warehouse's copy is in line with the file (a write, published):
    once per version of the file. A replica fed only the published folder reads the writer's copy."""
    return status.align_deadlines(Path(warehouse)) if Path(warehouse).exists() else []


@st.cache_data(max_entries=8, show_spinner=False)
def choices(where: str) -> tuple[list[int], int | None, dict[str, str]]:
    """Years, the latest year with reports, today's provinces (of one published snapshot: its name is its version)."""
    with intake.reading(Path(where)) as con:
        return status.years(con), status.latest_reported_year(con), status.provinces(con)


@st.cache_data(max_entries=16, show_spinner=False)
def undated(where: str, year: int) -> pd.DataFrame:
    with intake.reading(Path(where)) as con:
        return status.undated_files(con, year).set_index("sha256")


@st.cache_data(max_entries=64, show_spinner=False)
def table(where: str, year: int, level: str, provinces: tuple[str, ...]) -> pd.DataFrame:
    with intake.reading(Path(where)) as con:
        return status.status(con, year, level, list(provinces))


problems = intake.fresh(aligned, str(path), db.version(deadlines.csv_path()))
snapshot = db.read_path()
if snapshot is None:
    widgets.empty("Chưa có kho dữ liệu. Nạp báo cáo ở trang «Nộp báo cáo» hoặc bằng lệnh `python -m etl ingest`.")
    st.stop()
current = (str(snapshot),)  # what a cached answer depends on: the snapshot, which never changes
years, latest, province_names = intake.fresh(choices, *current)
if problems:
    st.error("Tệp hạn nộp (data/deadlines.csv) có lỗi nên chưa áp dụng; đang dùng hạn nộp đã lưu trước đó. "
             "Sửa ở trang «Hạn nộp báo cáo»:\n\n" + "\n".join(f"- {literal(p)}" for p in problems))

left, middle, right = st.columns([1, 3, 3])
default_year = filters.url_value("nam", years, latest if latest in years else years[0], int)
year = left.selectbox("Năm", years, index=years.index(default_year), key="s_year")
levels = status.levels_for(year)
if st.session_state.get("s_level") not in (None, *levels):
    del st.session_state["s_level"]  # districts are gone from 2025: fall back to the default level
level = middle.radio("Cấp báo cáo", levels, format_func=deadlines.LEVEL_LABELS.get, horizontal=True, key="s_level",
                     index=levels.index(filters.url_value("cap", levels, "province")))
chosen = right.multiselect("Tỉnh/thành phố (địa giới hiện nay)", list(province_names), format_func=province_names.get,
                           default=filters.url_list("tinh", list(province_names)), key="s_provinces",
                           placeholder="Cả nước")
filters.remember(nam=year, cap=level, tinh=chosen)

rows = intake.fresh(table, *current, year, level, tuple(chosen))
counts = status.counts(rows)
place = ", ".join(province_names[p] for p in chosen) or "cả nước"
noun = deadlines.LEVEL_LABELS[level].lower()
if rows.empty:
    widgets.empty(f"Năm {year} không có {noun} nào trong danh mục đơn vị hành chính của {place}.")
    st.stop()

deadline = rows["deadline"].dropna()
due = f"{deadline.iloc[0]:%d/%m/%Y}" if len(deadline) else "chưa đặt"
tiles = st.columns(4)
widgets.kpi(tiles[0], "Đã báo cáo", f"{number(counts.received)}/{number(counts.expected)}",
            help=f"{noun.capitalize()} đã có báo cáo năm {year} trên số {noun} phải báo cáo theo danh mục đơn vị "
                 "hành chính của năm đó (kể cả đơn vị chỉ có trong biểu tổng hợp của cấp trên).")
widgets.kpi(tiles[1], "Đúng hạn", number(counts.on_time))
widgets.kpi(tiles[2], "Trễ hạn", number(counts.late))
widgets.kpi(tiles[3], "Chưa nộp", number(counts.missing))
notes = [f"**{number(counts.received)}/{number(counts.expected)} đơn vị đã báo cáo** — {noun}, năm {year}, {place}. "
         f"Hạn nộp: **{due}** (quản trị viên đặt ở trang «Hạn nộp báo cáo»)."]
if counts.undecided and len(deadline):
    notes.append(f"{number(counts.undecided)} đơn vị «Đã nộp» chỉ có trong biểu tổng hợp của cấp trên ghi ngày sau "
                 "hạn: biểu đó cho biết báo cáo đã đến trước ngày ấy, không cho biết có đúng hạn hay không.")
if not len(deadline):
    notes.append(f"Chưa đặt hạn nộp cho {noun} năm {year}, nên chưa xét đúng hạn hay trễ hạn.")
notes.append("Ngày báo cáo là ngày ghi trên biểu; biểu không ghi ngày thì lấy ngày nhận do cán bộ ghi (bên dưới bảng), "
             "nếu chưa ghi thì lấy ngày nạp tệp vào kho. «Cấp trên»: đơn vị chỉ có một dòng trong biểu tổng hợp của "
             "cấp trên.")
st.caption("  \n".join(notes))
meeting.upward_buttons(year, level, chosen, province_names)

shown_statuses = st.pills("Chỉ hiện", list(STATUS_LABELS), format_func=STATUS_LABELS.get, selection_mode="multi",
                          key="s_show")


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The table in the words and date format of the page."""
    def day(dates: pd.Series) -> pd.Series:
        return dates.dt.strftime("%d/%m/%Y").fillna("")

    basis = frame["date_source"].fillna("") + ":" + frame["via"].fillna("")
    out = pd.DataFrame({
        "Tỉnh/thành phố": frame["province_name"],
        "Quận/huyện": frame["district_name"],
        "Đơn vị": frame["unit_name"],
        "Mã": frame["unit_code"],
        "Trạng thái": frame["status"].map(STATUS_LABELS),
        "Ngày báo cáo": day(frame["report_date"]),
        "Căn cứ ngày": basis.map(BASIS_LABELS).fillna(""),
        "Hạn nộp": day(frame["deadline"]),
        "Tệp": frame["file_name"].fillna(""),
    })
    one_province = len(chosen) == 1 or level == "province"
    unused = [c for c, drop in (("Tỉnh/thành phố", one_province), ("Quận/huyện", frame["district_name"].isna().all()))
              if drop]
    return out.drop(columns=unused)


shown = rows[rows["status"].isin(shown_statuses)] if shown_statuses else rows
widgets.table(readable(shown), key="s_table", height=520)


def on_day(value) -> str:
    return f"{value:%d/%m/%Y}"


files = intake.fresh(undated, *current, year)
if not files.empty:
    with st.expander(f"Ngày nhận của {number(len(files))} tệp không ghi ngày"):
        st.caption("Biểu không ghi ngày được xét theo ngày nạp vào kho. Tệp đã đến sớm hơn (qua thư, thư điện tử): ghi "
                   "ngày nhận để xét đúng hạn theo ngày đó.")
        sha = st.selectbox("Tệp", list(files.index), key="s_undated", format_func=lambda h: (
            f"{files.at[h, 'file_name']} — nạp ngày {on_day(files.at[h, 'loaded_on'])}" + (
                f", nhận ngày {on_day(files.at[h, 'received_on'])}" if pd.notna(files.at[h, "received_on"]) else "")))
        given = files.at[sha, "received_on"]
        received_on = st.date_input("Ngày nhận", given if pd.notna(given) else files.at[sha, "loaded_on"],
                                    max_value=files.at[sha, "loaded_on"], format="DD/MM/YYYY", key=f"s_received_{sha}")
        if st.button("Lưu ngày nhận", key="s_received_save"):
            status.give_received_date(path, sha, received_on, user.username)
            st.rerun()

missing = readable(rows[rows["status"] == "missing"]).drop(columns=["Trạng thái", "Ngày báo cáo", "Căn cứ ngày", "Tệp"])
st.subheader(f"Danh sách chưa nộp ({number(len(missing))})")
if missing.empty:
    st.success(f"Mọi {noun} đã báo cáo.")
    st.stop()
about = [("Năm", str(year)), ("Cấp", deadlines.LEVEL_LABELS[level]), ("Tỉnh/thành phố", place),
         ("Hạn nộp", due), ("Người xuất", user.name)]
widgets.export_buttons(lambda: missing, about, f"Đơn vị chưa nộp báo cáo Tuần lễ hưởng ứng học tập suốt đời năm {year}",
                       f"chua_nop_{year}_{level}", key="s")
