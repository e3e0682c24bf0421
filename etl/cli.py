"""`python -m etl …`: ingest, status, template, demo, account, serve. Messages are for a data officer, in
Vietnamese."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from etl import accounts
from etl.accounts import ROLE_LABELS, ROLES, AccountError
from etl.extract import UNMAPPED_COLUMN
from etl.headers import local_synonyms_path
from etl.ingest import FileResult, discover, ingest_paths
from etl.resolve import Options
from etl.teach import how_to_teach
from etl.template import indicator_labels
from warehouse.load import warehouse_path
from warehouse.lock import WarehouseBusy

STATUS_WORDS = {"loaded": "đã nạp", "replaced": "thay thế bản cũ", "unchanged": "không đổi", "rejected": "bị từ chối"}
STATUS_MARKS = {"loaded": "✓", "replaced": "↻", "unchanged": "=", "rejected": "✗"}
PROGRESS_FROM = 20  # files; fewer finish before a bar would help


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except WarehouseBusy as busy:  # another writer (an ingest, an upload) kept the warehouse past our wait
        print(busy, file=sys.stderr)
        return 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Nạp biểu báo cáo kết quả Tuần lễ HTSĐ "
                                     "vào kho dữ liệu DuckDB.")
    sub = parser.add_subparsers(title="lệnh")
    ingest = sub.add_parser("ingest", help="nạp tệp hoặc thư mục biểu báo cáo")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--db", type=Path, default=warehouse_path(), help="tệp kho dữ liệu (mặc định %(default)s)")
    ingest.add_argument("--year", type=int, help="năm báo cáo, khi biểu không ghi năm")
    ingest.add_argument("--province", help="tỉnh/thành phố, khi biểu không ghi")
    ingest.add_argument("--json", action="store_true", help="in một tài liệu JSON thay cho từng dòng")
    ingest.add_argument("--explain", action="store_true",
                        help="in cách đọc từng bảng: bố cục, nghĩa từng cột, dòng nào là đơn vị, nhóm, tổng, ghi chú")
    ingest.set_defaults(run=_ingest)
    status = sub.add_parser("status", help="tình hình dữ liệu đã nạp")
    status.add_argument("--db", type=Path, default=warehouse_path())
    status.set_defaults(run=_status)
    template = sub.add_parser("template", help="tạo biểu mẫu trắng gửi các đơn vị")
    template.add_argument("--year", type=int, required=True)
    template.add_argument("--out", type=Path, required=True)
    template.set_defaults(run=_template)
    export = sub.add_parser("export-report", help="xuất biểu tổng hợp gửi cấp trên (cùng mẫu với biểu mẫu trắng)")
    export.add_argument("--year", type=int, required=True)
    export.add_argument("--level", required=True, choices=("province", "district", "commune"),
                        help="một dòng cho mỗi đơn vị cấp này (quận/huyện: chỉ các năm trước 2025)")
    export.add_argument("--province", help="chỉ các đơn vị thuộc tỉnh/thành phố này (bản đồ của năm báo cáo)")
    export.add_argument("--db", type=Path, default=warehouse_path())
    export.add_argument("--out", type=Path, required=True)
    export.set_defaults(run=_export_report)
    brief = sub.add_parser("briefing", help="tạo bản trình chiếu (.pptx) hoặc bản PDF kết quả một năm")
    brief.add_argument("--year", type=int, required=True)
    brief.add_argument("--province", help="một tỉnh/thành phố (địa giới hiện nay); mặc định cả nước")
    brief.add_argument("--compare-with", type=int, help="năm so sánh (mặc định: năm có báo cáo gần nhất trước đó)")
    brief.add_argument("--boundaries", choices=("today", "reported"), default="today",
                       help="địa giới: today = hiện nay (từ 1/7/2025), reported = như khi báo cáo")
    brief.add_argument("--db", type=Path, default=warehouse_path())
    brief.add_argument("--template", type=Path, help="mẫu PowerPoint của đơn vị (.pptx)")
    brief.add_argument("--out", type=Path, required=True, help="tệp .pptx hoặc .pdf")
    brief.set_defaults(run=_briefing)
    demo = sub.add_parser("demo", help="tạo bộ biểu mẫu minh họa và nạp vào kho")
    demo.add_argument("--db", type=Path, default=warehouse_path())
    demo.add_argument("--forms", type=Path, default=None, help="thư mục ghi biểu minh họa")
    demo.set_defaults(run=_demo)
    _account_parser(sub)
    serve = sub.add_parser("serve", help="chạy thử bảng điều khiển cho nhiều người dùng: nginx trước N bản chạy")
    serve.add_argument("--replicas", type=int, default=2, metavar="N", help="số bản chạy (mặc định %(default)s)")
    serve.add_argument("--port", type=int, default=8500, metavar="P",
                       help="cổng của nginx (mặc định %(default)s); các bản chạy dùng cổng P+1 … P+N")
    serve.set_defaults(run=_serve)
    return parser


def _account_parser(sub: argparse._SubParsersAction) -> None:
    account = sub.add_parser("account", help="tài khoản đăng nhập bảng điều khiển")
    account.add_argument("--accounts", type=Path, default=None, metavar="FILE",
                         help="tệp tài khoản (mặc định: biến HTSD_ACCOUNTS hoặc config/accounts.toml)")
    actions = account.add_subparsers(title="thao tác", required=True)
    add = actions.add_parser("add", help="thêm tài khoản")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", help="họ tên hiển thị")
    add.add_argument("--email", help="email; khớp với tài khoản cơ quan khi đăng nhập qua OIDC")
    how = add.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    how.add_argument("--no-password", action="store_true", help="chỉ đăng nhập bằng tài khoản cơ quan (cần --email)")
    add.set_defaults(run=_account_add)
    listing = actions.add_parser("list", help="liệt kê tài khoản (không in mật khẩu)")
    listing.set_defaults(run=_account_list)
    passwd = actions.add_parser("passwd", help="đặt lại mật khẩu")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    passwd.set_defaults(run=_account_passwd)
    remove = actions.add_parser("remove", help="xóa tài khoản (không xóa quản trị viên cuối cùng)")
    remove.add_argument("username")
    remove.set_defaults(run=_account_remove)


def _ingest(args: argparse.Namespace) -> int:
    files = discover(args.paths)
    missing = [p for p in files if not p.exists()]
    if missing or not files:
        print(f"Không tìm thấy tệp: {', '.join(map(str, missing)) or ' '.join(args.paths)}", file=sys.stderr)
        return 2
    options = Options(year=args.year, province=args.province)
    results = _run_with_progress(files, args.db, options, quiet=args.json, explain=args.explain)
    if args.json:
        print(json.dumps({"files": [r.as_dict() for r in results]}, ensure_ascii=False, indent=1))
    else:
        print(summary_line(results))
        if any(UNMAPPED_COLUMN in w.message for r in results for w in r.warnings):
            print("\n".join(how_to_teach(local_synonyms_path(), indicator_labels())))
    return 1 if any(r.status == "rejected" for r in results) else 0


def _run_with_progress(files: list[Path], db: Path, options: Options, quiet: bool,
                       explain: bool = False) -> list[FileResult]:
    from tqdm import tqdm

    bar = tqdm(total=len(files), unit="tệp", file=sys.stderr,
               disable=quiet or len(files) < PROGRESS_FROM or not sys.stderr.isatty())

    def report(result: FileResult) -> None:
        if not quiet:
            bar.write(file_line(result, explain))

    try:
        return ingest_paths(files, db, options, on_file=report, on_progress=lambda done, _: bar.update(done - bar.n))
    finally:
        bar.close()


def file_line(result: FileResult, explain: bool = False) -> str:
    """The file's outcome, its errors and warnings, and with `explain` what was understood of each table."""
    head = f"{STATUS_MARKS[result.status]} {STATUS_WORDS[result.status]:<16} {printable(result.path)}"
    if result.reports:
        head += f" ({result.reports} báo cáo)"
    lines = [head] + [f"    lỗi: {printable(str(e))}" for e in result.errors] + [
        f"    cảnh báo: {printable(str(w))}" for w in result.warnings]
    if explain:
        lines += [f"    {printable(line)}" for reading in result.readings for line in reading.lines()]
    return "\n".join(lines)


def printable(text: str) -> str:
    """Text from a file (its name, sheet names, cells) safe for a terminal: control and invisible format
    characters (an escape sequence, a right-to-left override) are shown as \\x1b, \\u202e."""
    return "".join(c.encode("unicode_escape").decode("ascii") if unicodedata.category(c) in _HIDDEN else c
                   for c in text)


_HIDDEN = {"Cc", "Cf", "Zl", "Zp"}  # control, format, line and paragraph separators


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


def _export_report(args: argparse.Namespace) -> int:
    from reports.upward import ReportError, gather, write

    if not args.db.exists():
        print(f"Chưa có kho dữ liệu {args.db}.", file=sys.stderr)
        return 2
    try:
        report = gather(args.db, args.year, args.level, args.province)
    except ReportError as exc:
        print(exc, file=sys.stderr)
        return 2
    write(report, args.out)
    print(f"Đã xuất biểu tổng hợp năm {args.year}: {len(report.reported)} đơn vị có số liệu, "
          f"{len(report.missing)} đơn vị chưa báo cáo: {args.out}")
    return 0


def _briefing(args: argparse.Namespace) -> int:
    from reports.briefing import BriefingError
    from reports.outputs import write_briefing
    from reports.static_charts import ChartError

    if not args.db.exists():
        print(f"Chưa có kho dữ liệu {args.db}.", file=sys.stderr)
        return 2
    if args.template is not None and not args.template.is_file():
        print(f"Không tìm thấy mẫu PowerPoint {args.template}.", file=sys.stderr)
        return 2
    try:
        write_briefing(args.db, args.out, args.year, args.province, args.compare_with, args.boundaries, args.template)
    except (BriefingError, ChartError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"Đã tạo bản báo cáo năm {args.year}: {args.out}")
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


def _serve(args: argparse.Namespace) -> int:
    """Until Ctrl-C or SIGTERM (both end the block the same way, so the cluster stops every child in order)."""
    import signal

    from deploy.replicas import ClusterError, cluster

    if args.replicas < 1:
        print("--replicas cần ít nhất 1.", file=sys.stderr)
        return 2
    for stop in (signal.SIGINT, signal.SIGTERM):  # SIGINT too: a shell may start a background job ignoring it
        signal.signal(stop, signal.default_int_handler)
    try:
        with cluster(args.replicas, args.port) as running:
            ports = ", ".join(str(r.port) for r in running.replicas)
            print(f"Bảng điều khiển: {running.url} (nginx trước {args.replicas} bản chạy, cổng {ports}; "
                  f"nhật ký trong {running.prefix}). Ctrl-C để dừng.", flush=True)
            signal.pause()
    except ClusterError as exc:
        print(exc, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    print("Đã dừng nginx và các bản chạy.")
    return 0


def _account_add(args: argparse.Namespace) -> int:
    if args.no_password and not args.email:
        print("Tài khoản không mật khẩu cần --email (để đăng nhập bằng tài khoản cơ quan).", file=sys.stderr)
        return 2
    try:
        if accounts.load(args.accounts).get(args.username):  # before asking for a password to no purpose
            raise AccountError(f"Tài khoản '{accounts.normal_username(args.username)}' đã có.")
        password = None if args.no_password else _new_password(args.password_stdin)
        account = accounts.add_account(args.username, args.role, password, args.name, args.accounts, args.email)
    except AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã thêm tài khoản {account.username} ({ROLE_LABELS[account.role]}) vào {_accounts_file(args)}.")
    return 0


def _account_list(args: argparse.Namespace) -> int:
    try:
        found = accounts.load(args.accounts)
    except AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not found.by_name:
        print(f"Chưa có tài khoản nào trong {_accounts_file(args)}. Tạo tài khoản quản trị đầu tiên: "
              "python -m etl account add TÊN --role admin")
        return 0
    for a in sorted(found.by_name.values(), key=lambda a: (-accounts.rank(a.role), a.username)):
        way = "mật khẩu" if a.password_hash else "tài khoản cơ quan"
        state = "đã khóa" if a.disabled else "đang dùng"
        print(f"{a.username:<20} {ROLE_LABELS[a.role]:<15} {a.name or '-':<28} {a.email or '-':<30} {way:<18} {state}")
    print(f"Chế độ riêng tư (chỉ người đã đăng nhập mới xem): {'bật' if found.private else 'tắt'}")
    return 0


def _account_passwd(args: argparse.Namespace) -> int:
    try:
        if not accounts.load(args.accounts).get(args.username):  # before asking for a password to no purpose
            raise AccountError(f"Không có tài khoản '{accounts.normal_username(args.username)}'.")
        accounts.set_password(args.username, _new_password(args.password_stdin), args.accounts)
    except AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã đặt mật khẩu mới cho {accounts.normal_username(args.username)}.")
    return 0


def _account_remove(args: argparse.Namespace) -> int:
    try:
        accounts.remove_account(args.username, args.accounts)
    except AccountError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Đã xóa tài khoản {accounts.normal_username(args.username)}.")
    return 0


def _new_password(from_stdin: bool) -> str:
    """From stdin's first line (for scripts), else typed twice without echo; checked before anything is hashed."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        import getpass

        password = getpass.getpass("Mật khẩu: ")
        if getpass.getpass("Nhập lại mật khẩu: ") != password:
            raise AccountError("Hai lần nhập mật khẩu không khớp.")
    accounts.check_new_password(password)
    return password


def _accounts_file(args: argparse.Namespace) -> Path:
    return args.accounts or accounts.accounts_path()
