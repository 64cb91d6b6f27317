"""Reading a CSV file a person exported from a spreadsheet or bought from a provider.

Every record keeps the line it starts on, so that every rejection and warning names it. A file
that cannot be read as text with a header is refused as a whole, before anything is imported;
a single broken line is only that line's problem.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_BYTES = 8192


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; the message is ``path:line: reason``."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Record:
    line: int
    fields: Tuple[str, ...]


@dataclass(frozen=True)
class BrokenLine:
    line: int
    reason: str


@dataclass(frozen=True)
class CsvContent:
    headers: Tuple[str, ...]
    header_line: int
    records: Tuple[Record, ...]
    broken: Tuple[BrokenLine, ...]
    blank_lines: int
    delimiter: str


def read_csv(path: Path, delimiter: Optional[str] = None, encoding: str = "utf-8-sig") -> CsvContent:
    """The header and records of ``path``; ``delimiter`` None guesses it from the header line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(path, 0, f"cannot read the file ({error.strerror})") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise ImportFileError(path, data[:_SNIFF_BYTES].split(b"\x00")[0].count(b"\n") + 1,
                              "not a CSV file: it holds binary data")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        named = "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8") else encoding
        raise ImportFileError(path, line, f"not {named} text (byte 0x{data[error.start]:02x}); "
                                          "save it as UTF-8 or give its encoding, e.g. --encoding cp1252") from None
    except LookupError:
        raise ImportFileError(path, 0, f"unknown encoding {encoding!r}") from None
    if not text.strip():
        raise ImportFileError(path, 1, "the file is empty: a prospect file starts with a header line")
    delimiter = delimiter or guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: Optional[Tuple[str, ...]] = None
    header_line = 0
    records: List[Record] = []
    broken: List[BrokenLine] = []
    blank = 0
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            end = reader.line_num
            span = f" (lines {start}-{end} could not be read)" if end > start else ""
            if headers is None:
                raise ImportFileError(path, start, f"the header line is not valid CSV: {error}") from None
            broken.append(BrokenLine(start, f"malformed line: {error}{span}"))
            continue
        if not any(field.strip() for field in fields):
            blank += headers is not None
            continue
        if headers is None:
            headers, header_line = tuple(field.strip() for field in fields), start
        else:
            records.append(Record(start, tuple(fields)))
    if headers is None:
        raise ImportFileError(path, 1, "no header line")
    return CsvContent(headers, header_line, tuple(records), tuple(broken), blank, delimiter)


def guess_delimiter(text: str) -> str:
    """The candidate that splits the first non-blank line most (outside quotes); a comma if none does."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = "".join(part for i, part in enumerate(first.split('"')) if i % 2 == 0)
    counts = {d: unquoted.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","
