"""The base of a portal section's index page."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from .pagination import paginate


class SectionPage(Page):
    """The index page of a portal section: an introduction and the section's items, paginated.

    Subclasses return their items from ``listing()`` (or None when they build their own
    context); the page of items is in the template as ``listing_name`` and ``page_obj``.
    A section sits under the portal's root page (``PORTAL_ROOT_PAGE_MODEL``).
    """

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = [settings.PORTAL_ROOT_PAGE_MODEL]
    api_fields = [APIField("intro")]
    listing_name = "items"
    #: the status of a page whose request had a filter it could not read (None: 200, as the task
    #: tracking page answers)
    filter_errors_status: int | None = None
    per_page = 30
    #: At most this many pages of the type in each language (None: no limit). A one-per-portal
    #: section sets 1 instead of Wagtail's ``max_count``, which counts the pages of every language
    #: and so would forbid its English translation (docs/english.md).
    max_count_per_locale: int | None = None

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent) -> bool:
        """Wagtail's rules, and no more than ``max_count_per_locale`` pages of the type in the
        parent's language (a new page takes its parent's locale)."""
        if not super().can_create_at(parent):
            return False
        if cls.max_count_per_locale is None:
            return True
        return cls.objects.filter(locale_id=parent.locale_id).count() < cls.max_count_per_locale

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.listing()
        if items is not None:
            context[self.listing_name] = context["page_obj"] = paginate(request, items, self.per_page)
        return context

    def listing(self):
        return None

    def serve(self, request, *args, **kwargs):
        """The page; with ``filter_errors_status`` set, when its listing could not read a filter of
        the request (``filter_errors`` in the context: the page says which and lists without it),
        the answer has that status (400)."""
        response = super().serve(request, *args, **kwargs)
        if (
            self.filter_errors_status
            and getattr(response, "context_data", None)
            and response.context_data.get("filter_errors")
        ):
            response.status_code = self.filter_errors_status
        return response
