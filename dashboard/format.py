"""Numbers the Vietnamese way: 1.234.567 and 1,5; money in đồng, triệu or tỷ đồng."""

from __future__ import annotations

import pandas as pd

MONEY_UNITS = {"đồng": 1, "triệu đồng": 1_000_000, "tỷ đồng": 1_000_000_000}


def number(value: float | int | None, decimals: int = 0) -> str:
    """'1.234.567' or '1.234,5'; a missing value (None, NaN, pandas' NA) is '–', never '<NA>'."""
    if value is None or pd.isna(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def money(value: float | int | None, unit: str = "đồng", with_unit: bool = True) -> str:
    if value is None or pd.isna(value):
        return "–"
    scale = MONEY_UNITS[unit]
    decimals = 0 if scale == 1 else (1 if scale == 1_000_000 else 2)
    return f"{number(value / scale, decimals)} {unit}" if with_unit else number(value / scale, decimals)


def percent(value: float | None, decimals: int = 1) -> str:
    return "–" if value is None or pd.isna(value) else f"{number(value * 100, decimals)}%"


def change(current: float | None, previous: float | None) -> float | None:
    """Relative change, None where there is nothing to compare with."""
    if current is None or previous in (None, 0):
        return None
    return (current - previous) / previous


def signed_percent(value: float | None) -> str | None:
    return None if value is None or pd.isna(value) else ("+" if value >= 0 else "") + percent(value)


def change_words(value: float | None) -> str:
    """A change in words: 'tăng 3,4%', 'giảm 1,2%', 'không đổi'; 'chưa so sánh được' without a base."""
    if value is None:
        return "chưa so sánh được"
    if round(value * 100, 1) == 0:
        return "không đổi"
    return f"{'tăng' if value > 0 else 'giảm'} {percent(abs(value))}"


def in_money_unit(df: pd.DataFrame, columns: list[str], unit: str) -> pd.DataFrame:
    """A table's amounts (in đồng) written in the chosen unit, each header saying which: 'Xã hội hóa (triệu
    đồng)'. Every table and chart of a page then reads in the one unit the sidebar picks."""
    out = df.copy()
    for column in columns:
        out[column] = [money(v, unit, with_unit=False) if pd.notna(v) else "–" for v in df[column]]
    return out.rename(columns={c: f"{c} ({unit})" for c in columns})
