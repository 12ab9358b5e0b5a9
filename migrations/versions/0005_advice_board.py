"""Advice board: categories (one per topic), threads, answers, comments, votes, tags,
subscriptions, notifications, flags and revisions; members' mail and language settings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None
SQLITE = False


def upgrade():
    global SQLITE
    SQLITE = op.get_bind().dialect.name == 'sqlite'  # (it creates the thread's key inline)
    op.create_table('forum_tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_forum_tag_name'))
    )
    op.create_table('forum_category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['topic_id'], ['vfac_topic.id'], name=op.f('fk_forum_category_topic_id_vfac_topic')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_category')),
    sa.UniqueConstraint('topic_id', name=op.f('uq_forum_category_topic_id'))
    )
    op.create_table('forum_thread',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('visibility', sa.Enum('PUBLIC', 'MEMBERS', 'RESTRICTED', name='visibility', native_enum=False, length=24), nullable=False),
    sa.Column('status', sa.Enum('OPEN', 'ANSWERED', 'LOCKED', name='threadstatus', native_enum=False, length=20), nullable=False),
    sa.Column('is_pinned', sa.Boolean(), nullable=False),
    sa.Column('accepted_answer_id', sa.Integer(), nullable=True),
    sa.Column('lesson_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('answer_count', sa.Integer(), nullable=False),
    sa.Column('view_count', sa.Integer(), nullable=False),
    sa.Column('last_activity_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    *([sa.ForeignKeyConstraint(['accepted_answer_id'], ['forum_post.id'],
                               name=op.f('fk_forum_thread_accepted_answer_id_forum_post'),
                               ondelete='SET NULL')] if SQLITE else []),
    sa.ForeignKeyConstraint(['author_id'], ['accounts_user.id'], name=op.f('fk_forum_thread_author_id_accounts_user')),
    sa.ForeignKeyConstraint(['category_id'], ['forum_category.id'], name=op.f('fk_forum_thread_category_id_forum_category')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_thread'))
    )
    with op.batch_alter_table('forum_thread', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_thread_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_forum_thread_category_activity', ['category_id', 'last_activity_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_thread_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_thread_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_thread_last_activity_at'), ['last_activity_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_thread_lesson_id'), ['lesson_id'], unique=False)

    op.create_table('forum_post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['accounts_user.id'], name=op.f('fk_forum_post_author_id_accounts_user')),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_post_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_post'))
    )
    with op.batch_alter_table('forum_post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_post_author_id'), ['author_id'], unique=False)
        batch_op.create_index('ix_forum_post_thread_score', ['thread_id', 'score'], unique=False)

    if not SQLITE:  # threads and answers point at each other: this key comes second
        op.create_foreign_key(op.f('fk_forum_thread_accepted_answer_id_forum_post'),
                              'forum_thread', 'forum_post', ['accepted_answer_id'], ['id'],
                              ondelete='SET NULL')

    op.create_table('forum_subscription',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_subscription_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_forum_subscription_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'thread_id', name=op.f('pk_forum_subscription'))
    )
    with op.batch_alter_table('forum_subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_subscription_thread_id'), ['thread_id'], unique=False)

    op.create_table('forum_thread_tag',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['tag_id'], ['forum_tag.id'], name=op.f('fk_forum_thread_tag_tag_id_forum_tag'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_thread_tag_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', 'tag_id', name=op.f('pk_forum_thread_tag'))
    )
    with op.batch_alter_table('forum_thread_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_thread_tag_tag_id'), ['tag_id'], unique=False)

    op.create_table('forum_thread_topic',
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_thread_topic_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['vfac_topic.id'], name=op.f('fk_forum_thread_topic_topic_id_vfac_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('thread_id', 'topic_id', name=op.f('pk_forum_thread_topic'))
    )
    with op.batch_alter_table('forum_thread_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_thread_topic_topic_id'), ['topic_id'], unique=False)

    op.create_table('forum_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('hidden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['accounts_user.id'], name=op.f('fk_forum_comment_author_id_accounts_user')),
    sa.ForeignKeyConstraint(['post_id'], ['forum_post.id'], name=op.f('fk_forum_comment_post_id_forum_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_comment_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_comment'))
    )
    with op.batch_alter_table('forum_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_comment_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_comment_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_comment_thread_id'), ['thread_id'], unique=False)

    op.create_table('forum_notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('ANSWER', 'COMMENT', 'ACCEPTED', 'MENTION', 'QUESTION', 'INVITE', name='notificationkind', native_enum=False, length=20), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['accounts_user.id'], name=op.f('fk_forum_notification_actor_id_accounts_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['forum_post.id'], name=op.f('fk_forum_notification_post_id_forum_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_notification_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_forum_notification_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_notification'))
    )
    with op.batch_alter_table('forum_notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_notification_emailed_at'), ['emailed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_notification_thread_id'), ['thread_id'], unique=False)
        batch_op.create_index('ix_forum_notification_user_read', ['user_id', 'read_at'], unique=False)

    op.create_table('forum_vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('value', sa.SmallInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(thread_id IS NULL) <> (post_id IS NULL)', name=op.f('ck_forum_vote_one_target')),
    sa.CheckConstraint('value IN (-1, 1)', name=op.f('ck_forum_vote_value')),
    sa.ForeignKeyConstraint(['post_id'], ['forum_post.id'], name=op.f('fk_forum_vote_post_id_forum_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_vote_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_forum_vote_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_vote')),
    sa.UniqueConstraint('user_id', 'post_id', name='uq_forum_vote_user_post'),
    sa.UniqueConstraint('user_id', 'thread_id', name='uq_forum_vote_user_thread')
    )
    with op.batch_alter_table('forum_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_vote_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_vote_thread_id'), ['thread_id'], unique=False)

    op.create_table('forum_flag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('comment_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Enum('SPAM', 'ABUSE', 'PERSONAL_DATA', 'OFF_TOPIC', 'OTHER', name='flagreason', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('state', sa.Enum('OPEN', 'UPHELD', 'DISMISSED', name='flagstate', native_enum=False, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['comment_id'], ['forum_comment.id'], name=op.f('fk_forum_flag_comment_id_forum_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['post_id'], ['forum_post.id'], name=op.f('fk_forum_flag_post_id_forum_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reporter_id'], ['accounts_user.id'], name=op.f('fk_forum_flag_reporter_id_accounts_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['resolved_by_id'], ['accounts_user.id'], name=op.f('fk_forum_flag_resolved_by_id_accounts_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_flag_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_flag'))
    )
    with op.batch_alter_table('forum_flag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_flag_reporter_id'), ['reporter_id'], unique=False)
        batch_op.create_index('ix_forum_flag_state_id', ['state', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_flag_thread_id'), ['thread_id'], unique=False)

    op.create_table('forum_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('comment_id', sa.Integer(), nullable=True),
    sa.Column('editor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('old_title', sa.String(length=200), nullable=True),
    sa.Column('new_title', sa.String(length=200), nullable=True),
    sa.Column('old_body', sa.Text(), nullable=False),
    sa.Column('new_body', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['forum_comment.id'], name=op.f('fk_forum_revision_comment_id_forum_comment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['editor_id'], ['accounts_user.id'], name=op.f('fk_forum_revision_editor_id_accounts_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['post_id'], ['forum_post.id'], name=op.f('fk_forum_revision_post_id_forum_post'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['thread_id'], ['forum_thread.id'], name=op.f('fk_forum_revision_thread_id_forum_thread'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forum_revision'))
    )
    with op.batch_alter_table('forum_revision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_forum_revision_comment_id'), ['comment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_revision_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_forum_revision_thread_id'), ['thread_id'], unique=False)

    # plain ALTER TABLE (batch mode would rebuild the table and lose its expression indexes)
    op.add_column('accounts_user', sa.Column('reads_languages', sa.JSON(), nullable=False,
                                             server_default='[]'))
    op.add_column('accounts_user', sa.Column(
        'mail_notifications', sa.Enum('IMMEDIATE', 'DAILY', 'NEVER', name='mailsetting',
                                      native_enum=False, length=20),
        nullable=False, server_default='IMMEDIATE'))
    op.add_column('accounts_user', sa.Column('digest_sent_at', sa.DateTime(timezone=True),
                                             nullable=True))

    # one category per topic, in the topics' order
    op.execute('INSERT INTO forum_category (topic_id, position) SELECT id, position FROM vfac_topic')



def downgrade():
    if op.get_bind().dialect.name != 'sqlite':
        op.drop_constraint(op.f('fk_forum_thread_accepted_answer_id_forum_post'), 'forum_thread',
                           type_='foreignkey')
    for column in ('digest_sent_at', 'mail_notifications', 'reads_languages'):
        op.drop_column('accounts_user', column)

    with op.batch_alter_table('forum_revision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_revision_thread_id'))
        batch_op.drop_index(batch_op.f('ix_forum_revision_post_id'))
        batch_op.drop_index(batch_op.f('ix_forum_revision_comment_id'))

    op.drop_table('forum_revision')
    with op.batch_alter_table('forum_flag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_flag_thread_id'))
        batch_op.drop_index('ix_forum_flag_state_id')
        batch_op.drop_index(batch_op.f('ix_forum_flag_reporter_id'))

    op.drop_table('forum_flag')
    with op.batch_alter_table('forum_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_vote_thread_id'))
        batch_op.drop_index(batch_op.f('ix_forum_vote_post_id'))

    op.drop_table('forum_vote')
    with op.batch_alter_table('forum_notification', schema=None) as batch_op:
        batch_op.drop_index('ix_forum_notification_user_read')
        batch_op.drop_index(batch_op.f('ix_forum_notification_thread_id'))
        batch_op.drop_index(batch_op.f('ix_forum_notification_emailed_at'))

    op.drop_table('forum_notification')
    with op.batch_alter_table('forum_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_comment_thread_id'))
        batch_op.drop_index(batch_op.f('ix_forum_comment_post_id'))
        batch_op.drop_index(batch_op.f('ix_forum_comment_author_id'))

    op.drop_table('forum_comment')
    with op.batch_alter_table('forum_thread_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_thread_topic_topic_id'))

    op.drop_table('forum_thread_topic')
    with op.batch_alter_table('forum_thread_tag', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_thread_tag_tag_id'))

    op.drop_table('forum_thread_tag')
    with op.batch_alter_table('forum_subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_subscription_thread_id'))

    op.drop_table('forum_subscription')
    with op.batch_alter_table('forum_post', schema=None) as batch_op:
        batch_op.drop_index('ix_forum_post_thread_score')
        batch_op.drop_index(batch_op.f('ix_forum_post_author_id'))

    op.drop_table('forum_post')
    with op.batch_alter_table('forum_thread', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_forum_thread_lesson_id'))
        batch_op.drop_index(batch_op.f('ix_forum_thread_last_activity_at'))
        batch_op.drop_index(batch_op.f('ix_forum_thread_language'))
        batch_op.drop_index(batch_op.f('ix_forum_thread_country'))
        batch_op.drop_index('ix_forum_thread_category_activity')
        batch_op.drop_index(batch_op.f('ix_forum_thread_author_id'))

    op.drop_table('forum_thread')
    op.drop_table('forum_category')
    op.drop_table('forum_tag')
