"""OAI-PMH 2.0 data provider at /oai: public, published papers as `oai_dc` records.

Protocol errors are answers (HTTP 200 with an <error>), never exceptions. Resumption tokens
are stateless: a signed cursor over (published_at, id), so no OFFSET and no server state.
An edit moves a paper to the end of that order, so a harvest in progress sees it again
rather than skipping it.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass
from functools import partial
from datetime import datetime, timedelta, timezone
from email.utils import parseaddr
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request, url_for
from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload
from werkzeug.routing import BuildError

from accounts.permissions import where
from research.models import Paper
from vfac.extensions import db
from vfac.models import Topic

bp = Blueprint("oai", __name__)

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_XSD = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
for _prefix, _uri in (("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ET.register_namespace(_prefix, _uri)

REPOSITORY_NAME = "VFAC — Virtual Forum against Cybercrime research library"
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
RESUMABLE = {"ListIdentifiers", "ListRecords", "ListSets"}
# verb -> (required arguments, optional arguments); resumptionToken is handled apart
VERBS = {"Identify": (set(), set()), "ListMetadataFormats": (set(), {"identifier"}),
         "ListSets": (set(), set()), "GetRecord": ({"identifier", "metadataPrefix"}, set()),
         "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set"}),
         "ListRecords": ({"metadataPrefix"}, {"from", "until", "set"})}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATES = {"day": (re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII), "%Y-%m-%d", timedelta(days=1)),
          "second": (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", re.ASCII),
                     "%Y-%m-%dT%H:%M:%SZ", timedelta(seconds=1))}
_SET_SPEC = re.compile(r"[\w.!~*'()-]+(:[\w.!~*'()-]+)*", re.ASCII)  # the schema's pattern
_PAPER_ID = re.compile(r"research/([1-9]\d{0,8})", re.ASCII)  # fits any database's integer


class OAIError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)
        self.code, self.message = code, message


@dataclass(frozen=True)
class Harvest:
    """What a list request selects, and where the previous page stopped."""

    prefix: str
    set: str | None = None
    start: str | None = None  # the from/until arguments as given (re-parsed from tokens)
    until: str | None = None
    after: tuple[str, int] | None = None  # (published_at ISO, id) of the last record sent
    cursor: int = 0


@bp.route("/oai", methods=["GET", "POST"])
def endpoint() -> Response:
    """Every verb at one URL; the request element echoes the arguments only if they are valid."""
    # OAI elements are left unqualified under a default namespace declared by hand, as
    # ElementTree's default_namespace option refuses unqualified attributes
    root = _el(None, "OAI-PMH", {"xmlns": OAI, f"{{{XSI}}}schemaLocation":
                                 f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"})
    _el(root, "responseDate", text=_stamp(datetime.now(timezone.utc)))
    echo = _el(root, "request", text=_base_url())
    try:
        verb, args = _parse_args()
        for key, value in {"verb": verb, **args}.items():
            echo.set(key, _clean(value))
        root.append(HANDLERS[verb](args))
    except OAIError as error:
        if error.code in ("badVerb", "badArgument"):
            echo.attrib.clear()
        _el(root, "error", {"code": error.code}, error.message)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="text/xml")


def _el(parent: ET.Element | None, tag: str, attrs: dict | None = None,
        text: object = None) -> ET.Element:
    """An element (in the default OAI namespace unless qualified), its text made XML-safe."""
    attrs = {k: _clean(str(v)) for k, v in (attrs or {}).items()}
    element = ET.Element(tag, attrs) if parent is None else ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _clean(str(text))
    return element


def _clean(text: str) -> str:
    # control characters and lone surrogates cannot appear in XML 1.0, even escaped
    return _NOT_XML.sub("\ufffd", text)


def _parse_args() -> tuple[str, dict[str, str]]:
    """The verb and its arguments; badVerb or badArgument for anything the protocol forbids."""
    values = dict(request.values.lists())
    verbs = values.pop("verb", [])
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
    required, optional = VERBS[verbs[0]]
    if any(len(v) > 1 for v in values.values()):
        raise OAIError("badArgument", "An argument is repeated.")
    args = {key: v[0] for key, v in values.items()}
    allowed = required | optional | ({"resumptionToken"} if verbs[0] in RESUMABLE else set())
    if set(args) - allowed:
        raise OAIError("badArgument", "The request has an argument this verb does not take.")
    if "resumptionToken" in args and len(args) > 1:
        raise OAIError("badArgument", "resumptionToken must be the only argument.")
    if "resumptionToken" not in args and required - set(args):
        raise OAIError("badArgument", "A required argument is missing.")
    return verbs[0], args


def _base_url() -> str:
    return url_for("oai.endpoint", _external=True)


def _repository_id() -> str:
    # the host of BASE_URL (SERVER_NAME), never the request's Host header
    return current_app.config.get("OAI_REPOSITORY_IDENTIFIER") or \
        re.sub(r":\d*$", "", urlsplit(url_for("main.home", _external=True)).netloc)


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive values; they are UTC
    return moment.astimezone(timezone.utc) if moment.tzinfo else \
        moment.replace(tzinfo=timezone.utc)


def _stamp(moment: datetime) -> str:
    """A datestamp in seconds granularity."""
    return _utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def _public() -> list:
    """Only public, published papers are ever part of the repository."""
    return [*where(None, "research.paper.list"), Paper.published_at.is_not(None)]


def _paper_by_identifier(identifier: str, *, full: bool) -> Paper:
    """The exposed paper an OAI identifier names, or idDoesNotExist."""
    prefix = f"oai:{_repository_id()}:"
    match = identifier.startswith(prefix) and _PAPER_ID.fullmatch(identifier[len(prefix):])
    paper = match and db.session.execute(select(Paper).where(
        *_public(), Paper.id == int(match[1])).options(*_loads(full))).scalar_one_or_none()
    if not paper:
        raise OAIError("idDoesNotExist", "No public record has this identifier.")
    return paper


def _loads(full: bool) -> list:
    # a page costs a fixed number of queries however many records it holds
    loads = [selectinload(Paper.topics)]
    return loads + [selectinload(Paper.authors), selectinload(Paper.files)] if full else loads


def identify(args: dict[str, str]) -> ET.Element:
    """Describe the repository."""
    element = _el(None, "Identify")
    earliest = db.session.execute(
        select(func.min(Paper.published_at)).where(*_public())).scalar()
    sender = current_app.config.get("MAIL_DEFAULT_SENDER") or ""
    sender = sender[1] if isinstance(sender, (tuple, list)) else parseaddr(sender)[1]
    for tag, text in (("repositoryName", REPOSITORY_NAME), ("baseURL", _base_url()),
                      ("protocolVersion", "2.0"),
                      ("adminEmail", current_app.config.get("OAI_ADMIN_EMAIL", sender)),
                      ("earliestDatestamp", _stamp(earliest or EPOCH)),
                      ("deletedRecord", "no"), ("granularity", "YYYY-MM-DDThh:mm:ssZ")):
        _el(element, tag, text=text)
    return element


def list_metadata_formats(args: dict[str, str]) -> ET.Element:
    """Only oai_dc, for the repository and for every record in it."""
    if "identifier" in args:
        _paper_by_identifier(args["identifier"], full=False)
    element = _el(None, "ListMetadataFormats")
    fmt = _el(element, "metadataFormat")
    for tag, text in (("metadataPrefix", "oai_dc"), ("schema", OAI_DC_XSD),
                      ("metadataNamespace", OAI_DC)):
        _el(fmt, tag, text=text)
    return element


def list_sets(args: dict[str, str]) -> ET.Element:
    """The nine topics are the sets; they always fit in one response, so no token is issued."""
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "This repository issues no ListSets tokens.")
    element = _el(None, "ListSets")
    for topic in db.session.execute(select(Topic).order_by(Topic.position)).scalars():
        oai_set = _el(element, "set")
        _el(oai_set, "setSpec", text=topic.slug)
        _el(oai_set, "setName", text=topic.name_in("en"))
    return element


def get_record(args: dict[str, str]) -> ET.Element:
    """One record by its identifier."""
    _check_prefix(args["metadataPrefix"])
    element = _el(None, "GetRecord")
    _record(element, _paper_by_identifier(args["identifier"], full=True))
    return element


def _check_prefix(prefix: str) -> None:
    if prefix != "oai_dc":
        raise OAIError("cannotDisseminateFormat", "The only metadata format is oai_dc.")


def list_records(args: dict[str, str], verb: str = "ListRecords") -> ET.Element:
    """One page of headers or records, with a resumption token when more follow."""
    harvest = _from_token(verb, args["resumptionToken"]) if "resumptionToken" in args \
        else Harvest(args["metadataPrefix"], args.get("set"), args.get("from"), args.get("until"))
    _check_prefix(harvest.prefix)
    filters = _filters(harvest)
    size = max(1, int(current_app.config.get("OAI_PAGE_SIZE", 100)))
    query = select(Paper).where(*_public(), *filters, *_after(harvest.after)).options(
        *_loads(verb == "ListRecords")).order_by(Paper.published_at, Paper.id).limit(size + 1)
    papers = list(db.session.execute(query).scalars())
    if not papers:
        raise OAIError("noRecordsMatch", "No records match the request.")
    element = _el(None, verb)
    for paper in papers[:size]:
        (_record if verb == "ListRecords" else _header)(element, paper)
    if len(papers) > size or harvest.after is not None:
        _resumption(element, verb, harvest, filters, papers[:size], more=len(papers) > size)
    return element


def _filters(harvest: Harvest) -> list:
    """The set and date conditions; badArgument for an illegal setSpec or dates."""
    if harvest.set is not None and not _SET_SPEC.fullmatch(harvest.set):
        raise OAIError("badArgument", "This is not a setSpec.")
    filters = [Paper.topics.any(Topic.slug == harvest.set)] if harvest.set is not None else []
    start = _parse_date(harvest.start, upper=False) if harvest.start is not None else None
    until = _parse_date(harvest.until, upper=True) if harvest.until is not None else None
    if start and until and start[1] != until[1]:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if start:
        filters.append(Paper.published_at >= start[0])
    if until and until[0] is not None:
        filters.append(Paper.published_at < until[0])
    return filters


def _parse_date(value: str, *, upper: bool) -> tuple[datetime | None, str]:
    """A from/until value as a UTC bound and its granularity; until is inclusive, so its
    bound is the next day or second (None: no bound, past 9999-12-31)."""
    for granularity, (pattern, fmt, step) in _DATES.items():
        if pattern.fullmatch(value):
            try:
                moment = datetime.strptime(value, fmt).replace(tzinfo=timezone.utc)
                return (moment + step if upper else moment), granularity
            except OverflowError:
                return None, granularity
            except ValueError:
                break
    raise OAIError("badArgument", "Dates are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.")


def _after(key: tuple[str, int] | None) -> list:
    """Keyset condition: strictly after the last record of the previous page."""
    if key is None:
        return []
    moment = datetime.fromisoformat(key[0])
    return [or_(Paper.published_at > moment,
                and_(Paper.published_at == moment, Paper.id > key[1]))]


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="oai")


def _from_token(verb: str, token: str) -> Harvest:
    """The harvest a signed token continues; badResumptionToken if it is not one of ours."""
    try:
        data = _serializer().loads(token)
        if data.pop("verb") != verb:
            raise ValueError(verb)
        moment, paper_id = data.pop("after")
        return Harvest(**data, after=(datetime.fromisoformat(moment).isoformat(), int(paper_id)))
    except (BadData, AttributeError, KeyError, TypeError, ValueError):
        raise OAIError("badResumptionToken", "The resumption token is invalid.") from None


def _resumption(element: ET.Element, verb: str, harvest: Harvest, filters: list,
                page: list[Paper], *, more: bool) -> None:
    """The resumptionToken element: a signed token, or empty on the last page."""
    total = db.session.execute(
        select(func.count(Paper.id)).where(*_public(), *filters)).scalar_one()
    token = ""
    if more:
        last = page[-1]
        state = asdict(harvest) | {"verb": verb, "after": (_utc(last.published_at).isoformat(),
                                                           last.id),
                                   "cursor": harvest.cursor + len(page)}
        token = _serializer().dumps(state)
    _el(element, "resumptionToken", {"completeListSize": total, "cursor": harvest.cursor},
        token)


def _header(parent: ET.Element, paper: Paper) -> None:
    header = _el(parent, "header")
    _el(header, "identifier", text=f"oai:{_repository_id()}:research/{paper.id}")
    _el(header, "datestamp", text=_stamp(paper.published_at))
    for topic in paper.topics:
        _el(header, "setSpec", text=topic.slug)


def _record(parent: ET.Element, paper: Paper) -> None:
    record = _el(parent, "record")
    _header(record, paper)
    metadata = _el(record, "metadata")
    dc = _el(metadata, f"{{{OAI_DC}}}dc", {f"{{{XSI}}}schemaLocation": f"{OAI_DC} {OAI_DC_XSD}"})
    for name, value in _dublin_core(paper):
        if value:
            _el(dc, f"{{{DC}}}{name}", text=value)


def _dublin_core(paper: Paper) -> list[tuple[str, object]]:
    """The oai_dc elements of a paper, in the schema's order; empty values are dropped."""
    return [("title", paper.title), *(("creator", a.name) for a in paper.authors),
            *(("subject", k) for k in paper.keywords or ()),
            *(("subject", t.name_in("en")) for t in paper.topics),
            ("description", paper.abstract), ("publisher", paper.publisher),
            ("date", paper.year), ("type", paper.type.value),
            ("format", "application/pdf" if paper.current_file else None),
            ("identifier", _paper_url(paper.id)),
            ("identifier", f"https://doi.org/{paper.doi}" if paper.doi else None),
            ("identifier", paper.url), ("language", paper.language),
            *(("coverage", c) for c in paper.countries or ()), ("rights", paper.licence)]


def _paper_url(paper_id: int) -> str:
    try:
        return url_for("research.paper", paper_id=paper_id, _external=True)
    except BuildError:
        # research.paper is not built yet; this is the URL it is planned to have
        return url_for("main.home", _external=True) + f"research/{paper_id}"


HANDLERS = {"Identify": identify, "ListMetadataFormats": list_metadata_formats,
            "ListSets": list_sets, "GetRecord": get_record,
            "ListIdentifiers": partial(list_records, verb="ListIdentifiers"),
            "ListRecords": list_records}
