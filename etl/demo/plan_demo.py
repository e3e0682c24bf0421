"""The demo set: five 2025 provinces (and the old provinces inside them), 2020–2026.

Each province-year is written the way that kind of office really reports, and across the set
every format, encoding, layout and habit the ETL must handle appears at least once. Scenario
files (resubmission, duplicate, Quận 12, unresolvable wards, broken files) are placed here.
"""

from __future__ import annotations

from datetime import date

from . import naming
from .catalog import Unit
from .planner import Planner
from .spec import Entry, Style

HUE_WARDS_2020 = (  # wards of the old Huế city in 2020 that the package still knows
    "Tây Lộc", "Thuận Lộc", "Thuận Hòa", "Phú Hậu", "Kim Long", "Hương Long", "Hương Sơ", "Vĩnh Ninh",
    "Phú Hội", "Phú Nhuận", "Phước Vĩnh", "Trường An", "An Cựu", "An Hòa", "An Đông", "An Tây", "Xuân Phú",
    "Thủy Biều", "Thủy Xuân", "Vỹ Dạ", "Phường Đúc",
)
HUE_UNRESOLVABLE_2020 = ("Phường Phú Bình", "Phường Thuận Thành", "Phường Phú Cát")  # merged in 2021
FORMATS = ("xlsx", "xls", "xlsx", "ods")


def _districts(p: Planner, pcode: str, names: tuple[str, ...]) -> list[Unit]:
    return [p.cat.district(pcode, n) for n in names]


def _communes(p: Planner, year: int, scope: str, names: tuple[str, ...]) -> list[Unit]:
    return [p.cat.commune(year, scope, n) for n in names]


def _hanoi(p: Planner) -> None:
    hn = "01"
    p.province_table(2020, hn, "xlsx", header="std2", money="trieu", numbers="numeric", totals="bottom")
    p.export(2021, hn, "flat_csv", file="HN_xuat_du_lieu_TLHTSD_2021.csv", encoding="utf-8-sig", delimiter=";",
             numbers="text")
    p.agency(2021, hn, "Hội Khuyến học thành phố Hà Nội", ("HỘI KHUYẾN HỌC THÀNH PHỐ HÀ NỘI",), "association",
             p.cat.province(2021, hn), "xlsx", role=("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"), funding="lines", money="dong")
    p.export(2022, hn, "long_csv", csv_head="snake")
    p.province_table(2023, hn, "xls", header="three", numbers="text", zero="-", totals="top", money="dong")
    ba_dinh, ba_vi = _districts(p, hn, ("Quận Ba Đình", "Huyện Ba Vì"))
    p.district_table(2024, ba_dinh, "ods", text="ascii", header="std2")
    p.district_table(2024, ba_vi, "xlsx", names="short", sheets=("guide", "list"), header="split")
    p.agency(2024, hn, "Trường THCS Tây Đằng", ("PHÒNG GD&ĐT HUYỆN BA VÌ", "TRƯỜNG THCS TÂY ĐẰNG"), "school",
             ba_vi, "xls", role=("HIỆU TRƯỞNG",), social_vnd=0, funding="lines")
    singles = ("Quận Cầu Giấy", "Huyện Đông Anh", "Quận Hoàn Kiếm", "Huyện Gia Lâm", "Quận Long Biên", "Huyện Sóc Sơn")
    for i, district in enumerate(_districts(p, hn, singles)):
        p.single(2024, district, FORMATS[i % 4])
    p.province_table(2025, hn, "xlsx", header="split", money="1000d", sheets=("guide", "chart"))
    names = ("Phường Ba Đình", "Phường Hoàn Kiếm", "Xã Bát Tràng", "Phường Cầu Giấy", "Xã Gia Lâm")
    for i, commune in enumerate(_communes(p, 2026, hn, names)):
        p.single(2026, commune, ("xlsx", "xls", "ods", "xlsx", "xls")[i], single=("std", "online")[i % 2])
    p.export(2026, hn, "flat_csv", file="HN_export_TLHTSD_2026.csv", encoding="utf-16", delimiter="\t",
             with_code=True)


def _hcmc(p: Planner) -> None:
    hcm, bd = "79", "74"
    p.province_table(2020, hcm, "xls", header="std2", money="trieu")
    for i, district in enumerate(p.cat.old.districts_of[bd]):
        p.single(2020, district, ("xlsx", "xls")[i % 2])
    p.export(2021, hcm, "flat_csv", file="tp_hcm_tong_hop_2021_cp1258.csv", encoding="cp1258", delimiter=";")
    p.province_table(2021, bd, "xlsx", header="flat1", money="dong")
    q12 = p.cat.district(hcm, "Quận 12")
    p.district_table(2022, q12, "xls", names="abbr", header="flat1")
    p.province_table(2022, hcm, "xlsx", header="std2", money="cell", numbers="text")
    for i, district in enumerate(p.cat.old.districts_of[bd][:5]):
        spec = p.single(2022, district, FORMATS[i % 4])
        if i == 2:
            p.duplicate(spec, "email_gui_lai")
    p.single(2023, q12, "xlsx", tags=("quan12_case",), funding="rows", money="dong")
    p.district_table(2023, q12, "xlsx", file="quan_12_tong_hop_11_phuong_2023.xlsx", names="plain",
                     header="std2", tags=("quan12_case",))
    for i, district in enumerate(_districts(p, hcm, ("Quận 1", "Quận Gò Vấp", "Huyện Củ Chi", "Thành phố Thủ Đức"))):
        p.single(2023, district, ("xls", "xlsx", "ods", "xlsx")[i])
    p.single(2023, p.cat.district(hcm, "Huyện Cần Giờ"), "xlsx", broken="text_in_number", single="std")
    p.agency(2023, hcm, "Hội Khuyến học Thành phố Hồ Chí Minh", ("HỘI KHUYẾN HỌC THÀNH PHỐ HỒ CHÍ MINH",),
             "association", p.cat.province(2023, hcm), "xlsx", role=("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"))
    p.province_table(2023, bd, "ods", header="three")
    for i, ward in enumerate(_communes(p, 2024, q12.code, ("Tân Chánh Hiệp", "Thạnh Xuân", "Hiệp Thành"))):
        p.single(2024, ward, ("xlsx", "xls", "xlsx")[i], funding=("lines", "rows", "lines")[i])
    p.export(2024, hcm, "long_csv", file="HCM_long_2024.csv", csv_head="vi", encoding="utf-8-sig")
    p.export(2024, bd, "flat_csv", file="binh_duong_xuat_2024.csv")
    ttl = p.cat.commune(2025, hcm, "Phường Tân Thới Hiệp")
    first = p.single(2025, ttl, "xlsx", figures=p.book.draft(2025, ttl.code), current=False,
                     when=date(2025, 10, 10), tags=("resubmission",), file="bao_cao_phuong_tan_thoi_hiep_2025.xlsx")
    p.single(2025, ttl, "xlsx", when=date(2025, 10, 24), replaces=first.path, tags=("resubmission",), expect="replaced",
             file="bao_cao_phuong_tan_thoi_hiep_2025_lan2.xlsx")
    names = ("Phường Thới An", "Phường Đông Hưng Thuận", "Phường Thủ Dầu Một", "Đặc khu Côn Đảo")
    for i, commune in enumerate(_communes(p, 2025, hcm, names)):
        p.single(2025, commune, ("xls", "ods", "xlsx", "xlsx")[i])
    p.province_table(2025, hcm, "xlsx", names="short", header="std2")
    p.export(2026, hcm, "long_csv", file="HCM_2026_long.csv", encoding="cp1258", delimiter="\t")


def _an_giang(p: Planner) -> None:
    ag, kg = "89", "91"
    for i, district in enumerate(p.cat.old.districts_of[ag]):
        human = f"Báo cáo Tuần lễ HTSĐ 2020 - {district.short}.{FORMATS[i % 4]}" if i % 3 == 0 else ""
        p.single(2020, district, FORMATS[i % 4], file=human, text="ascii" if district.short == "An Phú" else "nfc",
                 split_rows=i == 1, single="tt" if i == 4 else "std")
    p.agency(2020, ag, "Hội Khuyến học tỉnh An Giang", ("HỘI KHUYẾN HỌC TỈNH AN GIANG",), "association",
             p.cat.province(2020, ag), "xlsx", role=("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"), money="trieu",
             funding="lines", social_vnd=5_000_000)
    p.province_table(2020, kg, "xlsx", money="trieu", numbers="text", header="std2")
    p.province_table(2021, ag, "xls", names="abbr", header="std2")
    p.export(2021, kg, "flat_csv", file="kien_giang_2021.csv", encoding="cp1258", delimiter=";", numbers="text")
    chau_phu, long_xuyen = _districts(p, ag, ("Huyện Châu Phú", "Thành phố Long Xuyên"))
    p.district_table(2022, chau_phu, "xlsx", names="abbr", header="three")
    p.agency(2022, ag, "Trường THCS Thạnh Mỹ Tây", ("PHÒNG GD&ĐT HUYỆN CHÂU PHÚ", "TRƯỜNG THCS THẠNH MỸ TÂY"),
             "school", chau_phu, "xls", role=("HIỆU TRƯỞNG",))
    p.district_table(2022, long_xuyen, "xls", broken="text_in_number", header="std2")
    for i, district in enumerate(_districts(p, ag, ("Thị xã Tân Châu", "Huyện Chợ Mới", "Huyện Thoại Sơn"))):
        p.single(2022, district, FORMATS[i], split_rows=i == 2)
    p.single(2022, p.cat.district(kg, "Huyện Châu Thành"), "xlsx", broken="year_conflict", title_year=2023,
             when=date(2023, 10, 20), file="bao_cao_huyen_chau_thanh_2022.xlsx")
    p.province_table(2022, kg, "ods", number_row="letters", header="std2")
    p.province_table(2023, ag, "xlsx", text="nfd", totals="top", header="std2")
    p.agency(2023, ag, "Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang", ("UBND TỈNH AN GIANG",
             "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), "culture", p.cat.province(2023, ag), "xlsx",
             role=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))
    p.province_table(2023, kg, "xls", header="split")
    p.export(2024, ag, "long_csv", file="an_giang_2024_long.csv", delimiter=";", csv_head="vi")
    names = ("Thành phố Rạch Giá", "Thành phố Phú Quốc", "Thành phố Hà Tiên", "Huyện Kiên Lương")
    for i, district in enumerate(_districts(p, kg, names)):
        p.single(2024, district, FORMATS[i])
    p.agency(2024, kg, "Thư viện tỉnh Kiên Giang", ("SỞ VĂN HÓA VÀ THỂ THAO TỈNH KIÊN GIANG", "THƯ VIỆN TỈNH"),
             "culture", p.cat.province(2024, kg), "xls", role=("GIÁM ĐỐC",))
    names = ("Phường Long Xuyên", "Xã Châu Phú", "Đặc khu Phú Quốc", "Phường Rạch Giá")
    for i, commune in enumerate(_communes(p, 2025, "91", names)):
        p.single(2025, commune, FORMATS[i])
    p.province_table(2025, "91", "xls", header="std2")
    p.province_table(2026, "91", "xlsx", header="three")


def _dong_nai(p: Planner) -> None:
    dn, bp = "75", "70"
    p.province_table(2020, dn, "xlsx", number_row="paren", header="std2")
    p.province_table(2020, bp, "xls", header="flat1")
    bien_hoa, long_khanh = _districts(p, dn, ("Thành phố Biên Hòa", "Thành phố Long Khánh"))
    p.district_table(2021, bien_hoa, "xlsx", header="std2", zero="không", numbers="text")
    p.district_table(2021, long_khanh, "xlsx", broken="formula", header="std2", totals="bottom")
    for i, district in enumerate(_districts(p, dn, ("Huyện Trảng Bom", "Huyện Long Thành", "Huyện Nhơn Trạch",
                                                    "Huyện Xuân Lộc"))):
        p.single(2021, district, FORMATS[i])
    p.export(2021, bp, "flat_csv", file="binh_phuoc_2021.csv")
    p.export(2022, dn, "long_csv", file="dong_nai_2022_long.csv", encoding="utf-8-sig", delimiter=";")
    for i, district in enumerate(p.cat.old.districts_of[bp][:6]):
        p.single(2022, district, FORMATS[i % 4])
    p.province_table(2023, bp, "xlsx", header="std2", when=date(2023, 10, 25))
    p.agency(2023, bp, "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước", ("UBND TỈNH BÌNH PHƯỚC",
             "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"), "culture", p.cat.province(2023, bp), "ods",
             role=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))
    p.province_table(2023, dn, "xls", money="nghin", numbers="text", header="three")
    p.province_table(2024, dn, "xlsx", money="1000d", sheets=("guide", "chart"), header="std2")
    p.province_table(2024, bp, "ods", money="trd", header="split")
    names = ("Phường Biên Hòa", "Phường Long Khánh", "Xã Xuân Lộc", "Phường Đồng Xoài", "Xã Nhơn Trạch",
             "Xã Lộc Ninh")
    broken = {4: "truncated", 5: "empty"}
    for i, commune in enumerate(_communes(p, 2025, "75", names)):
        fmt = "csv" if broken.get(i) == "empty" else FORMATS[i % 4] if i < 4 else "xlsx"
        p.single(2025, commune, fmt, broken=broken.get(i, ""))
    p.export(2025, "75", "flat_csv", file="dong_nai_xuat_2025.csv")
    p.province_table(2026, "75", "xlsx", header="flat1")


def _hue(p: Planner) -> None:
    hue = "46"
    province = p.cat.province(2020, hue)
    city = Unit("", "Thành phố Huế", "Huế", "Thành phố", "district", hue, hue)

    def wards(style: Style) -> list[Entry]:
        known = [p.cat.commune_in_province(hue, n) for n in HUE_WARDS_2020]
        rows = [Entry(naming.written_name(u, style, known), "commune", u, None, p.figures(2020, u)) for u in known]
        rows += [Entry(n, "commune", None, province, p.book.commune(2020, f"{hue}:{n}")) for n in HUE_UNRESOLVABLE_2020]
        return sorted(rows, key=lambda e: e.name)

    issuer = naming.district_office(city, p.signer("hue2020"))
    p.table(2020, province, issuer, wards, "xlsx", "TP_Hue_tong_hop_phuong_2020.xlsx", "district", "commune",
            header="std2", tags=("unresolvable",), when=date(2020, 10, 15))
    others = ("Thị xã Phong Điền", "Huyện Quảng Điền", "Huyện Phú Vang", "Thị xã Hương Thủy", "Thị xã Hương Trà",
              "Huyện A Lưới", "Huyện Phú Lộc")
    for i, district in enumerate(_districts(p, hue, others)):
        p.single(2020, district, FORMATS[i % 4], funding="rows" if i % 2 else "lines")
    p.province_table(2021, hue, "xlsx", header="std2")
    for i, district in enumerate(_districts(p, hue, others[:5])):
        p.single(2022, district, FORMATS[i % 4])
    p.agency(2022, hue, "Hội Khuyến học tỉnh Thừa Thiên Huế", ("HỘI KHUYẾN HỌC TỈNH THỪA THIÊN HUẾ",), "association",
             province, "xlsx", role=("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"))
    p.province_table(2023, hue, "ods", text="nfd", header="three")
    p.export(2024, hue, "flat_csv", file="TT_Hue_2024.csv", encoding="cp1258", delimiter="\t")
    p.province_table(2025, hue, "xlsx", header="std2")
    p.agency(2025, hue, "Sở Văn hóa và Thể thao thành phố Huế", ("UBND THÀNH PHỐ HUẾ", "SỞ VĂN HÓA VÀ THỂ THAO"),
             "culture", p.cat.province(2025, hue), "xlsx", role=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"))
    p.export(2026, hue, "long_csv", file="Hue_2026_long.csv", encoding="utf-16", delimiter="\t", csv_head="snake")


def plan_demo(p: Planner) -> None:
    """Fill the planner with the whole demo set."""
    for build in (_hanoi, _hcmc, _an_giang, _dong_nai, _hue):
        build(p)
