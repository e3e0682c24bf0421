"""One writer per format, all taking the neutral `Sheet` list and returning reproducible bytes.

Zip-based formats get fixed entry timestamps and document dates so that the same seed gives
byte-identical files (the ETL dedups by hash, and tests compare hashes).
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

import xlwt
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .grid import Formula, Sheet, a1
from .text import encode_text

_BOLD = Font(bold=True)


class _StableZip(zipfile.ZipFile):
    """ZipFile whose entries all carry one fixed timestamp instead of 'now' or a temp file's mtime."""

    stamp = (2000, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        if hasattr(filename, "read"):
            filename.seek(0)
            data = filename.read()
        else:
            with open(filename, "rb") as handle:
                data = handle.read()
        self.writestr(arcname, data)


def _stable_zip(buffer: io.BytesIO, when: datetime, compression: int = zipfile.ZIP_DEFLATED) -> _StableZip:
    archive = _StableZip(buffer, "w", compression)
    archive.stamp = (when.year, when.month, when.day, when.hour, when.minute, 0)
    return archive


def _covered(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int, int, int] | None]:
    """Cells hidden under a merge (None) and merge anchors (their range)."""
    cover: dict[tuple[int, int], tuple[int, int, int, int] | None] = {}
    for r1, c1, r2, c2 in sheet.merges:
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                cover[(r, c)] = None
        cover[(r1, c1)] = (r1, c1, r2, c2)
    return cover


def write_xlsx(sheets: list[Sheet], when: datetime) -> bytes:
    """Excel 2007+ through openpyxl's streaming writer (fast, and merges still work)."""
    book = Workbook(write_only=True)
    book.properties.creator = "Microsoft Office User"
    book.properties.created = book.properties.modified = when
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        if sheet.hidden:
            ws.sheet_state = "hidden"
        for col, width in sheet.widths.items():
            ws.column_dimensions[get_column_letter(col + 1)].width = width
        for index, row in enumerate(sheet.rows):
            ws.append(_xlsx_row(ws, row, index in sheet.bold))
        for r1, c1, r2, c2 in sheet.merges:
            ws.merged_cells.add(f"{a1(r1, c1)}:{a1(r2, c2)}")
    buffer = io.BytesIO()
    archive = _stable_zip(buffer, when)
    ExcelWriter(book, archive).save()
    return buffer.getvalue()


def _xlsx_row(ws, row: list, bold: bool) -> list:
    values = ["=" + v.text.lstrip("=") if isinstance(v, Formula) else v for v in row]
    if not bold:
        return values
    cells = []
    for value in values:
        if value is None:
            cells.append(None)
            continue
        cell = WriteOnlyCell(ws, value)
        cell.font = _BOLD
        cells.append(cell)
    return cells


def write_xls(sheets: list[Sheet], when: datetime) -> bytes:
    """Excel 97-2003 (BIFF8) through xlwt, which many district offices still save."""
    del when  # xlwt writes no timestamps
    book = xlwt.Workbook(encoding="utf-8")
    plain, bold = xlwt.XFStyle(), xlwt.easyxf("font: bold on")
    for sheet in sheets:
        ws = book.add_sheet(sheet.name[:31], cell_overwrite_ok=True)
        ws.visibility = 1 if sheet.hidden else 0
        for col, width in sheet.widths.items():
            ws.col(col).width = int(256 * width)
        cover = _covered(sheet)
        for r, row in enumerate(sheet.rows):
            style = bold if r in sheet.bold else plain
            for c, value in enumerate(row):
                span = cover.get((r, c), (r, c, r, c))
                if isinstance(value, Formula):
                    value = xlwt.Formula(value.text.lstrip("="))
                if span is None:
                    continue
                if span != (r, c, r, c):
                    ws.write_merge(span[0], span[2], span[1], span[3], value, style)
                elif value is not None:
                    ws.write(r, c, value, style)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"'
)
_ODS_STYLES = (
    '<office:automatic-styles>'
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>'
    '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>'
    '<style:style style:name="ce1" style:family="table-cell">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '</office:automatic-styles>'
)
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>'
)


def _ods_cell(value, span: tuple[int, int, int, int] | None, bold: bool) -> str:
    attrs = ' table:style-name="ce1"' if bold else ""
    if span:
        rows, cols = span[2] - span[0] + 1, span[3] - span[1] + 1
        attrs += f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{cols}"'
    if value is None:
        return f"<table:table-cell{attrs}/>"
    if isinstance(value, Formula):
        return f"<table:table-cell{attrs} table:formula={quoteattr('of:' + value.text)}/>"
    if isinstance(value, (int, float)):
        return (f'<table:table-cell{attrs} office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def _ods_table(sheet: Sheet) -> str:
    cover = _covered(sheet)
    width = sheet.width
    parts = [f'<table:table table:name={quoteattr(sheet.name)} table:style-name="{"ta2" if sheet.hidden else "ta1"}">',
             f'<table:table-column table:number-columns-repeated="{max(width, 1)}"/>']
    for r, row in enumerate(sheet.rows):
        parts.append("<table:table-row>")
        for c in range(width):
            value = row[c] if c < len(row) else None
            key = (r, c)
            if key in cover and cover[key] is None:
                parts.append("<table:covered-table-cell/>")
            else:
                parts.append(_ods_cell(value, cover.get(key), r in sheet.bold and value is not None))
        parts.append("</table:table-row>")
    parts.append("</table:table>")
    return "".join(parts)


def write_ods(sheets: list[Sheet], when: datetime) -> bytes:
    """OpenDocument spreadsheet (LibreOffice), written directly as XML: mimetype first and stored."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODS_NS}>{_ODS_STYLES}'
               f'<office:body><office:spreadsheet>{"".join(_ods_table(s) for s in sheets)}'
               f'</office:spreadsheet></office:body></office:document-content>')
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {_ODS_NS}><office:meta>'
            f'<meta:generator>LibreOffice/7.3</meta:generator><meta:creation-date>{stamp}</meta:creation-date>'
            f'</office:meta></office:document-meta>')
    styles = f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {_ODS_NS}/>'
    buffer = io.BytesIO()
    with _stable_zip(buffer, when) as archive:
        info = zipfile.ZipInfo("mimetype", date_time=archive.stamp)
        info.compress_type = zipfile.ZIP_STORED
        archive.writestr(info, "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("meta.xml", meta)
    return buffer.getvalue()


def write_csv(sheet: Sheet, encoding: str, delimiter: str) -> bytes:
    """Delimited text as Excel exports it (CRLF lines), in the given encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in sheet.rows:
        writer.writerow(["" if v is None else v for v in row])
    return encode_text(buffer.getvalue(), encoding)


def write_book(fmt: str, sheets: list[Sheet], when: datetime, encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    """Dispatch on format; csv takes the first sheet only (a csv has one)."""
    if fmt == "csv":
        return write_csv(sheets[0], encoding, delimiter)
    return {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}[fmt](sheets, when)
