"""The API shapes of legal documents, directives and tasks (``APIField(serializer=...)``):
document types, relations between documents, leaders, progress reports. The generic shapes are
``portal.api.fields``."""

from datetime import date

from typing_extensions import TypedDict

from portal.api.fields import AttachmentOut, NamedRef, PageRef, ReadOnlyField, attachment_out, named_ref, related_rows


class DocumentTypeRef(TypedDict):
    id: int
    name: str
    abbreviation: str
    is_normative: bool


class RelationOut(TypedDict):
    type: str
    label: str
    number: str
    page: PageRef | None


class ProgressReportOut(TypedDict):
    id: int | None  # None in a draft that adds the report
    date: date
    unit: NamedRef | None
    percent: int
    content: str
    attachment: AttachmentOut | None


class DocumentTypeField(ReadOnlyField):
    def to_representation(self, value) -> DocumentTypeRef:
        return {
            "id": value.pk,
            "name": value.name,
            "abbreviation": value.abbreviation,
            "is_normative": value.is_normative,
        }


class OfficialOut(TypedDict):
    id: int
    name: str
    position: str
    agency: str | None
    phone: str
    email: str


class OfficialField(ReadOnlyField):
    """A leader with public contact details."""

    def to_representation(self, value) -> OfficialOut:
        return {
            "id": value.pk,
            "name": value.name,
            "position": value.position,
            "agency": value.agency.name if value.agency_id else None,
            "phone": value.phone,
            "email": value.email,
        }


class RelationListField(ReadOnlyField):
    """Typed relations between legal documents, outgoing or incoming."""

    def to_representation(self, value) -> list[RelationOut]:
        return list(value)


class ProgressReportListField(ReadOnlyField):
    """Progress reports of a task, in the editor's order, with the reporting unit and the attached file."""

    def to_representation(self, value) -> list[ProgressReportOut]:
        return [
            {
                "id": row.pk,
                "date": row.date,
                "unit": named_ref(row.unit) if row.unit_id else None,
                "percent": row.percent,
                "content": row.content,
                "attachment": attachment_out(row.attachment) if row.attachment_id else None,
            }
            for row in related_rows(value, "unit", "attachment")
        ]
