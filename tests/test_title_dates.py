"""The form's date: read from the dated place line of the title block, kept with every report of the form."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from etl.title import read_title


def lines(*texts: str) -> list[tuple[str, str]]:
    return [(text, f"A{row}") for row, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(("line", "expected"), [
    ("Hà Nội, ngày 20 tháng 10 năm 2025", date(2025, 10, 20)),
    ("ngày 05/10/2025", date(2025, 10, 5)),
    ("Ngày 5 tháng 10 năm 2025", date(2025, 10, 5)),
    ("Ha Noi, ngay 20 thang 10 nam 2025", date(2025, 10, 20)),
    ("TP. Hồ Chí Minh, ngày 05-10-2025", date(2025, 10, 5)),
    ("Quận 12, ngày 29 tháng 9 năm 2023.", date(2023, 9, 29)),
    ("Thành phố Hồ Chí Minh, ngày 03 tháng 01 năm 2021", date(2021, 1, 3)),
    ("Huế, ngày 9.10.2020", date(2020, 10, 9)),
    ("NGÀY 05/10/2025", date(2025, 10, 5)),
    ("An Giang, ngµy 20 th¸ng 10 n¨m 2021", date(2021, 10, 20)),  # typed in the legacy TCVN3 font
])
def test_the_dated_place_line_gives_the_form_date(line, expected):
    assert read_title(lines("UBND TỈNH AN GIANG", line, "BÁO CÁO KẾT QUẢ NĂM 2021")).form_date == expected


def test_decomposed_text_reads_the_same():
    import unicodedata

    line = unicodedata.normalize("NFD", "Đồng Nai, ngày 24 tháng 10 năm 2024")
    assert read_title(lines(line)).form_date == date(2024, 10, 24)


@pytest.mark.parametrize("line", [
    "Bình Phước, ngày    tháng    năm 2023",  # a blank date left to fill in
    "Hà Nội, ngày 31 tháng 02 năm 2025",  # no such day
    "Hà Nội, ngày 20 tháng 13 năm 2025",
    "Hà Nội, ngày 00/10/2025",
    "Hà Nội, ngày 20 tháng 10 năm 0205",  # a typing slip, not a year
    "Căn cứ Công văn số 3589/BGDĐT-GDĐT ngày 15 tháng 9 năm 2020 của Bộ Giáo dục và Đào tạo",
    "Thực hiện Kế hoạch số 679/KH-UBND ngày 29/9/2023 của Ủy ban nhân dân quận",
    "(Kèm theo Báo cáo số 240/BC-UBND ngày 20/10/2023 của Ủy ban nhân dân huyện)",
    "Tuần lễ được tổ chức từ ngày 01/10 đến 07/10/2020",
])
def test_no_date_blank_or_impossible_gives_none(line):
    assert read_title(lines("UBND HUYỆN CHÂU PHÚ", line)).form_date is None


def test_the_first_date_line_wins_and_other_dates_do_not_count():
    title = read_title(lines("Căn cứ Công văn số 12/SGDĐT ngày 15/9/2023", "Quận 12, ngày 10 tháng 10 năm 2023",
                             "(Kèm theo Báo cáo số 9/BC-UBND ngày 12/10/2023)", "ngày 17/10/2023"))
    assert title.form_date == date(2023, 10, 10)


def test_the_date_line_is_still_not_a_year_signal():
    """A 2020 report signed in January 2021 is a 2020 report dated 2021."""
    title = read_title(lines("UBND HUYỆN PHÚ VANG", "Phú Vang, ngày 05 tháng 01 năm 2021",
                             "BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2020"))
    assert (title.years, title.place, title.form_date) == ({2020: "A3"}, "Phú Vang", date(2021, 1, 5))


# --- through the whole ETL: the date lands in submissions.form_date for every row of the form ----------------


def test_fixture_forms_keep_their_dates(ingest, sql):
    ingest("q12_wards_2023.xlsx", "chau_phu_tcvn3_2021.xls", "q12_district_2023.xlsx", "hue_long_2020.csv")
    rows = sql("""SELECT f.file_name, list(DISTINCT s.form_date) FROM submissions s JOIN source_files f USING (sha256)
                  GROUP BY ALL ORDER BY 1""")
    assert rows == [("chau_phu_tcvn3_2021.xls", [date(2021, 10, 20)]), ("hue_long_2020.csv", [None]),
                    ("q12_district_2023.xlsx", [None]), ("q12_wards_2023.xlsx", [date(2023, 10, 10)])]


def test_a_single_form_written_by_hand_keeps_its_date(ingest, sql, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["UBND XÃ BÁT TRÀNG", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                ["THÀNH PHỐ HÀ NỘI", None, None, "Bát Tràng, ngày 9/10/2025"],
                [], ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2025"], [],
                ["STT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"],
                [1, "Lễ khai mạc", 1, 300], [2, "Tuyên truyền", 4, 0]):
        sheet.append(row)
    path = tmp_path / "bat_trang_2025.xlsx"
    book.save(path)
    assert ingest(str(path))["bat_trang_2025.xlsx"].status == "loaded"
    assert sql("SELECT u.name, s.form_date FROM submissions s JOIN units u USING (unit_key)") == [
        ("Xã Bát Tràng", date(2025, 10, 9))]


def commune_form(folder, name: str, dated: str):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ([f"UBND {name}", None, None, dated], [],
                ["BÁO CÁO KẾT QUẢ TUẦN LỄ HƯỞNG ỨNG HỌC TẬP SUỐT ĐỜI NĂM 2023"], [],
                ["STT", "Nội dung hoạt động", "Số lượng", "Số người tham gia"], [1, "Lễ khai mạc", 1, 300]):
        sheet.append(row)
    book.save(folder / "commune_2023.xlsx")
    return str(folder / "commune_2023.xlsx")


@pytest.mark.parametrize("dated", ["Đồng Tháp, ngày 05 tháng 10 năm 2023", "Đồng Tháp, ngày 05/10/2023"])
def test_the_place_before_a_date_is_read_however_the_date_is_written(ingest, sql, tmp_path, dated):
    """A commune form that names its province only in the dated place line loads either way."""
    assert read_title(lines("UBND XÃ BÌNH HÀNG TRUNG", dated)).place == "Đồng Tháp"
    assert ingest(commune_form(tmp_path, "XÃ BÌNH HÀNG TRUNG", dated))["commune_2023.xlsx"].status == "loaded"
    assert sql("SELECT DISTINCT unit_name, reported_province_name FROM report_facts JOIN unit_boundaries "
               "USING (unit_key)") == [("Xã Bình Hàng Trung", "Tỉnh Đồng Tháp (cũ)")]
    assert sql("SELECT s.form_date FROM submissions s") == [(date(2023, 10, 5),)]


def test_a_commune_form_under_an_ambiguous_name_is_not_its_provinces_report(ingest, sql, tmp_path):
    """Đồng Tháp had two communes named Tân Phú: the form is kept unresolved for an officer, with a warning."""
    result = ingest(commune_form(tmp_path, "XÃ TÂN PHÚ", "Đồng Tháp, ngày 05/10/2023"))["commune_2023.xlsx"]
    assert result.status == "loaded"
    assert [w.message for w in result.warnings] == [
        "không xác định được đơn vị gửi báo cáo 'XÃ TÂN PHÚ' trong Tỉnh Đồng Tháp; giữ là chưa xác định, thêm bí "
        "danh vào data/unit_aliases.csv"]
    assert sql("SELECT unit_name, unit_level, resolved, participants FROM report_facts") == [
        ("XÃ TÂN PHÚ", "commune", False, 300)]
