"""The "Nhuận bút" tab of the article editor: the article's royalty records and a link to
propose one (the record itself is edited in Admin → Nhuận bút, outside the page's revisions,
so that publishing an old revision can never rewrite an approved royalty)."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class RoyaltyPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/royalty_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import Royalty

            context = super().get_context_data(parent_context)
            page = self.instance
            user = self.request.user
            saved = page is not None and page.pk is not None
            context["saved"] = saved
            context["records"] = (
                list(Royalty.objects.filter(page_id=page.pk).select_related("genre").prefetch_related("shares"))
                if saved and user.has_perm("editorial.view_royalty")
                else []
            )
            context["can_view"] = user.has_perm("editorial.view_royalty")
            context["add_url"] = (
                f"{reverse('wagtailsnippets_editorial_royalty:add')}?page={page.pk}"
                if saved and user.has_perm("editorial.add_royalty")
                else None
            )
            return context
