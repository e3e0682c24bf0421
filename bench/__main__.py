"""`python -m bench [--quick]`: ETL whole runs side by side with the naive way, then the app's page times
and memory on a national warehouse, then the time to build a briefing deck and PDF; the last line is JSON.
`python -m bench --hostile [--markdown]`: the hostile corpus instead, time and memory per file (bench/hostile.py).
`python -m bench --load [--quick] [--sessions N]`: many viewers at once on one replica, then two behind nginx,
while an ingest runs (bench/load.py)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench import app_speed, etl_speed, hostile, load, outputs_speed

OUT = Path(__file__).resolve().parent / "out"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="a smaller run, under a minute")
    parser.add_argument("--forms", type=int, help="number of generated forms (default 1200, quick 300)")
    parser.add_argument("--reruns", type=int, default=20, help="timed reruns per app page (default 20)")
    parser.add_argument("--hostile", action="store_true", help="only the hostile corpus: outcome, time, memory")
    parser.add_argument("--markdown", action="store_true", help="with --hostile: the table as Markdown")
    parser.add_argument("--load", action="store_true",
                        help="only the load test: 50 viewers (quick: 12) on 1 and 2 replicas behind nginx")
    parser.add_argument("--sessions", type=int, help="with --load: the number of viewers at once")
    args = parser.parse_args()
    if args.hostile:
        hostile.run(args.markdown)
        return
    OUT.mkdir(exist_ok=True)
    if args.load:
        result = load.run(OUT, args.quick, args.sessions)
        load.print_lines(result)
        print(json.dumps({"load": result}, ensure_ascii=False))
        return
    forms = args.forms or (300 if args.quick else 1200)
    result = etl_speed.run(OUT, forms)
    print(f"ETL ingest, {result['forms']} forms:           {result['etl_ms_per_form']:>8} ms/form "
          f"({result['statuses']})")
    print(f"ETL ingest, {result['xlsx_forms']} .xlsx forms:     {result['etl_xlsx_ms_per_form']:>8} ms/form")
    print(f"pandas.read_excel(openpyxl), same .xlsx: {result['openpyxl_ms_per_form']:>8} ms/form "
          f"(ETL is {result['speedup_vs_openpyxl']}x faster)")
    print(f"bare python-calamine, all workbooks:    {result['calamine_ms_per_form']:>8} ms/form")
    print(f"sandbox (etl.sandbox) cost per form:    {result['sandbox_ms_per_form']:>8} ms/form")
    print(f"publish (in each whole run), once:      {result['publish_s']:>8} s")
    app = app_speed.run(OUT, args.quick, args.reruns)
    app_speed.print_table(app)
    outputs = outputs_speed.run(OUT, args.quick)
    outputs_speed.print_line(outputs)
    print(json.dumps(result | app_speed.summary(app) | {k: v for k, v in outputs.items() if k != "year"}))


if __name__ == "__main__":
    main()
