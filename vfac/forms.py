"""Form pieces every pillar uses: whole numbers, checkbox lists, choice checks, visibility."""
from __future__ import annotations

import typing as t

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from vfac.models import Visibility

REQUIRED = _l("This field is required.")
NUMBER = _l("Enter a whole number.")


class WholeNumberField(IntegerField):
    """An integer field whose "not a number" message is ours, in every language."""

    def process_formdata(self, valuelist: list[t.Any]) -> None:
        if not valuelist or valuelist[0] in ("", None):
            self.data = None
            return
        text = str(valuelist[0]).strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 9:
            self.data = None
            raise ValueError(NUMBER)
        self.data = int(text)


class ActionForm(FlaskForm):
    """A button that changes something (enrol, publish, submit, move): the CSRF token only."""


def visibility_labels() -> dict[Visibility, t.Any]:
    return {Visibility.PUBLIC: _l("Public"), Visibility.MEMBERS: _l("Members"),
            Visibility.RESTRICTED: _l("Law enforcement and judiciary only")}


def checkboxes(label: t.Any, **kwargs: t.Any) -> SelectMultipleField:
    return SelectMultipleField(label, validate_choice=False, widget=ListWidget(prefix_label=False),
                               option_widget=CheckboxInput(), **kwargs)


def few_links(form: t.Any, field: t.Any) -> None:
    """A validator for Markdown fields: at most MAX_LINKS links (checked before rendering)."""
    from vfac.markup import MAX_LINKS, count_links  # noqa: PLC0415

    if count_links(field.data) > MAX_LINKS:
        raise ValidationError(_l("At most %(max)d links in one text.", max=MAX_LINKS))


def known(message: t.Any) -> t.Callable[[t.Any, t.Any], None]:
    """A validator: every submitted value is one of the field's choices."""
    def check(form: t.Any, field: t.Any) -> None:
        allowed = {str(choice.value) for choice in field.choices}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(str(v) not in allowed for v in values if v not in (None, "")):
            raise ValidationError(message)
    return check
