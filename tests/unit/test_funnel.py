"""The funnel counts each prospect at every stage up to the warmest it ever was; a won one went through them all."""
import datetime as dt

import pytest

from leadqual.funnel import funnel, render_png, render_table
from leadqual.storage.database import create_engine_for
from leadqual.storage.repository import ProspectRepository

# conversation, language, source, temperatures in the order they were scored, outcome
PROSPECTS = [
    ("a", "fr", "trade_show", ["cold", "warm", "hot"], "won"),
    ("b", "fr", "trade_show", ["cold", "warm", "cold"], None),   # was warm once: still counts as warm
    ("c", "fr", "website", ["cold"], None),
    ("d", "en", "website", ["warm", "hot", "warm"], None),
    ("e", "en", "referral", ["cold"], "lost"),
    ("f", "en", "referral", ["cold"], "won"),                    # won on the phone without ever being hot
    ("g", "de", None, [], None),                                 # never scored: entered the funnel cold
]


@pytest.fixture
def repository(database_url):
    repository = ProspectRepository(create_engine_for(database_url), clock=lambda: dt.datetime(2026, 11, 28, 12, 0))
    for conversation, language, source, temperatures, outcome in PROSPECTS:
        prospect = repository.get_or_create(conversation, language=language)
        if source:
            repository.save_answers(prospect["id"], {"prospect_source": source})
        for step, temperature in enumerate(temperatures):
            repository.record_score(prospect["id"], 0.1 * (step + 1), temperature, [])
        if outcome:
            repository.record_outcome(prospect["id"], outcome)
    return repository


def counts(result):
    return {row.group: row.counts + (row.lost,) for row in result.rows + (result.total,)}


def test_the_funnel_per_language_counts_the_warmest_stage_ever_reached(repository):
    assert counts(funnel(repository, "language")) == {
        "de": (1, 0, 0, 0, 0),
        "en": (3, 2, 2, 1, 1),
        "fr": (3, 2, 1, 1, 0),
        "total": (7, 4, 3, 2, 1),
    }


def test_the_funnel_per_source_puts_prospects_without_one_apart(repository):
    assert counts(funnel(repository, "source")) == {
        "referral": (2, 1, 1, 1, 1),
        "trade_show": (2, 2, 1, 1, 0),
        "website": (2, 1, 1, 0, 0),
        "unknown": (1, 0, 0, 0, 0),
        "total": (7, 4, 3, 2, 1),
    }


def test_the_table_shows_counts_and_the_conversion_between_stages(repository):
    table = render_table([funnel(repository, "language")])
    fr = next(line for line in table.splitlines() if line.startswith("fr"))
    assert fr.split() == ["fr", "3", "2", "1", "1", "0", "67%", "50%", "100%"]
    de = next(line for line in table.splitlines() if line.startswith("de"))
    assert de.split()[-2:] == ["-", "-"]  # no conversion from an empty stage


def test_the_chart_is_a_png_file(repository, tmp_path):
    path = render_png([funnel(repository, "language"), funnel(repository, "source")], tmp_path / "out" / "funnel.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_funnel_is_split_by_language_or_source_only(repository):
    with pytest.raises(ValueError, match="language or source"):
        funnel(repository, "email")
