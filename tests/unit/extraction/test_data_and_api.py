"""Data loading, language support and the public API's contract."""
import subprocess
import sys
from pathlib import Path

import pytest

import leadqual.extraction as ex
from leadqual.extraction import ConfigError, InvalidAnswer, UnsupportedLanguage, extract
from leadqual.extraction.data import DATA_DIR, load_yaml, phrases, places

ROOT = Path(__file__).resolve().parents[3]


def test_malformed_yaml_raises_config_error_naming_file_and_line(tmp_path):
    bad = tmp_path / "broken.yml"
    bad.write_text('"yes": [oui, non]\n"no": [non\ndecline: [x]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_yaml(bad)
    assert str(err.value).startswith(f"{bad}:3: ")  # the unclosed list runs into line 3


def test_tab_indented_yaml_reports_the_tab_line(tmp_path):
    bad = tmp_path / "tabs.yml"
    bad.write_text("a: 1\nb:\n  - x\n\tc: 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tabs\.yml:4: "):
        load_yaml(bad)


def test_wrongly_shaped_data_file_raises_config_error_at_the_offending_line(tmp_path):
    from leadqual.extraction.data import _validate_phrases

    bad = tmp_path / "xx.yml"
    bad.write_text('"yes": [oui]\n"no": [non]\ndecline:\n  - passe\n  - 42\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_yaml(bad, _validate_phrases)
    assert str(err.value).startswith(f"{bad}:5: ")


def test_missing_data_file_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="missing.yml: cannot read"):
        load_yaml(tmp_path / "missing.yml")


def test_shipped_data_files_are_valid():
    for lang in ex.SUPPORTED_LANGUAGES:
        assert phrases(lang)["yes"]
    assert len(places()["demonyms"]) >= 40
    for code, langs in places()["demonyms"].items():
        assert set(ex.SUPPORTED_LANGUAGES) <= set(langs), code


def test_every_supported_language_has_a_phrases_file():
    files = {p.stem for p in (DATA_DIR / "phrases").glob("*.yml")}
    assert set(ex.SUPPORTED_LANGUAGES) <= files


def test_unknown_slot_raises_key_error():
    with pytest.raises(KeyError):
        extract("shoe_size", "42", "en")


def test_unsupported_language_is_a_value_error():
    with pytest.raises(UnsupportedLanguage):
        extract("employees", "42", "xx")
    assert issubclass(UnsupportedLanguage, ValueError)


@pytest.mark.parametrize("slot", ex.SLOTS)
def test_blank_answer_is_invalid_for_every_slot(slot):
    with pytest.raises(InvalidAnswer) as err:
        extract(slot, "   ", "en")
    assert (err.value.slot, err.value.reason) == (slot, "empty")


def test_invalid_answer_is_a_value_error_carrying_slot_and_reason():
    error = InvalidAnswer("email", "bad_email")
    assert isinstance(error, ValueError)
    assert (error.slot, error.reason) == ("email", "bad_email")


def test_public_api_is_re_exported():
    for name in ("SUPPORTED_LANGUAGES", "Extracted", "InvalidAnswer", "extract", "extract_all",
                 "is_decline", "parse_yes_no", "parse_number"):
        assert hasattr(ex, name)
    assert ex.SUPPORTED_LANGUAGES == ("en", "fr", "es", "de", "it", "pt")


def test_extracted_is_immutable():
    item = extract("employees", "12", "en")
    with pytest.raises(Exception):
        item.value = 13


def test_import_reads_no_data_file_but_the_language_list_and_pulls_no_rasa_sanic_or_spacy():
    # data/languages.yml defines which languages exist (a new one is data, not code); the tables are lazy.
    code = (
        "import sys\n"
        "import leadqual\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and opened.append(str(args[0])))\n"
        "import leadqual.extraction\n"
        "bad = [m for m in ('rasa', 'rasa_sdk', 'sanic', 'spacy') if m in sys.modules]\n"
        "data = [f for f in opened if f.endswith(('.yml', '.yaml')) and not f.endswith('languages.yml')]\n"
        "print(bad, data)\n"
        "sys.exit(1 if bad or data else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_stay_short():
    for path in (ROOT / "leadqual" / "extraction").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name


def test_a_broken_phrases_file_fails_through_the_cached_accessor(tmp_path, monkeypatch):
    from leadqual.extraction import data

    (tmp_path / "phrases").mkdir()
    (tmp_path / "phrases" / "zz.yml").write_text('"yes": [ja\n"no": [nee]\n', encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.phrases.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"zz\.yml:2: "):
            data.phrases("zz")
    finally:
        data.phrases.cache_clear()
