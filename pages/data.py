"""Dữ liệu: the filtered table with Vietnamese headers, exported as CSV (UTF-8 BOM) and formatted .xlsx."""

import streamlit as st

from dashboard import db, filters, widgets
from dashboard.format import in_money_unit, number

AREAS = {"today": "Xã/phường (địa giới hiện nay)", "reported": "Quận/huyện (trước 2025)"}
HEADERS = {"year": "Năm", "province_name": "Tỉnh/thành phố", "unit_name": "Đơn vị", "unit_level": "Cấp",
           "unit_code": "Mã đơn vị", "indicator": "Hoạt động",
           "events": "Số hoạt động", "participants": "Người tham gia", "state_budget": "Ngân sách nhà nước",
           "social": "Xã hội hóa", "not_itemised": "Phần chưa chi tiết", "resolved": "Đã xác định đơn vị",
           "approximate": "Gần đúng (xã/phường bị chia năm 2025)"}

selection = st.session_state["selection"]
st.title("Dữ liệu")
widgets.boundaries_note(selection.filters.boundaries)
detail = st.toggle("Chi tiết theo loại hoạt động", key="d_detail",
                   value=filters.url_value("chi_tiet", ["1", "0"], "0") == "1")
filters.remember(chi_tiet="1" if detail else None)
order = st.selectbox("Sắp xếp theo", ["", "events", "participants", *([] if detail else ["state_budget", "social"])],
                     key="d_sort", format_func=lambda c: HEADERS.get(c, "Năm, tỉnh, đơn vị"))
table = db.query("table", selection.filters, detail, order, widgets.MAX_ROWS)
if table.empty:
    widgets.empty("Không có dòng nào khớp bộ lọc. Bỏ bớt bộ lọc ở thanh bên trái.")
    st.stop()


def readable(rows):
    """Vietnamese headers and words for codes; applied to what is shown or exported, when it is."""
    out = rows.assign(
        unit_level=rows["unit_level"].map(filters.LEVEL_LABELS).fillna(rows["unit_level"]),
        not_itemised=rows["not_itemised"].map({True: "có", False: ""}),
        resolved=rows["resolved"].map({True: "có", False: "chưa"}),
        approximate=rows["approximate"].map({True: "có", False: ""}))
    if detail:
        out["indicator"] = out["indicator"].map(selection.indicator_labels).fillna(out["indicator"])
    if selection.filters.boundaries == "reported":  # nothing is moved between communes as reported
        out = out.drop(columns="approximate")
    return out.drop(columns="total_rows").rename(columns={**HEADERS, "area_name": AREAS[selection.filters.boundaries]})


total = int(table["total_rows"].iloc[0])
widgets.completeness(selection.filters, selection.filters.years or selection.years_available)
st.caption(f"{number(total)} dòng. 'Phần chưa chi tiết': phần số liệu của một địa bàn mà báo cáo của các đơn vị "
           "cấp dưới chưa kê ra (mỗi địa bàn chỉ được cộng một lần)." + (
               " 'Gần đúng': xã/phường cũ bị chia cho nhiều xã/phường mới năm 2025, được tính trọn vào xã/phường mới "
               "nhận phần lớn của nó, không chia theo ước đoán." if selection.filters.boundaries == "today" else ""))


AMOUNTS = [HEADERS["state_budget"], HEADERS["social"]]


def everything():
    """The exports: every row, amounts exact in đồng (the header and the filters sheet say so)."""
    rows = readable(db.query("table", selection.filters, detail, order))
    return rows.rename(columns={c: f"{c} (đồng)" for c in AMOUNTS})


about = selection.describe() + [("Chi tiết theo hoạt động", "có" if detail else "không")] + (
    [] if detail else [("Đơn vị tiền", "đồng (số chính xác, không làm tròn)")])
widgets.export_buttons(everything, about, "Tuần lễ hưởng ứng học tập suốt đời — dữ liệu đã lọc", "tuan_le_htsd",
                       key="d")
shown = readable(table)
widgets.table(shown if detail else in_money_unit(shown, AMOUNTS, selection.money), key="d_table", height=560,
              total=total)
