"""made words: the messages the program wrote into a plan, next to their text

Revision ID: 0004
Revises: 0003

- phases.made_words: {"name": message, "focus": message, "criteria": message} for what the wizard
  wrote (a message as data: id, params, plural/count, context; planner.domain.messages.Msg.to_data).
- plans.made_title: the message the wizard wrote as the plan's title.

Both nullable: existing plans have none, and their stored text prints as it did. A handout in
another language words a made message anew only while the stored text is still what it made.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# Plain ADD/DROP COLUMN, never batch mode (see 0002: a batch copy of `plans` on SQLite would cascade).


def upgrade() -> None:
    op.add_column('phases', sa.Column('made_words', sa.JSON(), nullable=True))
    op.add_column('plans', sa.Column('made_title', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column('plans', 'made_title')
    op.drop_column('phases', 'made_words')
