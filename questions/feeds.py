"""``/feeds/questions.rss``: the latest published answers to citizens' questions."""

from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.feeds import FEED_SIZE, PortalFeed, local_datetime, nfc, portal_name, site_root

from .models import QuestionPage


class QuestionFeed(PortalFeed):
    def get_object(self, request):
        self._root = site_root(request)
        self._name = portal_name(request)
        self._link = self._root.get_full_url(request)
        return None

    def title(self, obj) -> str:
        return nfc(_("Hỏi đáp – %(portal)s") % {"portal": self._name})

    def description(self, obj) -> str:
        return nfc(
            _("Câu trả lời mới nhất cho câu hỏi của công dân, doanh nghiệp – %(portal)s") % {"portal": self._name}
        )

    def link(self, obj) -> str:
        return self._link

    def items(self, obj):
        pages = QuestionPage.objects.live().public().descendant_of(self._root).select_related("field")
        return list(pages.order_by("-answered_on", "-first_published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item) -> str:
        return nfc(item.title)

    def item_description(self, item) -> str:
        return escape(nfc(item.question[:600]))

    def item_pubdate(self, item):
        return local_datetime(item.answered_on or item.asked_on, item.first_published_at)

    def item_categories(self, item) -> list[str]:
        return [nfc(item.field.name)] if item.field_id else []
