"""Hostile but plausible inputs, built in memory when asked for (the large ones would not belong in git).

Every case is a file an officer or an attacker could send: a form damaged, disguised, oversized, zip-bombed,
password-protected or holding error cells, and the same valid form in the shapes it arrives in. Each says
what must happen to it: rejected with a Vietnamese message holding `message`, or loaded with the totals of
the base form, which are worked out by hand below (TOTALS), not by the code under test.

Used by tests/test_hostile.py (outcomes) and `python -m bench --hostile` (time and memory per case).
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
import xlwt

HEADER = ["Năm", "Tỉnh", "Đơn vị", "Lễ khai mạc - Số lượng", "Lễ khai mạc - Số người",
          "Hội thảo, tọa đàm - Số lượng", "Hội thảo, tọa đàm - Số người", "NSNN (nghìn đồng)", "XHH (nghìn đồng)"]
ROWS = [[2020, "An Giang", "TP. Long Xuyên", 1, 2000, 3, 450, 20000, 5000],
        [2020, "An Giang", "Huyện Chợ Mới", 1, 1500, 1, 120, 8500, 0],
        [2020, "An Giang", "Tịnh Biên", 1, 700, 0, 0, 4000, 1500]]
# By hand from ROWS: activities 1+3 + 1+1 + 1+0, participants 2000+450 + 1500+120 + 700+0,
# state budget (20000+8500+4000) and social (5000+0+1500) thousand đồng.
TOTALS = {"reports": 3, "events": 7, "participants": 4770, "state_budget": 32_500_000, "social": 6_500_000}
PARTICIPANTS_CELL = "E3"  # Huyện Chợ Mới's opening-ceremony participants (1500) in the .xlsx and the CSV
MB = 1024 * 1024
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[], bytes]
    message: str | None = None  # part of the rejection's message; None: loads with TOTALS
    cell: str | None = None  # the cell a rejection must name
    large: bool = False  # slow to build or to read: kept out of the page-level subset
    warning: str | None = None  # part of a warning a loaded file must carry (a unit name kept unresolved)

    @property
    def loads(self) -> bool:
        return self.message is None


# --- builders ---------------------------------------------------------------------------------------------------


def csv_text(rows: list[list[object]] | None = None, delimiter: str = ";") -> str:
    """The base table as a CSV an officer saves, figures in Vietnamese style (2.000)."""
    def cell(value: object) -> str:
        return f"{value:,}".replace(",", ".") if isinstance(value, int) and value >= 1000 and value != 2020 else str(
            value)
    return "\n".join(delimiter.join(cell(v) for v in row) for row in [HEADER, *(rows or ROWS)]) + "\n"


def xlsx(rows: list[list[object]] | None = None, edit: Callable[[openpyxl.Workbook], None] | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    for row in [HEADER, *(rows or ROWS)]:
        sheet.append(row)
    if edit:
        edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls() -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Báo cáo")
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def patched(part: str, old: bytes, new: bytes, data: bytes | None = None) -> bytes:
    """The base .xlsx with one part's bytes replaced (the change must apply)."""
    parts = entries(data or xlsx())
    assert old in parts[part], (part, old)
    parts[part] = parts[part].replace(old, new, 1)
    return rezip(parts)


SHEET = "xl/worksheets/sheet1.xml"


def cell_xml(ref: bytes, data: bytes | None = None) -> bytes:
    """The XML of one cell of the base sheet, as openpyxl wrote it."""
    xml = entries(data or xlsx())[SHEET]
    start = xml.index(b'<c r="' + ref + b'"')
    return xml[start:xml.index(b"</c>", start) + 4]


def error_cell(text: str) -> bytes:
    def edit(book: openpyxl.Workbook) -> None:
        book.active[PARTICIPANTS_CELL] = text
        book.active[PARTICIPANTS_CELL].data_type = "e"
    return xlsx(edit=edit)


def _texts(column: str, texts: list[str]) -> Callable[[openpyxl.Workbook], None]:
    """Texts written as text in a column from row 2, even those openpyxl would take for a formula."""
    def edit(book: openpyxl.Workbook) -> None:
        for row, text in enumerate(texts, start=2):
            cell = book.active[f"{column}{row}"]
            cell.value = text
            cell.data_type = "s"
    return edit


def set_cell(ref: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        book.active[ref] = value
    return edit


def ole(stream_name: str) -> bytes:
    """An OLE compound file like an encrypted .xlsx: xlwt's container with its stream renamed."""
    data = bytearray(xls())
    old = "Workbook".encode("utf-16-le")
    at = data.index(old)
    name = stream_name.encode("utf-16-le") + b"\0\0"
    data[at:at + 64] = name.ljust(64, b"\0")
    data[at + 64:at + 66] = len(name).to_bytes(2, "little")
    return bytes(data)


def xls_with_filepass() -> bytes:
    """An .xls whose workbook globals open with a FILEPASS record, as Excel writes an encrypted one."""
    data = bytearray(xls())
    bof = data.index(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    data[bof + 20:bof + 22] = b"\x2f\x00"  # the record after BOF becomes FILEPASS (its length kept)
    return bytes(data)


def bomb(size_mb: int) -> bytes:
    """The base .xlsx plus a part of `size_mb` MB of spaces that compresses to almost nothing."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries(xlsx()).items():
            archive.writestr(name, data)
        with archive.open("xl/media/padding.xml", "w") as pad:
            for _ in range(size_mb):
                pad.write(b" " * MB)
    return out.getvalue()


def declared_size(size: int) -> bytes:
    """The base .xlsx whose central directory claims one part inflates to `size` bytes (it does not)."""
    data = bytearray(xlsx())
    directory = data.rindex(b"PK\x01\x02")  # the last central directory entry
    data[directory + 24:directory + 28] = size.to_bytes(4, "little")
    return bytes(data)


def many_entries(count: int) -> bytes:
    parts = entries(xlsx())
    parts.update({f"xl/media/p{i}.txt": b"" for i in range(count)})
    return rezip(parts)


def wide_xlsx(columns: int) -> bytes:
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("Phụ lục")
        sheet.append([f"Cột {i}" for i in range(columns)])
        sheet.append(list(range(columns)))
    return xlsx(edit=edit)


def long_xlsx(rows: int) -> bytes:
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book.create_sheet("Nhật ký")
        for i in range(rows):
            sheet.append([i, "ghi chép"])
    return xlsx(edit=edit)


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 holds Vietnamese: a letter Windows-1258 lacks (ỉ) as its base and a combining tone."""
    def char(c: str) -> bytes:
        try:
            return c.encode("cp1258")
        except UnicodeEncodeError:
            split = unicodedata.normalize("NFD", c)
            tones = "".join(m for m in split if m in TONE_MARKS)
            return (unicodedata.normalize("NFC", "".join(m for m in split if m not in TONE_MARKS)) + tones).encode(
                "cp1258")
    return b"".join(map(char, text))


def build_corpus() -> list[Case]:
    base_csv = csv_text()
    injection = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(1)", "\tcmd", "=cmd|' /C calc'!A0"]
    cases = [
        # valid forms in the shapes they arrive in: loaded with TOTALS
        Case("csv_utf8", "an_giang_2020.csv", lambda: base_csv.encode()),
        Case("csv_utf8_bom", "an_giang_2020.csv", lambda: b"\xef\xbb\xbf" + base_csv.encode()),
        Case("csv_cp1258", "an_giang_2020.csv", lambda: cp1258(base_csv)),
        Case("csv_utf16_bom", "an_giang_2020.csv", lambda: base_csv.encode("utf-16")),
        Case("csv_utf16le_no_bom", "an_giang_2020.csv", lambda: base_csv.encode("utf-16-le")),
        Case("csv_utf16be_no_bom", "an_giang_2020.csv", lambda: base_csv.encode("utf-16-be")),
        Case("csv_tabs", "an_giang_2020.csv", lambda: csv_text(delimiter="\t").encode()),
        Case("xlsx", "an_giang_2020.xlsx", xlsx),
        Case("xls", "an_giang_2020.xls", xls),
        Case("xls_named_xlsx", "an_giang_2020.xlsx", xls),
        Case("xlsx_injection_notes", "an_giang_2020.xlsx", lambda: xlsx(edit=_texts("J", injection))),
        Case("csv_injection_unit_names", "an_giang_2020.csv", lambda: (base_csv + "".join(
            f"2020;An Giang;{text};0;0;0;0;0;0\n" for text in injection)).encode(),
             warning="không tìm thấy đơn vị '=HYPERLINK"),
        Case("xlsx_circular_reference", "an_giang_2020.xlsx", _circular),
        Case("xlsx_control_chars_sheet_name", "an_giang_2020.xlsx",
             lambda: patched("xl/workbook.xml", b'name="GhiChu"', b'name="Ghi\x1bc\x07ch\x08u"',
                             xlsx(edit=lambda b: b.create_sheet("GhiChu").append(["ghi chú"])))),
        Case("xlsx_5000_columns_beside", "an_giang_2020.xlsx", lambda: wide_xlsx(5000), large=True),
        Case("xlsx_200000_rows_beside", "an_giang_2020.xlsx", lambda: long_xlsx(200_000), large=True),
        Case("very_long_file_name", "a" * 200 + "_an_giang_2020.csv", lambda: base_csv.encode()),
        # not a spreadsheet, or not the one its name says
        Case("empty_xlsx", "bao_cao.xlsx", lambda: b"", "tệp rỗng"),
        Case("empty_csv", "bao_cao.csv", lambda: b"", "rỗng"),
        Case("blank_csv", "bao_cao.csv", lambda: b" \r\n\r\n ", "rỗng"),
        Case("html_named_xlsx", "bao_cao.xlsx", lambda: b"<html><body><table><tr><td>1</td></tr></table></body></html>",
             "không phải bảng tính"),
        Case("csv_named_xlsx", "bao_cao.xlsx", lambda: csv_text(delimiter=",").encode(), "không phải bảng tính"),
        Case("pdf_named_xlsx", "bao_cao.xlsx", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(2000),
             "không phải bảng tính"),
        Case("nul_bytes_xlsx", "bao_cao.xlsx", lambda: bytes(4096), "không phải bảng tính"),
        Case("nul_bytes_xls", "bao_cao.xls", lambda: bytes(4096), "không mở được"),
        Case("random_bytes_ods", "bao_cao.ods", lambda: bytes(range(256)) * 40, "không phải bảng tính"),
        Case("xlsx_named_csv", "bao_cao.csv", xlsx, "bảng mã"),
        Case("empty_workbook", "bao_cao.xlsx", lambda: xlsx([[]], edit=lambda b: b.active.delete_rows(1, 5)),
             "không tìm thấy bảng"),
        Case("csv_nul_bytes", "bao_cao.csv", lambda: base_csv.encode().replace(b"1.500", b"1.\x0000"),
             "không phải là số", PARTICIPANTS_CELL),
        Case("csv_undecodable_bytes", "bao_cao.csv", lambda: bytes(range(0x80, 0x100)) * 8, "bảng mã"),
        # damaged zips and parts
        Case("truncated_zip_half", "bao_cao.xlsx", lambda: xlsx()[: len(xlsx()) // 2], "không mở được"),
        Case("truncated_zip_head", "bao_cao.xlsx", lambda: xlsx()[:100], "không mở được"),
        Case("corrupt_deflate_stream", "bao_cao.xlsx", lambda: _corrupt_middle(xlsx()), "không mở được"),
        Case("corrupt_sheet_xml", "bao_cao.xlsx", lambda: patched(SHEET, b"</sheetData>", b"<row><c r=</sheetData>"),
             "không mở được"),
        Case("missing_workbook_part", "bao_cao.xlsx",
             lambda: rezip({k: v for k, v in entries(xlsx()).items() if k != "xl/workbook.xml"}),
             "không tìm thấy bảng"),
        Case("billion_laughs", "bao_cao.xlsx", lambda: _entity_sheet(
            b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>', b"&d;"),
             "không mở được"),
        Case("external_entity", "bao_cao.xlsx",
             lambda: _entity_sheet(b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;"),
             "không mở được"),
        Case("bad_shared_string_index", "bao_cao.xlsx", _bad_shared_string, "không mở được"),
        Case("xfd1048576_cell", "bao_cao.xlsx", lambda: xlsx(edit=set_cell("XFD1048576", 1)), "dừng đột ngột"),
        Case("dimension_claims_whole_sheet", "bao_cao.xlsx",
             lambda: patched(SHEET, b'<dimension ref="A1:I4"/>', b'<dimension ref="A1:XFD1048576"/>'), None),
        # zip bombs and unusual zips, refused from the central directory
        Case("zip_bomb_ratio", "bao_cao.xlsx", lambda: bomb(60), "nén bất thường", large=True),
        Case("zip_declared_3gb", "bao_cao.xlsx", lambda: declared_size(3 * 1024 * MB), "quá giới hạn"),
        Case("zip_bzip2_entries", "bao_cao.xlsx", lambda: rezip(entries(xlsx()), zipfile.ZIP_BZIP2),
             "kiểu nén không được hỗ trợ"),
        Case("zip_lzma_entries", "bao_cao.xlsx", lambda: rezip(entries(xlsx()), zipfile.ZIP_LZMA),
             "kiểu nén không được hỗ trợ"),
        Case("ods_bzip2_entries", "bao_cao.ods", lambda: rezip(entries(xlsx()), zipfile.ZIP_BZIP2),
             "kiểu nén không được hỗ trợ"),
        Case("zip_5000_entries", "bao_cao.xlsx", lambda: many_entries(5000), "thành phần nén"),
        # password-protected workbooks
        Case("encrypted_xlsx", "bao_cao.xlsx", lambda: ole("EncryptedPackage"), "tệp có mật khẩu"),
        Case("encrypted_xlsx_named_xls", "bao_cao.xls", lambda: ole("EncryptedPackage"), "tệp có mật khẩu"),
        Case("encrypted_xls_filepass", "bao_cao.xls", xls_with_filepass, "tệp có mật khẩu"),
        # cells a careful reader refuses, named
        *[Case(f"error_cell_{code.strip('#!?/').lower().replace('/', '')}", "bao_cao.xlsx",
               lambda code=code: error_cell(code), code, PARTICIPANTS_CELL)
          for code in ("#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")],
        Case("error_text_in_csv", "bao_cao.csv", lambda: base_csv.replace("1.500", "#REF!").encode(), "#REF!",
             PARTICIPANTS_CELL),
        Case("true_in_count_column", "bao_cao.xlsx", lambda: xlsx(edit=set_cell(PARTICIPANTS_CELL, True)), "TRUE",
             PARTICIPANTS_CELL),
        Case("false_in_count_column", "bao_cao.xlsx", lambda: xlsx(edit=set_cell("D3", False)), "FALSE", "D3"),
        Case("huge_number", "bao_cao.xlsx", lambda: xlsx(edit=set_cell(PARTICIPANTS_CELL, 1e300)), "số quá lớn",
             PARTICIPANTS_CELL),
        Case("huge_number_text_csv", "bao_cao.csv", lambda: base_csv.replace("1.500", "9" * 400).encode(),
             "số quá lớn", PARTICIPANTS_CELL),
        Case("nan_text", "bao_cao.csv", lambda: base_csv.replace("1.500", "nan").encode(), "không phải là số",
             PARTICIPANTS_CELL),
        Case("infinity_text", "bao_cao.csv", lambda: base_csv.replace("1.500", "inf").encode(), "không phải là số",
             PARTICIPANTS_CELL),
        Case("negative_figure", "bao_cao.xlsx", lambda: xlsx(edit=set_cell(PARTICIPANTS_CELL, -5)), "giá trị âm",
             PARTICIPANTS_CELL),
        Case("formula_without_result", "bao_cao.xlsx", lambda: xlsx(edit=set_cell(PARTICIPANTS_CELL, "=1+1")),
             "không lưu kết quả", PARTICIPANTS_CELL),
        # sizes
        Case("csv_field_over_csv_limit", "bao_cao.csv",
             lambda: (base_csv + '2020;An Giang;"' + "x" * 200_000 + '";1;1;1;1;1;1\n').encode(), "ô quá dài"),
        Case("csv_10mb_cell", "bao_cao.csv", lambda: (base_csv + "x" * (10 * MB) + "\n").encode(), "ô quá dài",
             large=True),
        Case("xlsx_10mb_cell_repeated", "bao_cao.xlsx", lambda: _big_cell(b"x" * (10 * MB)), "nén bất thường",
             large=True),
        Case("xlsx_10mb_cell", "an_giang_2020.xlsx", lambda: _big_cell(os.urandom(5 * MB).hex().encode()),
             large=True),
        Case("csv_unclosed_quote", "bao_cao.csv", lambda: (base_csv + '2020;"An Giang\n' * 3).encode(), None),
        Case("very_long_unit_name", "bao_cao.csv",
             lambda: base_csv.replace("Tịnh Biên", "Tịnh Biên " + "rất dài " * 2000).encode(),
             warning="không tìm thấy đơn vị 'Tịnh Biên rất dài"),
    ]
    return cases


def _big_cell(text: bytes) -> bytes:
    """A note cell K2 holding `text` (openpyxl would cut it at Excel's 32,767 characters)."""
    data = xlsx(edit=set_cell("K2", "x"))
    return patched(SHEET, cell_xml(b"K2", data), b'<c r="K2" t="inlineStr"><is><t>' + text + b"</t></is></c>", data)


def _circular() -> bytes:
    """A note cell J2 whose formula refers to itself, saved with Excel's result for it (0)."""
    data = xlsx([row + ["x"] for row in ROWS])
    return patched(SHEET, cell_xml(b"J2", data), b'<c r="J2"><f>J2+1</f><v>0</v></c>', data)


def _corrupt_middle(data: bytes) -> bytes:
    """Flip bytes inside the sheet's compressed data, leaving the central directory whole."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    broken = bytearray(data)
    for i in range(start + 5, start + min(info.compress_size - 2, 60)):
        broken[i] ^= 0x5A
    return bytes(broken)


def _entity_sheet(doctype: bytes, use: bytes) -> bytes:
    """The base sheet with a DOCTYPE declaring entities, and the unit name replaced by one."""
    parts = entries(xlsx())
    xml = parts[SHEET]
    head = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    xml = xml[:head] + doctype + xml[head:]
    name = "Tịnh Biên".encode("ascii", "xmlcharrefreplace")  # as openpyxl writes it
    assert name in xml
    parts[SHEET] = xml.replace(name, use, 1)
    return rezip(parts)


def _bad_shared_string() -> bytes:
    """A cell pointing at shared string 999 of a table that holds a few."""
    parts = entries(xlsx())
    strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               "<si><t>Tịnh Biên</t></si></sst>").encode()
    parts["xl/sharedStrings.xml"] = strings
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                     b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.'
                                      b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                      b'Target="sharedStrings.xml"/></Relationships>')
    xml = parts[SHEET]
    start = xml.index(b'<c r="C4"')
    end = xml.index(b"</c>", start) + 4
    parts[SHEET] = xml[:start] + b'<c r="C4" t="s"><v>999</v></c>' + xml[end:]
    return rezip(parts)
