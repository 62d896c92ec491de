"""Small public views of the portal root: ``robots.txt``, the HTML site map."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.absolute_urls import absolute_url


@require_safe
def robots_txt(request):
    """Crawlers may read everything but the admin; the sitemap is given as an absolute URL
    (``PUBLIC_BASE_URL``, else the request's host)."""
    context = {"sitemap_url": absolute_url(reverse("sitemap"), request)}
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


@require_safe
def html_site_map(request):
    """``/so-do-trang/``: the portal's sections, feeds and links to other agencies (``sitemap_page``)."""
    from wagtail.models import Site

    from .sitemap_page import site_map

    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    context = {**site_map(site.root_page), "page": None}
    return render(request, "home/site_map.html", context)
