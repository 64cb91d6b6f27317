"""Answer understanding for leadqual: turn a prospect's reply into slot values.

`extract(slot, text, lang)` reads the answer to one question; `extract_all`
picks up whatever a free message states on unambiguous cues; `is_decline`,
`parse_yes_no` and `parse_number` are the shared building blocks.  Functions
are pure; failures are types (`InvalidAnswer` with a `.reason` code,
`ConfigError` for a broken data file).  Nothing is read at import time: data
files and spaCy tokenizers load on first use and are cached.

Libraries do what they know (babel: number formats, magnitudes, month, country
and currency names; pycountry; phonenumbers; email-validator; text2num: number
words; spaCy: tokenisation and elision).  Everything else is data under
leadqual/data: phrases/<lang>.yml, sectors.yml, places.yml, currency_rates.yml.

Adding a language needs only data files: copy phrases/en.yml to
phrases/<xx>.yml and translate it, add an `<xx>:` list to every sector in
sectors.yml and to the demonyms in places.yml (cities are shared).  A language
works as soon as its phrases file exists; SUPPORTED_LANGUAGES lists the ones
shipped and tested.
"""
from .choices import is_decline, parse_yes_no
from .errors import ConfigError, InvalidAnswer, UnsupportedLanguage
from .model import SUPPORTED_LANGUAGES, Extracted
from .numbers import parse_number
from .opportunistic import extract_all
from .slots import EXTRACTORS, extract

SLOTS = tuple(EXTRACTORS)

__all__ = [
    "SUPPORTED_LANGUAGES", "SLOTS", "Extracted", "InvalidAnswer", "ConfigError", "UnsupportedLanguage",
    "extract", "extract_all", "is_decline", "parse_yes_no", "parse_number",
]
