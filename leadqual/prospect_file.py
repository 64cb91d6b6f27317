"""The prospect file as sales use it: one row per prospect, columns named after the slots."""
from __future__ import annotations

import csv
import datetime as dt
import json
from typing import Any, Dict, Iterable, List, Mapping, TextIO

from leadqual.model import QUALIFICATION_SLOTS

EXPORT_COLUMNS: List[str] = (
    ["id", "channel", "created_at", "updated_at", "language"]
    + list(QUALIFICATION_SLOTS)
    + ["appetence", "temperature", "escalated", "outcome"]
)


def export_row(prospect: Mapping[str, Any]) -> Dict[str, Any]:
    return {column: _plain(prospect.get(column)) for column in EXPORT_COLUMNS}


def write_csv(prospects: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for prospect in prospects:
        writer.writerow({k: "" if v is None else v for k, v in export_row(prospect).items()})
        count += 1
    return count


def write_jsonl(prospects: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    count = 0
    for prospect in prospects:
        out.write(json.dumps(export_row(prospect), ensure_ascii=False) + "\n")
        count += 1
    return count


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value
