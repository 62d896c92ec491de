"""Demo content of the institution's pages (``seed_demo`` calls ``seed_organisation``): the
organisation of the People's Committee of Vĩnh Tường district (Vĩnh Phúc province) as it stood at the
end of 2024, before the district tier ended on 1 July 2025.

- ``demo_data.jsonl``: ``unit`` and ``leader`` records, imported as ``manage.py import_content``
  imports them (``import_lines``; a bad line stops the seed with ``FILE:LINE: reason``). The units
  and leaders are the demo's agencies and directing leaders (``home/demo_data``: ``portal.json``,
  ``tracking.json``), matched by name: a record sets the kind, display order, office contacts,
  functions and biography and keeps what it does not name (short codes, leaders' phones and e-mails).
  The office numbers (0211 3838 xxx) and e-mail addresses are illustrations, not real contacts.
- ``demo_pages.json``: the introduction (functions and duties under the Law on Organisation of Local
  Government 2015, a short history) and contact pages.
- Portraits: a generated silhouette (tagged ``dữ liệu mẫu``) for a leader without a photo.

Idempotent: a second run creates and changes nothing. ``today`` is not used: nothing here is dated
relative to the day of the seed (the introduction is dated 20/12/2024).
"""

import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw

from directives.models import Official
from portal.demo_files import library_image
from portal.importing import RecordError, assign, ensure_section, home_page, import_lines

from .models import ContactPage, IntroductionPage

FOLDER = Path(__file__).resolve().parent
RECORDS_FILE = FOLDER / "demo_data.jsonl"
PAGES_FILE = FOLDER / "demo_pages.json"
# Tag on generated images, so editors can find (and remove) them (as home.demo tags its own).
DEMO_TAG = "dữ liệu mẫu"


def seed_organisation(today: date) -> Counter:
    counts = Counter()
    lines = RECORDS_FILE.read_text(encoding="utf-8").splitlines()
    report = import_lines(lines)
    if report.errors:
        raise RecordError("; ".join(f"{RECORDS_FILE.name}:{line}: {message}" for line, message in report.errors))
    for outcome in ("created", "updated", "unchanged"):
        if getattr(report, outcome):
            counts[f"units and leaders {outcome}"] += getattr(report, outcome)

    pages = json.loads(PAGES_FILE.read_text(encoding="utf-8"))
    intro = dict(pages["introduction"], updated_on=date.fromisoformat(pages["introduction"]["updated_on"]))
    counts[f"introduction page {_page(IntroductionPage, intro)}"] += 1
    counts[f"contact page {_page(ContactPage, pages['contact'])}"] += 1

    leaders = [record for record in map(json.loads, filter(str.strip, lines)) if record["type"] == "leader"]
    for record in leaders:
        official = Official.objects.get(name=record["name"], position=record["position"])
        if official.photo_id is None:
            official.photo = portrait(official.name, counts)
            official.save(update_fields=["photo"])
            counts["portraits set"] += 1
    return counts


def _page(model, values: dict) -> str:
    """The one page of ``model`` under the home page in the portal's language (its translations are
    ``home.english``'s), created with ``values`` or brought up to date (a new revision only when
    something differs)."""
    fields = {k: v for k, v in values.items() if k not in ("title", "slug")}
    existing = model.objects.filter(locale_id=home_page().locale_id).first()
    page = existing or ensure_section(model, values["title"], values["slug"])
    if assign(page, fields):
        page.save_revision().publish()
        return "updated" if existing else "created"
    return "unchanged" if existing else "created"


def portrait(name: str, counts: Counter):
    """The library's portrait placeholder for ``name``, generated if there is none."""
    image, created = library_image(
        f"Ảnh chân dung minh họa – {name}",
        f"Ảnh minh họa (không phải ảnh thật) của {name}",
        lambda: silhouette_bytes(name),
        DEMO_TAG,
    )
    if created:
        counts["portraits created"] += 1
    return image


def silhouette_bytes(key: str, size: tuple[int, int] = (320, 400)) -> bytes:
    """A small JPEG: a head-and-shoulders silhouette on a plain background (the same for a ``key``)."""
    width, height = size
    shade = 200 + sum(key.encode()) % 40
    picture = PILImage.new("RGB", size, (shade, shade + 8 if shade < 247 else 255, 240))
    draw = ImageDraw.Draw(picture)
    grey = (120, 128, 140)
    draw.ellipse([width * 0.32, height * 0.16, width * 0.68, height * 0.50], fill=grey)
    draw.ellipse([width * 0.12, height * 0.56, width * 0.88, height * 1.25], fill=grey)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()
