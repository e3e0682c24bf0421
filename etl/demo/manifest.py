"""Manifest records: what each file is, what the ETL should do with it, and the facts it holds."""

from __future__ import annotations

from .render import shown, written
from .spec import Entry, FormSpec
from .vocab import SCHEMES

REJECT_REASONS = {
    "text_in_number": "text in a numeric cell",
    "formula": "formula without a cached value in a data cell",
    "year_conflict": "year in title differs from year in file name",
    "truncated": "corrupt/truncated xlsx (not a readable zip)",
    "empty": "empty file",
}


DATED_LAYOUTS = ("consolidated", "single")  # forms with a letterhead, whose date line is the form's date


def features(spec: FormSpec) -> list[str]:
    """The habits this file shows, so tests can check every one occurs somewhere in the set."""
    style = spec.style
    out = [f"text:{style.text}"]
    if spec.layout == "consolidated":
        scheme = SCHEMES[style.header]
        out += [f"header:{scheme.name}", f"header_rows:{scheme.rows}", f"totals:{style.totals}",
                f"names:{style.names}", f"money:{style.money}", f"numbers:{style.numbers}",
                f"zero:{style.zero or 'blank'}"]
        out += [f"number_row:{style.number_row}"] if style.number_row else []
    elif spec.layout == "single":
        out += [f"single:{style.single}", f"funding:{style.funding}", f"numbers:{style.numbers}",
                f"money:{style.money}", f"zero:{style.zero or 'blank'}"]
        out += ["split_rows"] if style.split_rows else []
    elif spec.layout in ("flat_csv", "long_csv"):
        out += [f"names:{style.names}", f"numbers:{style.numbers}"]
        out += ["with_code"] if style.with_code else []
        out += [f"csv_head:{style.csv_head}"] if spec.layout == "long_csv" else []
    out += [f"sheet:{s}" for s in style.sheets]
    return out


def file_entry(spec: FormSpec, reject_sheet: str | None, reject_cell: str | None) -> dict:
    """The file's row in manifest["files"]."""
    entry = {
        "path": spec.path, "format": spec.fmt, "layout": spec.layout, "expect": spec.expect,
        "reject_sheet": reject_sheet, "reject_cell": reject_cell,
        "reject_reason": REJECT_REASONS.get(spec.broken) if spec.expect == "rejected" else None,
        "year": spec.year, "province_2025": spec.province.province_2025, "province_code": spec.province.code,
        "signed_by": spec.signed_by if spec.layout != "broken" else None,
        "form_date": spec.when.isoformat() if spec.layout in DATED_LAYOUTS else None,
        "sheet": written(spec, spec.style.sheet_name) if spec.fmt != "csv" and spec.layout != "broken" else None,
        "encoding": spec.style.encoding if spec.fmt == "csv" else None,
        "delimiter": spec.style.delimiter if spec.fmt == "csv" else None,
        "features": features(spec), "tags": list(spec.tags),
        "replaces": spec.replaces or None, "duplicate_of": spec.duplicate_of or None,
    }
    if spec.broken:
        entry["broken"] = spec.broken
    return entry


def _parent(entry: Entry) -> tuple[str | None, str | None, str | None]:
    """(parent_code, parent_level, district_code) placing an agency or unresolvable name in the territory tree."""
    unit = entry.unit if entry.unit else entry.parent
    if unit is None:
        return None, None, None
    district = unit.district_code if unit.level in ("district", "commune") else None
    if entry.unit:
        return None, None, district
    return unit.code, unit.level, district


def report_entries(spec: FormSpec) -> list[dict]:
    """One record per unit the file reports (none for rejected files and byte duplicates)."""
    if spec.expect not in ("loaded", "replaced"):
        return []
    out = []
    for entry in spec.entries:
        figures = shown(spec, entry)
        parent_code, parent_level, district = _parent(entry)
        out.append({
            "file": spec.path, "year": spec.year, "unit_name": written(spec, entry.name),
            "unit_official_name": entry.unit.name if entry.unit else None,
            "agency_name": entry.full_name or None,
            "unit_code": entry.unit.code if entry.unit else None,
            "level": entry.level, "province_code_2025": spec.province.province_2025,
            "province_code": spec.province.code, "district_code": district,
            "parent_code": parent_code, "parent_level": parent_level,
            "facts": {k: {"events": e, "participants": p} for k, (e, p) in figures.facts.items()},
            "state_budget_vnd": figures.state_budget_vnd, "social_vnd": figures.social_vnd,
            "current": spec.current,
        })
    return out
