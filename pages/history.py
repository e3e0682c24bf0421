"""Lịch sử nộp báo cáo: every version of every unit's report, current and superseded, with who sent it,
when and in which file; the original file to download; what changed between two versions."""

import pandas as pd
import streamlit as st

from dashboard import auth, intake, widgets
from dashboard.format import number

HEADERS = {"year": "Năm", "unit_name": "Đơn vị", "province_name": "Tỉnh/thành phố", "version": "Phiên bản",
           "is_current": "Đang dùng", "submitted_at": "Thời điểm nạp", "submitted_by": "Người nộp", "file_name": "Tệp",
           "events": "Hoạt động", "participants": "Người tham gia", "state_budget_vnd": "Ngân sách nhà nước (đồng)",
           "social_vnd": "Xã hội hóa (đồng)", "reported_name": "Tên trên biểu"}
FROM_COMMAND_LINE = "(dòng lệnh)"  # versions loaded by `python -m etl ingest` have no app account

user = auth.require("officer")
st.title("Lịch sử nộp báo cáo")
at = intake.source()
years, provinces = intake.fresh(intake.history_choices, at)
if not years:
    widgets.empty("Kho dữ liệu chưa có báo cáo nào. Nạp biểu mẫu ở trang Nộp báo cáo.")
    st.stop()

pick_year, pick_province, search = st.columns([1, 2, 2])
year = pick_year.selectbox("Năm", years, index=None, placeholder="Mọi năm", key="ls_year")
province = pick_province.selectbox("Tỉnh/thành phố", list(provinces), format_func=provinces.get, index=None,
                                   placeholder="Mọi tỉnh/thành phố", key="ls_province")
unit = search.text_input("Tìm đơn vị", key="ls_unit", placeholder="Tên đơn vị, có dấu hoặc không")
rows, matching = intake.history(intake.HistoryFilter(year, province, unit), widgets.MAX_ROWS, at)
if rows.empty:
    widgets.empty("Không có phiên bản báo cáo nào khớp bộ lọc.")
    st.stop()


def when(stamp: pd.Timestamp) -> str:
    return f"{stamp:%d/%m/%Y %H:%M}"


def who(row: pd.Series) -> str:
    return row["submitted_by"] if isinstance(row["submitted_by"], str) else FROM_COMMAND_LINE


def readable(versions: pd.DataFrame) -> pd.DataFrame:
    shown = versions.assign(is_current=versions["is_current"].map({True: "có", False: ""}),
                            submitted_at=versions["submitted_at"].map(when),
                            submitted_by=versions["submitted_by"].fillna(FROM_COMMAND_LINE))
    return shown[list(HEADERS)].rename(columns=HEADERS)


st.caption(f"{number(matching)} phiên bản báo cáo, nạp gần nhất trước. Mỗi đơn vị mỗi năm có một phiên bản đang "
           "dùng; các phiên bản trước vẫn được giữ."
           + (f" Hiển thị {number(len(rows))} phiên bản đầu; lọc theo năm, tỉnh hoặc tên đơn vị để xem các phiên bản "
              "khác." if matching > len(rows) else ""))
widgets.table(readable(rows), key="ls_table")

st.subheader("Tải tệp gốc")
files = rows.drop_duplicates("sha256").set_index("sha256")
sha = st.selectbox("Tệp", list(files.index), key="ls_file", format_func=lambda h: (
    f"{files.at[h, 'file_name']} — {when(files.at[h, 'submitted_at'])} — {who(files.loc[h])}"))
widgets.original_file("Tải tệp gốc", lambda: intake.archived_file(sha), files.at[sha, "file_name"], key="ls_download")

st.subheader("So sánh hai phiên bản")
revised = rows[rows["version"] > 1].drop_duplicates(["year", "unit_key"])
if revised.empty:
    widgets.empty("Trong các phiên bản đang lọc, chưa đơn vị nào gửi lại báo cáo.")
    st.stop()
# Each report is chosen by what it is (year, unit), not by its row in this run's list: after a search the row
# numbers are another list's, and the browser, still showing the old report, would not be told of the change.
reports = {(int(r.year), r.unit_key): f"{r.unit_name} — năm {r.year} ({r.version} phiên bản)"
           for r in revised.itertuples()}
year_of, unit_of = st.selectbox("Báo cáo", list(reports), key="ls_report", format_func=reports.__getitem__)
versions = intake.versions_of(year_of, unit_of, at).set_index("version")
numbers = list(versions.index)


def version_label(v: int) -> str:
    row = versions.loc[v]
    return f"Phiên bản {v} — {when(row['submitted_at'])} — {who(row)} — {row['file_name']}"


older, newer = st.columns(2)  # each report keeps its own pair (by default its last two versions)
before = older.selectbox("Phiên bản trước", numbers, index=len(numbers) - 2, key=f"ls_before_{year_of}_{unit_of}",
                         format_func=version_label)
after = newer.selectbox("Phiên bản sau", numbers, index=len(numbers) - 1, key=f"ls_after_{year_of}_{unit_of}",
                        format_func=version_label)
changes = intake.version_differences(int(versions.at[before, "submission_id"]),
                                     int(versions.at[after, "submission_id"]), at)
if changes.empty:
    widgets.empty("Hai phiên bản có số liệu giống nhau.")
else:
    st.dataframe(changes, hide_index=True, key="ls_changes", column_config=intake.RIGHT_ALIGNED)
