"""Small builders for test content: plain functions, one per content type."""

import itertools
from datetime import date

from directives.models import Agency, DocumentType, LegalDocumentIndexPage, LegalDocumentPage
from home.importing import home_page
from news.models import NewsIndexPage, NewsPage

_seq = itertools.count(1)


def agency(name: str = "Ủy ban nhân dân huyện", short_code: str = "UBND") -> Agency:
    return Agency.objects.get_or_create(name=name, defaults={"short_code": short_code})[0]


def document_type(name: str = "Quyết định", abbreviation: str = "QĐ", is_normative: bool = False) -> DocumentType:
    return DocumentType.objects.get_or_create(
        name=name, defaults={"abbreviation": abbreviation, "is_normative": is_normative}
    )[0]


def legal_index() -> LegalDocumentIndexPage:
    home = home_page()
    existing = LegalDocumentIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    page = LegalDocumentIndexPage(title="Văn bản", slug="van-ban")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def news_index(title: str = "Tin tức - Sự kiện") -> NewsIndexPage:
    home = home_page()
    existing = NewsIndexPage.objects.child_of(home).filter(title=title).first()
    if existing:
        return existing
    page = NewsIndexPage(title=title, slug=f"chuyen-muc-{next(_seq)}")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def legal_document(number: str | None = None, *, live: bool = True, **fields) -> LegalDocumentPage:
    n = next(_seq)
    fields.setdefault("summary", f"Về việc ban hành quy chế số {n}")
    fields.setdefault("issued_on", date(2023, 1, 1))
    fields.setdefault("document_type", document_type())
    fields.setdefault("issuing_body", agency())
    page = LegalDocumentPage(number=number or f"{n}/QĐ-UBND", slug=f"vb-{n}", **fields)
    legal_index().add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    return page


def news(title: str | None = None, *, category: NewsIndexPage | None = None, live: bool = True, **fields) -> NewsPage:
    n = next(_seq)
    fields.setdefault("published_on", date(2024, 1, 1))
    page = NewsPage(title=title or f"Tin số {n}", slug=f"tin-{n}", **fields)
    (category or news_index()).add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
        page.save_revision()
    return page
