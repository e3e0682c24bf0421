"""Nộp báo cáo: drop returned forms; each is read dry first (what it would load, what it would replace and
how, or why it is refused), then the officer confirms or discards each file, or all at once."""

import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import auth, intake, widgets
from dashboard.format import number
from dashboard.safe_text import literal
from etl.resolve import Options
from etl.template import write_template

BADGES = {"loaded": "green", "replaced": "orange", "unchanged": "gray", "rejected": "red"}
BATCH = "nop_batch"  # the uploader's generation: a new one starts an empty batch

user = auth.require("officer")
st.title("Nộp báo cáo")
rules = intake.upload_rules()
st.caption(f"Nhận {rules.describe()}. Mỗi tệp được đọc thử trước: chưa có gì được ghi vào kho dữ liệu cho đến "
           "khi bạn xác nhận. Một báo cáo gửi lại thay thế bản đang dùng; bản cũ vẫn giữ trong lịch sử.")

YEARS = range(date.today().year + 1, 2014, -1)


@st.cache_data(max_entries=4, show_spinner=False)
def blank_form(year: int) -> bytes:
    """The workbook of `python -m etl template --year`, the form the units fill in."""
    with tempfile.TemporaryDirectory() as folder:
        return write_template(year, Path(folder) / "bieu_mau.xlsx").read_bytes()


with st.container(horizontal=True, vertical_alignment="bottom"):
    form_year = st.selectbox("Biểu mẫu trắng gửi các đơn vị", YEARS, index=1, key="nop_form_year", width=220,
                             format_func=lambda y: f"năm {y}")
    st.download_button(f"Tải biểu mẫu trắng năm {form_year} (.xlsx)", lambda: blank_form(form_year),
                       f"bieu_mau_tuan_le_hoc_tap_suot_doi_{form_year}.xlsx", widgets.XLSX, key="nop_form",
                       icon=":material/download:", on_click="ignore")

with st.expander("Năm, tỉnh/thành phố cho biểu không ghi"):
    left, right = st.columns(2)
    year = left.selectbox("Năm báo cáo", YEARS, index=None,
                          placeholder="Theo biểu", key="nop_year")
    province = right.selectbox("Tỉnh/thành phố", intake.hint_provinces(), index=None, placeholder="Theo biểu",
                               key="nop_province")
    st.caption("Chỉ dùng khi biểu không ghi; biểu ghi khác đi sẽ bị từ chối.")
options = Options(year=year, province=province)

hint = f"Kéo thả tệp vào đây · mỗi tệp tối đa {intake.megabytes(rules.max_file_mb)}"
files = widgets.file_uploader("Tệp báo cáo", hint, accept_multiple_files=True,
                              key=f"nop_files_{st.session_state.get(BATCH, 0)}",
                              max_upload_size=int(st.get_option("server.maxUploadSize")))
uploads, refused = intake.screen(files or [], rules)
for reason in refused:
    st.error(literal(reason), icon=":material/block:")
if not uploads:
    st.stop()


def new_batch() -> None:
    st.session_state[BATCH] = st.session_state.get(BATCH, 0) + 1
    st.session_state.pop(intake.ENTRIES, None)
    st.session_state.pop(intake.PREVIEWS, None)


entries = intake.entries(uploads)
pending = [e for e in entries if e.state == "pending"]
shown = intake.fresh(intake.previews, pending, options, rules)


def confirm(chosen: list[intake.Entry]) -> None:
    try:
        intake.confirm(chosen, shown, options, user, rules)
    except intake.WarehouseBusy as exc:
        st.error(str(exc))
        return
    st.rerun()


ready = [e for e in pending if shown[e.upload.sha256].status in intake.CONFIRMABLE]
counts = {"đã nạp": sum(e.state == "loaded" for e in entries), "chờ xác nhận": len(ready),
          "không có gì mới": sum(shown[e.upload.sha256].status == "unchanged" for e in pending),
          "bị từ chối": sum(shown[e.upload.sha256].status == "rejected" for e in pending),
          "đã bỏ qua": sum(e.state == "discarded" for e in entries)}
st.markdown(f"**{number(len(entries))} tệp:** " + ", ".join(f"{number(n)} {w}" for w, n in counts.items() if n))
for clash in intake.clashes(pending, shown):
    st.warning(literal(clash))
with st.container(horizontal=True):
    if ready and st.button(f"Xác nhận nạp {number(len(ready))} tệp", type="primary", key="nop_all"):
        confirm(ready)
    st.button("Bỏ tất cả, tải lượt mới" if pending else "Tải lượt mới", key="nop_new", on_click=new_batch)


def show(entry: intake.Entry) -> None:
    """One file: its result once loaded, else its dry run with the buttons to confirm or discard it."""
    name = entry.upload.name
    if entry.state == "loaded":
        result = entry.result
        if result.status == "rejected":  # the write itself failed; nothing of the file was kept
            st.error(f"**{literal(name)}** — không ghi được vào kho dữ liệu:\n"
                     + "\n".join(f"- {literal(e)}" for e in result.errors))
        else:
            st.success(f"**{literal(name)}** — đã nạp {number(result.reports)} báo cáo "
                       f"({intake.STATUS_WORDS[result.status]}).", icon=":material/check_circle:")
        return
    if entry.state == "discarded":
        st.caption(f"{literal(name)} — đã bỏ qua, không nạp.")
        return
    preview = shown[entry.upload.sha256]
    st.markdown(f"**{literal(name)}** :{BADGES[preview.status]}-badge[{intake.STATUS_WORDS[preview.status]}]")
    if entry.note:
        st.info(entry.note, icon=":material/sync_problem:")
    if preview.errors:
        st.error("Không nạp được tệp này:\n" + "\n".join(f"- {literal(e)}" for e in preview.errors))
    if preview.status == "unchanged":
        st.caption("Kho dữ liệu đã có đúng các số liệu này; không cần nạp.")
    if preview.reports:
        widgets.table(intake.reports_table(preview), key=f"nop_reports_{entry.upload.sha256}")
    changed = intake.replaced_differences(preview)
    if not changed.empty:
        st.markdown("Thay đổi so với bản đang dùng:")
        st.dataframe(changed, hide_index=True, key=f"nop_changes_{entry.upload.sha256}",
                     column_config=intake.RIGHT_ALIGNED)
    if preview.warnings:
        with st.expander(f"{number(len(preview.warnings))} cảnh báo (vẫn nạp được)"):
            st.markdown("\n".join(f"- {literal(w)}" for w in preview.warnings))
    if preview.readings:
        with st.expander("Cách đọc biểu: bố cục, nghĩa từng cột, dòng nào là đơn vị, nhóm, tổng"):
            st.text(intake.reading_text(preview))
    if unread := intake.unread_headers(preview):
        teach(entry.upload.sha256, unread)
    with st.container(horizontal=True):
        if preview.status in intake.CONFIRMABLE and st.button("Xác nhận nạp", type="primary",
                                                              key=f"nop_ok_{entry.upload.sha256}"):
            confirm([entry])
        if st.button("Bỏ qua", key=f"nop_skip_{entry.upload.sha256}"):
            entry.state = "discarded"
            st.rerun()


def teach(sha256: str, unread: list[tuple[str, tuple[str, ...]]]) -> None:
    """A choice per column no rule read; saved, it reads this file again at once, and every later file."""
    with st.expander("Dạy cách đọc cột chưa nhận ra"):
        st.caption("Chọn nghĩa của từng cột. Lựa chọn được lưu và dùng cho mọi tệp sau có đúng tiêu đề cột này.")
        picked = [(path, st.selectbox(literal(f"{where}: '{' / '.join(path)}'"), list(intake.TEACH_CHOICES),
                                      index=None, placeholder="Chưa chọn", key=f"nop_teach_{sha256}_{i}"))
                  for i, (where, path) in enumerate(unread)]
        chosen = [(path, intake.TEACH_CHOICES[name]) for path, name in picked if name]
        if st.button("Lưu và đọc lại", key=f"nop_teach_save_{sha256}", disabled=not chosen):
            try:
                intake.teach_columns(chosen)
            except OSError as exc:  # a read-only data folder: say so, the page and the previews stay
                st.error(f"Không lưu được lựa chọn: {literal(str(exc))}")
                return
            st.rerun()


for entry in entries:
    with st.container(border=True):
        show(entry)
