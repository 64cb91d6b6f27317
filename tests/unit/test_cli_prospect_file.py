"""The prospect file from the command line: import, outcomes, funnel, fitting, export; errors without tracebacks."""
import csv
import io

import pytest

from leadqual.cli import main, progress_printer
from tests.unit.prospect_data import MESSY, simulate


@pytest.fixture
def messy_file(tmp_path):
    path = tmp_path / "salon.csv"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_import_prints_the_report_and_succeeds_despite_rejected_rows(qualifier, messy_file, capsys):
    code = main(["import", str(messy_file), "--source", "trade_show", "--language", "fr", "--delimiter", ";"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "  imported:   3" in out and "  duplicates: 1" in out and "  rejected:   2" in out
    assert "line 5: rejected: nothing identifies the prospect" in out
    assert "line 8: rejected: malformed line: 11 fields where the header has 9" in out
    assert "line 7: warning: Téléphone '12': not understood as phone (bad_phone)" in out
    assert "line 6: duplicate of line 3 of this file by email; filled: sector" in out
    assert "importing: 6/6 rows (100%)" in err
    assert len(list(qualifier.repository.iter_prospects())) == 3


def test_an_explicit_column_mapping_is_given_with_map(qualifier, tmp_path, capsys):
    path = tmp_path / "crm.csv"
    path.write_text("Kundennr,Name der Firma\n17,Schmidt AG\n", encoding="utf-8")
    assert main(["import", str(path), "--source", "existing_client", "--language", "de",
                 "--map", "Name der Firma=company_name", "--map", "Kundennr=-"]) == 0
    prospect = next(iter(qualifier.repository.iter_prospects()))
    assert (prospect["company_name"], prospect["prospect_source"]) == ("Schmidt AG", "existing_client")


@pytest.mark.parametrize("content, expected", [
    (b"email\nanna@example.com\n\xe9t\xe9@example.com\n",
     ":3: not UTF-8 text (byte 0xe9); save it as UTF-8 or give its encoding, e.g. --encoding cp1252"),
    (b"", ":1: the file is empty: a prospect file starts with a header line"),
])
def test_import_of_an_unreadable_file_exits_2_naming_file_and_line(qualifier, tmp_path, capsys, content, expected):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    assert main(["import", str(path), "--source", "other"]) == 2
    assert capsys.readouterr().err.strip() == f"leadqual: {path}{expected}"


def test_import_of_a_missing_file_or_a_bad_mapping_exits_2(qualifier, tmp_path, messy_file, capsys):
    assert main(["import", str(tmp_path / "nope.csv"), "--source", "other"]) == 2
    assert f"leadqual: {tmp_path / 'nope.csv'}:0: cannot read the file" in capsys.readouterr().err
    assert main(["import", str(messy_file), "--source", "other", "--map", "Raison sociale=siret"]) == 2
    assert "'siret' is not a slot" in capsys.readouterr().err


def test_outcome_is_recorded_and_an_unknown_id_is_named(qualifier, capsys):
    prospect = qualifier.repository.get_or_create("conv-1")
    assert main(["outcome", str(prospect["id"]), "won"]) == 0
    assert qualifier.repository.get(prospect["id"])["outcome"] == "won"
    assert main(["outcome", "999", "lost"]) == 2
    assert capsys.readouterr().err.strip() == "leadqual: no prospect with id 999"
    with pytest.raises(SystemExit) as exit_:
        main(["outcome", str(prospect["id"]), "maybe"])
    assert exit_.value.code == 2


def test_export_rows_carry_the_outcome(qualifier, capsys):
    prospect = qualifier.repository.get_or_create("conv-1", language="en")
    qualifier.repository.record_outcome(prospect["id"], "lost")
    assert main(["export"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["id"], row["outcome"]) for row in rows] == [(str(prospect["id"]), "lost")]


def test_funnel_prints_both_splits_and_can_draw_them(qualifier, messy_file, tmp_path, capsys):
    main(["import", str(messy_file), "--source", "trade_show", "--language", "fr"])
    capsys.readouterr()
    png = tmp_path / "var" / "funnel.png"
    assert main(["funnel", "--png", str(png)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:5] == ["language", "cold", "warm", "hot", "won"]
    assert any(line.split()[:2] == ["fr", "3"] for line in out.splitlines())
    assert any(line.split()[:2] == ["trade_show", "3"] for line in out.splitlines())
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_scoring_fit_refuses_too_few_outcomes_then_fits(qualifier, tmp_path, capsys):
    simulate(qualifier.repository.engine, 120)
    assert main(["scoring", "fit"]) == 0
    assert "Brier score on the held-out outcomes" in capsys.readouterr().out
    assert main(["scoring", "fit", "--min-outcomes", "500"]) == 1
    assert capsys.readouterr().err.strip().startswith("leadqual: 120 outcomes are recorded and fitting needs at least 500")
    png = tmp_path / "reliability.png"
    assert main(["scoring", "fit", "--png", str(png)]) == 0 and png.exists()


def test_progress_in_a_log_is_a_line_every_tenth():
    stream = io.StringIO()
    show = progress_printer(stream)
    for done in range(100, 1001, 100):
        show(done, 1000)
    show(1000, 1000)
    assert stream.getvalue().splitlines()[0] == "importing: 100/1000 rows (10%)"
    assert len(stream.getvalue().splitlines()) == 10


def test_a_second_fit_still_compares_with_the_hand_set_model(qualifier, settings, capsys):
    import re

    from leadqual import bootstrap

    simulate(qualifier.repository.engine, 600)
    assert main(["scoring", "fit"]) == 0
    first = capsys.readouterr().out
    bootstrap.override(bootstrap.build(settings, deliver_in_background=False))  # a restart: learned weights if active
    assert main(["scoring", "fit"]) == 0
    second = capsys.readouterr().out
    hand = re.compile(r"hand (\d\.\d+)")
    assert hand.search(first).group(1) == hand.search(second).group(1)
