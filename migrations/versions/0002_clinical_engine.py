"""clinical engine: the check-in of the spec, balance safety, the plan as a roadmap

Revision ID: 0002
Revises: 0001

- checkins: optional morning pain (0-10), the red-flag question (NULL = not asked, [] = no,
  else the flags), the expected harm of the current exposure rung. Existing check-ins keep their
  meaning: their next-morning answer stays, morning pain is unknown, red flags were not asked.
- patients: "fell in the last 12 months" and "fears falling" (false for existing patients).
- plans: the current phase (stored; existing plans get the phase their dates put them in), the
  accepted reviews (step backs, holds, moves on), the exposure ladder and the balance rungs the
  therapist ticked as done safely in the practice.
- blocks: how a block progresses (NULL = derived from its kind and key).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def _current_phases() -> None:
    """Existing plans: the current phase is the one the plan's dates put the patient in today."""
    bind = op.get_bind()
    today = dt.date.today()
    plans = bind.execute(sa.text("SELECT id, start_date FROM plans")).fetchall()
    for plan_id, start in plans:
        phases = bind.execute(sa.text("SELECT id, weeks FROM phases WHERE plan_id = :p ORDER BY position, id"),
                              {"p": plan_id}).fetchall()
        if not phases:
            continue
        if isinstance(start, str):
            start = dt.date.fromisoformat(start[:10])
        current = phases[-1][0] if start is None else None
        cursor = start
        if current is None:
            for phase_id, weeks in phases:
                cursor = cursor + dt.timedelta(weeks=max(int(weeks or 1), 1))
                if today < cursor:
                    current = phase_id
                    break
            else:
                current = phases[-1][0]
        bind.execute(sa.text("UPDATE plans SET current_phase_id = :c WHERE id = :p"), {"c": current, "p": plan_id})


# Plain ADD/DROP COLUMN, never batch mode: a batch "move and copy" on SQLite drops and recreates
# the table, and with foreign keys on, dropping `patients` or `plans` cascades to their plans and
# check-ins (tested: tests/migrations, 0002 keeps existing check-ins). SQLite 3.35+ drops columns.


def upgrade() -> None:
    op.add_column('checkins', sa.Column('morning_pain', sa.Integer(), nullable=True))
    op.add_column('checkins', sa.Column('red_flags', sa.JSON(), nullable=True))
    op.add_column('checkins', sa.Column('expected_harm', sa.Integer(), nullable=True))
    op.add_column('patients', sa.Column('fell_last_year', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('patients', sa.Column('fears_falling', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('plans', sa.Column('current_phase_id', sa.Integer(), nullable=True))
    op.add_column('plans', sa.Column('review_log', sa.JSON(), nullable=True))
    op.add_column('plans', sa.Column('exposure', sa.JSON(), nullable=True))
    op.add_column('plans', sa.Column('practice_ticks', sa.JSON(), nullable=True))
    op.add_column('blocks', sa.Column('progression', sa.String(length=10), nullable=True))
    _current_phases()


def downgrade() -> None:
    for table, column in (('blocks', 'progression'), ('plans', 'practice_ticks'), ('plans', 'exposure'), ('plans', 'review_log'),
                          ('plans', 'current_phase_id'), ('patients', 'fears_falling'),
                          ('patients', 'fell_last_year'), ('checkins', 'expected_harm'), ('checkins', 'red_flags'),
                          ('checkins', 'morning_pain')):
        op.drop_column(table, column)
