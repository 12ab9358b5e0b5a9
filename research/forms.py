"""Research forms: validate and convert to service inputs; they never write."""
from __future__ import annotations

import re
import typing as t
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from accounts.forms import country_choices
from accounts.permissions import visibilities_for
from research.models import REGIONS, PaperType
from research.services.library import MAX_PAGE, LibraryQuery
from research.services.submission import AuthorInput, PaperInput
from vfac.forms import NUMBER, REQUIRED, WholeNumberField, checkboxes, known, visibility_labels
from vfac.i18n import LANGUAGES, current_language
from vfac.models import Visibility
from vfac.params import choice_arg, int_arg

_MAX = _l("At most %(max)d characters.")
DOI = re.compile(r"^10\.\d{4,9}/\S{1,190}$")
ORCID = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
MAX_AUTHORS = 50


def type_labels() -> dict[PaperType, t.Any]:
    return {PaperType.ARTICLE: _l("Article"), PaperType.REPORT: _l("Report"),
            PaperType.THESIS: _l("Thesis"), PaperType.BOOK: _l("Book"),
            PaperType.GUIDE: _l("Guide"), PaperType.LEGISLATION: _l("Legislation"),
            PaperType.LEGISLATION_ANALYSIS: _l("Legislation analysis"),
            PaperType.CASE_STUDY: _l("Case study"),
            PaperType.TRAINING_MATERIAL: _l("Training material")}


def region_labels() -> dict[str, t.Any]:
    return {"global": _l("Global"), "africa": _l("Africa"), "arab-states": _l("Arab States"),
            "asia-pacific": _l("Asia and the Pacific"), "europe": _l("Europe"),
            "latin-america": _l("Latin America and the Caribbean"),
            "north-america": _l("North America")}


def orcid_ok(value: str) -> bool:
    """ISO 7064 MOD 11-2, the check digit ORCID iDs end with."""
    if not ORCID.match(value):
        return False
    digits = value.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def normalise_doi(value: str) -> str:
    value = value.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix):]
    return value


def parse_authors(text: str) -> list[AuthorInput]:
    """One author per line, "name; affiliation; ORCID"; a ValidationError names the line."""
    authors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("؛", ";").split(";")]  # Arabic semicolon too
        name, affiliation, orcid = (parts + ["", ""])[:3]
        if len(parts) > 3 or not name:
            raise ValidationError(_l("Line %(n)d: write the name, then optionally the "
                                     "affiliation and the ORCID iD, separated by semicolons.",
                                     n=number))
        orcid = orcid.upper().removeprefix("HTTPS://ORCID.ORG/")
        if orcid and not orcid_ok(orcid):
            raise ValidationError(_l("Line %(n)d: %(orcid)s is not a valid ORCID iD (its check "
                                     "digit does not match).", n=number, orcid=orcid[:40]))
        if len(name) > 200 or len(affiliation) > 300:
            raise ValidationError(_l("Line %(n)d is too long.", n=number))
        authors.append(AuthorInput(name=name, affiliation=affiliation, orcid=orcid or None))
    if not authors:
        raise ValidationError(_l("Name at least one author."))
    if len(authors) > MAX_AUTHORS:
        raise ValidationError(_l("At most %(max)d authors.", max=MAX_AUTHORS))
    return authors


def _words(text: str, limit: int) -> list[str]:
    return [w.strip() for w in re.split(r"[,;\n،、，]", text or "") if w.strip()][:limit]


class PaperForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), Length(max=300,
                                                                                message=_MAX)])
    abstract = TextAreaField(_l("Abstract"), validators=[DataRequired(REQUIRED),
                                                         Length(max=5000, message=_MAX)])
    authors = TextAreaField(_l("Authors"), validators=[DataRequired(REQUIRED)], description=_l(
        "One author per line, in the order of the publication: name; affiliation; ORCID iD "
        "(affiliation and ORCID iD are optional)."))
    year = WholeNumberField(_l("Year of publication"), validators=[InputRequired(NUMBER)])
    type = SelectField(_l("Type"), validators=[known(_l("Choose one of the listed types."))])
    language = SelectField(_l("Language of the paper"), validators=[
        known(_l("Choose one of the listed languages."))])
    topics = checkboxes(_l("Topics"), validators=[known(_l("Choose topics from the list."))])
    countries = StringField(_l("Countries"), validators=[Length(max=200, message=_MAX)],
                            description=_l("Two-letter ISO codes of the countries the paper is "
                                           "about, separated by commas (for example GH, SN)."))
    region = SelectField(_l("Region"), validators=[known(_l("Choose one of the listed regions."))])
    keywords = StringField(_l("Keywords"), validators=[Length(max=500, message=_MAX)],
                           description=_l("Separated by commas."))
    licence = StringField(_l("Licence"), validators=[Length(max=100, message=_MAX)],
                          description=_l("For example CC BY 4.0, or All rights reserved."))
    publisher = StringField(_l("Publisher or journal"), validators=[Length(max=200,
                                                                            message=_MAX)])
    doi = StringField(_l("DOI"), validators=[Length(max=200, message=_MAX)],
                      description=_l("For example 10.1080/01639625.2013.822209."))
    url = StringField(_l("Address where it is published"), validators=[
        Length(max=500, message=_MAX)])
    visibility = SelectField(_l("Who can see it"), validators=[
        known(_l("Choose one of the listed options."))])
    pdf = FileField(_l("PDF file"), description=_l("PDF only, at most %(size)d MB.", size=20))
    action = HiddenField(default="draft")

    def __init__(self, *args: t.Any, topics: t.Sequence[t.Any] = (), actor: t.Any = None,
                 max_mb: int = 20, **kwargs: t.Any) -> None:
        super().__init__(*args, **kwargs)
        self.pdf.description = _l("PDF only, at most %(size)d MB.", size=max_mb)
        self.topics.choices = [SelectChoice(tp.slug, tp.name_in(current_language()))
                               for tp in topics]
        self.type.choices = [SelectChoice(k.value, v) for k, v in type_labels().items()]
        self.language.choices = [SelectChoice(code, name, render_kw={"lang": code})
                                 for code, name in LANGUAGES.items()]
        self.region.choices = [SelectChoice(k, v) for k, v in region_labels().items()]
        self.visibility.choices = [SelectChoice(v.value, label)
                                   for v, label in visibility_labels().items()
                                   if v in visibilities_for(actor)]

    def validate_authors(self, field: t.Any) -> None:
        parse_authors(field.data or "")

    def validate_year(self, field: t.Any) -> None:
        last = date.today().year + 1
        if field.data is not None and not 1900 <= field.data <= last:
            raise ValidationError(_l("Between 1900 and %(last)d.", last=last))

    def validate_countries(self, field: t.Any) -> None:
        codes = {code for code, _name in country_choices()}
        if any(c.upper() not in codes for c in _words(field.data, 100)):
            raise ValidationError(_l("Use two-letter ISO country codes, such as GH or SN."))

    def validate_doi(self, field: t.Any) -> None:
        if field.data and not DOI.match(normalise_doi(field.data)):
            raise ValidationError(_l("A DOI starts with 10. and a prefix, a slash and a "
                                     "suffix, such as 10.1080/01639625.2013.822209."))

    def validate_url(self, field: t.Any) -> None:
        value = (field.data or "").strip()
        if value and not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
            raise ValidationError(_l("Give a web address starting with https:// or http://."))

    def to_input(self) -> PaperInput:
        return PaperInput(
            title=self.title.data.strip(), abstract=self.abstract.data.strip(),
            year=self.year.data, type=PaperType(self.type.data), language=self.language.data,
            authors=tuple(parse_authors(self.authors.data)), topics=tuple(self.topics.data),
            countries=tuple(dict.fromkeys(c.upper() for c in _words(self.countries.data, 100))),
            region=self.region.data, keywords=tuple(_words(self.keywords.data, 30)),
            # optional fields left out of the request (not just empty) arrive as None
            licence=(self.licence.data or "").strip(),
            publisher=(self.publisher.data or "").strip(),
            doi=normalise_doi(self.doi.data or "") or None, url=(self.url.data or "").strip(),
            visibility=Visibility(self.visibility.data))

    def fill_from(self, paper: t.Any) -> None:
        """Show a saved paper in the form (GET of the edit page)."""
        for name in ("title", "abstract", "year", "licence", "publisher", "url", "region"):
            getattr(self, name).data = getattr(paper, name)
        self.type.data, self.language.data = paper.type.value, paper.language
        self.visibility.data, self.doi.data = paper.visibility.value, paper.doi or ""
        self.topics.data = [tp.slug for tp in paper.topics]
        self.countries.data, self.keywords.data = ", ".join(paper.countries), \
            ", ".join(paper.keywords)
        self.authors.data = "\n".join(
            "; ".join([a.name, a.affiliation, a.orcid] if a.orcid else
                      [a.name, a.affiliation] if a.affiliation else [a.name])
            for a in paper.authors)


class ModerateForm(FlaskForm):
    decision = HiddenField(validators=[DataRequired(_l("Choose approve or reject."))])
    reason = TextAreaField(_l("Reason (sent to the submitter when rejecting)"), validators=[
        Length(max=2000, message=_MAX)])

    def validate_decision(self, field: t.Any) -> None:
        if field.data not in ("approve", "reject"):
            raise ValidationError(_l("Choose approve or reject."))

    def validate_reason(self, field: t.Any) -> None:
        if self.decision.data == "reject" and not (field.data or "").strip():
            raise ValidationError(_l("Give the reason, so that the submitter can correct the "
                                     "paper."))


def library_query(args: t.Mapping[str, str], topic_slugs: set[str]) -> LibraryQuery:
    """The library's search and filters from the query string; an unknown value is a 400."""
    kind = choice_arg(args, "type", [k.value for k in PaperType])
    page = int_arg(args.get("page"), maximum=MAX_PAGE) or 1
    return LibraryQuery(
        q=(args.get("q") or "")[:500].strip(), topic=choice_arg(args, "topic", topic_slugs),
        year=int_arg(args.get("year"), maximum=9999),
        language=choice_arg(args, "language", LANGUAGES),
        type=PaperType(kind) if kind else None, region=choice_arg(args, "region", REGIONS),
        sort=choice_arg(args, "sort", ("relevance", "date")) or "relevance", page=page)
