"""The demo portal's content (used by ``home.demo``): data files in this folder, read here.

A believable portal of a district of the former Vĩnh Phúc province (huyện Vĩnh Tường),
as it stood before the district tier was abolished on 1 July 2025.

What is real and what is not:
- National documents (laws, decrees, circulars, the Prime Minister's decisions) carry
  their real numbers, dates and subjects; their bodies are short summaries written for
  the demo, not the official text. A signer is given only where it is well known.
- Provincial and district documents, the people who sign them, the news articles and
  the contact details are illustrations written for the demo. Any resemblance of a
  local number or name to a real one is a coincidence.

The files (UTF-8):
- ``news.jsonl``, ``legal_documents.jsonl``: records of the JSON Lines import
  (docs/import-format.md), one per line; the seed imports them as ``manage.py
  import_content`` does. Documents are listed so that a relation's target comes before
  the document that refers to it.
- ``portal.json``: the portal's name, the authority profile, the home page's intro, the
  agencies (short code, parent; a parent comes before its children), the document types
  (abbreviation, normative flag) and the royalty scheme (decimals as strings).
- ``media.json``: what the seed generates without the network: news lead images
  (article slug → image title; each title is unique, it is what editors see in the image
  library), photo albums (slug → pictures with captions), and the legal documents that
  get a PDF "full text" (number, first issuing body).
- ``tracking.json``: the directing leaders (officials of the authority) and the
  directives and tasks, dated in DAY OFFSETS from the demo's day (``LAST_DAY``, 0 = that
  day, -30 = thirty days before; ``null`` = no date), which ``home.demo`` turns into import
  records. The demo portal is the ARCHIVE of a district: district-level authorities ended
  on 1 July 2025 (domain.md §0), so the demo stands on the district's last day, 30 June
  2025, and the authority profile says so (``closed_on``): every page carries the archive
  notice, the tracking page shows the tasks as they stood that day, and the citizen forms
  take nothing new. A task's status is derived from a day (directives/status.py): to show
  every status on the dashboard as of that day, open tasks have deadlines before it
  (overdue), within three days (due soon), later (on time) or none. Consequences:

  - running the seed again changes nothing;
  - ``seed(today=...)`` (tests) anchors the offsets on another day: every date moves by as
    many days (a new revision each) and an open task's status keeps its meaning as of that
    day ("overdue" stays overdue by the same number of days);
  - a directive's identity includes its year (numbers restart every year), so a directive
    whose date moves into another year is imported as a new page.

  A directive entry is a ``directive`` record with ``issued`` (an offset) instead of
  ``issued_on``, and an optional ``meeting`` (``subject``, ``day``, ``place``) that the
  import format does not carry. A task entry is a ``task`` record with ``assigned``,
  ``deadline`` and ``completed`` offsets, and ``progress`` rows of ``day``, ``percent``,
  ``content`` and an optional ``unit`` (default: the lead unit). The import format does
  not carry ``details``, ``expected_output``, ``extension`` (``original_deadline`` and
  ``extended_on`` offsets, ``reason``), ``manual_state`` or a row's unit: the seed sets
  them afterwards.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
NEWS_FILE = FOLDER / "news.jsonl"
LEGAL_DOCUMENTS_FILE = FOLDER / "legal_documents.jsonl"


def read_json(name: str):
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def read_records(path: Path) -> list[dict]:
    """The records of a JSON Lines file, as written (blank lines skipped)."""
    with open(path, encoding="utf-8-sig") as handle:
        return [json.loads(line) for line in handle.read().splitlines() if line.strip()]


# --- the authority and the taxonomy ----------------------------------------------------

_portal = read_json("portal.json")
PORTAL_NAME = _portal["name"]
AUTHORITY = {
    **_portal["authority"],
    "closed_on": date.fromisoformat(_portal["authority"]["closed_on"]) if _portal["authority"]["closed_on"] else None,
}
#: The demo's day: the last day of the district (its authority closed when the tier ended, 1 July 2025).
LAST_DAY = AUTHORITY["closed_on"]
HOME = {"title": PORTAL_NAME, "intro": _portal["home_intro"]}
# The authority's own agency: the directing leaders belong to it.
UBND_HUYEN = AUTHORITY["authority_name"]
AGENCIES = _portal["agencies"]
WEB_LINKS = _portal["web_links"]
# Quyết định and Nghị quyết are administrative unless they carry a normative number (with
# a year); the flag is the type's usual nature.
DOCUMENT_TYPES = _portal["document_types"]

# A provincial royalty scheme applying Decree 18/2014/NĐ-CP (the example of domain.md §7).
_scheme = _portal["royalty_scheme"]
ROYALTY_SCHEME = {
    **_scheme,
    "valid_from": date.fromisoformat(_scheme["valid_from"]),
    "unit_ratio": Decimal(_scheme["unit_ratio"]),
    "site_multiplier": Decimal(_scheme["site_multiplier"]),
    "genres": [
        {**genre, **{key: Decimal(genre[key]) for key in ("min_coefficient", "max_coefficient")}}
        for genre in _scheme["genres"]
    ],
}

# --- news and legal documents ------------------------------------------------------------

NEWS = read_records(NEWS_FILE)
LEGAL_DOCUMENTS = read_records(LEGAL_DOCUMENTS_FILE)

_media = read_json("media.json")
NEWS_LEAD_IMAGES: dict[str, str] = _media["news_lead_images"]
NEWS_GALLERIES: dict[str, list[dict]] = _media["news_albums"]
DOCUMENTS_WITH_PDF: list[dict] = _media["legal_document_pdfs"]

# --- leadership directives and the tasks they assign ---------------------------------------

_tracking = read_json("tracking.json")
OFFICIALS: list[dict] = _tracking["officials"]
DIRECTIVES: list[dict] = _tracking["directives"]
TASKS: list[dict] = _tracking["tasks"]
