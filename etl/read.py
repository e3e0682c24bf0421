"""Step 1, read: file bytes -> grids of raw cell values, one per sheet.

Workbooks (.xlsx, .xls, .ods) go through python-calamine; CSV is decoded by BOM, then UTF-8,
then Windows-1258, and split on whichever of , ; TAB gives the steadiest column count.

The bytes come from outside. Before calamine sees a zipped workbook its central directory is checked
against the limits of data/upload_rules.csv (a zip bomb is refused before anything is inflated), a
password-protected workbook is named as such, and any error of the readers is this file's rejection.
What calamine still cannot survive (an abort) is contained by etl.sandbox, where every parse runs.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import unescape

import python_calamine as calamine

from etl.errors import FormError
from etl.limits import MB, read_limits

WORKBOOK_TYPES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_TYPES = (".csv", ".txt")
SUPPORTED_TYPES = WORKBOOK_TYPES + CSV_TYPES
ZIPPED_TYPES = (".xlsx", ".xlsm", ".ods")
ZIP_MAGIC, OLE_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Excel and LibreOffice write
PASSWORD_MESSAGE = "tệp có mật khẩu: hãy lưu lại không đặt mật khẩu"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream of an encrypted .xlsx, in an OLE file
_BIFF8_GLOBALS_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # BOF record opening an .xls workbook's globals
_FILEPASS = b"\x2f\x00"  # the record right after it when the .xls is encrypted


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
    if not data:
        raise FormError("tệp rỗng (0 byte)")
    if _encrypted(data):
        raise FormError(PASSWORD_MESSAGE)
    errors: dict[str, list[tuple[int, int, str]]] = {}
    if data.startswith(ZIP_MAGIC):
        _check_zip(data)
        if suffix in (".xlsx", ".xlsm"):
            errors = _scan_xlsx(data)
    elif suffix in ZIPPED_TYPES and not data.startswith(OLE_MAGIC):
        raise FormError(f"tệp có đuôi {suffix} nhưng nội dung không phải bảng tính {suffix} (có thể là trang web, "
                        "văn bản hoặc tệp hỏng); hãy mở bằng Excel và lưu lại đúng định dạng")
    return _workbook_sheets(data, errors)


def looks_like_spreadsheet(data: bytes, filename: str) -> bool:
    """Whether bytes are worth archiving when rejected: a zip or OLE container, or text for a CSV. Anything
    else (a web page or a program named .xlsx, an empty file) is only logged."""
    if filename.lower().endswith(CSV_TYPES):
        try:
            return bool(decode_text(data).strip())
        except UnicodeDecodeError:
            return False
    return data.startswith((ZIP_MAGIC, OLE_MAGIC))


def _encrypted(data: bytes) -> bool:
    """An OLE file holding an encrypted .xlsx package, or an .xls whose globals open with FILEPASS."""
    if not data.startswith(OLE_MAGIC):
        return False
    bof = data.find(_BIFF8_GLOBALS_BOF)
    return _ENCRYPTED_PACKAGE in data or (bof >= 0 and data[bof + 20:bof + 22] == _FILEPASS)


def _check_zip(data: bytes) -> None:
    """Refuse a zip before inflating it when its central directory declares too much or an unusual method."""
    limits = read_limits()
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise FormError(f"không mở được tệp bảng tính: tệp nén bị hỏng hoặc không trọn vẹn ({exc})") from None
    if len(entries) > limits.zip_entries:
        raise FormError(f"tệp có {len(entries)} thành phần nén, quá giới hạn {limits.zip_entries}")
    if any(e.compress_type not in ZIP_METHODS for e in entries):
        raise FormError("tệp dùng kiểu nén không được hỗ trợ (Excel và LibreOffice không tạo kiểu nén này); "
                        "hãy mở bằng Excel và lưu lại")
    unzipped = sum(e.file_size for e in entries)
    if unzipped > limits.unzipped_mb * MB:
        raise FormError(f"tệp khi giải nén lớn {unzipped / MB:,.0f} MB, quá giới hạn {limits.unzipped_mb:g} MB")
    if unzipped > limits.zip_ratio * max(sum(e.compress_size for e in entries), 1) and unzipped > MB:
        raise FormError(f"tệp nén bất thường (giải nén lớn gấp hơn {limits.zip_ratio:g} lần) — không đọc")


def _workbook_sheets(data: bytes, errors: dict[str, list[tuple[int, int, str]]]) -> list[RawSheet]:
    """Every worksheet; `errors` (sheet -> (row, col, '#REF!')) put back the error cells calamine reads as ''."""
    try:
        book = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            sheets.append(RawSheet(
                name=meta.name,
                rows=_with_errors(_offset_rows(sheet), errors.get(meta.name, [])),
                merged=[(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or [])],
                hidden=meta.visible != calamine.SheetVisibleEnum.Visible,
            ))
    except calamine.PasswordError:
        raise FormError(PASSWORD_MESSAGE) from None
    except Exception as exc:  # calamine raises several unrelated types for damaged files
        raise FormError(f"không mở được tệp bảng tính (tệp hỏng hoặc không đúng định dạng): {exc}") from exc
    return sheets


def _with_errors(rows: list[list[object]], errors: list[tuple[int, int, str]]) -> list[list[object]]:
    for row, col, text in errors:
        while len(rows) <= row:
            rows.append([])
        rows[row] += [""] * (col + 1 - len(rows[row]))
        rows[row][col] = text
    return rows


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
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ERROR_TYPE = b't="e"'
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_XML_QUOTES = {"&quot;": '"', "&apos;": "'"}  # beside &amp; &lt; &gt;, which unescape knows


def _scan_xlsx(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """What calamine shows as an empty cell, found in the sheets' XML: a formula with no saved result
    (rejected: the file must be recalculated) and an error cell such as #REF! (returned by sheet as
    (row, col, text), so that a figure column holding one is rejected naming it, as the same text is)."""
    errors: dict[str, list[tuple[int, int, str]]] = {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            return errors
        for sheet_name, part in _sheet_parts(archive, names):
            xml = archive.read(part)
            if b"<f" in xml or _ERROR_TYPE in xml:
                errors[sheet_name] = _sheet_errors(sheet_name, xml)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, UnicodeDecodeError) as exc:
        raise FormError(f"không mở được tệp bảng tính (tệp hỏng): {exc}") from None
    return errors


def _sheet_errors(sheet_name: str, xml: bytes) -> list[tuple[int, int, str]]:
    found = []
    for attrs, body in _CELL.findall(xml):
        ref = _REF.search(attrs)
        if body and b"<f" in body and _uncached(attrs, body):
            raise FormError("ô có công thức nhưng không lưu kết quả; mở tệp bằng Excel, "
                            "tính lại và lưu trước khi gửi", sheet_name, ref and (ref[1] + ref[2]).decode())
        if _ERROR_TYPE in attrs and ref and (value := _VALUE.search(body or b"")):
            found.append((int(ref.group(2)) - 1, _column(ref.group(1)), value.group(1).decode("utf-8", "replace")))
    return found


def _uncached(attrs: bytes, body: bytes) -> bool:
    """A formula cell with no saved result: no <v> at all, or an empty one (openpyxl writes <v></v>) on a
    cell that is not a text result (a formula may rightly give an empty text, t="str")."""
    if b"<is>" in body:
        return False
    value = _VALUE.search(body)
    return value is None or (not value.group(1) and b't="str"' not in attrs)


def _column(letters: bytes) -> int:
    col = 0
    for letter in letters:
        col = col * 26 + letter - 64
    return col - 1


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
            parts.append((unescape(name.decode("utf-8"), _XML_QUOTES), path))
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
    try:
        reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(text))
        return [list(row) for row in reader]
    except csv.Error as exc:  # a field over the csv module's limit, an unclosed quote at the end
        raise FormError(f"không đọc được tệp CSV: {exc} (một ô quá dài hoặc dấu ngoặc kép không đóng)") from None


def _sniff_delimiter(text: str) -> str:
    """The delimiter whose column count is highest and steadiest over the first lines."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]

    def score(delim: str) -> tuple[int, int]:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        widest = max(counts)
        return (sum(c == widest for c in counts) if widest > 1 else 0, widest)

    return max((",", ";", "\t"), key=score)
