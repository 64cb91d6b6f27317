"""Persistence of the prospect file: SQLAlchemy tables, Alembic migrations and the repository."""
from leadqual.storage.database import create_engine_for, upgrade
from leadqual.storage.repository import ProspectRepository

__all__ = ["ProspectRepository", "create_engine_for", "upgrade"]
