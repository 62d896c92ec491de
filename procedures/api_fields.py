"""The API shapes of a procedure (``APIField(serializer=...)``): its channels, steps, dossier and
legal basis. The generic shapes are ``portal.api.fields``. Each says how an editor's value is
written through the generic page endpoints (``writer``: ``portal.api.writes``)."""

from typing_extensions import TypedDict

from portal.api.fields import AttachmentOut, PageRef, ReadOnlyField, attachment_out, related_rows
from portal.api.writes import FlagsWriter, ReferenceWriter, RowsWriter, ValueWriter

#: The channel codes and the procedure's boolean fields they stand for (``ProcedurePage.channels``).
CHANNEL_FIELDS = {"truc_tiep": "channel_in_person", "truc_tuyen": "channel_online", "buu_chinh": "channel_post"}


class DossierItemOut(TypedDict):
    name: str
    originals: int
    copies: int
    required: bool
    form: AttachmentOut | None


class LegalBasisOut(TypedDict):
    citation: str
    number: str
    document: PageRef | None


class ChannelListField(ReadOnlyField):
    """The channel codes: ``truc_tiep``, ``truc_tuyen``, ``buu_chinh``; written as that list."""

    def writer(self, model, name):
        return FlagsWriter(CHANNEL_FIELDS)

    def to_representation(self, value) -> list[str]:
        return list(value)


class StepListField(ReadOnlyField):
    """The steps, in order, as text; written as that list (it replaces the steps)."""

    def writer(self, model, name):
        return RowsWriter(name, {"text": ValueWriter("text", str)}, scalar="text", name=name)

    def to_representation(self, value) -> list[str]:
        return [row.text for row in related_rows(value)]


class DossierListField(ReadOnlyField):
    """The papers of the dossier, in order, each with its form file (if any); written as that list,
    the form by its document id."""

    def writer(self, model, name):
        return RowsWriter(
            name,
            {
                "name": ValueWriter("name", str),
                "originals": ValueWriter("originals", int),
                "copies": ValueWriter("copies", int),
                "required": ValueWriter("required", bool),
                "form": ReferenceWriter("form"),
            },
            name=name,
        )

    def to_representation(self, value) -> list[DossierItemOut]:
        return [
            {
                "name": row.name,
                "originals": row.originals,
                "copies": row.copies,
                "required": row.required,
                "form": attachment_out(row.form) if row.form_id else None,
            }
            for row in related_rows(value, "form")
        ]


class LegalBasisListField(ReadOnlyField):
    """The legal bases as cited, each with the portal's document when it holds it; written as
    ``[{"citation", "number", "document": <legal document id>|null}]`` (the inline panel ``legal_bases``)."""

    def writer(self, model, name):
        return RowsWriter(
            "legal_bases",
            {
                "citation": ValueWriter("citation", str),
                "number": ValueWriter("number", str),
                "document": ReferenceWriter("document"),
            },
            name=name,
        )

    def to_representation(self, value) -> list[LegalBasisOut]:
        return list(value)
