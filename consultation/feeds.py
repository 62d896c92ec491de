"""RSS 2.0 feed of drafts opened for comment: ``/feeds/drafts.rss``.

Each item is a draft: its title, and as description the summary, drafting unit, comment period and
status on the day the feed is read (a closed draft says so from the day after its closing date).
Comments are not in the feed.
"""

from dataclasses import dataclass

from django.utils import formats, timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.feeds import FEED_SIZE, PortalFeed, local_datetime, nfc, portal_name, site_root

from .models import DraftIndexPage, DraftPage
from .status import DraftStatus


@dataclass
class DraftChannel:
    title: str
    description: str
    link: str
    drafts: list[DraftPage]


def _day(value) -> str:
    return formats.date_format(value, "d/m/Y")


class DraftFeed(PortalFeed):
    """The latest live, public drafts of the site, by opening date."""

    def get_object(self, request) -> DraftChannel:
        root = site_root(request)
        name = portal_name(request)
        index = DraftIndexPage.objects.descendant_of(root).live().public().first()
        drafts = list(
            DraftPage.objects.descendant_of(root)
            .live()
            .public()
            .select_related("drafting_unit")
            .order_by("-opens_on", "-first_published_at", "-pk")[:FEED_SIZE]
        )
        self.today = timezone.localdate()
        return DraftChannel(
            title=nfc(_("Lấy ý kiến dự thảo – %(portal)s") % {"portal": name}),
            description=nfc(_("Dự thảo văn bản đang và đã lấy ý kiến nhân dân của %(portal)s") % {"portal": name}),
            link=(index or root).get_full_url(request),
            drafts=drafts,
        )

    def title(self, obj: DraftChannel) -> str:
        return obj.title

    def description(self, obj: DraftChannel) -> str:
        return obj.description

    def link(self, obj: DraftChannel) -> str:
        return obj.link

    def items(self, obj: DraftChannel) -> list[DraftPage]:
        return obj.drafts

    def item_title(self, item: DraftPage) -> str:
        return nfc(item.title)

    def item_description(self, item: DraftPage) -> str:
        status = DraftStatus(item.status_on(self.today)).label
        lines = [
            item.summary,
            _("Cơ quan chủ trì soạn thảo: %(unit)s") % {"unit": item.drafting_unit.name},
            _("Thời gian lấy ý kiến: từ %(start)s đến %(end)s")
            % {"start": _day(item.opens_on), "end": _day(item.closes_on)},
            _("Tình trạng: %(status)s") % {"status": status},
        ]
        return nfc(format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))

    def item_pubdate(self, item: DraftPage):
        return local_datetime(item.opens_on, item.first_published_at)

    def item_author_name(self, item: DraftPage) -> str:
        return nfc(item.drafting_unit.name)

    def item_categories(self, item: DraftPage) -> list[str]:
        return [nfc(DraftStatus(item.status_on(self.today)).label)]
