"""The English section of the demo portal (``/en/``, docs/english.md): Wagtail translations of the
home page, a news category and a selection of news, the introduction and the contact page, and
the English words of the units and leaders (``name_en``, ``position_en``…), from
``demo_data/english.json``. Idempotent: a page is saved and published again only when its English
text differs, a unit or leader saved only when its English words do."""

import json
from collections import Counter
from datetime import date
from pathlib import Path

from wagtail.models import Locale, Site

from directives.models import Agency, Official
from news.importing import body_blocks
from news.models import NewsIndexPage, NewsPage
from organisation.models import ContactPage, IntroductionPage
from portal.importing import assign, home_page

from .models import AuthorityProfile

DATA = Path(__file__).resolve().parent / "demo_data" / "english.json"


def english() -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def translation_of(page, locale):
    """The page's translation into ``locale``, made (a draft copy, Wagtail's
    ``copy_for_translation``) when missing; and whether it was made."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    return page.copy_for_translation(locale).specific, True


def _publish_if_changed(page, values: dict, created: bool, counts: Counter, blocks=None) -> None:
    changed = created or not page.live
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if blocks is not None and [(b.block_type, b.value.source) for b in page.body] != blocks:
        page.body = blocks
        changed = True
    if changed:
        page.save_revision().publish()
        counts["created" if created else "updated"] += 1
    else:
        counts["unchanged"] += 1


def seed_english() -> Counter:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    counts = Counter()
    locale = english()
    home = home_page()
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
    profile = AuthorityProfile.for_site(site)
    if profile.authority_name_en != data["authority_name_en"]:
        profile.authority_name_en = data["authority_name_en"]
        profile.save()

    en_home, created = translation_of(home, locale)
    _publish_if_changed(en_home, {"title": data["home"]["title"], "intro": data["home"]["intro"]}, created, counts)

    source = data["news_category"]
    category = NewsIndexPage.objects.child_of(home).get(title=source["from"])
    en_category, created = translation_of(category, locale)
    _publish_if_changed(en_category, {"title": source["title"], "slug": source["slug"]}, created, counts)

    for item in data["news"]:
        original = NewsPage.objects.get(slug=item["from"], locale=home.locale)
        page, created = translation_of(original, locale)
        values = {"title": item["title"], "slug": item["slug"], "lead": item["lead"]}
        _publish_if_changed(page, values, created, counts, blocks=body_blocks(item["body"]))

    seed_english_organisation(data, home, locale, counts)
    return counts


#: The fields of the English introduction and contact pages that ``english.json`` gives.
INTRODUCTION_FIELDS = ("title", "slug", "intro", "functions", "history", "organisation_note", "updated_on")
CONTACT_FIELDS = ("title", "slug", "intro", "working_hours", "reception")


def seed_english_organisation(data: dict, home, locale: Locale, counts: Counter) -> None:
    """The English introduction and contact pages (translations of the Vietnamese ones, which
    ``organisation.demo`` made) and the English words of the units and leaders."""
    for model, source, fields in (
        (IntroductionPage, data["introduction"], INTRODUCTION_FIELDS),
        (ContactPage, data["contact"], CONTACT_FIELDS),
    ):
        page, created = translation_of(model.objects.child_of(home).get(), locale)
        values = {name: source[name] for name in fields}
        if "updated_on" in values:
            values["updated_on"] = date.fromisoformat(values["updated_on"])
        _publish_if_changed(page, values, created, counts)

    for source in data["units"]:
        unit = Agency.objects.get(name=source["name"])
        _save_if_changed(unit, {"name_en": source["name_en"], "functions_en": source.get("functions_en", "")}, counts)
    for source in data["leaders"]:
        official = Official.objects.get(name=source["name"], position=source["position"])
        values = {"position_en": source["position_en"], "biography_en": source.get("biography_en", "")}
        _save_if_changed(official, values, counts)


def _save_if_changed(row, values: dict, counts: Counter) -> None:
    if assign(row, values):
        row.save(update_fields=list(values))
        counts["units and leaders translated"] += 1
    else:
        counts["units and leaders unchanged"] += 1
