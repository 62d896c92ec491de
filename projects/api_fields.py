"""The API shapes of projects and statistics (``APIField(serializer=...)``, typed by the return
annotation of ``to_representation``: portal/api/fields.py explains why), and how an editor's value
is written through the generic page endpoints (``writer``: ``portal.api.writes``)."""

from decimal import Decimal

from typing_extensions import TypedDict

from portal.api.fields import (
    AttachmentOut,
    PageRef,
    ReadOnlyField,
    attachment_out,
    attachment_rows_writer,
    related_rows,
)
from portal.api.writes import ReferenceWriter, RowsWriter, ValueWriter


class AmountField(ReadOnlyField):
    """An amount in đồng, as a whole number (VND has no smaller unit); written as one."""

    def writer(self, model, name):
        return ValueWriter(name, int, "An amount in đồng, a whole number.")

    def to_representation(self, value: Decimal) -> int:
        return int(value)


class ProjectFileListField(ReadOnlyField):
    """The project's files in order: each document with its label as title; written as
    ``[{"id": <document id>, "title": <label>}]``."""

    def writer(self, model, name):
        return attachment_rows_writer(name, title_field="label")

    def to_representation(self, value) -> list[AttachmentOut]:
        return [attachment_out(row.document, row.label) for row in related_rows(value, "document") if row.document_id]


class LinkedDocumentOut(TypedDict):
    label: str
    document: PageRef


class LinkedDocumentListField(ReadOnlyField):
    """The legal documents the project rests on, in order, with their role; a document that is a
    draft or private is left out. Written as ``[{"label": …, "document": <legal document id>}]``."""

    def writer(self, model, name):
        columns = {"label": ValueWriter("label", str), "document": ReferenceWriter("document")}
        return RowsWriter(name, columns, name=name)

    def to_representation(self, value) -> list[LinkedDocumentOut]:
        from .models.projects import visible_links

        return [{"label": label, "document": page.as_ref()} for label, page in visible_links(related_rows(value))]


class ColumnOut(TypedDict):
    heading: str
    type: str  # "text" or "number"


class DataTableOut(TypedDict):
    number: int
    caption: str
    unit: str
    source: str
    columns: list[ColumnOut]
    rows: list[list[int | float | str | None]]
    csv_url: str | None


class DataTableListField(ReadOnlyField):
    """The data tables of a statistics page (``source="*"``: the page): caption, unit, source,
    columns (heading, type), rows of cells — numbers as JSON numbers, text as strings, empty cells
    null — and the URL of the table's CSV file."""

    def to_representation(self, page) -> list[DataTableOut]:
        from .tables import json_cell

        return [
            {
                "number": table.number,
                "caption": table.caption,
                "unit": table.unit,
                "source": table.source,
                "columns": [{"heading": c.heading, "type": c.type} for c in table.columns],
                "rows": [[json_cell(v) for v in row] for row in table.rows],
                "csv_url": page.table_url(table.number, full=True),
            }
            for table in page.data_tables
        ]
