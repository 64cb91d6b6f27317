"""``leadqual``: the prospect file from the command line (migrations, export, outbox)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import List, Optional, Sequence

from leadqual.config import Settings
from leadqual.model import SUPPORTED_LANGUAGES, PROSPECT_SOURCES, Temperature
from leadqual.yamlfile import ConfigError


class UsageError(Exception):
    """A bad command line or input file; printed without a traceback."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except (UsageError, ConfigError) as error:
        print(f"leadqual: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadqual", description="The prospect file of the leadqual assistant.")
    commands = parser.add_subparsers(dest="command", required=True)

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

    outbox = commands.add_parser("outbox", help="notifications to sales reps")
    outbox.add_argument("action", choices=["deliver"], help="retry every notification not yet delivered")
    outbox.set_defaults(handler=_outbox)
    return parser


def _date(value: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d")
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-28") from None


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


def _outbox(args: argparse.Namespace) -> int:
    from leadqual.bootstrap import build

    qualifier = build(Settings.from_env(), deliver_in_background=False)
    delivered, failed = qualifier.deliver_pending()
    print(f"{delivered} delivered, {failed} still pending", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
