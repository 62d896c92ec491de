from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

# Served in every language (portal.urls.register_localized_urls): /tim-kiem/ searches the
# Vietnamese pages, /en/search/ (the English catalogue's "search/") their English translations.
urlpatterns = [path(_("tim-kiem/"), views.search_page, name="search")]
