"""Tests for etl.legacy_text: TCVN3/VNI detection and conversion."""

from __future__ import annotations

import unicodedata

import pytest

from etl import legacy_text as lt
from etl.legacy_text import convert_legacy, detect_legacy, fix_legacy

PHRASES = [
    "Sở Giáo dục và Đào tạo",
    "Trường THCS",
    "Ủy ban nhân dân huyện Châu Phú",
    "Phường Tân Chánh Hiệp",
    "Lễ khai mạc",
    "Số người tham gia",
    "Ngân sách nhà nước",
    "Xã hội hóa",
    "Tuần lễ hưởng ứng học tập suốt đời",
    "Hội Khuyến học",
    "Tổng cộng",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
]

# Typed out by hand (not produced by the module's tables) so a wrong table fails.
TCVN3_LITERALS = [
    ("Së Gi¸o dôc vµ §µo t¹o", "Sở Giáo dục và Đào tạo"),
    ("Tr\xadêng THCS", "Trường THCS"),
    ("Ph\xadêng T©n Ch¸nh HiÖp", "Phường Tân Chánh Hiệp"),
    ("Uû ban nh©n d©n huyÖn Ch©u Phó", "Uỷ ban nhân dân huyện Châu Phú"),
    ("Ng©n s¸ch nhµ n\xadíc", "Ngân sách nhà nước"),
    ("Héi KhuyÕn häc", "Hội Khuyến học"),
    ("Tæng céng", "Tổng cộng"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("TuÇn lÔ h\xadëng øng häc tËp suèt ®êi", "Tuần lễ hưởng ứng học tập suốt đời"),
]
VNI_LITERALS = [
    ("Sôû Giaùo duïc vaø Ñaøo taïo", "Sở Giáo dục và Đào tạo"),
    ("Tröôøng THCS", "Trường THCS"),
    ("Phöôøng Taân Chaùnh Hieäp", "Phường Tân Chánh Hiệp"),
    ("UÛy ban nhaân daân huyeän Chaâu Phuù", "Ủy ban nhân dân huyện Châu Phú"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Soá ngöôøi tham gia", "Số người tham gia"),
    ("Toång coäng", "Tổng cộng"),
]


def to_tcvn3(text: str) -> str:
    """Inverse TCVN3 mapping; toned capitals fall back to the lowercase code."""
    table = dict(zip(lt._TCVN3_UNICODE, lt._TCVN3_LEGACY, strict=True))
    return "".join(table.get(c, table.get(c.lower(), c)) for c in text)


def to_vni(text: str) -> str:
    """Inverse VNI mapping for NFC text."""
    table = dict(zip(lt._VNI_UNICODE, lt._VNI_LEGACY, strict=True))
    table |= {u.upper(): s.upper() for u, s in table.items()}
    return "".join(table.get(c, c) for c in text)


def tcvn3_lossy(text: str) -> str:
    """What survives TCVN3 in mixed case: toned capitals become lowercase."""
    return "".join(c.lower() if c.upper() == c and to_tcvn3(c) != c and c not in "ĂÂÊÔƠƯĐ" else c for c in text)


@pytest.mark.parametrize(("legacy", "expected"), TCVN3_LITERALS)
def test_tcvn3_literal(legacy: str, expected: str) -> None:
    assert fix_legacy(legacy) == (expected, "tcvn3")


@pytest.mark.parametrize(("legacy", "expected"), VNI_LITERALS)
def test_vni_literal(legacy: str, expected: str) -> None:
    assert fix_legacy(legacy) == (expected, "vni")


@pytest.mark.parametrize("phrase", PHRASES)
def test_tcvn3_round_trip(phrase: str) -> None:
    legacy = to_tcvn3(phrase)
    assert legacy != phrase
    assert fix_legacy(legacy) == (tcvn3_lossy(phrase), "tcvn3")


@pytest.mark.parametrize("phrase", PHRASES)
def test_tcvn3_capitals_round_trip(phrase: str) -> None:
    """Text typed in capitals (.VnTimeH style) comes back fully upper-cased."""
    legacy = to_tcvn3(phrase.upper())
    assert fix_legacy(legacy) == (phrase.upper(), "tcvn3")


@pytest.mark.parametrize("phrase", PHRASES)
def test_vni_round_trip(phrase: str) -> None:
    legacy = to_vni(phrase)
    assert legacy != phrase
    assert fix_legacy(legacy) == (phrase, "vni")
    assert fix_legacy(legacy.upper()) == (phrase.upper(), "vni")


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("phrase", PHRASES)
def test_unicode_not_flagged(phrase: str, form: str) -> None:
    text = unicodedata.normalize(form, phrase)
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello world",
        "THCS",
        "15.000.000 đồng",
        "1.234.567",
        "2023",
        "12,5",
        "Café",
        "Résumé",
        "Tôi là ai",
        "Cà Mau",
        "Tên",
        "Châu Thành",
        "3×4",
        "25°C",
        "Công ty ABC®",
        "«Tên»",
    ],
)
def test_plain_text_not_flagged(text: str) -> None:
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)


def test_convert_output_is_nfc() -> None:
    out = convert_legacy("Tröôøng", "vni")
    assert out == unicodedata.normalize("NFC", out) == "Trường"


def test_vni_upper_case() -> None:
    assert convert_legacy("TRÖÔØNG", "vni") == "TRƯỜNG"


def test_tcvn3_single_capital_not_upper_cased() -> None:
    assert convert_legacy("Së", "tcvn3") == "Sở"
    assert convert_legacy("TR¦êNG THCS Lª Lîi", "tcvn3") == "TRƯỜNG THCS Lê Lợi"


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert_legacy("abc", "viscii")


@pytest.mark.parametrize(
    ("legacy", "expected"),
    [
        ("§VT", ("ĐVT", "tcvn3")),
        ("TTHTC§", ("TTHTCĐ", "tcvn3")),
        ("ÑVT", ("ĐVT", "vni")),
        ("Kinh phÝ", ("Kinh phí", "tcvn3")),
        ("Tin bµi", ("Tin bài", "tcvn3")),
        ("Giao löu", ("Giao lưu", "vni")),
    ],
)
def test_short_cells(legacy: str, expected: tuple[str, str]) -> None:
    assert fix_legacy(legacy) == expected


@pytest.mark.parametrize("text", ["Sè", "Soá", "Cô quan", "5 µm"])
def test_ambiguous_cells_left_alone(text: str) -> None:
    """Legacy spellings that are also plausible Unicode are not guessed at."""
    assert fix_legacy(text) == (text, None)
