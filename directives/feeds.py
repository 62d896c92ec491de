"""RSS 2.0 feed of legal documents: ``/feeds/legal-documents.rss``.

Each item reads like the way documents are cited: "Quyết định số 959/QĐ-UBND: Về việc …";
the description (HTML, as RSS readers expect) carries the summary (trích yếu), number, type,
issuing bodies, issue date and validity; the categories are the document type and the fields (lĩnh vực).
"""

from dataclasses import dataclass

from django.utils import formats
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.feeds import FEED_SIZE, PortalFeed, local_datetime, nfc, portal_name, site_root

from .models import LegalDocumentIndexPage, LegalDocumentPage


@dataclass
class DocumentChannel:
    title: str
    description: str
    link: str
    documents: list[LegalDocumentPage]


class LegalDocumentFeed(PortalFeed):
    """The latest live, public legal documents of the site, by issue date."""

    def get_object(self, request) -> DocumentChannel:
        root = site_root(request)
        name = portal_name(request)
        index = LegalDocumentIndexPage.objects.descendant_of(root).live().public().first()
        documents = list(
            LegalDocumentPage.objects.descendant_of(root)
            .live()
            .public()
            .select_related("document_type", "issuing_body")
            .prefetch_related("co_issuing_bodies", "fields")
            .order_by("-issued_on", "-first_published_at", "-pk")[:FEED_SIZE]
        )
        return DocumentChannel(
            title=nfc(_("Văn bản – %(portal)s") % {"portal": name}),
            description=nfc(_("Văn bản mới ban hành của %(portal)s") % {"portal": name}),
            link=(index or root).get_full_url(request),
            documents=documents,
        )

    def title(self, obj: DocumentChannel) -> str:
        return obj.title

    def description(self, obj: DocumentChannel) -> str:
        return obj.description

    def link(self, obj: DocumentChannel) -> str:
        return obj.link

    def items(self, obj: DocumentChannel) -> list[LegalDocumentPage]:
        return obj.documents

    def item_title(self, item: LegalDocumentPage) -> str:
        return nfc(
            _("%(type)s số %(number)s: %(summary)s")
            % {"type": item.document_type.name, "number": item.number, "summary": item.summary}
        )

    def item_description(self, item: LegalDocumentPage) -> str:
        lines = [
            item.summary,
            _("Số ký hiệu: %(number)s") % {"number": item.number},
            _("Loại văn bản: %(type)s") % {"type": item.document_type.name},
            _("Cơ quan ban hành: %(bodies)s") % {"bodies": "; ".join(body.name for body in item.issuing_bodies)},
            _("Ngày ban hành: %(date)s") % {"date": formats.date_format(item.issued_on, "d/m/Y")},
        ]
        if item.current_status_label:
            lines.append(_("Tình trạng hiệu lực: %(status)s") % {"status": item.current_status_label})
        return nfc(format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))

    def item_pubdate(self, item: LegalDocumentPage):
        return local_datetime(item.issued_on, item.first_published_at)

    def item_author_name(self, item: LegalDocumentPage) -> str:
        return nfc(item.issuing_body.name)

    def item_categories(self, item: LegalDocumentPage) -> list[str]:
        return [nfc(item.document_type.name), *(nfc(field.name) for field in item.fields.all())]
