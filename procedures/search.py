"""How administrative procedures are searched (``search.registry``), registered by
``ProceduresConfig.ready()``: the search document ``procedure``, its filters (field — shared with
legal documents and directives —, implementing agency, level, online-service level), its facets,
and its exact match: a procedure code typed in the query (``1.004227``) puts that procedure
first (a local variant ``1.004227.000.00.00.H62`` too)."""

from django.db.models import Q

from portal.api.listings import MAX_ID
from search.registry import Facet, SearchDocument, SearchFilter

from .models import ProcedurePage
from .values import Level, OnlineLevel, codes_in, national_code


def _levels() -> list[tuple[str, str]]:
    return list(Level.choices)


def _online_levels() -> list[tuple[str, str]]:
    return list(OnlineLevel.choices)


def _agency_name(pk) -> str | None:
    from directives.models import Agency

    return Agency.objects.filter(pk=pk).values_list("name", flat=True).first()


FILTERS = [
    SearchFilter(
        "agency",
        int | None,
        {"default": None, "ge": 1, "le": MAX_ID, "description": "Implementing agency id (procedures only)."},
        "Cơ quan thực hiện",
        "Cơ quan thực hiện không hợp lệ.",
    ),
    SearchFilter(
        "level",
        None,
        {
            "default": None,
            "description": "Level that carries out the procedure: `tinh`, `huyen`, `xa` (procedures only).",
        },
        "Cấp thực hiện",
        "Cấp thực hiện không hợp lệ.",
        choices=_levels,
    ),
    SearchFilter(
        "online_level",
        None,
        {
            "default": None,
            "description": "Online public service level (Decree 42/2022): `toan_trinh`, `mot_phan`, `none` "
            "(procedures only).",
        },
        "Mức độ dịch vụ công trực tuyến",
        "Mức độ dịch vụ công trực tuyến không hợp lệ.",
        choices=_online_levels,
    ),
]

FACETS = [
    Facet("agency", "named", "Cơ quan thực hiện", 70, name_of=_agency_name),
    Facet("level", "choice", "Cấp thực hiện", 80, choices=_levels),
    Facet("online_level", "choice", "Mức độ dịch vụ công trực tuyến", 90, choices=_online_levels),
]


def by_field(queryset, field_id: int, today=None):
    return queryset.filter(field_id=field_id)


def by_agency(queryset, agency_id: int, today=None):
    return queryset.filter(agency_id=agency_id)


def by_level(queryset, level: str, today=None):
    return queryset.filter(level=level)


def by_online_level(queryset, online_level: str, today=None):
    return queryset.filter(online_level=online_level)


def code_matches(q: str, candidates) -> list[int]:
    """The procedures whose code the query holds: the code itself, or a local variant of a
    national code (``1.004227`` → ``1.004227.000.00.00.H62``)."""
    condition = Q()
    for code in codes_in(q):
        condition |= Q(code=code)
        if code == national_code(code):
            condition |= Q(code__startswith=code + ".") | Q(code__startswith=code + "-")
    if not condition:
        return []
    return list(candidates.filter(condition).order_by("code", "pk").values_list("pk", flat=True)[:20])


def _facets(matches) -> dict:
    return {
        "field": matches.pairs("field"),
        "agency": matches.pairs("agency"),
        "level": matches.counts("level"),
        "online_level": matches.counts("online_level"),
    }


def _standing(values: dict) -> int:
    """A procedure in the catalogue is in force: above the news about it (as a directive is)."""
    return 2


DOCUMENTS = [
    SearchDocument(
        "procedure",
        ProcedurePage,
        "announced_on",
        ("field.name", "agency.name", "subjects", "result"),
        label="Thủ tục hành chính",
        date_label="Ngày công bố",
        order=5,
        filters={
            "field": by_field,
            "agency": by_agency,
            "level": by_level,
            "online_level": by_online_level,
        },
        related=("field", "agency"),
        facet_columns=("field_id", "field__name", "agency_id", "agency__name", "level", "online_level"),
        count_facets=_facets,
        exact_matches=code_matches,
        number_field="code",
        standing=_standing,
    ),
]
