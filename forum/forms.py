"""Advice-board forms: validate and convert to service inputs; they never write."""
from __future__ import annotations

import re
import typing as t

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from accounts.forms import country_choices
from accounts.permissions import visibilities_for
from forum.models import FlagReason
from forum.services.board import SORTS, ListingQuery, parse_after
from forum.services.posting import MAX_TAGS, QuestionInput
from vfac.forms import REQUIRED, WholeNumberField, checkboxes, few_links, known, visibility_labels
from vfac.i18n import LANGUAGES, current_language
from vfac.models import Visibility
from vfac.params import choice_arg

_MAX = _l("At most %(max)d characters.")
_MIN = _l("At least %(min)d characters.")
TAG = re.compile(r"^[^\W_][\w-]{0,23}$")
MAX_BODY = 20_000
MAX_COMMENT = 1_000


def parse_tags(text: str) -> list[str]:
    return [tag.strip().lstrip("#").casefold() for tag in (text or "").split(",") if tag.strip()]


def flag_labels() -> dict[FlagReason, t.Any]:
    return {FlagReason.SPAM: _l("Spam or advertising"),
            FlagReason.ABUSE: _l("Abusive, threatening or hateful"),
            FlagReason.PERSONAL_DATA: _l("Contains personal or case data"),
            FlagReason.OFF_TOPIC: _l("Off topic"),
            FlagReason.OTHER: _l("Something else")}


class _Confirmable(FlaskForm):
    # The submit buttons are named "step": preview, post, or confirm (post despite the
    # personal-data warning or the similar questions shown). No hidden input carries it.
    step = StringField()  # never rendered: hidden_tag() would send an empty "step" first

    @property
    def is_preview(self) -> bool:
        return self.step.data == "preview"

    @property
    def is_confirmed(self) -> bool:
        return self.step.data == "confirm"


class AskQuestionForm(_Confirmable):
    title = StringField(_l("Your question, in one sentence"), validators=[
        DataRequired(REQUIRED), Length(min=10, max=200, message=_l(
            "Between %(min)d and %(max)d characters."))])
    body = TextAreaField(_l("Details"), validators=[
        DataRequired(REQUIRED), Length(min=20, max=MAX_BODY, message=_l(
            "Between %(min)d and %(max)d characters.")), few_links], description=_l(
        "What happened, what you tried, what the law or your procedure allows. Markdown: "
        "**bold**, *italic*, lists, `code`. Leave out names, numbers and addresses of the "
        "people in your case."))
    category = SelectField(_l("Main topic"), validate_choice=False, validators=[
        known(_l("Choose one of the listed topics."))])
    topics = checkboxes(_l("Also about"), validators=[known(_l("Choose topics from the list."))])
    tags = StringField(_l("Tags"), validators=[Length(max=200, message=_MAX)], description=_l(
        "Up to %(n)d words separated by commas, for example: cloud, preservation.", n=MAX_TAGS))
    language = SelectField(_l("Language of the question"), validate_choice=False, validators=[
        DataRequired(REQUIRED), known(_l("Choose one of the listed languages."))])
    country = SelectField(_l("Country concerned (optional)"), validate_choice=False,
                          validators=[known(_l("Choose a country from the list."))])
    visibility = SelectField(_l("Who can see it"), validate_choice=False, validators=[
        DataRequired(REQUIRED), known(_l("Choose one of the listed options."))])
    lesson = HiddenField()
    similar_seen = HiddenField(default="")  # set by the script that showed similar questions

    def __init__(self, *args: t.Any, topics: t.Sequence[t.Any] = (), actor: t.Any = None,
                 **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        language = current_language()
        self.category.choices = [SelectChoice("", _l("Choose…"))] + [
            SelectChoice(tp.slug, tp.name_in(language)) for tp in topics]
        self.topics.choices = [SelectChoice(tp.slug, tp.name_in(language)) for tp in topics]
        self.language.choices = [SelectChoice(code, name, render_kw={"lang": code})
                                 for code, name in LANGUAGES.items()]
        self.country.choices = [SelectChoice("", _l("None"))] + [
            SelectChoice(code, name) for code, name in country_choices()]
        self.visibility.choices = [SelectChoice(v.value, label)
                                   for v, label in visibility_labels().items()
                                   if v in visibilities_for(actor)]
        if not self.is_submitted():
            self.language.data = language
            self.visibility.data = Visibility.MEMBERS.value

    def validate_category(self, field: t.Any) -> None:
        if not field.data:
            raise ValidationError(_l("Choose the main topic of your question."))

    def validate_tags(self, field: t.Any) -> None:
        tags = parse_tags(field.data)
        if len(tags) > MAX_TAGS:
            raise ValidationError(_l("At most %(n)d tags.", n=MAX_TAGS))
        if any(not TAG.match(tag) for tag in tags):
            raise ValidationError(_l("A tag is one word of letters, digits or hyphens, at most "
                                     "24 characters."))

    def validate_lesson(self, field: t.Any) -> None:
        if field.data and not (field.data.isascii() and field.data.isdigit()
                               and len(field.data) < 10):
            raise ValidationError(_l("Unknown lesson."))

    def to_input(self) -> QuestionInput:
        return QuestionInput(
            title=self.title.data.strip(), body=self.body.data, category_slug=self.category.data,
            topic_slugs=tuple(self.topics.data or ()), tags=tuple(parse_tags(self.tags.data)),
            language=self.language.data, country=self.country.data or None,
            visibility=Visibility(self.visibility.data),
            lesson_id=int(self.lesson.data) if self.lesson.data else None)


class AnswerForm(_Confirmable):
    body = TextAreaField(_l("Your answer"), validators=[
        DataRequired(REQUIRED), Length(min=20, max=MAX_BODY, message=_l(
            "Between %(min)d and %(max)d characters.")), few_links])


class CommentForm(_Confirmable):
    body = TextAreaField(_l("Comment"), validators=[
        DataRequired(REQUIRED), Length(min=2, max=MAX_COMMENT, message=_l(
            "Between %(min)d and %(max)d characters.")), few_links])
    post = WholeNumberField(validators=[Optional()])


class EditForm(_Confirmable):
    title = StringField(_l("Title"), validators=[Optional(), Length(min=10, max=200, message=_l(
        "Between %(min)d and %(max)d characters."))])
    body = TextAreaField(_l("Text"), validators=[DataRequired(REQUIRED), Length(
        max=MAX_BODY, message=_MAX), few_links])
    reason = StringField(_l("What you changed (optional)"), validators=[
        Length(max=200, message=_MAX)])


class FlagForm(FlaskForm):
    reason = RadioField(_l("Why should moderators look at this?"), validators=[
        DataRequired(_l("Choose a reason.")), known(_l("Choose a reason."))])
    note = TextAreaField(_l("Anything the moderators should know (optional)"), validators=[
        Length(max=500, message=_MAX)])

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.reason.choices = [SelectChoice(k.value, v) for k, v in flag_labels().items()]


class InviteForm(FlaskForm):
    username = StringField(_l("Expert's username"), validators=[
        DataRequired(REQUIRED), Length(max=33, message=_MAX)])


class MoveForm(FlaskForm):
    category = SelectField(_l("Move to"), validate_choice=False, validators=[
        DataRequired(REQUIRED), known(_l("Choose one of the listed topics."))])

    def __init__(self, *args: t.Any, topics: t.Sequence[t.Any] = (), **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.category.choices = [SelectChoice(tp.slug, tp.name_in(current_language()))
                                 for tp in topics]


class ReasonForm(FlaskForm):
    reason = StringField(_l("Reason (kept in the audit log)"), validators=[
        Length(max=200, message=_MAX)])


def listing_query(args: t.Mapping[str, str]) -> ListingQuery:
    """Sort and filters of a thread list from the query string; an unknown value is a 400."""
    sort = choice_arg(args, "sort", SORTS) or "active"
    after = args.get("after") or None
    if after is not None:
        try:
            parse_after(sort, after)
        except ValueError:
            abort(400)
    tag = (args.get("tag") or "").casefold() or None
    if tag is not None and not TAG.match(tag):
        abort(400)
    country = (args.get("country") or "").upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        abort(400)
    return ListingQuery(sort=sort, tag=tag, language=choice_arg(args, "language", LANGUAGES),
                        country=country, after=after)
