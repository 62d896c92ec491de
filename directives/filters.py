"""The filters of legal documents, directives and tasks: one function per filter, used by the typed
API listings (``directives.api``), the task tracking (``directives.tracking``) and the search
(``directives.search``). Each takes a queryset of the type and returns the pages it keeps."""

from datetime import date

from django.db.models import Q, QuerySet

from .validity import validity_expression


def by_document_type(queryset: QuerySet, document_type_id: int, today: date | None = None) -> QuerySet:
    return queryset.filter(document_type_id=document_type_id)


def by_issuing_body(queryset: QuerySet, agency_id: int, today: date | None = None) -> QuerySet:
    """Documents issued by the agency, as lead or as co-issuer."""
    from .models import LegalDocumentPage

    co_issued = LegalDocumentPage.co_issuing_bodies.through.objects.filter(agency_id=agency_id)
    return queryset.filter(Q(issuing_body_id=agency_id) | Q(pk__in=co_issued.values("legaldocumentpage_id")))


def by_field(queryset: QuerySet, field_id: int, today: date | None = None) -> QuerySet:
    """Pages (legal documents or directives) of the field (lĩnh vực)."""
    model = queryset.model
    tagged = model.fields.through.objects.filter(field_id=field_id)
    return queryset.filter(pk__in=tagged.values(f"{model._meta.model_name}_id"))


def by_validity(queryset: QuerySet, statuses: str | list[str], today: date) -> QuerySet:
    """Legal documents whose validity status on ``today`` is one of ``statuses`` (a code or a list)."""
    codes = [statuses] if isinstance(statuses, str) else list(statuses)
    return queryset.alias(validity=validity_expression(today)).filter(validity__in=codes)


def by_lead_unit(queryset: QuerySet, unit_id: int, today: date | None = None) -> QuerySet:
    """Tasks led by the unit (đơn vị chủ trì)."""
    return queryset.filter(lead_unit_id=unit_id)
