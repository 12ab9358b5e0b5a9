"""Research library (papers, ordered authors, file versions) and the shared search index.

The search index's full-text part is per dialect: an FTS5 table on SQLite, a tsvector
column with a GIN index on PostgreSQL (vfac/search.py writes and reads both).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('vfac_search_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('visibility', sa.Enum('PUBLIC', 'MEMBERS', 'RESTRICTED', name='visibility', native_enum=False, length=24), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vfac_search_entry')),
    sa.UniqueConstraint('kind', 'object_id', name=op.f('uq_vfac_search_entry_kind'))
    )
    with op.batch_alter_table('vfac_search_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vfac_search_entry_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_vfac_search_entry_visibility'), ['visibility'], unique=False)

    op.create_table('research_paper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('abstract', sa.Text(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('type', sa.Enum('ARTICLE', 'REPORT', 'THESIS', 'BOOK', 'GUIDE', 'LEGISLATION', 'LEGISLATION_ANALYSIS', 'CASE_STUDY', 'TRAINING_MATERIAL', name='papertype', native_enum=False, length=24), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('countries', sa.JSON(), nullable=False),
    sa.Column('region', sa.String(length=20), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('licence', sa.String(length=100), nullable=False),
    sa.Column('publisher', sa.String(length=200), nullable=False),
    sa.Column('doi', sa.String(length=200), nullable=True),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('visibility', sa.Enum('PUBLIC', 'MEMBERS', 'RESTRICTED', name='visibility', native_enum=False, length=24), nullable=False),
    sa.Column('status', sa.Enum('DRAFT', 'PENDING', 'PUBLISHED', 'REJECTED', name='status', native_enum=False, length=24), nullable=False),
    sa.Column('rejection_reason', sa.Text(), nullable=False),
    sa.Column('submitter_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('download_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submitter_id'], ['accounts_user.id'], name=op.f('fk_research_paper_submitter_id_accounts_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_research_paper'))
    )
    with op.batch_alter_table('research_paper', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_research_paper_doi'), ['doi'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_region'), ['region'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_status'), ['status'], unique=False)
        batch_op.create_index('ix_research_paper_status_year', ['status', 'year'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_submitter_id'), ['submitter_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_type'), ['type'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_visibility'), ['visibility'], unique=False)
        batch_op.create_index(batch_op.f('ix_research_paper_year'), ['year'], unique=False)

    op.create_table('research_author',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('affiliation', sa.String(length=300), nullable=False),
    sa.Column('orcid', sa.String(length=19), nullable=True),
    sa.ForeignKeyConstraint(['paper_id'], ['research_paper.id'], name=op.f('fk_research_author_paper_id_research_paper'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_research_author'))
    )
    with op.batch_alter_table('research_author', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_research_author_paper_id'), ['paper_id'], unique=False)

    op.create_table('research_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('extraction', sa.Enum('PENDING', 'DONE', 'FAILED', name='extraction', native_enum=False, length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['research_paper.id'], name=op.f('fk_research_file_paper_id_research_paper'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['accounts_user.id'], name=op.f('fk_research_file_uploaded_by_id_accounts_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_research_file')),
    sa.UniqueConstraint('paper_id', 'version', name=op.f('uq_research_file_paper_id')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_research_file_stored_name'))
    )
    with op.batch_alter_table('research_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_research_file_paper_id'), ['paper_id'], unique=False)

    op.create_table('research_paper_topic',
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['research_paper.id'], name=op.f('fk_research_paper_topic_paper_id_research_paper'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['vfac_topic.id'], name=op.f('fk_research_paper_topic_topic_id_vfac_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('paper_id', 'topic_id', name=op.f('pk_research_paper_topic'))
    )
    with op.batch_alter_table('research_paper_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_research_paper_topic_topic_id'), ['topic_id'], unique=False)

    _create_fulltext()


def _create_fulltext():
    if op.get_bind().dialect.name == "sqlite":
        # unicode61 over text vfac/search.py has already normalised (stems, Chinese words
        # split by spaces); trigram would miss the two-character words of Chinese
        op.execute("CREATE VIRTUAL TABLE vfac_search_fts USING fts5("
                   "title, meta, body, tokenize = 'unicode61 remove_diacritics 2')")
    else:
        op.execute("ALTER TABLE vfac_search_entry ADD COLUMN search_vector tsvector")
        op.execute("CREATE INDEX ix_vfac_search_entry_search_vector ON vfac_search_entry "
                   "USING gin (search_vector)")


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS vfac_search_fts")
    with op.batch_alter_table('research_paper_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_research_paper_topic_topic_id'))

    op.drop_table('research_paper_topic')
    with op.batch_alter_table('research_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_research_file_paper_id'))

    op.drop_table('research_file')
    with op.batch_alter_table('research_author', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_research_author_paper_id'))

    op.drop_table('research_author')
    with op.batch_alter_table('research_paper', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_research_paper_year'))
        batch_op.drop_index(batch_op.f('ix_research_paper_visibility'))
        batch_op.drop_index(batch_op.f('ix_research_paper_type'))
        batch_op.drop_index(batch_op.f('ix_research_paper_submitter_id'))
        batch_op.drop_index('ix_research_paper_status_year')
        batch_op.drop_index(batch_op.f('ix_research_paper_status'))
        batch_op.drop_index(batch_op.f('ix_research_paper_region'))
        batch_op.drop_index(batch_op.f('ix_research_paper_published_at'))
        batch_op.drop_index(batch_op.f('ix_research_paper_language'))
        batch_op.drop_index(batch_op.f('ix_research_paper_doi'))

    op.drop_table('research_paper')
    with op.batch_alter_table('vfac_search_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vfac_search_entry_visibility'))
        batch_op.drop_index(batch_op.f('ix_vfac_search_entry_language'))

    op.drop_table('vfac_search_entry')
