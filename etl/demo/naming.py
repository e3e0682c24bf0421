"""How units and issuers are written on forms: letterheads, places, and the name habits of table rows."""

from __future__ import annotations

from .catalog import FIRST_NEW_MAP_YEAR, Unit
from .spec import Issuer, Style
from .text import strip_diacritics

# Names printed on forms where they differ from the package's (legacy snapshot is end-2024).
PRINTED_PROVINCE = {("46", "old"): ("Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế"),
                    ("79", "old"): ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh"),
                    ("79", "new"): ("TP. Hồ Chí Minh", "TP. Hồ Chí Minh")}


def printed_province(province: Unit, year: int) -> tuple[str, str]:
    """(name on the letterhead, place in the date line), e.g. ("Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế")."""
    era = "new" if year >= FIRST_NEW_MAP_YEAR else "old"
    return PRINTED_PROVINCE.get((province.code, era), (province.name, province.short))


def written_name(unit: Unit, style: Style, scope: list[Unit]) -> str:
    """A table row's unit name in the file's habit; falls back to the full name when a short one is ambiguous."""
    if style.names == "full":
        return unit.printed
    if style.names == "abbr":
        return unit.abbreviated()
    key = str if style.names == "short" else strip_diacritics
    shorts = [key(u.short).lower() for u in scope]
    if shorts.count(key(unit.short).lower()) > 1:  # "Lộc Thành" / "Lộc Thạnh": keep what tells them apart
        return unit.printed
    if unit.short.startswith(unit.kind):
        return key(unit.printed)
    return key(unit.short)


def department(province: Unit, year: int, signer: str) -> Issuer:
    """Sở GDĐT consolidating for the province."""
    name, place = printed_province(province, year)
    committee = "UBND Thành phố" if province.kind == "Thành phố" else "UBND tỉnh"
    return Issuer((f"UBND {name.upper()}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), place, ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
                  signer, ("Bộ GDĐT (b/c);", f"{committee} (b/c);", "Lưu: VT, GDTX."), "BC-SGDĐT")


def district_office(district: Unit, signer: str, printed: str | None = None) -> Issuer:
    """Phòng GDĐT consolidating the communes of its district."""
    name = printed or district.printed
    return Issuer((f"UBND {name.upper()}", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"), district.short, ("TRƯỞNG PHÒNG",),
                  signer, ("Sở GDĐT;", f"UBND {district.kind.lower()};", "Lưu: VT."), "BC-PGDĐT")


def people_committee(unit: Unit, parents: list[str], signer: str) -> Issuer:
    """UBND of a district or commune sending its own report; parents are the lines under its name."""
    role = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") if unit.level == "commune" else ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    lines = (f"UBND {unit.printed.upper()}", *(p.upper() for p in parents))
    return Issuer(lines, unit.short, role, signer)


def agency(lines: tuple[str, ...], place: str, role: tuple[str, ...], signer: str) -> Issuer:
    """An association, department or school."""
    return Issuer(lines, place, role, signer, ("Sở GDĐT;", "Lưu: VP."), "BC")
