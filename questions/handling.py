"""The handling of a citizen's question, feedback or petition (plain functions, no HTTP).

received (đã tiếp nhận) ─ accept(unit, deadline) → processing (đang xử lý): a draft
``QuestionPage`` is made for the unit's answer, which goes through the review workflow;
publishing it → answered (đã trả lời; the sender is told by e-mail). Or
received ─ refuse(reason) → refused (không tiếp nhận; the sender is told why).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from portal.submissions import new_tracking_code, retention_days
from portal.text import slug as ascii_slug

from .models import Kind, Question, QuestionIndexPage, QuestionPage, Status

logger = logging.getLogger(__name__)

CODE_PREFIX = {Kind.QUESTION: "HD", Kind.FEEDBACK: "PA", Kind.PETITION: "KN"}


def submit(question: Question, *, track_url: str) -> Question:
    """Store a new sending (status received) with a fresh tracking code and e-mail the code.
    ``track_url``: the absolute URL of the tracking page (the code is appended)."""
    question.code = new_tracking_code(
        CODE_PREFIX.get(question.kind, "HD"), lambda code: Question.objects.filter(code=code).exists()
    )
    question.status = Status.RECEIVED
    question.save()
    if question.email:
        link = f"{track_url}?ma={question.code}"
        body = _(
            "Kính gửi %(name)s,\n\n"
            "Cổng thông tin điện tử đã tiếp nhận %(kind)s của Ông/Bà: “%(title)s”.\n"
            "Mã tra cứu: %(code)s\n"
            "Tra cứu tình trạng xử lý tại: %(link)s\n\n"
            "Thư này được gửi tự động, vui lòng không trả lời."
        ) % {
            "name": question.name,
            "kind": Kind(question.kind).label.lower(),
            "title": question.title,
            "code": question.code,
            "link": link,
        }
        _mail(_("Đã tiếp nhận: %(code)s") % {"code": question.code}, body, question.email)
    return question


def _mail(subject: str, body: str, to: str) -> None:
    """Send one message to a sender, once the change is committed. A mail server that fails is
    logged and does not undo or fail the change: the sending is stored, and its code shown."""

    def send():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
        except Exception:
            logger.exception("questions: could not e-mail %r", subject)

    transaction.on_commit(send)


def section() -> QuestionIndexPage | None:
    return QuestionIndexPage.objects.first()


@transaction.atomic
def accept(question: Question, *, unit, deadline: date, user=None, today: date | None = None) -> QuestionPage:
    """Accept a received question: assign ``unit`` and ``deadline`` and make the draft page the
    unit answers on (not live: nothing of it is public yet)."""
    if question.status != Status.RECEIVED:
        raise ValidationError(_("Chỉ tiếp nhận được câu hỏi đang chờ xử lý."), code="status")
    today = today or timezone.localdate()
    if deadline < today:
        raise ValidationError({"deadline": _("Hạn trả lời không được trước ngày hôm nay.")})
    parent = section()
    if parent is None:
        raise ValidationError(_("Chưa có chuyên mục hỏi đáp để đăng câu trả lời."), code="no_section")
    page = QuestionPage(
        title=question.title,
        slug=find_available_slug(parent, ascii_slug(question.title)[:80] or "hoi-dap"),
        kind=question.kind,
        field=question.field,
        asker=question.asker_label,
        asked_on=timezone.localtime(question.submitted_at).date(),
        question=question.body,
        answering_unit=unit,
        live=False,
        owner=user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    question.status = Status.PROCESSING
    question.unit = unit
    question.deadline = deadline
    question.handled_at = timezone.now()
    question.handled_by = user
    question.page = page
    question.save()
    return page


@transaction.atomic
def refuse(question: Question, *, reason: str, user=None, notify: bool = True) -> Question:
    """Refuse a received question with a reason the sender is told (``notify``: by e-mail) and can
    look up."""
    if question.status != Status.RECEIVED:
        raise ValidationError(_("Chỉ từ chối được câu hỏi đang chờ xử lý."), code="status")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"refusal_reason": _("Hãy ghi lý do không tiếp nhận.")})
    question.status = Status.REFUSED
    question.refusal_reason = reason
    question.handled_at = timezone.now()
    question.handled_by = user
    question.save()
    if question.email and notify:
        body = _(
            "Kính gửi %(name)s,\n\n%(kind)s “%(title)s” (mã %(code)s) không được tiếp nhận.\nLý do: %(reason)s"
        ) % {
            "name": question.name,
            "kind": Kind(question.kind).label,
            "title": question.title,
            "code": question.code,
            "reason": reason,
        }
        _mail(_("Không tiếp nhận: %(code)s") % {"code": question.code}, body, question.email)
    return question


def answered(page: QuestionPage) -> Question | None:
    """The answer page was published: its question is answered (once), the sender told by e-mail."""
    question = Question.objects.filter(page=page).first()
    if question is None or question.status == Status.ANSWERED:
        return question
    question.status = Status.ANSWERED
    question.answered_at = timezone.now()
    question.save(update_fields=["status", "answered_at"])
    if not page.answered_on:
        QuestionPage.objects.filter(pk=page.pk).update(answered_on=timezone.localdate())
    if question.email:
        body = _(
            "Kính gửi %(name)s,\n\n%(kind)s “%(title)s” (mã %(code)s) đã được trả lời.\nXem câu trả lời tại: %(url)s"
        ) % {
            "name": question.name,
            "kind": Kind(question.kind).label,
            "title": question.title,
            "code": question.code,
            # PUBLIC_BASE_URL, else the host of the request that published the answer
            # (portal.absolute_urls), else the Wagtail site's address (cron, no request)
            "url": page.full_url or page.url or "",
        }
        _mail(_("Đã trả lời: %(code)s") % {"code": question.code}, body, question.email)
    return question


@dataclass(frozen=True)
class Tracking:
    """What the tracking page may say about a code: nothing but its handling."""

    code: str
    kind: str
    status: str
    status_label: str
    submitted_on: date
    refusal_reason: str
    answer_url: str | None


def track(code: str) -> Tracking | None:
    question = Question.objects.select_related("page").filter(code=code).first()
    if question is None:
        return None
    page = question.page
    answer_url = page.url if page is not None and page.live and question.status == Status.ANSWERED else None
    return Tracking(
        code=question.code,
        kind=Kind(question.kind).label,
        status=question.status,
        status_label=Status(question.status).label,
        submitted_on=timezone.localtime(question.submitted_at).date(),
        refusal_reason=question.refusal_reason if question.status == Status.REFUSED else "",
        answer_url=answer_url,
    )


def overdue(today: date):
    """Questions being answered past their deadline, most overdue first."""
    return (
        Question.objects.filter(status=Status.PROCESSING, deadline__lt=today)
        .select_related("unit", "page")
        .order_by("deadline", "pk")
    )


def erase_contacts(today: date, dry_run: bool = False) -> int:
    """Erase the contact data (e-mail, phone, address, attachment) of questions closed (answered
    or refused) more than the retention period ago; the name goes too unless published with the
    answer. Returns how many questions it erased (would erase)."""
    from datetime import datetime, time, timedelta

    limit = timezone.make_aware(datetime.combine(today - timedelta(days=retention_days()), time.min))
    closed = Question.objects.filter(contact_erased_at__isnull=True, status__in=[Status.ANSWERED, Status.REFUSED])
    due = closed.filter(answered_at__lt=limit) | closed.filter(status=Status.REFUSED, handled_at__lt=limit)
    due = list(due)
    if dry_run:
        return len(due)
    now = timezone.now()
    for question in due:
        if question.attachment:
            question.attachment.delete(save=False)
        question.email = question.phone = question.address = ""
        if not question.publish_name:
            question.name = ""
        question.contact_erased_at = now
        question.save(update_fields=["email", "phone", "address", "attachment", "name", "contact_erased_at"])
    return len(due)
