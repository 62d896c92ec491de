"""The public pages of ``/hoi-dap/`` (thin: the handling is in ``questions.handling``)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from portal.absolute_urls import absolute_url
from portal.pagination import paginate
from portal.submissions import (
    closed_authority_day,
    normalise_tracking_code,
    rate_limited,
    retention_days,
    too_many_requests,
)

from . import handling
from .forms import SendForm
from .models import Kind


def listing_context(index, request) -> dict:
    """The published questions and answers, filtered by kind (``loai``) and field (``linh_vuc``);
    words are searched on the site's search page (``/tim-kiem/?type=question``)."""
    items = index.questions()
    kind = request.GET.get("loai") or ""
    if kind in Kind.values:
        items = items.filter(kind=kind)
    else:
        kind = ""
    field = request.GET.get("linh_vuc") or ""
    if field.isdigit() and len(field) < 10:
        items = items.filter(field_id=int(field))
    else:
        field = ""
    from directives.models import Field

    return {
        "questions": paginate(request, items, index.per_page),
        "page_obj": None,
        "kinds": Kind.choices,
        "fields": Field.objects.order_by("name"),
        "chosen": {"loai": kind, "linh_vuc": field},
    }


@never_cache
def send(request, index):
    """``gui-cau-hoi/``: the form; a sending is stored, its tracking code shown (and e-mailed). The
    portal of an authority that has closed (an archive) shows why it takes nothing, and a POST is
    refused (403) before anything is read."""
    closed_on = closed_authority_day(request)
    if closed_on is not None:
        context = {"page": index, "self": index, "closed_on": closed_on}
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "questions/send.html", context, status=status)
    if request.method == "POST":
        if rate_limited(request, "question"):
            return too_many_requests(request, "question")
        form = SendForm(request.POST, request.FILES)
        if form.is_valid():
            track_url = absolute_url(index.url + index.reverse_subpage("track"), request)
            question = handling.submit(form.save(commit=False), track_url=track_url)
            request.session["questions_sent"] = question.code
            return redirect(index.url + index.reverse_subpage("send") + "?da_gui=1")
        status = 400
    else:
        form = SendForm(initial={"kind": request.GET.get("loai") if request.GET.get("loai") in Kind.values else None})
        status = 200
    sent = None
    if request.GET.get("da_gui") and request.method == "GET":
        sent = request.session.pop("questions_sent", None)
    context = {
        "page": index,
        "self": index,
        "form": form,
        "sent": sent,
        "track_url": index.url + index.reverse_subpage("track"),
        "retention_days": retention_days(),
    }
    return TemplateResponse(request, "questions/send.html", context, status=status)


@never_cache
def track(request, index):
    """``tra-cuu/?ma=…``: the status of one sending, nothing else of it."""
    code = normalise_tracking_code(request.GET.get("ma"))
    found = handling.track(code) if code else None
    status = 404 if code and found is None else 200
    context = {"page": index, "self": index, "code": code, "found": found}
    return TemplateResponse(request, "questions/track.html", context, status=status)
