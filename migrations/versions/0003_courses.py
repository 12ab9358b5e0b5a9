"""Courses: modules, lessons, attachments, quizzes, enrolments, progress, certificates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('courses_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('outcomes', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('level', sa.Enum('BEGINNER', 'INTERMEDIATE', 'ADVANCED', name='level', native_enum=False, length=20), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.Enum('PUBLIC', 'MEMBERS', 'RESTRICTED', name='visibility', native_enum=False, length=20), nullable=False),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_course')),
    sa.UniqueConstraint('slug', name=op.f('uq_courses_course_slug'))
    )
    with op.batch_alter_table('courses_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_course_is_published'), ['is_published'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_course_language'), ['language'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_course_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_course_visibility'), ['visibility'], unique=False)

    op.create_table('courses_audience',
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('profession', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_audience_course_id_courses_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('course_id', 'profession', name=op.f('pk_courses_audience'))
    )
    with op.batch_alter_table('courses_audience', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_audience_profession'), ['profession'], unique=False)

    op.create_table('courses_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('course_title', sa.String(length=160), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_certificate_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_courses_certificate_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_certificate')),
    sa.UniqueConstraint('code', name=op.f('uq_courses_certificate_code')),
    sa.UniqueConstraint('course_id', 'user_id', name=op.f('uq_courses_certificate_course_id'))
    )
    with op.batch_alter_table('courses_certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_certificate_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_certificate_user_id'), ['user_id'], unique=False)

    op.create_table('courses_course_topic',
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_course_topic_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['vfac_topic.id'], name=op.f('fk_courses_course_topic_topic_id_vfac_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('course_id', 'topic_id', name=op.f('pk_courses_course_topic'))
    )
    with op.batch_alter_table('courses_course_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_course_topic_topic_id'), ['topic_id'], unique=False)

    op.create_table('courses_enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_enrolment_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_courses_enrolment_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_enrolment')),
    sa.UniqueConstraint('course_id', 'user_id', name=op.f('uq_courses_enrolment_course_id'))
    )
    with op.batch_alter_table('courses_enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_enrolment_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_enrolment_user_id'), ['user_id'], unique=False)

    op.create_table('courses_instructor',
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_instructor_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_courses_instructor_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('course_id', 'user_id', name=op.f('pk_courses_instructor'))
    )
    with op.batch_alter_table('courses_instructor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_instructor_user_id'), ['user_id'], unique=False)

    op.create_table('courses_module',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_module_course_id_courses_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_module'))
    )
    with op.batch_alter_table('courses_module', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_module_course_id'), ['course_id'], unique=False)

    op.create_table('courses_prerequisite',
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('required_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['course_id'], ['courses_course.id'], name=op.f('fk_courses_prerequisite_course_id_courses_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['required_id'], ['courses_course.id'], name=op.f('fk_courses_prerequisite_required_id_courses_course'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('course_id', 'required_id', name=op.f('pk_courses_prerequisite'))
    )
    with op.batch_alter_table('courses_prerequisite', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_prerequisite_required_id'), ['required_id'], unique=False)

    op.create_table('courses_lesson',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=160), nullable=False),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['module_id'], ['courses_module.id'], name=op.f('fk_courses_lesson_module_id_courses_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_lesson'))
    )
    with op.batch_alter_table('courses_lesson', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_lesson_module_id'), ['module_id'], unique=False)

    op.create_table('courses_quiz',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('pass_mark', sa.Integer(), nullable=False),
    sa.Column('max_attempts', sa.Integer(), nullable=False),
    sa.Column('cooldown_minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['module_id'], ['courses_module.id'], name=op.f('fk_courses_quiz_module_id_courses_module'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_quiz')),
    sa.UniqueConstraint('module_id', name=op.f('uq_courses_quiz_module_id'))
    )
    op.create_table('courses_attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('original_name', sa.String(length=200), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('content_type', sa.String(length=40), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['courses_lesson.id'], name=op.f('fk_courses_attachment_lesson_id_courses_lesson'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_attachment')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_courses_attachment_stored_name'))
    )
    with op.batch_alter_table('courses_attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_attachment_lesson_id'), ['lesson_id'], unique=False)

    op.create_table('courses_lesson_completion',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['lesson_id'], ['courses_lesson.id'], name=op.f('fk_courses_lesson_completion_lesson_id_courses_lesson'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_courses_lesson_completion_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'lesson_id', name=op.f('pk_courses_lesson_completion'))
    )
    with op.batch_alter_table('courses_lesson_completion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_lesson_completion_lesson_id'), ['lesson_id'], unique=False)

    op.create_table('courses_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['courses_quiz.id'], name=op.f('fk_courses_question_quiz_id_courses_quiz'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_question'))
    )
    with op.batch_alter_table('courses_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_question_quiz_id'), ['quiz_id'], unique=False)

    op.create_table('courses_quiz_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('is_passed', sa.Boolean(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['courses_quiz.id'], name=op.f('fk_courses_quiz_attempt_quiz_id_courses_quiz'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_courses_quiz_attempt_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_quiz_attempt'))
    )
    with op.batch_alter_table('courses_quiz_attempt', schema=None) as batch_op:
        batch_op.create_index('ix_courses_quiz_attempt_quiz_user', ['quiz_id', 'user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_courses_quiz_attempt_user_id'), ['user_id'], unique=False)

    op.create_table('courses_option',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('is_correct', sa.Boolean(), nullable=False),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['courses_question.id'], name=op.f('fk_courses_option_question_id_courses_question'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_courses_option'))
    )
    with op.batch_alter_table('courses_option', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_courses_option_question_id'), ['question_id'], unique=False)



def downgrade():
    with op.batch_alter_table('courses_option', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_option_question_id'))

    op.drop_table('courses_option')
    with op.batch_alter_table('courses_quiz_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_quiz_attempt_user_id'))
        batch_op.drop_index('ix_courses_quiz_attempt_quiz_user')

    op.drop_table('courses_quiz_attempt')
    with op.batch_alter_table('courses_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_question_quiz_id'))

    op.drop_table('courses_question')
    with op.batch_alter_table('courses_lesson_completion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_lesson_completion_lesson_id'))

    op.drop_table('courses_lesson_completion')
    with op.batch_alter_table('courses_attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_attachment_lesson_id'))

    op.drop_table('courses_attachment')
    op.drop_table('courses_quiz')
    with op.batch_alter_table('courses_lesson', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_lesson_module_id'))

    op.drop_table('courses_lesson')
    with op.batch_alter_table('courses_prerequisite', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_prerequisite_required_id'))

    op.drop_table('courses_prerequisite')
    with op.batch_alter_table('courses_module', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_module_course_id'))

    op.drop_table('courses_module')
    with op.batch_alter_table('courses_instructor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_instructor_user_id'))

    op.drop_table('courses_instructor')
    with op.batch_alter_table('courses_enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_enrolment_user_id'))
        batch_op.drop_index(batch_op.f('ix_courses_enrolment_course_id'))

    op.drop_table('courses_enrolment')
    with op.batch_alter_table('courses_course_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_course_topic_topic_id'))

    op.drop_table('courses_course_topic')
    with op.batch_alter_table('courses_certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_certificate_user_id'))
        batch_op.drop_index(batch_op.f('ix_courses_certificate_course_id'))

    op.drop_table('courses_certificate')
    with op.batch_alter_table('courses_audience', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_audience_profession'))

    op.drop_table('courses_audience')
    with op.batch_alter_table('courses_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_courses_course_visibility'))
        batch_op.drop_index(batch_op.f('ix_courses_course_level'))
        batch_op.drop_index(batch_op.f('ix_courses_course_language'))
        batch_op.drop_index(batch_op.f('ix_courses_course_is_published'))

    op.drop_table('courses_course')
