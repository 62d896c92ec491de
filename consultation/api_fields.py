"""The API shapes of drafts opened for comment (``APIField(serializer=...)``): the draft's files and
its approved comments — name, organisation, date and content, never the commenter's contact."""

from datetime import datetime

from typing_extensions import TypedDict

from portal.api.fields import AttachmentOut, ReadOnlyField, attachment_out, attachment_rows_writer, related_rows


class PublicCommentOut(TypedDict):
    id: int
    name: str
    organisation: str
    submitted_at: datetime
    content: str


class DraftFileListField(ReadOnlyField):
    """The draft's files in order: each document with its label as title; written as
    ``[{"id": <document id>, "title": <label>}]``."""

    def writer(self, model, name):
        return attachment_rows_writer(name, title_field="label")

    def to_representation(self, value) -> list[AttachmentOut]:
        return [attachment_out(row.document, row.label) for row in related_rows(value, "document") if row.document_id]


class CountField(ReadOnlyField):
    """A computed count, typed as an integer in the schema."""

    def to_representation(self, value) -> int:
        return int(value)


class ApprovedCommentListField(ReadOnlyField):
    """Approved comments, oldest first: only the fields the public may see."""

    def to_representation(self, value) -> list[PublicCommentOut]:
        return [
            {
                "id": comment.pk,
                "name": comment.name,
                "organisation": comment.organisation,
                "submitted_at": comment.submitted_at,
                "content": comment.content,
            }
            for comment in value.only("pk", "name", "organisation", "submitted_at", "content")
        ]
