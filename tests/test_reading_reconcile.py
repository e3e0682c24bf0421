"""Reconciliation with the form's own totals: a disagreement that a misreading explains (a subtotal row written
without 'Cộng', taken as a unit) refuses the file naming the rows; a form whose own arithmetic is wrong loads with
a warning giving both numbers. Expected numbers are worked out by hand from the rows below."""

from __future__ import annotations

import pytest

from etl.errors import FormError
from tests.reading_support import LETTERHEAD, messages, read, workbook

HEADER = [["STT", "Tên đơn vị", "Lễ khai mạc", None], [None, None, "Số lượng", "Số người tham gia"]]
PROVINCE = [["UBND TỈNH AN GIANG"], ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
            ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"]]

# Rows as officers send them: each district's communes, then the district's name on a row that adds them up.
DISTRICT_SUMS_BELOW = PROVINCE + HEADER + [
    [1, "Xã Bình Long", 1, 150], [2, "Xã Mỹ Đức", 1, 180], [None, "Huyện Châu Phú", 2, 330],  # 150 + 180
    [3, "Xã Núi Tô", 1, 90], [4, "Xã Cô Tô", 2, 110], [None, "Huyện Tri Tôn", 3, 200],  # 90 + 110
    [None, "Tổng cộng", 5, 530]]  # 330 + 200: the communes alone
# Town and city wards numbered like units, each town's row numbered too and written with its abbreviation.
TOWNS_NUMBERED = PROVINCE + HEADER + [
    [1, "Phường Long Thạnh", 1, 70], [2, "Phường Long Hưng", 1, 40], [3, "Phường Long Châu", 2, 90],
    [4, "TX. Tân Châu", 4, 200],  # 70 + 40 + 90
    [5, "Phường Núi Sam", 1, 120], [6, "Phường Vĩnh Mỹ", 1, 30], [7, "TP. Châu Đốc", 2, 150],  # 120 + 30
    [None, "Tổng cộng", 6, 350]]  # 200 + 150
# One district summed, beside communes listed alone, funding too (in đồng).
ONE_DISTRICT_WITH_MONEY = PROVINCE + [
    ["STT", "Đơn vị", "Lễ khai mạc", None, "Kinh phí (đồng)", None],
    [None, None, "Số lượng", "Số người tham gia", "NSNN", "XHH"],
    [1, "Xã Bình Long", 1, 150, 3_000_000, 1_000_000], [2, "Xã Mỹ Đức", 1, 180, 2_000_000, 0],
    [None, "Huyện Châu Phú", 2, 330, 5_000_000, 1_000_000],  # the two communes above
    [3, "Phường Mỹ Bình", 1, 400, 6_000_000, 2_500_000],
    [None, "Tổng cộng", 3, 730, 11_000_000, 3_500_000]]  # 330 + 400; 5 + 6 million; 1 + 2,5 million

@pytest.mark.parametrize("rows, named", [
    (DISTRICT_SUMS_BELOW, ["dòng 8 'Huyện Châu Phú' bằng tổng các dòng 6–7",
                           "dòng 11 'Huyện Tri Tôn' bằng tổng các dòng 9–10"]),
    (TOWNS_NUMBERED, ["dòng 9 'TX. Tân Châu' bằng tổng các dòng 6–8",
                      "dòng 12 'TP. Châu Đốc' bằng tổng các dòng 10–11"]),
    (ONE_DISTRICT_WITH_MONEY, ["dòng 8 'Huyện Châu Phú' bằng tổng các dòng 6–7"]),
])
def test_a_subtotal_taken_for_a_unit_refuses_the_file_naming_the_rows(rows, named, vocab, index):
    with pytest.raises(FormError) as refused:
        read(workbook(("Tổng hợp", rows)), vocab, index)
    message = refused.value.issue.message
    assert message.startswith(f"dòng tổng cộng chỉ khớp khi không tính {len(named)} dòng như đơn vị")
    assert all(n in message for n in named), message


def test_a_form_whose_own_total_is_wrong_loads_with_both_numbers(vocab, index):
    rows = LETTERHEAD + HEADER + [[1, "Thị trấn Cái Dầu", 1, 200], [2, "Xã Bình Long", 1, 150],
                                  [None, "Tổng cộng", 2, 340]]  # 200 + 150 is 350
    parsed = read(workbook(("Tổng hợp", rows)), vocab, index)
    assert sum(r.kept_facts["opening_ceremony"][1] for r in parsed.reports) == 350
    [warning] = [m for m in messages(parsed) if m.startswith("dòng tổng cộng không khớp")]
    assert "ghi 340, cộng các dòng được 350" in warning


def test_a_unit_equal_by_chance_to_the_rows_above_loads_when_the_total_agrees(vocab, index):
    rows = LETTERHEAD + HEADER + [[1, "Thị trấn Cái Dầu", 1, 100], [2, "Xã Bình Long", 1, 50],
                                  [3, "Xã Mỹ Đức", 2, 150],  # 100 + 50 by chance: a commune all the same
                                  [None, "Tổng cộng", 4, 300]]
    parsed = read(workbook(("Tổng hợp", rows)), vocab, index)
    assert len(parsed.reports) == 3 and sum(r.kept_facts["opening_ceremony"][1] for r in parsed.reports) == 300
