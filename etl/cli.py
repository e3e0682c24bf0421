"""`python -m etl …`: ingest, status, template, demo. Messages are for a data officer, in Vietnamese."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from etl.ingest import FileResult, discover, ingest_paths
from etl.resolve import Options
from etl.warehouse import DEFAULT_DB

STATUS_WORDS = {"loaded": "đã nạp", "replaced": "thay thế bản cũ", "unchanged": "không đổi", "rejected": "bị từ chối"}
STATUS_MARKS = {"loaded": "✓", "replaced": "↻", "unchanged": "=", "rejected": "✗"}
PROGRESS_FROM = 20  # files; fewer finish before a bar would help


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Nạp biểu báo cáo kết quả Tuần lễ HTSĐ "
                                     "vào kho dữ liệu DuckDB.")
    sub = parser.add_subparsers(title="lệnh")
    ingest = sub.add_parser("ingest", help="nạp tệp hoặc thư mục biểu báo cáo")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--db", type=Path, default=DEFAULT_DB, help="tệp kho dữ liệu (mặc định %(default)s)")
    ingest.add_argument("--year", type=int, help="năm báo cáo, khi biểu không ghi năm")
    ingest.add_argument("--province", help="tỉnh/thành phố, khi biểu không ghi")
    ingest.add_argument("--json", action="store_true", help="in một tài liệu JSON thay cho từng dòng")
    ingest.set_defaults(run=_ingest)
    status = sub.add_parser("status", help="tình hình dữ liệu đã nạp")
    status.add_argument("--db", type=Path, default=DEFAULT_DB)
    status.set_defaults(run=_status)
    template = sub.add_parser("template", help="tạo biểu mẫu trắng gửi các đơn vị")
    template.add_argument("--year", type=int, required=True)
    template.add_argument("--out", type=Path, required=True)
    template.set_defaults(run=_template)
    demo = sub.add_parser("demo", help="tạo bộ biểu mẫu minh họa và nạp vào kho")
    demo.add_argument("--db", type=Path, default=DEFAULT_DB)
    demo.add_argument("--forms", type=Path, default=None, help="thư mục ghi biểu minh họa")
    demo.set_defaults(run=_demo)
    return parser


def _ingest(args: argparse.Namespace) -> int:
    files = discover(args.paths)
    missing = [p for p in files if not p.exists()]
    if missing or not files:
        print(f"Không tìm thấy tệp: {', '.join(map(str, missing)) or ' '.join(args.paths)}", file=sys.stderr)
        return 2
    options = Options(year=args.year, province=args.province)
    results = _run_with_progress(files, args.db, options, quiet=args.json)
    if args.json:
        print(json.dumps({"files": [r.as_dict() for r in results]}, ensure_ascii=False, indent=1))
    else:
        print(summary_line(results))
    return 1 if any(r.status == "rejected" for r in results) else 0


def _run_with_progress(files: list[Path], db: Path, options: Options, quiet: bool) -> list[FileResult]:
    from tqdm import tqdm

    bar = tqdm(total=len(files), unit="tệp", file=sys.stderr,
               disable=quiet or len(files) < PROGRESS_FROM or not sys.stderr.isatty())

    def report(result: FileResult) -> None:
        if not quiet:
            bar.write(file_line(result))

    try:
        return ingest_paths(files, db, options, on_file=report, on_progress=lambda done, _: bar.update(done - bar.n))
    finally:
        bar.close()


def file_line(result: FileResult) -> str:
    head = f"{STATUS_MARKS[result.status]} {STATUS_WORDS[result.status]:<16} {result.path}"
    if result.reports:
        head += f" ({result.reports} báo cáo)"
    lines = [head] + [f"    lỗi: {e}" for e in result.errors] + [f"    cảnh báo: {w}" for w in result.warnings]
    return "\n".join(lines)


def summary_line(results: list[FileResult]) -> str:
    counts = Counter(r.status for r in results)
    parts = [f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS if counts[s]]
    return f"Tổng cộng {len(results)} tệp: " + ", ".join(parts)


def _status(args: argparse.Namespace) -> int:
    from etl.status import status_text

    if not args.db.exists():
        print(f"Chưa có kho dữ liệu {args.db}. Chạy: python -m etl ingest THƯ_MỤC hoặc python -m etl demo")
        return 1
    print(status_text(args.db))
    return 0


def _template(args: argparse.Namespace) -> int:
    from etl.template import write_template

    write_template(args.year, args.out)
    print(f"Đã tạo biểu mẫu năm {args.year}: {args.out}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from etl.demo_warehouse import NotADemoWarehouse, build_demo

    try:
        results = build_demo(args.db, args.forms, on_file=lambda r: print(file_line(r)))
    except NotADemoWarehouse as exc:
        print(f"Không tạo kho minh họa: {exc}", file=sys.stderr)
        return 2
    print(summary_line(results))
    print(f"Kho dữ liệu minh họa: {args.db}")
    return 0
