"""outcomes, imports, de-duplication lookups and fitted scoring models

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 15:00:00.000000
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Written out rather than imported from schema.py: a revision must not change when the code does.
EMAIL_KEY = "lower(email)"
COMPANY_KEY = "lower(replace(company_name, ' ', ''))"


def upgrade() -> None:
    with op.batch_alter_table('prospects', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('outcome_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('imported_from', sa.Text(), nullable=True))
        batch_op.create_index('ix_prospects_email', ['email'], unique=False)
        batch_op.create_index('ix_prospects_phone', ['phone'], unique=False)
        batch_op.create_index('ix_prospects_company_name', ['company_name'], unique=False)
    # Expression indexes are created outside the batch: SQLite's table copy would not carry them over.
    op.create_index('ix_prospects_email_key', 'prospects', [sa.text(EMAIL_KEY)], unique=False)
    op.create_index('ix_prospects_company_key', 'prospects', [sa.text(COMPANY_KEY)], unique=False)

    op.create_table('scoring_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('weights', sa.JSON(), nullable=False),
    sa.Column('brier_hand', sa.Float(), nullable=True),
    sa.Column('brier_learned', sa.Float(), nullable=True),
    sa.Column('n_outcomes', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('scoring_models')
    op.drop_index('ix_prospects_company_key', table_name='prospects')
    op.drop_index('ix_prospects_email_key', table_name='prospects')
    op.drop_index('ix_prospects_company_name', table_name='prospects')
    op.drop_index('ix_prospects_phone', table_name='prospects')
    op.drop_index('ix_prospects_email', table_name='prospects')
    # Not a batch: SQLite's batch copies the table and drops the old one, and with foreign keys on that
    # drop deletes every signal, score and handoff by cascade. ALTER TABLE DROP COLUMN (SQLite >= 3.35) does not.
    for column in ('imported_from', 'outcome_at', 'outcome'):
        op.drop_column('prospects', column)
