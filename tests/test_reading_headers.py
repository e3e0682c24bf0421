"""Header words matched with their diacritics on whole words, the activity nearest the leaf, measures that stay
with their activity, the unit column found by its content, and places (not level words) read from titles."""

import unicodedata

import pytest

from etl.errors import FormError
from etl.headers import Meaning
from etl.text import fold, soft
from etl.title import title_places
from etl.values import header_multiplier
from tests.reading_support import LETTERHEAD, figures, read, workbook


@pytest.mark.parametrize(("written", "softened"), [
    ("Xã, Thị  trấn", "xã thị trấn"), ("Xã hội hoá", "xã hội hóa"), ("Thuỷ", "thủy"), ("Quà", "quà"),
    ("Hoàng", "hoàng"), ("khoẻ", "khỏe"),
])
def test_soft_text_keeps_marks_and_one_tone_placement(written, softened):
    assert soft(written) == softened and fold(soft(written)) == fold(written)


@pytest.mark.parametrize(("header", "unit"), [
    ("Vận động, tài trợ", None), ("Kinh phí (nghìn đồng)", 1_000), ("Kinh phi (trieu dong)", 1_000_000),
    ("Huy động xã hội", None), ("NSNN (tr.đ)", 1_000_000),
])
def test_an_amount_unit_is_read_with_its_diacritics(header, unit):
    assert header_multiplier(header) == unit


@pytest.mark.parametrize(("path", "meaning"), [
    (["Xã, thị trấn"], None),
    (["Hoạt động trực tuyến", "Cuộc thi trực tuyến", "Số lượng"], ("contest", "events")),
    (["Hoạt động trực tiếp", "Hội thảo, tọa đàm", "Số người"], ("seminar", "participants")),
    (["Số lớp tập huấn kỹ năng số"], ("training", "events")),
    (["Số người được tập huấn"], ("training", "participants")),
    (["Tuyên truyền (lượt)"], ("communication", "events")),
    (["Tuyên truyền (lượt người)"], ("communication", "participants")),
    (["Tập huấn", "Học viên"], ("training", "participants")),
])
def test_a_header_names_one_activity_and_its_measure(path, meaning, vocab):
    found = vocab.meaning(path)
    assert ((found.target, found.measure) if found.kind == "indicator" else None) == meaning


@pytest.mark.parametrize("header", [["Tỷ lệ người tham gia (%)"], ["Bình quân học viên/lớp"],
                                    ["Lễ khai mạc", "Tỷ lệ so với năm trước"], ["Số người tham gia trung bình"]])
def test_percentages_averages_and_comparisons_are_never_counts(header, vocab):
    assert vocab.meaning(header) == Meaning("column", "ratio")


@pytest.mark.parametrize("unit_header", ["Tên phường, xã", "Nơi tổ chức", "Xã, thị trấn", None])
def test_the_unit_column_is_found_by_its_content_whatever_its_header(unit_header, vocab, index):
    rows = LETTERHEAD + [["STT", unit_header, "Lễ khai mạc", "Số người tham gia khai mạc"],
                         [1, "Thị trấn Cái Dầu", 1, 200], [2, "Bình Long", 1, 150]]
    assert figures(read(workbook(("Biểu", rows)), vocab, index)) == {
        "Thị trấn Cái Dầu": ({"opening_ceremony": (1, 200)}, {}), "Xã Bình Long": ({"opening_ceremony": (1, 150)}, {})}


@pytest.mark.parametrize(("title", "places"), [
    ("BÁO CÁO KẾT QUẢ TUẦN LỄ NĂM 2021 - HUYỆN BẢO THẮNG, TỈNH LÀO CAI", ["huyen bao thang", "tinh lao cai"]),
    ("TỔNG HỢP KẾT QUẢ CẤP XÃ", []),
    ("Kết quả của các phường trên địa bàn quận 3", ["quan 3"]),
    ("(Đơn vị tính: nghìn đồng)", []),
    ("KẾT QUẢ CỦA THỊ XÃ TỊNH BIÊN", ["thi xa tinh bien"]),
    ("Tổng hợp theo tỉnh/thành phố cả nước, địa giới của năm báo cáo", []),
    ("Tổng hợp theo quận/huyện của Tỉnh An Giang", ["tinh an giang"]),
    ("Số liệu các xã, phường, thị trấn năm 2023", []),
    ("KẾT QUẢ CỦA THÀNH PHỐ HỒ CHÍ MINH", ["thanh pho ho chi minh"]),
    ("BIỂU TỔNG HỢP CỦA CÁC QUẬN/HUYỆN", []),
    ("Tổng hợp theo xã/phường của Tỉnh Đồng Nai, địa giới của năm báo cáo", ["tinh dong nai"]),
    ("KẾT QUẢ NĂM 2024 (TỈNH BÀ RỊA - VŨNG TÀU)", ["tinh ba ria vung tau"]),
    (unicodedata.normalize("NFD", "Tổng hợp theo tỉnh/thành phố"), []),  # NFD text, as some exports write it
])
def test_a_title_names_places_never_level_words(title, places):
    assert title_places(title) == places


@pytest.mark.parametrize("letterhead", [[["UBND TỈNH NGHĨA BÌNH"], ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]],
                                        [["SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH CỬU LONG"]]])
def test_a_province_on_neither_map_rejects_the_form(letterhead, vocab, index):
    """Nghĩa Bình and Cửu Long were provinces until 1989 and 1991: on neither map the reader knows."""
    rows = letterhead + [["BÁO CÁO KẾT QUẢ TUẦN LỄ HỌC TẬP SUỐT ĐỜI NĂM 2023"],
                         ["STT", "Đơn vị", "Lễ khai mạc", "Số người tham gia"], [1, "Huyện Châu Phú", 1, 200]]
    with pytest.raises(FormError, match="không có trên bản đồ hành chính"):
        read(workbook(("Biểu", rows)), vocab, index)
