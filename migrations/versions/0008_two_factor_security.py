"""Two-factor authentication: the last TOTP counter used (no replay) and failures per member;
recovery codes encrypted at rest.

Recovery codes used to be stored as typed ("1a2b-3c4d-5e6f"). Flask-Security now encrypts them
with SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS (derived from SECRET_KEY in create_app) and
silently ignores any stored code it cannot decrypt, so the plain ones are encrypted here with
the running app's keys, or the members' printed codes would stop working. Downgrade turns them
back into plain text for the code that does not know the keys.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 19:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_users = sa.table('accounts_user', sa.column('id', sa.Integer),
                  sa.column('mf_recovery_codes', sa.JSON))


def upgrade():
    # plain ALTER TABLE, as in 0006 and 0007 (batch mode would rebuild the table)
    op.add_column('accounts_user', sa.Column('tf_last_counter', sa.Integer(), nullable=True))
    op.add_column('accounts_user', sa.Column('tf_failures', sa.Integer(), nullable=False,
                                             server_default='0'))
    op.add_column('accounts_user', sa.Column('tf_failed_at', sa.DateTime(timezone=True),
                                             nullable=True))
    _rewrite_codes(encrypt=True)


def downgrade():
    _rewrite_codes(encrypt=False)
    op.drop_column('accounts_user', 'tf_failed_at')
    op.drop_column('accounts_user', 'tf_failures')
    op.drop_column('accounts_user', 'tf_last_counter')


def _rewrite_codes(encrypt: bool) -> None:
    from cryptography.fernet import Fernet, InvalidToken, MultiFernet
    from flask import current_app

    # current_app: run through `flask db upgrade`, whose app derived the keys; an app
    # without keys reads the codes as stored, so then they stay as they are
    keys = current_app.config.get('SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS')
    if not keys:
        return
    fernet = MultiFernet([Fernet(key) for key in keys])
    connection = op.get_bind()
    rows = connection.execute(sa.select(_users.c.id, _users.c.mf_recovery_codes)).all()
    for user_id, codes in rows:
        if not codes:
            continue
        new = []
        for code in codes:
            try:
                plain = fernet.decrypt(code.encode()).decode()
            except InvalidToken:
                plain = code  # stored as typed
            new.append(fernet.encrypt(plain.encode()).decode() if encrypt else plain)
        connection.execute(_users.update().where(_users.c.id == user_id)
                           .values(mf_recovery_codes=new))
