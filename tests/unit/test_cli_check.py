"""`leadqual check` refuses a bad configuration before anything starts, naming file and line."""
from leadqual.cli import main


def test_the_shipped_configuration_is_valid(monkeypatch, database_url, capsys):
    monkeypatch.setenv("LEADQUAL_DATABASE_URL", database_url)
    assert main(["check"]) == 0
    assert "configuration is valid" in capsys.readouterr().err


def test_a_bad_scoring_file_is_refused_with_its_line(monkeypatch, tmp_path, capsys):
    bad = tmp_path / "scoring.yml"
    bad.write_text("intercept: -2\ncriteria:\n  employees: [\n", encoding="utf-8")
    monkeypatch.setenv("LEADQUAL_SCORING_FILE", str(bad))
    assert main(["check"]) == 2
    assert f"{bad}:4:" in capsys.readouterr().err


def test_a_reps_file_without_reps_is_refused(monkeypatch, tmp_path, capsys):
    bad = tmp_path / "reps.yml"
    bad.write_text("default: nobody\nreps: []\n", encoding="utf-8")
    monkeypatch.setenv("LEADQUAL_REPS_FILE", str(bad))
    assert main(["check"]) == 2
    assert "reps.yml" in capsys.readouterr().err
