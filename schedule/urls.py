"""The iCalendar feeds, under the schedule section's own URL: ``<section>/lich.ics`` and
``<section>/lanh-dao/<id>/lich.ics`` (registered with ``portal.urls`` from ``ScheduleConfig.ready``).
A path whose ``<section>`` is not the live schedule section of the site is a 404."""

from django.urls import re_path

from . import views

SECTION = r"(?P<section>[\w\-]+(?:/[\w\-]+)*)"

urlpatterns = [
    # the leader's first: the whole calendar's pattern would read "lich-cong-tac/lanh-dao/5" as a section
    re_path(
        rf"^{SECTION}/lanh-dao/(?P<leader_id>\d{{1,10}})/lich\.ics$",
        views.calendar_at,
        name="schedule-leader-calendar",
    ),
    re_path(rf"^{SECTION}/lich\.ics$", views.calendar_at, name="schedule-calendar"),
]
