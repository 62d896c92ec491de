"""Pagination for the server-rendered listings: ``?page=N``; a bad N shows the nearest page."""

from django.core.paginator import Page, Paginator


def paginate(request, queryset, per_page: int) -> Page:
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page") if request is not None else None)
