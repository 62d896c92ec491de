"""How legal documents, directives and tasks are searched (``search.registry``): their filters,
facets, exact matches (a document number, a task code) and search documents, registered by
``DirectivesConfig.ready()``."""

from django.db.models import Count, F, Q

from portal.api.listings import MAX_ID
from portal.filters import starts_with
from portal.text import normalize, query_text
from search.registry import Facet, SearchDocument, SearchFilter
from search.understand import Boost, phrases_at

from .filters import by_document_type, by_field, by_issuing_body, by_lead_unit, by_validity
from .models import Agency, DirectiveKind, DirectivePage, DocumentType, Field, LegalDocumentPage, TaskPage
from .numbers import TYPE_WORDS, find_numbers, folded_number_key, spoken_numbers
from .validity import ValidityStatus, validity_expression


def _an_id(description: str) -> dict:
    return {"default": None, "ge": 1, "le": MAX_ID, "description": description}


def _validity_choices() -> list[tuple[str, str]]:
    return list(ValidityStatus.choices)


FILTERS = [
    SearchFilter(
        "document_type",
        int | None,
        _an_id("Document type id (legal documents only)."),
        "Loại văn bản",
        "Loại văn bản không hợp lệ.",
    ),
    SearchFilter(
        "issuing_body",
        int | None,
        _an_id("Issuing body id, lead or co-issuer (legal documents)."),
        "Cơ quan ban hành",
        "Cơ quan ban hành không hợp lệ.",
    ),
    SearchFilter(
        "field",
        int | None,
        _an_id("Field (lĩnh vực) id (legal documents and directives)."),
        "Lĩnh vực",
        "Lĩnh vực không hợp lệ.",
    ),
    SearchFilter(
        "status",
        None,  # the validity codes (``choices``)
        {"default": None, "description": "Validity status today (legal documents only)."},
        "Tình trạng hiệu lực",
        "Tình trạng hiệu lực không hợp lệ.",
        choices=_validity_choices,
    ),
    SearchFilter(
        "unit",
        int | None,
        _an_id("Lead unit id (tasks only)."),
        "Đơn vị chủ trì",
        "Đơn vị chủ trì không hợp lệ.",
    ),
]


def _name_of(model):
    def name_of(pk) -> str | None:
        return model.objects.filter(pk=pk).values_list("name", flat=True).first()

    return name_of


FACETS = [
    Facet("document_type", "named", "Loại văn bản", 10, name_of=_name_of(DocumentType)),
    Facet("issuing_body", "named", "Cơ quan ban hành", 20, name_of=_name_of(Agency)),
    Facet("field", "named", "Lĩnh vực", 30, name_of=_name_of(Field)),
    Facet("status", "choice", "Tình trạng hiệu lực", 40, choices=_validity_choices),
    Facet("unit", "named", "Đơn vị chủ trì", 60, name_of=_name_of(Agency)),
]


# --- exact matches ---------------------------------------------------------------------------------


def _number_matches(date_field: str, type_condition=None):
    """Pages whose number is in the query: written (exact key, or ``43/2011`` → ``43/2011/…``) or
    said (``spoken_numbers``: "nghị định 15 năm 2020" → ``15/2020/…`` or ``15/…`` issued in 2020,
    of that type). ``type_condition(folded type name)``: the Q of that type on this model, or None
    when the model has no such type (then a number said with it is not this model's)."""

    def matches(q: str, candidates) -> list[int]:
        condition = Q()
        for number in find_numbers(q):
            key = folded_number_key(number)
            if key:
                condition |= Q(number_folded=key) | starts_with("number_folded", key + "/")
        for spoken in spoken_numbers(q):
            said = Q()
            for seq in spoken.sequences():
                if spoken.year is None:
                    said |= starts_with("number_folded", f"{seq}/")
                else:
                    said |= (
                        starts_with("number_folded", f"{seq}/{spoken.year}/")
                        | Q(number_folded=f"{seq}/{spoken.year}")
                        | (starts_with("number_folded", f"{seq}/") & Q(**{f"{date_field}__year": spoken.year}))
                    )
            if spoken.document_type:
                of_type = type_condition(spoken.document_type) if type_condition else None
                if of_type is None:
                    continue
                said &= of_type
            condition |= said
        if not condition:
            return []
        # the numbers' rows first (``starts_with``: the index on the number), then the candidates
        # among them: joined as one, SQLite began from every live page in the language
        numbered = candidates.model.objects.filter(condition).values("pk")
        ordered = candidates.filter(pk__in=numbered).order_by(f"-{date_field}", "-pk")
        return list(ordered.values_list("pk", flat=True)[:20])

    return matches


def _legal_document_type(folded: str) -> Q | None:
    """Legal documents of the type named (folded): "nghi dinh" → document type "Nghị định"."""
    ids = [pk for pk, name in DocumentType.objects.values_list("pk", "name") if query_text(name) == folded]
    return Q(document_type_id__in=ids) if ids else None


def _directive_kind(folded: str) -> Q | None:
    """Directives of the kind named (folded): "thong bao" → "Thông báo kết luận", "chi thi" → "Chỉ thị"."""
    kinds = [value for value, label in DirectiveKind.choices if query_text(str(label)).startswith(folded)]
    return Q(kind__in=kinds) if kinds else None


# Issuers citizens name by the code in the number ("QĐ UBND", "nghị quyết HĐND", "NĐ CP"): folded
# word → the Q of numbers carrying it (``number_folded`` is upper case, no hyphens: "43/2011/NDCP").
ISSUER_WORDS = {
    "ubnd": Q(number_folded__contains="UBND"),
    "hdnd": Q(number_folded__contains="HDND"),
    "cp": Q(number_folded__endswith="CP") & ~Q(number_folded__endswith="VPCP"),
    "ttg": Q(number_folded__contains="TTG"),
    "qh": Q(number_folded__regex=r"/QH[0-9]*$"),
}


def _names_a_type(words: list[str], positions: tuple[int, ...]) -> bool:
    """Whether the type words at ``positions`` name the document's type: they begin the query
    ("luật đất đai", "QĐ UBND giao dự toán"), or a number follows them ("kế hoạch 56", "quyết định
    số 120"). Elsewhere they are the subject's words: "giao kế hoạch vốn đầu tư công", "luật sửa
    đổi luật thi đua"."""
    after = positions[-1] + 1
    following = words[after : after + 2]
    return positions[0] == 0 or bool(
        following and (following[0].isdigit() or (following[0] == "so" and following[1:2] and following[1].isdigit()))
    )


def _understand(type_condition):
    """The boosts of a numbered type: the document types (or kinds) named ("luật", "nghị định",
    "QĐ"…, ``numbers.TYPE_WORDS``; ``_names_a_type``) and the issuers named by their code
    (``ISSUER_WORDS``)."""

    def understand(words: list[str]) -> list[Boost]:
        boosts = []
        for positions, folded_type in phrases_at(words, TYPE_WORDS):
            if not _names_a_type(words, positions):
                continue
            condition = type_condition(folded_type)
            if condition is not None:
                boosts.append(Boost(positions, condition, folded_type))
        for i, word in enumerate(words):
            if word in ISSUER_WORDS:
                boosts.append(Boost((i,), ISSUER_WORDS[word], word))
        return boosts

    return understand


def _number_prefix(typed: str) -> Q:
    return starts_with("number_folded", folded_number_key(typed))


def _task_code_matches(q: str, candidates) -> list[int]:
    code = normalize(q).upper()
    if " " in code or len(code) > 50:
        return []
    # The task table alone first (a join would make the planner walk every live page).
    ids = list(TaskPage._base_manager.filter(code__iexact=code).values_list("pk", flat=True))
    return list(candidates.filter(pk__in=ids).values_list("pk", flat=True)) if ids else []


# --- facets ----------------------------------------------------------------------------------------


def _field_counts(matches):
    """(field id, name, n) of the matches (legal documents or directives): one ``GROUP BY`` query."""
    model = matches.spec.model
    return (
        matches.through(model.fields.through.objects, f"{model._meta.model_name}_id")
        .order_by()
        .values("field_id", "field__name")
        .annotate(_n=Count("pk"))
        .values_list("field_id", "field__name", "_n")
    )


def _legal_document_facets(matches) -> dict:
    """Document type, issuing body (lead from the rows, co-issuers by one ``GROUP BY`` query), validity
    status today, field."""
    co_issuers = (
        matches.through(LegalDocumentPage.co_issuing_bodies.through.objects, "legaldocumentpage_id")
        .filter(
            Q(legaldocumentpage__issuing_body_id__isnull=True) | ~Q(agency_id=F("legaldocumentpage__issuing_body_id"))
        )
        .order_by()
        .values("agency_id", "agency__name")
        .annotate(_n=Count("pk"))
        .values_list("agency_id", "agency__name", "_n")
    )
    return {
        "issuing_body": [*matches.pairs("issuing_body"), *co_issuers],
        "status": matches.counts("_validity"),
        "document_type": matches.pairs("document_type"),
        "field": _field_counts(matches),
    }


_STANDING = {
    ValidityStatus.IN_FORCE.value: 3,
    ValidityStatus.PARTLY_EXPIRED.value: 2,
    ValidityStatus.NOT_YET_IN_FORCE.value: 2,
    ValidityStatus.EXPIRED.value: 1,
    ValidityStatus.SUSPENDED.value: 1,
}


def _legal_document_standing(values: dict) -> int:
    """In force first; then partly expired, not yet in force, or without a validity (a plan, a
    letter); then expired or suspended — all above the types without a standing (news, 0), so
    that a document comes before the news about it when the query fits both equally."""
    return _STANDING.get(values["_validity"], 2)


def _with_validity(queryset, today):
    return queryset.annotate(_validity=validity_expression(today))


DOCUMENTS = [
    SearchDocument(
        "legal_document",
        LegalDocumentPage,
        "issued_on",
        ("summary", "body", "signer"),
        label="Văn bản",
        date_label="Ngày ban hành",
        order=0,
        filters={
            "document_type": by_document_type,
            "issuing_body": by_issuing_body,
            "field": by_field,
            "status": by_validity,
        },
        facet_columns=(
            "document_type_id",
            "document_type__name",
            "issuing_body_id",
            "issuing_body__name",
            "_validity",
        ),
        annotate_facets=_with_validity,
        count_facets=_legal_document_facets,
        exact_matches=_number_matches("issued_on", _legal_document_type),
        number_field="number",
        number_prefix=_number_prefix,
        understand=_understand(_legal_document_type),
        standing=_legal_document_standing,
    ),
    SearchDocument(
        "directive",
        DirectivePage,
        "issued_on",
        ("summary", "body", "meeting_subject"),
        label="Chỉ đạo điều hành",
        date_label="Ngày ban hành",
        order=1,
        filters={"field": by_field},
        count_facets=lambda matches: {"field": _field_counts(matches)},
        exact_matches=_number_matches("issued_on", _directive_kind),
        number_field="number",
        number_prefix=_number_prefix,
        understand=_understand(_directive_kind),
        standing=lambda values: 2,  # a document without a validity status: above the news
    ),
    SearchDocument(
        "task",
        TaskPage,
        "assigned_on",
        ("title", "details", "expected_output", "lead_unit.name"),
        label="Nhiệm vụ",
        date_label="Ngày giao",
        order=2,
        filters={"unit": by_lead_unit},
        related=("lead_unit",),
        facet_columns=("lead_unit_id", "lead_unit__name"),
        count_facets=lambda matches: {"unit": matches.pairs("lead_unit")},
        exact_matches=_task_code_matches,
    ),
]
