"""`python -m etl status`: what is loaded by year and province, unresolved names, recent rejections."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from etl.errors import Issue
from etl.text import thousands
from etl.units import load_index
from warehouse.load import Warehouse


def status_text(db: Path) -> str:
    warehouse = Warehouse(db, load_index())
    try:
        moved = warehouse.realiased
        con = warehouse.con
        lines = [f"Đã xác định lại {len(moved)} tên đơn vị theo bí danh mới."] if moved else []
        lines += _loaded(con) + _unresolved(con) + _rejections(con)
    finally:
        warehouse.close()
    return "\n".join(lines)


def _loaded(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("""
        SELECT f.year, f.province_name, count(DISTINCT f.unit_key), sum(f.events), sum(f.participants),
               (SELECT sum(state_budget_vnd) FROM report_funding g WHERE g.year = f.year
                  AND g.province_code = f.province_code),
               (SELECT sum(social_vnd) FROM report_funding g WHERE g.year = f.year
                  AND g.province_code = f.province_code)
        FROM report_facts f GROUP BY f.year, f.province_code, f.province_name ORDER BY 1, 2""").fetchall()
    lines = ["Dữ liệu đã nạp (địa giới tỉnh hiện nay):",
             f"  {'Năm':<5} {'Tỉnh/thành phố':<28} {'Đơn vị':>7} {'Hoạt động':>10} {'Người tham gia':>15} "
             f"{'NSNN (đồng)':>16} {'XHH (đồng)':>16}"]
    lines += [f"  {y:<5} {p:<28} {u:>7} {thousands(e):>10} {thousands(n):>15} {thousands(s):>16} {thousands(x):>16}"
              for y, p, u, e, n, s, x in rows]
    return lines if rows else ["Chưa có báo cáo nào được nạp."]


def _unresolved(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT reported_name, under_unit, years FROM unresolved_units ORDER BY 2, 1").fetchall()
    if not rows:
        return ["", "Mọi tên đơn vị đều đã xác định."]
    return ["", f"Tên đơn vị chưa xác định ({len(rows)}) — thêm bí danh vào data/unit_aliases.csv:"] + [
        f"  {name} (thuộc {under}; năm {', '.join(map(str, years))})" for name, under, years in rows]


def _rejections(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[str]:
    rows = con.execute("SELECT ingested_at, path, errors FROM ingest_log WHERE status = 'rejected' LIMIT ?",
                       [limit]).fetchall()
    if not rows:
        return ["", "Không có tệp nào bị từ chối gần đây."]
    lines = ["", f"Tệp bị từ chối gần đây ({len(rows)}):"]
    for when, path, errors in rows:
        reasons = "; ".join(str(Issue(**e)) for e in json.loads(errors))
        lines.append(f"  {when:%d/%m/%Y %H:%M} {path}: {reasons}")
    return lines

