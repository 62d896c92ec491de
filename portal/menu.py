"""The groups of the site's main menu, so that a phone header stays small.

A section's index page class names its group (``menu_group = "news"``); the navigation
(``home/templatetags/portal_tags.site_navigation``) shows the home page's live children grouped,
each group a disclosure (``<details>``: no JavaScript), in the groups' order; a page whose class
names no group is a menu item of its own. The groups are the portal's information architecture,
the same for every authority, so they are declared here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuGroup:
    code: str
    label: object
    order: int


GROUPS = {
    group.code: group
    for group in (
        MenuGroup("institution", _("Giới thiệu"), 10),
        MenuGroup("news", _("Tin tức – Sự kiện"), 20),
        MenuGroup("documents", _("Văn bản – Chỉ đạo điều hành"), 30),
        MenuGroup("services", _("Dịch vụ công"), 40),
        MenuGroup("citizens", _("Hỏi đáp – Góp ý"), 50),
        MenuGroup("projects", _("Dự án – Thống kê"), 60),
    )
}


def group_of(page_class) -> MenuGroup | None:
    return GROUPS.get(getattr(page_class, "menu_group", None) or "")
