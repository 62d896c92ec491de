"""What each searchable model puts in the index beside its written text: the folded text.

Every backend (SQLite FTS5, PostgreSQL, Elasticsearch/OpenSearch) then matches a folded
query against folded text, whatever its own tokenizer does with Vietnamese marks.
"""

from django.utils.html import strip_tags
from wagtail.rich_text import RichText
from wagtail.search import index

from portal.text import query_text


class WrittenText(index.SearchField):
    """A long written text that the page's ``search_folded`` also indexes, folded.

    Elasticsearch/OpenSearch index it (their analysis folds and keeps the original, so a match with
    the query's own marks can score higher). The database backends (``search.backends.database``), whose
    queries are folded, leave it out: its words would be in the index twice, written and folded, and
    ranking reads every position of every query word (PostgreSQL's ``ts_rank`` of an AND query
    compares the positions of each pair of words, so twice the positions cost four times as much).
    """


def plain_text(value) -> str:
    """The readable text inside a value: strings, rich text, StreamField and struct blocks."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    if isinstance(value, RichText):
        return strip_tags(value.source)
    if hasattr(value, "raw_data") and hasattr(value, "__iter__"):  # StreamValue
        return " ".join(plain_text(block.value) for block in value)
    if isinstance(value, dict):  # StructValue
        return " ".join(plain_text(v) for v in value.values())
    if isinstance(value, list | tuple):
        return " ".join(plain_text(v) for v in value)
    return ""


def folded_text(*parts) -> str:
    """The folded form of all ``parts`` (strings, rich text, stream values), one string, split at
    the separators queries are split at (``query_text``): PostgreSQL's parser would read
    "COVID-19" as 'covid' '-19', which the query's 'covid' '19' cannot match."""
    return query_text(" ".join(plain_text(part) for part in parts if part))


class Heading(index.SearchField):
    """A short field that names the page — its number, title, summary (trích yếu), signer — as
    opposed to its body: the field weights of docs/search.md, "Field weights", declared once, in
    the model's ``search_fields`` (``Heading(name, boost=…)``; the page title is a heading too).

    Elasticsearch/OpenSearch weigh each field by its ``boost``. The database backends
    (``search.backends.database``) index every heading of a page, folded, in the index's ``title``
    column, which their ranking weighs ``HEADING_WEIGHT`` times the body (SQLite FTS5 ``bm25()``
    column weights; PostgreSQL weight A against the body's). The search service reads the
    headings of the best matches to rank them (``search.ranking``)."""


HEADING_WEIGHT = 10.0  # a heading word against a body word, in the database backends' scores


def heading_fields(model) -> list[str]:
    """The names of the model's heading fields, ``title`` first (``Heading``)."""
    names = ["title"]
    for search_field in model.get_search_fields():
        if isinstance(search_field, Heading) and search_field.field_name not in names:
            names.append(search_field.field_name)
    return names


def heading_text(obj) -> str:
    """What the database index holds as the page's headings: every heading field, folded."""
    values = []
    for name in heading_fields(type(obj)):
        value = getattr(obj, name, None)
        values.append(value() if callable(value) else value)
    return folded_text(*values)
