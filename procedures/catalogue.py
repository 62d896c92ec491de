"""The public catalogue ``/thu-tuc-hanh-chinh/``: filters, their counts, the page of procedures.

Plain functions; the index page's ``get_context`` calls ``listing_context``. The GET parameters
are the API's (``field``, ``agency``, ``level``, ``online_level``; ``page``). A value that cannot be
read is named in a message, that filter is dropped and the page answers HTTP 400 (the rest of the
catalogue is still shown). Each filter's options carry their counts among the procedures the
other filters keep (facets), in one ``GROUP BY`` query per filter: a fixed number of queries
whatever the number of procedures.
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from portal.api.listings import MAX_ID
from portal.pagination import paginate
from portal.text import fold

from .values import Level, OnlineLevel

FILTERS = ("field", "agency", "level", "online_level")


@dataclass(frozen=True)
class ProcedureFilter:
    """What the catalogue is filtered by; None: any."""

    field: int | None = None
    agency: int | None = None
    level: str | None = None
    online_level: str | None = None

    def apply(self, queryset: QuerySet, *, skip: str | None = None) -> QuerySet:
        """The procedures of ``queryset`` this filter keeps (less the filter ``skip``)."""
        if self.field is not None and skip != "field":
            queryset = queryset.filter(field_id=self.field)
        if self.agency is not None and skip != "agency":
            queryset = queryset.filter(agency_id=self.agency)
        if self.level is not None and skip != "level":
            queryset = queryset.filter(level=self.level)
        if self.online_level is not None and skip != "online_level":
            queryset = queryset.filter(online_level=self.online_level)
        return queryset

    def querystring(self) -> str:
        return urlencode([(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name) is not None])

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in FILTERS)


def _labels() -> dict[str, str]:
    return {
        "field": _("Lĩnh vực"),
        "agency": _("Cơ quan thực hiện"),
        "level": _("Cấp thực hiện"),
        "online_level": _("Mức độ dịch vụ công trực tuyến"),
    }


def read_filter(params: Mapping) -> tuple[ProcedureFilter, dict[str, str]]:
    """The filter in GET ``params`` and {parameter: message} of the values that cannot be read
    (those filters are left out)."""
    labels = _labels()
    values: dict = {}
    errors: dict[str, str] = {}
    for name in ("field", "agency"):
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        if raw.isdigit() and 1 <= int(raw) <= MAX_ID:
            values[name] = int(raw)
        else:
            errors[name] = _("%(label)s (%(param)s): “%(value)s” không phải là mã số hợp lệ.") % {
                "label": labels[name],
                "param": name,
                "value": raw[:40],
            }
    for name, choices in (("level", Level), ("online_level", OnlineLevel)):
        raw = (params.get(name) or "").strip()
        if not raw:
            continue
        if raw in choices.values:
            values[name] = raw
        else:
            errors[name] = _("%(label)s (%(param)s): “%(value)s” không hợp lệ; chọn một trong: %(codes)s.") % {
                "label": labels[name],
                "param": name,
                "value": raw[:40],
                "codes": ", ".join(choices.values),
            }
    return ProcedureFilter(**values), errors


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FilterChoices:
    name: str
    label: str
    options: list[Option]


def filter_choices(procedures: QuerySet, chosen: ProcedureFilter) -> list[FilterChoices]:
    """Each filter's options with their counts among ``procedures`` kept by the other filters;
    an option chosen that no procedure has is listed with 0. Four queries (five or six when a
    chosen field or agency has no procedure)."""
    labels = _labels()
    out = []
    for name in ("field", "agency"):
        rows = (
            chosen.apply(procedures, skip=name)
            .order_by()
            .values_list(f"{name}_id", f"{name}__name")
            .annotate(n=Count("pk"))
        )
        current = getattr(chosen, name)
        options = sorted(
            (Option(str(pk), label, n, pk == current) for pk, label, n in rows), key=lambda o: (fold(o.label), o.label)
        )
        if current is not None and not any(o.selected for o in options):
            options.insert(0, Option(str(current), _missing_name(name, current), 0, True))
        out.append(FilterChoices(name, labels[name], options))
    for name, choices in (("level", Level), ("online_level", OnlineLevel)):
        counts = dict(chosen.apply(procedures, skip=name).order_by().values_list(name).annotate(n=Count("pk")))
        current = getattr(chosen, name)
        options = [
            Option(code, str(label), counts.get(code, 0), code == current)
            for code, label in choices.choices
            if counts.get(code) or code == current
        ]
        out.append(FilterChoices(name, labels[name], options))
    return out


def _missing_name(name: str, pk: int) -> str:
    from directives.models import Agency, Field

    model = Field if name == "field" else Agency
    return model.objects.filter(pk=pk).values_list("name", flat=True).first() or f"#{pk}"


def ordered(procedures: QuerySet) -> QuerySet:
    """The catalogue's order: by field, then name, with what a row shows."""
    return procedures.select_related("field", "agency").order_by("field__name", "title", "pk")


def listing_context(index, request) -> dict:
    """The index page's context: the filter form, its counts, the page of procedures."""
    chosen, errors = read_filter(request.GET)
    procedures = index.procedures()
    page = paginate(request, ordered(chosen.apply(procedures)), index.per_page)
    query = chosen.querystring()
    return {
        "procedures": page,
        "page_obj": page,
        "page_query_prefix": f"{query}&" if query else "",
        "filters": filter_choices(procedures, chosen),
        "chosen": chosen,
        "filter_errors": list(errors.values()),
        "filtered": not chosen.is_empty(),
        "total": page.paginator.count,
    }
