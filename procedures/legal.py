"""A procedure's legal bases and the legal-document database (``directives``).

A citation names a document by its number; the number's key (``directives.numbers.number_key``)
finds the document among the portal's legal documents. A number alone is not unique (domain.md
§2: administrative numbers restart every year), so a row is linked only when exactly one
document has that key. Rows are linked when they are imported or saved; a document published
later is found when the procedure is shown (``legal_basis_links``), as the relations between
documents are.
"""

from collections import defaultdict

from directives.models import LegalDocumentPage


def _documents_by_key(keys, queryset=None) -> dict[str, list]:
    found = defaultdict(list)
    if keys:
        pages = (queryset if queryset is not None else LegalDocumentPage.objects.all()).filter(number_key__in=keys)
        for page in pages.order_by("-issued_on", "pk"):
            found[page.number_key].append(page)
    return found


def link_legal_bases(rows) -> int:
    """Set ``number``, ``number_key`` and ``document`` of the legal-basis ``rows`` (in memory, not
    saved) whose document is not chosen and whose number one document holds; one query. Returns
    how many were linked."""
    for row in rows:
        row.derive_number()
    wanted = {row.number_key for row in rows if row.document_id is None and row.number_key}
    found = _documents_by_key(wanted)
    linked = 0
    for row in rows:
        candidates = found.get(row.number_key, []) if row.document_id is None else []
        if len(candidates) == 1:
            row.document = candidates[0]
            linked += 1
    return linked


def legal_basis_links(page) -> list[dict]:
    """``[{citation, number, document}]`` of ``page``'s legal bases in order, ``document`` the
    live, public legal document (``as_ref()``: id, title, url, date, summary) or None: the one
    chosen, else the one document holding the number. Two queries, whatever the number of rows."""
    rows = list(page.legal_bases.all())
    if not rows:
        return []
    for row in rows:
        if not row.number_key:
            row.derive_number()
    chosen = {row.document_id for row in rows if row.document_id}
    keys = {row.number_key for row in rows if not row.document_id and row.number_key}
    visible = LegalDocumentPage.objects.live().public()
    by_id = {doc.pk: doc for doc in visible.filter(pk__in=chosen)} if chosen else {}
    by_key = _documents_by_key(keys, visible) if keys else {}
    out = []
    for row in rows:
        if row.document_id:
            document = by_id.get(row.document_id)
        else:
            candidates = by_key.get(row.number_key, [])
            document = candidates[0] if len(candidates) == 1 else None
        out.append(
            {"citation": row.citation, "number": row.number, "document": document.as_ref() if document else None}
        )
    return out
