"""``/feeds/projects.rss``: the latest investment projects, bid packages and bidding results, by
approval date. Each item says the kind, investor, total investment (or contract value), period and
status; its categories are the kind and the status."""

from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.feeds import FEED_SIZE, PortalFeed, local_datetime, nfc, portal_name, site_root

from .models import ProjectIndexPage, ProjectPage


class ProjectFeed(PortalFeed):
    def get_object(self, request):
        root = site_root(request)
        self._root = root
        self._name = portal_name(request)
        index = ProjectIndexPage.objects.descendant_of(root).live().public().first()
        self._link = (index or root).get_full_url(request)
        return None

    def title(self, obj) -> str:
        return nfc(_("Dự án, đấu thầu – %(portal)s") % {"portal": self._name})

    def description(self, obj) -> str:
        return nfc(_("Dự án đầu tư, thông tin đấu thầu, mua sắm công mới nhất – %(portal)s") % {"portal": self._name})

    def link(self, obj) -> str:
        return self._link

    def items(self, obj) -> list[ProjectPage]:
        pages = ProjectPage.objects.live().public().descendant_of(self._root).select_related("investor")
        return list(pages.order_by("-decided_on", "-first_published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item: ProjectPage) -> str:
        return nfc(item.title)

    def item_description(self, item: ProjectPage) -> str:
        lines = [item.summary] if item.summary else []
        lines.append(_("Loại: %(kind)s") % {"kind": item.kind_label})
        lines.append(_("Chủ đầu tư: %(investor)s") % {"investor": item.investor.name})
        if item.total_investment is not None:
            lines.append(_("Tổng mức đầu tư: %(amount)s") % {"amount": item.total_investment_vnd})
        if item.contract_value is not None:
            lines.append(_("Giá trúng thầu: %(amount)s") % {"amount": item.contract_value_vnd})
        if item.period_label:
            lines.append(_("Thời gian thực hiện: %(period)s") % {"period": item.period_label})
        lines.append(_("Tình trạng: %(status)s") % {"status": item.status_label})
        return nfc(format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)))

    def item_pubdate(self, item: ProjectPage):
        return local_datetime(item.decided_on, item.first_published_at)

    def item_author_name(self, item: ProjectPage) -> str:
        return nfc(item.investor.name)

    def item_categories(self, item: ProjectPage) -> list[str]:
        return [nfc(item.kind_label), nfc(item.status_label)]
