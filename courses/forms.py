"""Course forms: validate and convert to service inputs; they never write."""
from __future__ import annotations

import re
import typing as t

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, FieldList, Form, FormField, SelectField, StringField,
                     TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (URL, DataRequired, InputRequired, Length, NumberRange, Optional,
                                ValidationError)

from accounts.forms import profession_labels
from accounts.models import Profession
from courses.models import Level
from courses.quiz import KINDS
from courses.services.authoring import (CourseInput, LessonInput, ModuleInput, OptionInput,
                                        QuestionInput, QuizInput)
from courses.services.catalogue import CatalogueFilter
from vfac.forms import NUMBER, REQUIRED, WholeNumberField, checkboxes, known, visibility_labels
from vfac.i18n import LANGUAGES, current_language
from vfac.models import Visibility
from vfac.params import choice_arg

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def level_labels() -> dict[Level, t.Any]:
    return {Level.BEGINNER: _l("Beginner"), Level.INTERMEDIATE: _l("Intermediate"),
            Level.ADVANCED: _l("Advanced")}


def catalogue_filter(args: t.Mapping[str, str], topic_slugs: set[str]) -> CatalogueFilter:
    """The catalogue's filters from the query string; an unknown value is a 400."""
    level = choice_arg(args, "level", [lv.value for lv in Level])
    return CatalogueFilter(
        topic=choice_arg(args, "topic", topic_slugs),
        language=choice_arg(args, "language", LANGUAGES),
        level=Level(level) if level else None,
        audience=choice_arg(args, "audience", [p.value for p in Profession]),
        q=(args.get("q") or "")[:200].strip())


class EditCourseForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=160)])
    slug = StringField(_l("Address"), validators=[DataRequired(REQUIRED), Length(max=80)],
                       description=_l("Lower-case letters, digits and hyphens; it appears in "
                                      "the course's address and should not change once "
                                      "published."))
    summary = TextAreaField(_l("Summary"), validators=[DataRequired(REQUIRED),
                                                       Length(max=1000)])
    outcomes = TextAreaField(_l("Learning outcomes"), validators=[Length(max=4000)],
                             description=_l("One outcome per line."))
    topics = checkboxes(_l("Topics"), validators=[known(_l("Choose topics from the list."))])
    language = SelectField(_l("Language of the course"), validators=[
        known(_l("Choose one of the listed languages."))])
    level = SelectField(_l("Level"), validators=[known(_l("Choose one of the listed levels."))])
    audience = checkboxes(_l("Written for"), validators=[
        known(_l("Choose professions from the list."))])
    hours = WholeNumberField(_l("Estimated hours of study"), validators=[
        InputRequired(NUMBER), NumberRange(1, 500, _l("Between 1 and 500 hours."))])
    visibility = SelectField(_l("Who can see it"), validators=[
        known(_l("Choose one of the listed options."))])
    prerequisites = checkboxes(_l("Prerequisites"), validators=[
        known(_l("Choose courses from the list."))],
        description=_l("Courses a learner must complete before enrolling."))
    instructors = StringField(_l("Co-instructors"), validators=[Length(max=400)],
                              description=_l("Usernames of other instructors, separated by "
                                             "commas or spaces."))

    def __init__(self, *args: t.Any, topics: t.Sequence[t.Any] = (),
                 courses: t.Sequence[t.Any] = (), **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        language = current_language()
        self.topics.choices = [SelectChoice(tp.slug, tp.name_in(language)) for tp in topics]
        self.language.choices = [SelectChoice(code, name, render_kw={"lang": code})
                                 for code, name in LANGUAGES.items()]
        self.level.choices = [SelectChoice(lv.value, label)
                              for lv, label in level_labels().items()]
        self.audience.choices = [SelectChoice(p.value, label)
                                 for p, label in profession_labels().items()]
        self.visibility.choices = [SelectChoice(v.value, label)
                                   for v, label in visibility_labels().items()]
        self.prerequisites.choices = [SelectChoice(str(c.id), c.title) for c in courses]

    def validate_slug(self, field: t.Any) -> None:
        if not SLUG.match(field.data or ""):
            raise ValidationError(_l("Use lower-case letters, digits and single hyphens only."))

    def validate_topics(self, field: t.Any) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one topic."))

    def validate_audience(self, field: t.Any) -> None:
        if not field.data:
            raise ValidationError(_l("Choose at least one profession."))

    def to_input(self) -> CourseInput:
        return CourseInput(
            title=self.title.data, slug=self.slug.data, summary=self.summary.data,
            outcomes=self.outcomes.data or "", topics=tuple(self.topics.data),
            language=self.language.data, level=Level(self.level.data),
            audience=tuple(self.audience.data), hours=self.hours.data,
            visibility=Visibility(self.visibility.data),
            prerequisites=tuple(int(i) for i in self.prerequisites.data or []),
            instructors=tuple(re.split(r"[\s,]+", self.instructors.data or "")))


class EditModuleForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=160)])
    summary = TextAreaField(_l("Summary"), validators=[Length(max=1000)])

    def to_input(self) -> ModuleInput:
        return ModuleInput(self.title.data, self.summary.data or "")


class EditLessonForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=160)])
    body = TextAreaField(_l("Lesson text"), validators=[DataRequired(REQUIRED),
                                                        Length(max=100_000)],
                         description=_l("Markdown: ## headings, **bold**, lists, tables."))
    video_url = StringField(_l("Video link"), validators=[
        Optional(), Length(max=500), URL(message=_l("Enter a full address starting with "
                                                    "https://."))],
        description=_l("Optional: a link to a video elsewhere; it is never embedded."))

    def validate_video_url(self, field: t.Any) -> None:
        if field.data and not field.data.startswith("https://"):
            raise ValidationError(_l("Enter a full address starting with https://."))

    def to_input(self) -> LessonInput:
        return LessonInput(self.title.data, self.body.data, self.video_url.data or "")


class AttachmentForm(FlaskForm):
    file = FileField(_l("PDF document or image"), validators=[FileRequired(REQUIRED)],
                     description=_l("PDF, PNG or JPEG."))


class EditQuizForm(FlaskForm):
    pass_mark = WholeNumberField(_l("Pass mark (%)"), default=70, validators=[
        InputRequired(NUMBER), NumberRange(1, 100, _l("Between 1 and 100."))])
    max_attempts = WholeNumberField(_l("Attempts allowed"), default=0, validators=[
        InputRequired(NUMBER), NumberRange(0, 100, _l("Between 0 and 100."))],
        description=_l("0 means no limit."))
    cooldown_minutes = WholeNumberField(_l("Wait between attempts (minutes)"), default=0,
                                    validators=[InputRequired(NUMBER), NumberRange(
                                        0, 10080, _l("Between 0 and 10080 minutes."))])

    def to_input(self) -> QuizInput:
        return QuizInput(self.pass_mark.data, self.max_attempts.data,
                         self.cooldown_minutes.data)


class OptionForm(Form):
    text = StringField(_l("Option"), validators=[Length(max=500)])
    is_correct = BooleanField(_l("Correct"))
    feedback = StringField(_l("Feedback"), validators=[Length(max=1000)])


class EditQuestionForm(FlaskForm):
    kind = SelectField(_l("Type"), validators=[known(_l("Choose one of the listed types."))])
    text = TextAreaField(_l("Question"), validators=[DataRequired(REQUIRED), Length(max=2000)])
    options = FieldList(FormField(OptionForm), min_entries=5, max_entries=8)

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind.choices = [SelectChoice(k, kind.label) for k, kind in KINDS.items()]

    def to_input(self) -> QuestionInput:
        return QuestionInput(self.kind.data, self.text.data, tuple(
            OptionInput(o.text.data or "", bool(o.is_correct.data), o.feedback.data or "")
            for o in self.options))


