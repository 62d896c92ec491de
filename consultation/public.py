"""The public draft page and its comment form (the routes of ``DraftPage``).

- ``GET <draft>/``: the draft, its files, the approved comments and, while it is open, the form.
  A page showing the form is never cached (``never_cache``: it carries a CSRF token).
- ``POST <draft>/gop-y/``: one comment. Checked in this order: the rate per client address
  (``portal.submissions.rate_limited`` → 429), the draft open today (else 403 and a message, nothing
  stored), the form (trap field included: else the page again, 400, the errors naming the fields).
  A good comment is stored pending and the reader is sent back to the page with a confirmation
  (POST-redirect-GET). CSRF is Django's middleware.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from portal.submissions import closed_authority_day, rate_limited, too_many_requests

from .comments import DraftNotOpen, record_comment
from .forms import PURPOSE, CommentForm
from .status import DraftStatus

RATE_NAME = "comment"


def archive_refusal(closed_on) -> str:
    return _(
        "Cơ quan đã kết thúc hoạt động từ ngày %(day)s; cổng lưu trữ không nhận góp ý mới. Góp ý chưa được lưu."
    ) % {"day": closed_on.strftime("%d/%m/%Y")}


FORM_ANCHOR = "gop-y"


def _render(page, request, *, form=None, refusal: str = "", status: int = 200) -> TemplateResponse:
    today = timezone.localdate()
    draft_status = page.status_on(today)
    # An archive portal (the authority has closed) takes no comments, whatever the draft's dates say.
    is_open = draft_status == DraftStatus.OPEN and closed_authority_day(request) is None
    if is_open and form is None:
        form = CommentForm()
    approved = list(page.approved_comments.only("pk", "draft_id", "name", "organisation", "submitted_at", "content"))
    context = page.get_context(request)
    context.update(
        {
            "draft_status": draft_status,
            "draft_status_label": DraftStatus(draft_status).label,
            "is_open": is_open,
            "files": page.files.select_related("document").order_by("sort_order"),
            "approved_comments": approved,
            "approved_comment_count": len(approved),
            "form": form if is_open else None,
            "purpose": PURPOSE,
            "refusal": refusal,
            "comment_url": page.url + page.reverse_subpage("comment_view") if page.url else "",
            "form_anchor": FORM_ANCHOR,
        }
    )
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if is_open or request.method == "POST":
        add_never_cache_headers(response)
    return response


def show_draft(page, request):
    return _render(page, request)


def receive_comment(page, request):
    if request.method != "POST":
        return HttpResponseRedirect(page.url or "/")
    if rate_limited(request, RATE_NAME):
        return too_many_requests(request, RATE_NAME)
    today = timezone.localdate()
    form = CommentForm(request.POST)
    try:
        if not page.is_open_on(today):  # refused before the form is read: nothing to correct
            raise DraftNotOpen(page.status_on(today))
        closed_on = closed_authority_day(request)
        if closed_on is not None:
            return _render(page, request, refusal=str(archive_refusal(closed_on)), status=403)
        if not form.is_valid():
            return _render(page, request, form=form, status=400)
        record_comment(page, form.cleaned_data, today)
    except DraftNotOpen as refused:
        return _render(page, request, refusal=str(refused.message), status=403)
    messages.success(
        request,
        _(
            "Cảm ơn bạn đã gửi góp ý. Góp ý đã được tiếp nhận và sẽ hiển thị sau khi được kiểm duyệt; "
            "thư điện tử và số điện thoại của bạn không được công khai."
        ),
    )
    return HttpResponseRedirect(f"{page.url}#{FORM_ANCHOR}")
