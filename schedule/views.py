"""The public pages of ``/lich-cong-tac/`` (thin: the reading is in ``schedule.entries``, the
calendar in ``schedule.ical``).

- ``week``: the week view, ``?tuan=2025-W14`` (default: the editor's default week, else this week)
  and ``?lanh_dao=<id>``; a week that cannot be read is a 400, an unknown leader a 404, each with
  a Vietnamese message naming the parameter.
- ``calendar``: ``lich.ics`` (``?lanh_dao=<id>`` allowed) and ``lanh-dao/<id>/lich.ics``.
"""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from directives.models import Official
from portal.authority import authority_for_request
from portal.feeds import portal_name

from . import ical
from .entries import default_week, entries_between, group_by_day, nearest_weeks
from .models import ScheduleIndexPage
from .weeks import MAX_YEAR, MIN_YEAR, BadWeek, Week

WEEK_PARAM = "tuan"
LEADER_PARAM = "lanh_dao"


def local_today():
    """Today in the portal's time zone: read here, at the edge, and passed to the logic."""
    return timezone.localdate()


class BadParameter(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def chosen_leader(value: str | None) -> Official | None:
    """The leader named by ``?lanh_dao=``: None when absent; ``BadParameter`` when not an id (400)
    or no such leader (404)."""
    value = (value or "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 10:
        raise BadParameter(
            _("Tham số lãnh đạo (lanh_dao) phải là mã số của một lãnh đạo, không phải “%(value)s”.")
            % {"value": value[:20]}
        )
    leader = Official.objects.filter(pk=int(value)).first()
    if leader is None:
        raise BadParameter(_("Không có lãnh đạo mã số %(value)s (tham số lanh_dao).") % {"value": value}, 404)
    return leader


def chosen_week(value: str | None, index, today) -> Week:
    """The week of ``?tuan=``; without one, the editor's default week, else ``today``'s (for an archive
    portal, the closing day's: see ``week_context``)."""
    if value is None or not value.strip():
        return default_week(today, index.default_week)
    try:
        return Week.parse(value)
    except BadWeek as exc:
        raise BadParameter(_("Tham số tuần (tuan): %(reason)s") % {"reason": exc}) from None


def week_url(index, week: Week | None = None, leader: Official | None = None) -> str:
    params = {}
    if week is not None:
        params[WEEK_PARAM] = str(week)
    if leader is not None:
        params[LEADER_PARAM] = leader.pk
    return index.url + ("?" + urlencode(params) if params else "")


def calendar_url(index, leader: Official | None = None) -> str:
    """The address of the iCalendar feed of every leader, or of one (``schedule.urls``)."""
    return index.url + (f"lanh-dao/{leader.pk}/lich.ics" if leader else "lich.ics")


def week_context(index, request, today) -> dict:
    """What the week view draws; ``BadParameter`` for a parameter that cannot be read. The portal of
    an authority that has closed opens on the week of its last day."""
    leader = chosen_leader(request.GET.get(LEADER_PARAM))
    week = chosen_week(request.GET.get(WEEK_PARAM), index, authority_for_request(request).reference_day(today))
    entries = list(entries_between(week.monday, week.sunday, leader.pk if leader else None))
    this_week = Week.of(today)
    earlier = later = None
    if not entries:
        earlier, later = nearest_weeks(week, leader.pk if leader else None)
    leaders = Official.objects.filter(schedule_entries__published=True).distinct().order_by("pk")
    previous, following = week.previous, week.next
    return {
        "week": week,
        "days": group_by_day(entries, week),
        "entry_count": len(entries),
        "this_week": this_week,
        "is_this_week": week == this_week,
        "this_week_url": week_url(index, this_week, leader),
        "previous_url": week_url(index, previous, leader) if previous.year >= MIN_YEAR else "",
        "next_url": week_url(index, following, leader) if following.year <= MAX_YEAR else "",
        "previous_week": previous,
        "next_week": following,
        "earlier": earlier,
        "earlier_url": week_url(index, earlier, leader) if earlier else "",
        "later": later,
        "later_url": week_url(index, later, leader) if later else "",
        "leaders": leaders,
        "leader": leader,
        "all_leaders_url": week_url(index, week),
        "ics_weeks_before": ical.WEEKS_BEFORE,
        "ics_weeks_after": ical.WEEKS_AFTER,
        "ics_url": calendar_url(index, leader),
    }


def week(request, index):
    today = local_today()
    try:
        context = week_context(index, request, today)
    except BadParameter as exc:
        context = {"error": str(exc), "this_week_url": week_url(index, Week.of(today))}
        response = index.render(request, context_overrides=context)
        response.status_code = exc.status
        return response
    return index.render(request, context_overrides=context)


def schedule_section_at(request, section: str):
    """The live, public schedule section of the request's site at ``/<section>/``, else 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page
    page = (
        ScheduleIndexPage.objects.live()
        .public()
        .filter(url_path=f"{root.url_path}{section}/", path__startswith=root.path)
        .first()
    )
    if page is None:
        raise Http404(_("Không có chuyên mục lịch công tác tại địa chỉ này."))
    return page


def calendar_at(request, section: str, leader_id: str | None = None):
    return calendar(request, schedule_section_at(request, section), leader_id=leader_id)


def calendar(request, index, leader_id: str | None = None):
    """The iCalendar feed of every leader, or of one (``leader_id`` from the path, else ``?lanh_dao=``)."""
    today = local_today()
    try:
        leader = chosen_leader(leader_id if leader_id is not None else request.GET.get(LEADER_PARAM))
    except BadParameter as exc:
        return HttpResponse(str(exc), status=exc.status, content_type="text/plain; charset=utf-8")
    start, end = ical.window(today)
    entries = entries_between(start, end, leader.pk if leader else None)
    authority = portal_name(request)
    if leader:
        name = _("Lịch công tác – %(leader)s") % {"leader": leader}
    else:
        name = _("Lịch công tác – %(authority)s") % {"authority": authority}
    description = _("Lịch công tác của lãnh đạo %(authority)s, từ %(start)s đến %(end)s.") % {
        "authority": authority,
        "start": f"{start:%d/%m/%Y}",
        "end": f"{end:%d/%m/%Y}",
    }
    base = index.get_full_url(request) or ""

    def entry_url(entry) -> str:
        return base + "?" + urlencode({WEEK_PARAM: str(Week.of(entry.date))}) if base else ""

    body = ical.calendar(entries, name=name, description=description, week_url=entry_url)
    response = HttpResponse(body, content_type=ical.CONTENT_TYPE)
    filename = f"lich-cong-tac-{leader.pk}.ics" if leader else "lich-cong-tac.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
