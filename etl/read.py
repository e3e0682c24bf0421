"""Step 1, read: file bytes -> grids of raw cell values, one per sheet.

Workbooks (.xlsx, .xls, .ods) go through python-calamine; CSV is decoded by BOM, then UTF-8,
then Windows-1258, and split on whichever of , ; TAB gives the steadiest column count.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

import python_calamine as calamine

from etl.errors import FormError

WORKBOOK_TYPES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_TYPES = (".csv", ".txt")
SUPPORTED_TYPES = WORKBOOK_TYPES + CSV_TYPES


@dataclass
class RawSheet:
    """One sheet as a rectangular list of rows; merged ranges are (r1, c1, r2, c2), 0-based inclusive."""

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False


def read_sheets(data: bytes, filename: str) -> list[RawSheet]:
    """All sheets of a file, hidden ones flagged; raises FormError when the file cannot be opened."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in CSV_TYPES:
        return [RawSheet(name="CSV", rows=_csv_rows(data))]
    if suffix not in WORKBOOK_TYPES:
        raise FormError(f"loại tệp '{suffix or filename}' không được hỗ trợ (chỉ nhận .xlsx, .xls, .ods, .csv)")
    if suffix in (".xlsx", ".xlsm"):
        _reject_uncached_formulas(data)
    return _workbook_sheets(data)


def _workbook_sheets(data: bytes) -> list[RawSheet]:
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several unrelated types for damaged files
        raise FormError(f"không mở được tệp bảng tính (tệp hỏng hoặc không đúng định dạng): {exc}") from exc
    sheets = []
    for meta in book.sheets_metadata:
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        sheets.append(RawSheet(
            name=meta.name,
            rows=_offset_rows(sheet),
            merged=[(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])],
            hidden=meta.visible != calamine.SheetVisibleEnum.Visible,
        ))
    return sheets


def _offset_rows(sheet: calamine.CalamineSheet) -> list[list[object]]:
    """Rows padded so that row/column indexes are absolute, keeping cell names (D10) true."""
    rows = sheet.to_python(skip_empty_area=True)
    start = sheet.start or (0, 0)
    top, left = start
    if left:
        rows = [[""] * left + row for row in rows]
    return [[] for _ in range(top)] + rows


_SHEET_ENTRY = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL_ENTRY = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
_REL_ENTRY_REV = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+\d+)"')


def _reject_uncached_formulas(data: bytes) -> None:
    """calamine shows a formula with no saved result as an empty cell; say so instead of reading 0."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return
        for sheet_name, part in _sheet_parts(archive, names):
            xml = archive.read(part)
            if b"<f" not in xml:
                continue
            for attrs, body in _CELL.findall(xml):
                if body and b"<f" in body and b"<v>" not in body and b"<is>" not in body:
                    ref = _REF.search(attrs)
                    cell = ref.group(1).decode() if ref else None
                    raise FormError("ô có công thức nhưng không lưu kết quả; mở tệp bằng Excel, "
                                    "tính lại và lưu trước khi gửi", sheet_name, cell)
    except zipfile.BadZipFile:
        return  # calamine reports the damaged file with its own message


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> list[tuple[str, str]]:
    workbook = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    targets = {rid: target for rid, target in _REL_ENTRY.findall(rels)}
    targets.update({rid: target for target, rid in _REL_ENTRY_REV.findall(rels)})
    parts = []
    for name, rid in _SHEET_ENTRY.findall(workbook):
        target = targets.get(rid, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if path in names:
            parts.append((name.decode("utf-8"), path))
    return parts


def decode_text(data: bytes) -> str:
    """CSV text from bytes saved by Excel: BOM first, then strict UTF-8, then Windows-1258."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding)
    head = data[:400]
    if head.count(0) > len(head) // 4:  # UTF-16 without BOM: ASCII characters carry a zero byte
        return data.decode("utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="strict")


def _csv_rows(data: bytes) -> list[list[object]]:
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        raise FormError(f"không đọc được bảng mã của tệp CSV: {exc}") from exc
    if not text.strip():
        raise FormError("tệp CSV rỗng, không có dữ liệu")
    delimiter = _sniff_delimiter(text)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _sniff_delimiter(text: str) -> str:
    """The delimiter whose column count is highest and steadiest over the first lines."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]

    def score(delim: str) -> tuple[int, int]:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        widest = max(counts)
        return (sum(c == widest for c in counts) if widest > 1 else 0, widest)

    return max((",", ";", "\t"), key=score)
