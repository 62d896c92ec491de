"""The editors' side in the Wagtail admin: the queue of questions, the handling of one
(accept and assign a unit with a deadline, or refuse with a reason), the sender's contact data
for the roles that may see it (each viewing logged), the attachment."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from directives.models import Agency
from portal.pagination import paginate
from portal.submissions import normalise_tracking_code

from . import handling
from .models import Kind, Question, Status, default_deadline

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
HANDLE = "questions.change_question"
CONTACT = "questions.view_sender_contact"


def may_handle(user) -> bool:
    return user.has_perm(HANDLE)


def may_see_contact(user) -> bool:
    return user.has_perm(CONTACT)


class AcceptForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị trả lời"), queryset=Agency.objects.order_by("name"))
    deadline = forms.DateField(label=_("Hạn trả lời"), input_formats=DATE_FORMATS)


class RefuseForm(forms.Form):
    refusal_reason = forms.CharField(label=_("Lý do không tiếp nhận"), widget=forms.Textarea(attrs={"rows": 3}))


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    """The questions by status (received first: the moderation queue), overdue ones marked."""

    template_name = "questions/admin/queue.html"
    page_title = _("Hỏi đáp, phản ánh, kiến nghị")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not may_handle(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        status = self.request.GET.get("status") or Status.RECEIVED
        if status not in Status.values and status != "overdue":
            status = Status.RECEIVED
        counts = dict(Question.objects.order_by().values_list("status").annotate(n=Count("pk")))
        if status == "overdue":
            rows = handling.overdue(today)
        else:
            rows = Question.objects.filter(status=status).select_related("unit", "field")
            rows = rows.order_by("submitted_at" if status == Status.RECEIVED else "-submitted_at")
        words = (self.request.GET.get("q") or "").strip()[:200]
        if words:
            code = normalise_tracking_code(words)
            rows = rows.filter(Q(code=code) | Q(title__icontains=words) | Q(body__icontains=words))
        tabs = [(code, label, counts.get(code, 0)) for code, label in Status.choices]
        tabs.append(("overdue", _("Quá hạn trả lời"), handling.overdue(today).count()))
        return super().get_context_data(
            rows=paginate(self.request, rows, 50),
            shown=status,
            tabs=tabs,
            today=today,
            kinds=dict(Kind.choices),
            **kwargs,
        )


class HandleView(WagtailAdminTemplateMixin, TemplateView):
    """One question: what it says, its handling, and the forms to accept or refuse it."""

    template_name = "questions/admin/handle.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not may_handle(request.user):
            raise PermissionDenied
        self.question = get_object_or_404(Question.objects.select_related("unit", "field", "page"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.question.code

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("questions_admin:queue"), "label": _("Hỏi đáp, phản ánh, kiến nghị")},
            {"url": "", "label": self.question.code},
        ]

    def get_context_data(self, **kwargs):
        question = self.question
        contact = may_see_contact(self.request.user)
        if contact and not question.contact_erased_at:
            log(question, "questions.view_contact", user=self.request.user)
        kwargs.setdefault("accept_form", AcceptForm(initial={"deadline": default_deadline().strftime("%d/%m/%Y")}))
        kwargs.setdefault("refuse_form", RefuseForm())
        return super().get_context_data(
            question=question,
            contact=contact,
            kind=Kind(question.kind).label,
            status=Status(question.status).label,
            overdue=question.is_overdue(timezone.localdate()),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        question = self.question
        try:
            if action == "accept":
                form = AcceptForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(accept_form=form), status=400)
                page = handling.accept(
                    question, unit=form.cleaned_data["unit"], deadline=form.cleaned_data["deadline"], user=request.user
                )
                messages.success(
                    request,
                    _(
                        "Đã tiếp nhận và giao %(unit)s trả lời. "
                        "Đơn vị viết câu trả lời trên trang hỏi đáp rồi gửi duyệt."
                    )
                    % {"unit": question.unit.name},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
            if action == "refuse":
                form = RefuseForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(refuse_form=form), status=400)
                handling.refuse(question, reason=form.cleaned_data["refusal_reason"], user=request.user)
                messages.success(request, _("Đã ghi nhận không tiếp nhận; người gửi được báo lý do."))
                return redirect("questions_admin:queue")
        except ValidationError as error:
            form = AcceptForm(request.POST) if action == "accept" else RefuseForm(request.POST)
            form.is_valid()
            for field, errors in getattr(error, "message_dict", {"__all__": error.messages}).items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
            key = "accept_form" if action == "accept" else "refuse_form"
            return self.render_to_response(self.get_context_data(**{key: form}), status=400)
        return self.render_to_response(self.get_context_data(), status=400)


def attachment(request, pk):
    """The attachment, to those who handle questions (it may hold personal data; logged)."""
    if not may_handle(request.user):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if not question.attachment:
        raise Http404
    log(question, "questions.view_attachment", user=request.user)
    name = question.attachment.name.rsplit("/", 1)[-1]
    response = FileResponse(question.attachment.open("rb"), as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
