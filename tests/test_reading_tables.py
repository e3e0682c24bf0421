"""Several tables on one sheet, funding in sentences and funding per activity: every amount a form states
reaches its unit's state budget or social sources, whatever table or sentence holds it."""

import pytest

from tests.reading_support import LETTERHEAD, figures, messages, read, workbook

ACTIVITIES = [["TT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"],
              [1, "Lễ khai mạc", 1, 450], [2, "Hội thi tìm hiểu pháp luật", 2, 120], [None, "Cộng", 3, 570]]
DONE = {"opening_ceremony": (1, 450), "contest": (2, 120)}


@pytest.mark.parametrize("funding_table", [
    [[], ["II. KINH PHÍ TỔ CHỨC"], ["TT", "Nguồn kinh phí", "Số tiền (đồng)"],
     [1, "Ngân sách nhà nước", 25_000_000], [2, "Xã hội hóa", 8_000_000], [None, "Tổng cộng", 33_000_000]],
    [["Bảng 2. Kinh phí"], ["STT", "Nguồn", "Thành tiền (triệu đồng)"], [1, "Ngân sách", 25],
     [2, "Vận động, tài trợ", 8]],
    [[], ["Nguồn kinh phí", "Số tiền"], ["NSNN", "25.000.000"], ["XHH", "8.000.000"]],
])
def test_a_funding_table_under_the_activities_gives_the_units_funding(funding_table, vocab, index):
    parsed = read(workbook(("Báo cáo", LETTERHEAD + ACTIVITIES + funding_table)), vocab, index)
    assert figures(parsed) == {"Huyện Châu Phú": (DONE, {"state_budget": 25_000_000, "social": 8_000_000})}
    assert messages(parsed) == []


def test_a_second_table_by_unit_is_joined_to_the_same_units(vocab, index):
    rows = LETTERHEAD + [["Bảng 1. Hoạt động"], ["STT", "Đơn vị", "Lễ khai mạc", "Số người dự khai mạc"],
                         [1, "Xã Bình Long", 1, 150], [2, "Thị trấn Cái Dầu", 1, 200], [],
                         ["Bảng 2. Kinh phí"], ["STT", "Đơn vị", "Ngân sách nhà nước (đồng)", "Xã hội hóa (đồng)"],
                         [1, "Thị trấn Cái Dầu", 5_000_000, 2_000_000], [2, "Xã Bình Long", 3_000_000, 0]]
    assert figures(read(workbook(("Tổng hợp", rows)), vocab, index)) == {
        "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {"state_budget": 3_000_000, "social": 0}),
        "Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {"state_budget": 5_000_000, "social": 2_000_000})}


@pytest.mark.parametrize(("sentence", "funding"), [
    ("Tổng kinh phí 45 triệu đồng, trong đó ngân sách nhà nước 30 triệu, xã hội hóa 15 triệu đồng.",
     {"total": 45_000_000, "state_budget": 30_000_000, "social": 15_000_000}),
    ("- Ngan sach nha nuoc: 148,2 trieu dong; Xa hoi hoa: 28,3 trieu dong",
     {"state_budget": 148_200_000, "social": 28_300_000}),
    ("Kinh phí thực hiện: NSNN 12.500.000 đồng; XHH 3.000.000 đồng",
     {"state_budget": 12_500_000, "social": 3_000_000}),
    ("Tổng kinh phí huy động được là 1,2 tỷ đồng, gồm ngân sách 800 triệu đồng và nguồn xã hội hóa 400 triệu đồng",
     {"total": 1_200_000_000, "state_budget": 800_000_000, "social": 400_000_000}),
])
def test_funding_written_as_a_sentence_gives_both_sources(sentence, funding, vocab, index):
    rows = LETTERHEAD + ACTIVITIES + [[], ["2. Kinh phí"], [sentence]]
    assert figures(read(workbook(("Báo cáo", rows)), vocab, index)) == {"Huyện Châu Phú": (DONE, funding)}


def test_funding_per_activity_adds_up_to_the_units_funding(vocab, index):
    rows = LETTERHEAD + [["TT", "Hoạt động", "Số lượng", "Số người tham gia", "Kinh phí NSNN (đồng)",
                          "Kinh phí XHH (đồng)"],
                         [1, "Lễ khai mạc", 1, 450, 10_000_000, 2_000_000],
                         [2, "Hội thi tìm hiểu pháp luật", 2, 120, 5_000_000, None]]
    assert figures(read(workbook(("Báo cáo", rows)), vocab, index)) == {
        "Huyện Châu Phú": (DONE, {"state_budget": 15_000_000, "social": 2_000_000})}


@pytest.mark.parametrize(("activity", "measures"), [
    ("Hoạt động", ("Số lượng", "Số người tham gia", "Kinh phí NSNN", "Kinh phí XHH")),
    ("Nội dung", ("SL", "Lượt người", "Ngân sách nhà nước (đồng)", "Xã hội hóa (đồng)")),
])
def test_a_long_csv_puts_every_measure_in_its_own_figure(activity, measures, vocab, index):
    """Xã Bình Long: a ceremony of 150 people costing 3.000.000 state and 1.000.000 social đồng, one row each."""
    lines = [f"Năm;Tỉnh;Huyện;Đơn vị;{activity};Chỉ số;Giá trị"] + [
        f"2023;An Giang;Châu Phú;Xã Bình Long;Lễ khai mạc;{m};{v}"
        for m, v in zip(measures, (1, 150, 3_000_000, 1_000_000), strict=True)]
    parsed = read("\n".join(lines).encode("utf-8"), vocab, index, "chau_phu_2023.csv")
    assert figures(parsed) == {"Xã Bình Long": ({"opening_ceremony": (1, 150)},
                                                {"state_budget": 3_000_000, "social": 1_000_000})}
