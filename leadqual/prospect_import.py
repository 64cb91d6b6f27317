"""Importing a prospect file: internal data or a list bought from a specialised provider.

A file becomes part of the prospect file the way a conversation does: every value goes through
the dialogue's extractors ("1,5 M€" -> 1500000.0, "Lyon" -> "FR", "06 12 34 56 78" ->
"+33612345678"), every prospect is scored, and a prospect already known (same email, else phone,
else company name) is enriched, never duplicated nor overwritten. Nothing is dropped silently:
each row is imported, merged into a known prospect, or rejected with its line and reason, and each
value that could not be understood is a warning naming its line and column.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

from leadqual import extraction
from leadqual.csv_records import CsvContent, ImportFileError, Record, read_csv
from leadqual.import_columns import ColumnMap, IgnoredColumn, map_columns
from leadqual.model import (
    CUSTOMER_TYPES,
    DECISION_ROLES,
    PROSPECT_SOURCES,
    PURCHASE_FREQUENCIES,
    QUALIFICATION_SLOTS,
    SLOT_TYPES,
    UnknownLanguage,
    coerce,
)
from leadqual.scoring import ScoringModel, load_scoring
from leadqual.services import rescore
from leadqual.storage.repository import ProspectRepository
from leadqual.yamlfile import load_yaml

IDENTITY = ("email", "phone", "company_name")  # in the order de-duplication trusts them
PROGRESS_EVERY = 100
# The codes our own export writes: a file exported by leadqual imports back as it was.
CODES = {"customer_type": CUSTOMER_TYPES, "decision_role": DECISION_ROLES, "prospect_source": PROSPECT_SOURCES,
         "purchase_frequency": PURCHASE_FREQUENCIES}
SECTORS_FILE = Path(__file__).parent / "data" / "sectors.yml"
_MACHINE_NUMBER = re.compile(r"-?\d+(\.\d+)?")
Progress = Callable[[int, int], None]

__all__ = ["ImportFileError", "ImportReport", "UnknownSource", "import_csv"]


class UnknownSource(ValueError):
    """A prospect source that is not one of PROSPECT_SOURCES."""


@dataclass(frozen=True)
class Imported:
    line: int
    prospect_id: int
    temperature: str


@dataclass(frozen=True)
class Duplicate:
    """A row that was a prospect already known: it only filled that prospect's empty answers."""

    line: int
    prospect_id: int
    by: str  # the field that matched: email, phone or company_name
    filled: Tuple[str, ...]
    same_file_line: Optional[int]  # the earlier line of this file that created the prospect, if any


@dataclass(frozen=True)
class Rejected:
    line: int
    reason: str


@dataclass(frozen=True)
class ValueWarning:
    """A value that was not understood: the prospect is kept without it."""

    line: int
    column: str
    value: str
    reason: str


@dataclass
class ImportReport:
    file: str
    source: str
    language: str
    columns: Dict[str, str]
    ignored_columns: Tuple[IgnoredColumn, ...]
    rows: int = 0
    blank_lines: int = 0
    imported: List[Imported] = field(default_factory=list)
    duplicates: List[Duplicate] = field(default_factory=list)
    rejected: List[Rejected] = field(default_factory=list)
    warnings: List[ValueWarning] = field(default_factory=list)

    def lines(self) -> List[str]:
        """The report as sales read it: totals first, then every rejection and warning with its line."""
        out = [
            f"{self.file}: {self.rows} rows read ({self.source}, values read as {self.language})",
            f"  imported:   {len(self.imported)}",
            f"  duplicates: {len(self.duplicates)} (merged into a known prospect, empty fields only)",
            f"  rejected:   {len(self.rejected)}",
            f"  warnings:   {len(self.warnings)}",
            "columns: " + ", ".join(f"{header} -> {slot}" for header, slot in self.columns.items()),
        ]
        out += [f"column ignored: {c.header or f'#{c.index + 1}'!r}: {c.reason}" for c in self.ignored_columns]
        if self.blank_lines:
            out.append(f"{self.blank_lines} blank lines skipped")
        for d in self.duplicates:
            origin = f"line {d.same_file_line} of this file" if d.same_file_line else f"prospect {d.prospect_id}"
            filled = ", ".join(d.filled) or "nothing new"
            out.append(f"line {d.line}: duplicate of {origin} by {d.by}; filled: {filled}")
        out += [f"line {r.line}: rejected: {r.reason}" for r in self.rejected]
        out += [f"line {w.line}: warning: {w.column} {w.value!r}: {w.reason}" for w in self.warnings]
        return out


def import_csv(path: Path, source: str, repository: ProspectRepository, *,
               mapping: Optional[Mapping[str, Optional[str]]] = None, language: str = "en",
               today: Optional[dt.date] = None, progress: Optional[Progress] = None,
               delimiter: Optional[str] = None, encoding: str = "utf-8-sig",
               scoring: Optional[ScoringModel] = None) -> ImportReport:
    """Import every row of ``path`` as prospects from ``source``; see the module's docstring."""
    if source not in PROSPECT_SOURCES:
        raise UnknownSource(f"unknown source {source!r} (sources: {', '.join(PROSPECT_SOURCES)})")
    if language not in extraction.SUPPORTED_LANGUAGES:
        raise UnknownLanguage(f"{language!r} is not one of {', '.join(extraction.SUPPORTED_LANGUAGES)}")
    path = Path(path)
    content = read_csv(path, delimiter, encoding)
    columns = map_columns(content.headers, mapping)
    _check_columns(path, content, columns)
    report = ImportReport(path.name, source, language, columns.mapped(), columns.ignored,
                          rows=len(content.records) + len(content.broken), blank_lines=content.blank_lines)
    report.rejected.extend(Rejected(b.line, b.reason) for b in content.broken)
    run = _Run(repository, scoring or load_scoring(), source, path.name, language, today or dt.date.today(), report)
    total = len(content.records)
    with repository.held_open():
        for done, record in enumerate(content.records, start=1):
            run.row(record, columns, len(content.headers))
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)
    report.rejected.sort(key=lambda r: r.line)
    return report


def _check_columns(path: Path, content: CsvContent, columns: ColumnMap) -> None:
    if not columns.slots:
        raise ImportFileError(path, content.header_line,
                              f"no column is a prospect field (headers: {', '.join(content.headers)}); "
                              "name them as in import_columns.yml or use --map HEADER=SLOT")
    if not set(columns.slots.values()) & set(IDENTITY):
        raise ImportFileError(path, content.header_line,
                              "no column identifies a prospect: an email, phone or company name column is needed")


class _Run:
    """One import: the rows seen so far, to tell a duplicate within the file from one already known."""

    def __init__(self, repository: ProspectRepository, scoring: ScoringModel, source: str, file_name: str,
                 language: str, today: dt.date, report: ImportReport) -> None:
        self.repository = repository
        self.scoring = scoring
        self.source = source
        self.file_name = file_name
        self.language = language
        self.today = today
        self.report = report
        self.created_on: Dict[int, int] = {}  # prospect id -> line of this file that created it

    def row(self, record: Record, columns: ColumnMap, width: int) -> None:
        if len(record.fields) != width:
            self.report.rejected.append(Rejected(
                record.line, f"malformed line: {len(record.fields)} fields where the header has {width}"))
            return
        answers, details = self._understand(record, columns)
        if not any(answers.get(slot) for slot in IDENTITY):
            self.report.rejected.append(Rejected(record.line, "nothing identifies the prospect: no valid email, phone or company name"))
            return
        match = self.repository.find_duplicate(answers.get("email"), answers.get("phone"), answers.get("company_name"))
        if match is None:
            prospect_id = self.repository.insert_imported(answers, self.source, self.file_name, self.language, details)
            self.created_on[prospect_id] = record.line
            temperature = self._score(prospect_id)
            self.report.imported.append(Imported(record.line, prospect_id, temperature))
            return
        prospect_id = match.prospect["id"]
        filled = self.repository.fill_empty(prospect_id, {**answers, "prospect_source": answers.get("prospect_source") or self.source}, details)
        if filled:
            self._score(prospect_id)
        self.report.duplicates.append(Duplicate(record.line, prospect_id, match.by, tuple(filled), self.created_on.get(prospect_id)))

    def _understand(self, record: Record, columns: ColumnMap) -> Tuple[Dict[str, Any], Dict[str, Any]]:
        """Each cell through the dialogue's extractor; the row's country first, as phones need it."""
        cells = {slot: record.fields[index].strip() for index, slot in columns.slots.items()}
        answers: Dict[str, Any] = {}
        details: Dict[str, Any] = {}
        for slot in sorted(cells, key=lambda s: (s != "country", QUALIFICATION_SLOTS.index(s))):
            text = cells[slot]
            if not text:
                continue
            try:
                found = _exported(slot, text) or extraction.extract(
                    slot, text, self.language, country=answers.get("country"), today=self.today)
            except extraction.InvalidAnswer as error:
                found = _exported(slot, text, after_failure=True)
                if found is None:
                    self.report.warnings.append(ValueWarning(record.line, columns.header_of(slot) or slot, text,
                                                             f"not understood as {slot} ({error.reason}); left empty"))
                    continue
            answers[slot] = found.value
            if found.details:
                details[slot] = found.details
        return answers, details

    def _score(self, prospect_id: int) -> str:
        prospect = self.repository.get(prospect_id)
        assert prospect is not None  # just written in this run
        return rescore(self.repository, self.scoring, prospect).temperature.value


def _exported(slot: str, text: str, after_failure: bool = False) -> Optional[extraction.Extracted]:
    """A value as ``leadqual export`` writes it, which a person would not type in a conversation.

    A code ("decision_maker") is taken first, as the extractors read words, not codes. A plain number or
    True/False only once the extractor failed: "1.500" must stay the extractor's (1500 in German).
    """
    codes = _sector_codes() if slot == "sector" else CODES.get(slot, ())
    if text.lower() in codes:
        return extraction.Extracted(slot, text.lower(), {})
    if not after_failure:
        return None
    kind = SLOT_TYPES[slot]
    if kind is bool and text.lower() in ("true", "false"):
        return extraction.Extracted(slot, text.lower() == "true", {})
    if kind in (int, float) and _MACHINE_NUMBER.fullmatch(text):
        return extraction.Extracted(slot, coerce(slot, text), {})
    return None


@lru_cache(maxsize=1)
def _sector_codes() -> Tuple[str, ...]:
    """The keys of the sector taxonomy (the extractors' file), which the export writes."""
    return tuple((load_yaml(SECTORS_FILE) or {}).get("sectors", {}))
