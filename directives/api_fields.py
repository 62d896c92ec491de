"""The API shapes of legal documents, directives and tasks (``APIField(serializer=...)``):
document types, relations between documents, leaders, progress reports. The generic shapes are
``portal.api.fields``. Those an editor writes say how (``writer``: ``portal.api.writes``)."""

from datetime import date

from typing_extensions import TypedDict

from portal.api.fields import (
    AttachmentOut,
    NamedRef,
    NamedRefListField,
    PageRef,
    ReadOnlyField,
    ReferenceField,
    attachment_out,
    named_ref,
    related_rows,
)
from portal.api.writes import ReferenceWriter, RefInput, RowsWriter, ValueWriter, WriteLocations, Writer, ref_id


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


class DocumentTypeField(ReferenceField):
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


class OfficialField(ReferenceField):
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
    """Typed relations between legal documents, outgoing or incoming (incoming ones are read-only:
    they are the other documents' relations)."""

    def to_representation(self, value) -> list[RelationOut]:
        return list(value)


class OutgoingRelationListField(RelationListField):
    """A document's own relations to others (the inline panel "Văn bản liên quan"), written as
    ``[{"type": …, "page": <document id>|null, "number": …}]``: the target document by id, or by its
    number when the portal does not hold it yet; ``label`` is the type's words (read-only)."""

    def writer(self, model, name):
        from typing import Literal

        from .models.legal import RelationType

        return RowsWriter(
            "relations",
            {
                "type": ValueWriter("relation_type", Literal[tuple(RelationType.values)]),
                "page": ReferenceWriter("target_page"),
                "number": ValueWriter("target_number", str),
            },
            read_only=("label",),
            name=name,
        )


class IssuingBodiesWriter(Writer):
    """A document's issuing bodies, the lead first (as read): written to the admin's lead body
    (``issuing_body``) and co-issuing bodies (``co_issuing_bodies``)."""

    form_fields = ("issuing_body", "co_issuing_bodies")
    description = "The issuing bodies' ids, the lead (chủ trì) first."

    def input_type(self):
        return list[RefInput] | None

    def form_values(self, value, instance, locations: WriteLocations, api_path: tuple):
        ids = [ref_id(item) for item in value or []]
        lead = ids[0] if ids else None
        locations.add(("issuing_body",), (*api_path, 0) if ids else api_path)
        locations.add(("co_issuing_bodies",), api_path)
        return {"issuing_body": lead, "co_issuing_bodies": [i for i in dict.fromkeys(ids[1:]) if i != lead]}


class IssuingBodiesField(NamedRefListField):
    """All issuing bodies of a document, the lead one first; written as their ids in that order."""

    def writer(self, model, name):
        return IssuingBodiesWriter()


class ProgressReportListField(ReadOnlyField):
    """Progress reports of a task, in the editor's order, with the reporting unit and the attached file.
    Written as ``[{"id": <report id, to keep one>, "date", "unit": <agency id>, "percent", "content",
    "attachment": <document id>}]``."""

    def writer(self, model, name):
        from datetime import date as Date

        return RowsWriter(
            name,
            {
                "date": ValueWriter("date", Date),
                "unit": ReferenceWriter("unit"),
                "percent": ValueWriter("percent", int),
                "content": ValueWriter("content", str),
                "attachment": ReferenceWriter("attachment"),
            },
            pk="id",
            name=name,
        )

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
