"""The migrations build exactly the tables schema.py describes, and undoing one loses no conversation data."""
import warnings

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from leadqual.storage.database import alembic_config, create_engine_for, upgrade
from leadqual.storage.schema import metadata


def reflected(engine):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLite cannot reflect expression indexes; their names are compared below
        inspector = inspect(engine)
        return {
            table: {c["name"]: (c["type"].compile(dialect=engine.dialect), c["nullable"]) for c in inspector.get_columns(table)}
            for table in inspector.get_table_names()
            if table != "alembic_version"
        }


def declared(engine):
    return {
        table.name: {c.name: (c.type.compile(dialect=engine.dialect), c.nullable) for c in table.columns}
        for table in metadata.sorted_tables
    }


def index_names(engine):
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")).scalars())


def test_a_migrated_database_has_the_tables_and_columns_of_the_schema(database_url):
    engine = create_engine_for(database_url)
    assert reflected(engine) == declared(engine)


def test_a_migrated_database_has_the_indexes_of_the_schema_including_expression_ones(database_url):
    engine = create_engine_for(database_url)
    expected = {index.name for table in metadata.tables.values() for index in table.indexes}
    assert {"ix_prospects_email", "ix_prospects_phone", "ix_prospects_company_name", "ix_prospects_company_key"} <= expected
    assert index_names(engine) == expected


def test_alembic_finds_nothing_left_to_migrate(database_url):
    engine = create_engine_for(database_url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata) == []


def test_the_duplicate_lookups_use_their_indexes(database_url):
    engine = create_engine_for(database_url)
    with engine.connect() as conn:
        plan = " ".join(str(row) for row in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM prospects WHERE lower(replace(company_name, ' ', '')) = 'acme'")))
    assert "ix_prospects_company_key" in plan


def test_undoing_0002_keeps_every_signal_and_score_and_can_be_redone(tmp_path):
    url = f"sqlite:///{tmp_path / 'down.db'}"
    upgrade(url)
    engine = create_engine_for(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO prospects (id, channel, escalated, created_at, updated_at, outcome) "
                          "VALUES (1, 'rest', 0, '2026-11-28', '2026-11-28', 'won')"))
        conn.execute(text("INSERT INTO signals (prospect_id, kind, message_id, created_at) VALUES (1, 'buy_intent', 'm1', '2026-11-28')"))
    command.downgrade(alembic_config(url), "0001")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM signals")).scalar() == 1
        assert "outcome" not in {c["name"] for c in inspect(conn).get_columns("prospects")}
    upgrade(url)
    assert reflected(engine) == declared(engine)
