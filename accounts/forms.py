"""Forms: validate and convert; they never write."""
from __future__ import annotations

import time
import typing as t

from babel import Locale
from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_security import LoginForm, RegisterFormV2
from flask_security.utils import get_message
from flask_wtf import FlaskForm
from wtforms import (HiddenField, RadioField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from accounts.models import PROFILE_PARTS, VETTED_IDENTITY_FIELDS, MailSetting, Profession, Role
from accounts.services import SettingsInput
from accounts.usernames import is_mixed_script
from vfac.forms import checkboxes, known
from vfac.i18n import LANGUAGES

# Babel territories that are not countries (regions, groupings, private-use codes).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def country_choices(locale: Locale | None = None) -> list[tuple[str, str]]:
    """ISO 3166 alpha-2 codes with their names in the UI language, sorted by name."""
    locale = locale or get_locale()
    names = locale.territories
    codes = [c for c in names if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES]
    return sorted(((c, names[c]) for c in codes), key=lambda item: item[1].casefold())


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return get_locale().territories.get(code, code)


def profession_labels() -> dict[Profession, t.Any]:
    return {
        Profession.POLICE: _l("Police / law enforcement"),
        Profession.PROSECUTOR: _l("Prosecutor"),
        Profession.JUDGE: _l("Judge / judicial official"),
        Profession.GOVERNMENT: _l("Other government official"),
        Profession.ACADEMIC: _l("Academic / researcher"),
        Profession.PRIVATE: _l("Private-sector partner"),
    }


def role_labels() -> dict[Role, t.Any]:
    return {
        Role.MEMBER: _l("Member"),
        Role.EXPERT: _l("Expert"),
        Role.INSTRUCTOR: _l("Instructor"),
        Role.MODERATOR: _l("Moderator"),
        Role.ADMINISTRATOR: _l("Administrator"),
    }


def _no_markup(form: t.Any, field: t.Any) -> None:
    if field.data and ("<" in field.data or ">" in field.data):
        raise ValidationError(_l("Please do not use the characters < and >."))


_REQUIRED = _l("This field is required.")


class _ProfileFields:
    full_name = StringField(_l("Full name"), validators=[
        DataRequired(_REQUIRED), Length(max=120, message=_l("At most %(max)d characters.")),
        _no_markup], render_kw={"autocomplete": "name"})
    organisation = StringField(_l("Organisation"), validators=[
        DataRequired(_REQUIRED), Length(max=160, message=_l("At most %(max)d characters.")),
        _no_markup], render_kw={"autocomplete": "organization"})
    language = SelectField(_l("Preferred language"),
                           choices=[SelectChoice(code, name, render_kw={"lang": code})
                                    for code, name in LANGUAGES.items()],
                           validate_choice=False,
                           validators=[DataRequired(_REQUIRED)])

    def validate_language(self, field: t.Any) -> None:
        if field.data not in LANGUAGES:
            raise ValidationError(_l("Choose one of the listed languages."))


class RegisterForm(_ProfileFields, RegisterFormV2):
    """Flask-Security's registration form plus what vetting needs to know about a member."""

    country = SelectField(_l("Country"), validate_choice=False,
                          validators=[DataRequired(_REQUIRED)])
    profession = SelectField(_l("Profession"), validate_choice=False,
                             validators=[DataRequired(_REQUIRED)])
    statement = TextAreaField(
        _l("Statement of purpose"),
        description=_l("Why you want to join, and how your work relates to cybercrime. "
                       "Moderators read this when they review your registration."),
        validators=[DataRequired(_REQUIRED),
                    Length(min=20, max=2000,
                           message=_l("Between %(min)d and %(max)d characters, please.")),
                    _no_markup])

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = [SelectChoice("", _l("Choose a country"))] + [
            SelectChoice(code, name) for code, name in country_choices()]
        self.profession.choices = [SelectChoice("", _l("Choose a profession"))] + [
            SelectChoice(p.value, label) for p, label in profession_labels().items()]
        self.password.description = _l("At least 12 characters. A phrase of several unrelated "
                                        "words is strong and easy to remember.")
        if not self.language.data:
            from vfac.i18n import current_language  # noqa: PLC0415

            self.language.data = current_language()

    def validate_username(self, field: t.Any) -> None:
        """Refuse mixed alphabets; a look-alike of a taken name counts as taken."""
        if not field.data or field.errors:  # Flask-Security's checks said no already
            return
        if is_mixed_script(field.data):
            raise ValidationError(_l("Use the letters of one alphabet: this username mixes "
                                     "alphabets (for example a Cyrillic letter among Latin "
                                     "ones)."))
        from accounts import services  # noqa: PLC0415

        look_alike = services.username_look_alike(field.data)
        if look_alike is not None:
            # as for a taken name: Flask-Security's generic response hides it from the page
            # and mails the address given that the name is taken (no enumeration)
            self.existing_username_user = look_alike
            raise ValidationError(get_message("USERNAME_ALREADY_ASSOCIATED",
                                              username=field.data)[0])

    def validate_country(self, field: t.Any) -> None:
        if field.data not in dict(country_choices()):
            raise ValidationError(_l("Choose a country from the list."))

    def validate_profession(self, field: t.Any) -> None:
        if field.data not in {p.value for p in Profession}:
            raise ValidationError(_l("Choose a profession from the list."))

    def to_dict(self, only_user: bool) -> dict[str, t.Any]:
        data = super().to_dict(only_user)
        if "profession" in data:
            data["profession"] = Profession(data["profession"])
        for key in ("full_name", "organisation", "statement"):
            if isinstance(data.get(key), str):
                data[key] = data[key].strip()
        return data


class IdentityLoginForm(LoginForm):
    """Login with username or e-mail in one field; failures look and take the same."""

    identity = StringField(_l("Username or e-mail"),
                           validators=[InputRequired(_REQUIRED), Length(max=254)],
                           render_kw={"autocomplete": "username"})

    def validate(self, **kwargs: t.Any) -> bool:
        from accounts import services  # noqa: PLC0415

        started = time.monotonic()
        identity = (self.identity.data or "").strip()
        self.user = services.find_by_identity(identity) if identity else None
        self.ifield = self.identity
        ok = super().validate(**kwargs)
        if self.user_authenticated and self.user.is_suspended:
            # the right password: now, and only now, the member may learn why
            self.identity.errors = [_l("Your membership is suspended. The reason given: "
                                       "%(reason)s", reason=self.user.status_reason or "")]
            services.login_failed(identity, self.user, suspended="yes")
            return False
        if not ok and not self.user_authenticated:
            self.identity.errors = []
            self.password.errors = [get_message("GENERIC_AUTHN_FAILED")[0]] if identity else []
            if identity and self.password.data:
                services.login_failed(identity, self.user)
                _pad(started, current_app.config["LOGIN_FAILURE_DELAY"])
        return ok


def _pad(started: float, seconds: float) -> None:
    """Make every failed login take the same minimum time, known member or not."""
    remaining = seconds - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)


class SettingsForm(_ProfileFields, FlaskForm):
    reads_languages = checkboxes(_l("Other languages you read"), description=_l(
        "Experts are asked questions in these languages too."), validators=[
        known(_l("Choose languages from the list."))])
    mail_notifications = RadioField(_l("Notifications by e-mail"), validators=[
        DataRequired(_REQUIRED), known(_l("Choose one of the listed options."))])
    followed_topics = checkboxes(_l("Topics you follow"), description=_l(
        "Your home page shows new questions and papers in these topics."), validators=[
        known(_l("Choose topics from the list."))])
    profile_shows = checkboxes(_l("What other members see on your member page"), description=_l(
        "Your name, role, profession and topics of expertise are always shown to members. "
        "A certificate link lets anyone who has it see your certificate."), validators=[
        known(_l("Choose from the list."))])
    submit = SubmitField(_l("Save settings"))

    def __init__(self, *args: t.Any, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.reads_languages.choices = [SelectChoice(code, name, render_kw={"lang": code})
                                        for code, name in LANGUAGES.items()]
        self.mail_notifications.choices = [
            SelectChoice(MailSetting.IMMEDIATE.value, _l("At once, one e-mail per notification")),
            SelectChoice(MailSetting.DAILY.value, _l("One summary a day")),
            SelectChoice(MailSetting.NEVER.value, _l("Never (only on the notifications page)"))]
        from vfac.i18n import current_language  # noqa: PLC0415
        from vfac.topics import all_topics  # noqa: PLC0415

        self.followed_topics.choices = [SelectChoice(t.slug, t.name_in(current_language()))
                                        for t in all_topics()]
        self.profile_shows.choices = [SelectChoice(part, label)
                                      for part, label in profile_part_labels().items()]
        member = kwargs.get("obj")
        if not self.is_submitted() and member is not None:
            self.mail_notifications.data = member.mail_notifications.value
            self.followed_topics.data = [t.slug for t in member.followed_topics]
            # a change waiting for a moderator stays in the form, so saving keeps it
            for key, value in (member.identity_change or {}).items():
                if key in VETTED_IDENTITY_FIELDS:
                    getattr(self, key).data = value


def profile_part_labels() -> dict[str, t.Any]:
    """The parts of a member page a member may show or hide, in the UI language."""
    return {"organisation": _l("My organisation"), "country": _l("My country"),
            "courses": _l("Courses I completed"),
            "certificates": _l("Links to my certificates (verifiable by anyone with the link)"),
            "papers": _l("Papers I submitted to the library"),
            "answers": _l("My accepted answers on the advice board")}


def settings_input(form: SettingsForm) -> SettingsInput:
    return SettingsInput(full_name=form.full_name.data.strip(),
                         organisation=form.organisation.data.strip(),
                         language=form.language.data,
                         reads_languages=[code for code in form.reads_languages.data or ()
                                          if code != form.language.data],
                         mail_notifications=MailSetting(form.mail_notifications.data),
                         profile_shows=[p for p in PROFILE_PARTS
                                        if p in (form.profile_shows.data or ())],
                         followed_topics=tuple(form.followed_topics.data or ()))


class VetForm(FlaskForm):
    decision = HiddenField(validators=[DataRequired(_l("Choose approve or reject."))])
    reason = TextAreaField(_l("Reason (sent to the member when rejecting)"), validators=[
        Length(max=1000, message=_l("At most %(max)d characters."))])

    def validate_reason(self, field: t.Any) -> None:
        if self.decision.data == "reject" and not (field.data or "").strip():
            raise ValidationError(_l("Give the member a reason for the rejection."))

    def validate_decision(self, field: t.Any) -> None:
        if field.data not in ("approve", "reject"):
            raise ValidationError(_l("Choose approve or reject."))


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), validate_choice=False, validators=[DataRequired(_REQUIRED)])
    topics = SelectMultipleField(
        _l("Topics of expertise"), validate_choice=False,
        description=_l("An expert's answers are marked as expert answers in these topics."),
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    submit = SubmitField(_l("Change role"))

    def __init__(self, *args: t.Any, topics: t.Sequence[t.Any] = (), **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [SelectChoice(r.name.lower(), label)
                             for r, label in role_labels().items()]
        from vfac.i18n import current_language  # noqa: PLC0415

        self.topics.choices = [SelectChoice(t.slug, t.name_in(current_language()))
                               for t in topics]

    def validate_role(self, field: t.Any) -> None:
        if (field.data or "").upper() not in Role.__members__:
            raise ValidationError(_l("Choose one of the listed roles."))

    def validate_topics(self, field: t.Any) -> None:
        known = {choice.value for choice in field.choices}
        if any(slug not in known for slug in field.data or []):
            raise ValidationError(_l("Choose topics from the list."))
        if (self.role.data or "").upper() == "EXPERT" and not field.data:
            raise ValidationError(_l("Choose at least one topic for an expert."))

    def role_value(self) -> Role:
        return Role[self.role.data.upper()]


class SuspendForm(FlaskForm):
    reason = TextAreaField(_l("Reason (sent to the member and shown when they try to sign in)"),
                           validators=[DataRequired(_l("Give the reason for the suspension: "
                                                       "the member is told it.")),
                                       Length(max=1000, message=_l("At most %(max)d characters."))])


class IdentityReviewForm(FlaskForm):
    decision = HiddenField(validators=[DataRequired(_l("Choose approve or refuse."))])

    def validate_decision(self, field: t.Any) -> None:
        if field.data not in ("approve", "refuse"):
            raise ValidationError(_l("Choose approve or refuse."))


class EndSessionForm(FlaskForm):
    session_id = HiddenField(validators=[DataRequired(_REQUIRED)])


class RetryMailForm(FlaskForm):
    """The jobs page's "send again" button (a POST with its CSRF token, nothing else)."""


def mail_status_labels() -> dict[str, t.Any]:
    return {"queued": _l("Waiting to be sent"), "sending": _l("Being sent"),
            "sent": _l("Sent"), "failed": _l("Given up")}
