"""A prospect file bought or exported is imported like a conversation: understood, scored, never duplicated."""
import csv
import datetime as dt
import io

import pytest

from leadqual.csv_records import ImportFileError
from leadqual.import_columns import MappingError, map_columns
from leadqual.prospect_file import write_csv
from leadqual.prospect_import import import_csv
from leadqual.storage.database import create_engine_for, upgrade
from leadqual.storage.repository import ProspectRepository
from tests.unit.prospect_data import MESSY

TODAY = dt.date(2026, 11, 28)


def make_repository(url):
    return ProspectRepository(create_engine_for(url), clock=lambda: dt.datetime(2026, 11, 28, 12, 0))


@pytest.fixture
def repository(database_url):
    return make_repository(database_url)


@pytest.fixture
def messy_file(tmp_path):
    path = tmp_path / "salon-lyon.csv"
    path.write_text(MESSY, encoding="utf-8-sig")  # a spreadsheet's BOM
    return path


def by_email(repository):
    return {p["email"]: p for p in repository.iter_prospects()}


def test_a_messy_french_file_is_imported_with_every_row_accounted_for(repository, messy_file):
    report = import_csv(messy_file, "trade_show", repository, language="fr", today=TODAY)

    assert [(i.line) for i in report.imported] == [3, 4, 7]
    assert [(d.line, d.by, d.filled, d.same_file_line) for d in report.duplicates] == [(6, "email", ("sector",), 3)]
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejected] == [
        (5, "nothing identifies the prospect"), (8, "malformed line")]
    assert [(w.line, w.column, w.value) for w in report.warnings] == [(7, "Téléphone", "12")]
    assert report.rows == 6 and report.blank_lines == 2
    assert [c.header for c in report.ignored_columns] == ["Remarque"]


def test_imported_values_are_normalised_by_the_dialogues_extractors(repository, messy_file):
    import_csv(messy_file, "trade_show", repository, language="fr", today=TODAY)
    prospects = by_email(repository)

    sge = prospects["elodie.martin@sge.fr"]
    assert (sge["annual_revenue_eur"], sge["country"], sge["phone"], sge["employees"]) == (1500000.0, "FR", "+33612345678", 250)
    assert sge["company_name"] == "Société Générale des Eaux"  # the duplicate's name did not overwrite it
    assert sge["sector"] == "transport_logistics"  # the duplicate filled what was empty
    assert sge["details"]["annual_revenue_eur"]["currency"] == "EUR"
    mueller = prospects["j.mueller@mueller.de"]
    assert (mueller["country"], mueller["phone"], mueller["employees"], mueller["annual_revenue_eur"]) == (
        "DE", "+49301234567", 75, 12_000_000.0)  # the phone read with the row's own country
    zoe = prospects["zoe@cafe-zoe.fr"]
    assert zoe["phone"] is None and zoe["company_name"] == "Café Zoé"


def test_imported_prospects_carry_source_file_language_and_a_score(repository, messy_file):
    import_csv(messy_file, "trade_show", repository, language="fr", today=TODAY)
    for prospect in repository.iter_prospects():
        assert (prospect["prospect_source"], prospect["imported_from"], prospect["language"], prospect["channel"]) == (
            "trade_show", "salon-lyon.csv", "fr", "import")
        assert prospect["temperature"] in ("cold", "warm", "hot")
    histories = {email: len(repository.score_history(p["id"])) for email, p in by_email(repository).items()}
    assert histories == {"elodie.martin@sge.fr": 2, "j.mueller@mueller.de": 1, "zoe@cafe-zoe.fr": 1}  # 2: rescored when enriched


def test_an_exported_file_imports_back_into_the_same_prospects(repository, messy_file, tmp_path):
    import_csv(messy_file, "trade_show", repository, language="fr", today=TODAY)
    repository.record_outcome(by_email(repository)["zoe@cafe-zoe.fr"]["id"], "won")
    exported = tmp_path / "export.csv"
    with open(exported, "w", encoding="utf-8", newline="") as out:
        assert write_csv(repository.iter_prospects(), out) == 3
    rows = {row["email"]: row for row in csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8")))}
    assert rows["zoe@cafe-zoe.fr"]["outcome"] == "won" and rows["elodie.martin@sge.fr"]["outcome"] == ""

    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    upgrade(other_url)
    copy = make_repository(other_url)
    report = import_csv(exported, "other", copy, language="en", today=TODAY)

    assert (len(report.imported), report.rejected, report.warnings) == (3, [], [])
    compared = ("person_name", "email", "phone", "country", "company_name", "sector", "employees",
                "annual_revenue_eur", "prospect_source")
    originals = by_email(repository)
    for email, prospect in by_email(copy).items():
        assert {k: prospect[k] for k in compared} == {k: originals[email][k] for k in compared}


def test_a_row_matching_a_known_prospect_by_phone_enriches_it_without_overwriting(repository, tmp_path):
    known = repository.get_or_create("conv-1", "rest", "fr")
    repository.save_answers(known["id"], {"phone": "+33612345678", "company_name": "Dupont SA", "employees": 12})
    path = tmp_path / "bought.csv"
    path.write_text("Company,Phone,Employees,Country,Revenue\nDUPONT  S.A.,+33 6 12 34 56 78,500,France,2 M€\n", encoding="utf-8")

    report = import_csv(path, "other", repository, today=TODAY)

    assert report.imported == []
    assert [(d.prospect_id, d.by, d.filled, d.same_file_line) for d in report.duplicates] == [
        (known["id"], "phone", ("annual_revenue_eur", "country", "prospect_source"), None)]
    stored = repository.get(known["id"])
    assert (stored["company_name"], stored["employees"], stored["country"], stored["annual_revenue_eur"]) == (
        "Dupont SA", 12, "FR", 2_000_000.0)
    assert stored["prospect_source"] == "other"  # it was unknown: filled like any empty answer
    assert len(repository.score_history(known["id"])) == 1  # rescored once, with what it learnt


def test_a_company_name_matches_whatever_its_case_and_spaces(repository, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Firma,Land\nMüller  GmbH,Deutschland\nmüller gmbh,\nMüllerGmbH,\n", encoding="utf-8")
    report = import_csv(path, "other", repository, language="de", today=TODAY)
    assert len(report.imported) == 1
    assert [(d.line, d.by) for d in report.duplicates] == [(3, "company_name"), (4, "company_name")]


def test_an_explicit_mapping_overrides_the_column_names(repository, tmp_path):
    path = tmp_path / "crm.csv"
    path.write_text("Raison sociale;Nom;Notes\nAcme SA;Acme Holding;Wants a fleet management tool for 40 trucks\n", encoding="utf-8")
    report = import_csv(path, "referral", repository, mapping={"Nom": "-", "notes": "need"}, today=TODAY)
    prospect = next(iter(repository.iter_prospects()))
    assert (prospect["company_name"], prospect["person_name"]) == ("Acme SA", None)
    assert prospect["need"].startswith("Wants a fleet")
    assert report.columns == {"Raison sociale": "company_name", "Notes": "need"}


def test_an_explicit_mapping_naming_a_missing_column_is_refused():
    with pytest.raises(MappingError, match="'Siret': no such column"):
        map_columns(["Société", "Email"], {"Siret": "company_name"})


def test_progress_is_reported_every_hundred_rows_and_at_the_end(repository, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("email\n" + "".join(f"p{i}@example.com\n" for i in range(250)), encoding="utf-8")
    calls = []
    import_csv(path, "website", repository, today=TODAY, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(100, 250), (200, 250), (250, 250)]


@pytest.mark.parametrize("content, line, reason", [
    (b"", 1, "the file is empty"),
    (b"email\nanna@example.com\n\xe9t\xe9@example.com\n", 3, "not UTF-8 text"),
    (b"PK\x03\x04\x00\x00binary", 1, "not a CSV file"),
    (b"Lorem ipsum dolor sit amet\nconsectetur\n", 1, "no column is a prospect field"),
    (b"Pays;Effectif\nFrance;10\n", 1, "no column identifies a prospect"),
])
def test_a_file_that_cannot_be_read_as_a_prospect_file_is_refused_with_its_line(repository, tmp_path, content, line, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as error:
        import_csv(path, "other", repository, today=TODAY)
    assert (error.value.line, str(error.value).startswith(f"{path}:{line}: {reason}")) == (line, True)
    assert list(repository.iter_prospects()) == []
