"""Builders for the organisation tests (units, leaders, the introduction and contact pages); kept
apart from ``tests/factories.py`` so the apps' builders grow without touching each other."""

from datetime import date

from directives.models import Agency, Official, UnitKind
from organisation.models import ContactPage, IntroductionPage
from tests import factories

AUTHORITY = "Ủy ban nhân dân huyện Vĩnh Tường"


def unit(name: str, kind: str = UnitKind.SPECIALISED_AGENCY, parent: Agency | None = None, order: int = 0, **fields):
    """The agency ``name`` as a unit of the organisation (created, or updated with these values)."""
    values = {"kind": kind, "parent": parent, "display_order": order, **fields}
    agency, created = Agency.objects.get_or_create(name=name, defaults=values)
    if not created:
        for key, value in values.items():
            setattr(agency, key, value)
        agency.save()
    return agency


def authority(**fields) -> Agency:
    return unit(AUTHORITY, UnitKind.AUTHORITY, short_code="UBND", **fields)


def leader(name: str, position: str = "Phó Chủ tịch UBND huyện", order: int = 0, **fields) -> Official:
    fields.setdefault("agency", authority())
    return Official.objects.create(name=name, position=position, display_order=order, **fields)


def introduction(**fields) -> IntroductionPage:
    fields.setdefault("functions", "<p>Ủy ban nhân dân huyện là cơ quan hành chính nhà nước ở địa phương.</p>")
    fields.setdefault("history", "<p>Huyện Vĩnh Tường được thành lập năm 1950.</p>")
    fields.setdefault("updated_on", date(2025, 3, 15))
    page = factories.section(IntroductionPage, "Giới thiệu", "gioi-thieu")
    changed = False
    for key, value in fields.items():
        if getattr(page, key) != value:
            setattr(page, key, value)
            changed = True
    if changed:
        page.save_revision().publish()
    return page


def contact_page(**fields) -> ContactPage:
    fields.setdefault("working_hours", "Sáng: 7 giờ 30 – 11 giờ 30\nChiều: 13 giờ 30 – 17 giờ\nTừ thứ Hai đến thứ Sáu")
    page = factories.section(ContactPage, "Liên hệ", "lien-he")
    for key, value in fields.items():
        setattr(page, key, value)
    if fields:
        page.save_revision().publish()
    return page
