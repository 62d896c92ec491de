"""The API shapes of a procedure (``APIField(serializer=...)``): its channels, steps, dossier and
legal basis. The generic shapes are ``portal.api.fields``."""

from typing_extensions import TypedDict

from portal.api.fields import AttachmentOut, PageRef, ReadOnlyField, attachment_out, related_rows


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
    """The channel codes: ``truc_tiep``, ``truc_tuyen``, ``buu_chinh``."""

    def to_representation(self, value) -> list[str]:
        return list(value)


class StepListField(ReadOnlyField):
    """The steps, in order, as text."""

    def to_representation(self, value) -> list[str]:
        return [row.text for row in related_rows(value)]


class DossierListField(ReadOnlyField):
    """The papers of the dossier, in order, each with its form file (if any)."""

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
    """The legal bases as cited, each with the portal's document when it holds it."""

    def to_representation(self, value) -> list[LegalBasisOut]:
        return list(value)
