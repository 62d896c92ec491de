"""Import of ``news`` records (docs/import-format.md)."""

from datetime import date

from portal.importing import (
    Spec,
    Strings,
    assign,
    ensure_child,
    home_page,
    record_slug,
    save_page,
    text_to_html,
    validate_page,
)

from .models import NewsIndexPage, NewsPage

NEWS = Spec(
    required={"slug": str, "title": str, "category": str, "published_on": date, "body": str},
    optional={"lead": str, "author": str, "photographer": str, "source": str, "tags": Strings},
)


def news_category(name: str) -> NewsIndexPage:
    return ensure_child(home_page(), NewsIndexPage, " ".join(name.split()))


def body_blocks(text: str) -> list[tuple[str, str]]:
    return [("paragraph", text_to_html(p)) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def import_news(record: dict) -> str:
    NEWS.check(record)
    slug = record_slug(record)
    category = news_category(record["category"])
    existing = NewsPage.objects.filter(slug=slug).first()
    category_changed = existing is not None and existing.get_parent().pk != category.pk
    page = existing or NewsPage(slug=slug)
    values = {
        "title": record["title"].strip(),
        "published_on": record["published_on"],
        "lead": (record.get("lead") or "").strip(),
        "author": (record.get("author") or "").strip(),
        "photographer": (record.get("photographer") or "").strip(),
        "source": (record.get("source") or "").strip(),
    }
    blocks = body_blocks(record["body"])
    tags = sorted({t.strip() for t in record.get("tags") or []})
    changed = assign(page, values) or existing is None
    if existing is not None:
        current = [(b.block_type, b.value.source) for b in page.body]
        changed |= current != blocks
        changed |= sorted(page.tags.names()) != tags
    if changed:
        page.body = blocks
        page.tags.set(tags, clear=True)
    validate_page(page)
    outcome = save_page(page, None if existing else category, changed)
    if category_changed:
        page.move(category, pos="last-child")
        outcome = "updated"
    return outcome
