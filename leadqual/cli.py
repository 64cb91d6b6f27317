"""``leadqual``: the prospect file from the command line (migrations, import, export, outcomes, funnel,
scoring fit, outbox)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Callable, List, Optional, Sequence, TextIO

from leadqual.config import Settings
from leadqual.csv_records import ImportFileError
from leadqual.import_columns import MappingError
from leadqual.model import OUTCOMES, SUPPORTED_LANGUAGES, PROSPECT_SOURCES, Temperature
from leadqual.storage.repository import UnknownProspect
from leadqual.yamlfile import ConfigError


class UsageError(Exception):
    """A bad command line or input file; printed without a traceback."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (UsageError, ConfigError, ImportFileError, MappingError, UnknownProspect) as error:
        print(f"leadqual: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadqual", description="The prospect file of the leadqual assistant.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check every configuration and data file")
    check.set_defaults(handler=_check)

    db = commands.add_parser("db", help="database schema")
    db.add_argument("action", choices=["upgrade"], help="apply the migrations")
    db.set_defaults(handler=_db)

    export = commands.add_parser("export", help="print the prospect file")
    export.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    export.add_argument("--temperature", choices=[t.value for t in Temperature])
    export.add_argument("--since", type=_date, help="created on or after this date (YYYY-MM-DD)")
    export.add_argument("--source", choices=PROSPECT_SOURCES)
    export.add_argument("--language", choices=SUPPORTED_LANGUAGES)
    export.set_defaults(handler=_export)

    imports = commands.add_parser("import", help="add a CSV prospect file (internal data or a bought list)")
    imports.add_argument("file", type=Path, help="the CSV file")
    imports.add_argument("--source", choices=PROSPECT_SOURCES, required=True, help="where the file's prospects come from")
    imports.add_argument("--map", action="append", default=[], metavar="HEADER=SLOT",
                         help="read column HEADER as SLOT ('-' leaves it out); repeatable")
    imports.add_argument("--language", choices=SUPPORTED_LANGUAGES, default="en", help="the language of the values")
    imports.add_argument("--delimiter", help="the field separator (guessed from the header line when omitted)")
    imports.add_argument("--encoding", default="utf-8-sig", help="the file's text encoding (default UTF-8)")
    imports.set_defaults(handler=_import)

    outcome = commands.add_parser("outcome", help="record what sales got from a prospect")
    outcome.add_argument("prospect_id", type=int)
    outcome.add_argument("outcome", choices=OUTCOMES)
    outcome.set_defaults(handler=_outcome)

    funnel = commands.add_parser("funnel", help="cold -> warm -> hot -> won, per language and per source")
    funnel.add_argument("--png", type=Path, help="also draw the funnel as a bar chart in this PNG file")
    funnel.set_defaults(handler=_funnel)

    scoring = commands.add_parser("scoring", help="the appetence model")
    scoring.add_argument("action", choices=["fit"], help="learn weights from recorded outcomes and keep the better model")
    scoring.add_argument("--min-outcomes", type=int, default=50, help="refuse to fit on fewer outcomes (default 50)")
    scoring.add_argument("--png", type=Path, help="also draw the reliability plot in this PNG file")
    scoring.set_defaults(handler=_scoring)

    outbox = commands.add_parser("outbox", help="notifications to sales reps")
    outbox.add_argument("action", choices=["deliver"], help="retry every notification not yet delivered")
    outbox.set_defaults(handler=_outbox)
    return parser


def _date(value: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-28") from None


def _check(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import check

    settings = Settings.from_env()
    check(settings)
    print(f"configuration is valid: {settings.scoring_file}, {settings.qualification_file}, {settings.reps_file}",
          file=sys.stderr)
    return 0


def _db(args: argparse.Namespace) -> int:
    from leadqual.storage.database import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url)
    print(f"database at {settings.database_url} is up to date", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import services
    from leadqual.prospect_file import write_csv, write_jsonl

    rows = services().repository.iter_prospects(temperature=args.temperature, since=args.since,
                                                source=args.source, language=args.language)
    writer = write_csv if args.format == "csv" else write_jsonl
    count = writer(rows, sys.stdout)
    print(f"{count} prospects", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import services
    from leadqual.import_columns import parse_mapping
    from leadqual.prospect_import import import_csv

    delimiter = "\t" if args.delimiter in ("\\t", "tab") else args.delimiter  # a tab is hard to type in a shell
    if delimiter is not None and len(delimiter) != 1:
        raise UsageError(f"--delimiter must be one character, not {args.delimiter!r}")
    built = services()
    report = import_csv(args.file, args.source, built.repository, mapping=parse_mapping(args.map),
                        language=args.language, today=built.today(), progress=progress_printer(sys.stderr),
                        delimiter=delimiter, encoding=args.encoding, scoring=built.scoring)
    print("\n".join(report.lines()))
    return 0


def progress_printer(stream: TextIO) -> Callable[[int, int], None]:
    """A progress line that rewrites itself on a terminal, or a line every 10% in a log."""
    tty = stream.isatty()
    shown = [0]  # tenths already shown: the first line is at 10%

    def show(done: int, total: int) -> None:
        tenth = done * 10 // total if total else 10
        if tty:
            print(f"\rimporting: {done}/{total} rows", end="\n" if done == total else "", file=stream, flush=True)
        elif tenth > shown[0]:
            shown[0] = tenth
            print(f"importing: {done}/{total} rows ({tenth * 10}%)", file=stream, flush=True)

    return show


def _outcome(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import services

    changed = services().repository.record_outcome(args.prospect_id, args.outcome)
    print(f"prospect {args.prospect_id}: {args.outcome}" + ("" if changed else " (already recorded)"))
    return 0


def _funnel(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import services
    from leadqual.funnel import funnel, render_png, render_table

    repository = services().repository
    funnels = [funnel(repository, "language"), funnel(repository, "source")]
    print(render_table(funnels))
    if args.png:
        print(f"chart written to {render_png(funnels, args.png)}", file=sys.stderr)
    return 0


def _scoring(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import services
    from leadqual.learning import NotEnoughOutcomes, fit, reliability_png

    from leadqual.scoring import load_scoring

    # Always against the hand-set file: the running model may be the learned one of an earlier fit.
    hand = load_scoring(Settings.from_env().scoring_file)
    try:
        report = fit(services().repository, hand, min_outcomes=args.min_outcomes)
    except NotEnoughOutcomes as error:
        print(f"leadqual: {error}", file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    if args.png:
        print(f"reliability plot written to {reliability_png(report, args.png)}", file=sys.stderr)
    return 0


def _outbox(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import build

    qualifier = build(Settings.from_env(), deliver_in_background=False)
    delivered, failed = qualifier.deliver_pending()
    print(f"{delivered} delivered, {failed} still pending", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
