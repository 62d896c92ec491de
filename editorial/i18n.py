"""How much of what an editor reads is in Vietnamese (``manage.py i18n_coverage``, docs/glossary.md).

- Wagtail's admin: every message id of Wagtail's catalogues (its ``en`` catalogues list them
  all) counts as translated when Wagtail's own Vietnamese or ours (``locale_admin/``) gives it a
  non-empty, non-fuzzy translation. The same for the Django catalogues an editor meets (form
  validation, dates and "5 phút trước", users and passwords).
- This project's strings are written in Vietnamese in the code; ``locale/vi`` holds every one of
  them (``update_project_catalogue`` adds new ones with the source text as their translation,
  where a wording can later be changed without touching the code). None may be missing.
"""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

LANGUAGE = "vi"
PROJECT_LOCALE = Path(settings.BASE_DIR) / "locale"
ADMIN_LOCALE = Path(settings.BASE_DIR) / "locale_admin"
#: Directories makemessages must not read: not our code, or not shipped strings.
IGNORE = [".venv", "venv", "node_modules", "locale_admin", "bench", "tests", "media", "static", ".*"]


def _translated(entry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return any(v.strip() for v in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


def _keys(path: Path) -> set[tuple[str | None, str]]:
    import polib

    if not path.exists():
        return set()
    return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if _translated(e)}


@dataclass
class Coverage:
    name: str
    total: int
    translated: int

    @property
    def share(self) -> float:
        return self.translated / self.total if self.total else 1.0


def _ours() -> dict[str, set]:
    ours = {
        domain: _keys(ADMIN_LOCALE / LANGUAGE / "LC_MESSAGES" / f"{domain}.po") for domain in ("django", "djangojs")
    }
    ours["django"] |= _keys(PROJECT_LOCALE / LANGUAGE / "LC_MESSAGES" / "django.po")
    return ours


def _coverage(name: str, english: Path, ours: dict[str, set]) -> Coverage:
    import polib

    theirs = _keys(english.parent.parent.parent / LANGUAGE / "LC_MESSAGES" / english.name)
    ids = [(e.msgctxt, e.msgid) for e in polib.pofile(str(english)) if not e.obsolete]
    done = sum(1 for key in ids if key in theirs or key in ours.get(english.stem, set()))
    return Coverage(name, len(ids), done)


def wagtail_coverage() -> list[Coverage]:
    """Per Wagtail app and domain: message ids, and how many have Vietnamese (theirs or ours)."""
    import wagtail

    root = Path(wagtail.__file__).parent
    ours = _ours()
    out = []
    for english in sorted(root.glob("**/locale/en/LC_MESSAGES/*.po")):
        app = str(english.relative_to(root).parent.parent.parent.parent)
        name = f"wagtail/{app} ({english.stem})".replace("/.", "")
        out.append(_coverage(name, english, ours))
    return out


#: Django's catalogues an editor meets in Wagtail's admin: forms, validation, dates, users.
DJANGO_PARTS = ("conf", "contrib/auth", "contrib/contenttypes")


def django_coverage() -> list[Coverage]:
    import django

    root = Path(django.__file__).parent
    ours = _ours()
    return [
        _coverage(f"django/{part} (django)", root / part / "locale" / "en" / "LC_MESSAGES" / "django.po", ours)
        for part in DJANGO_PARTS
    ]


PROJECT_PO = PROJECT_LOCALE / LANGUAGE / "LC_MESSAGES" / "django.po"


def _makemessages(languages=None) -> None:
    """makemessages for this project into locale/vi (LOCALE_PATHS narrowed to locale/: it writes a
    file's strings into the first locale path whose parent holds the file, so it would otherwise
    rewrite locale_admin/ too)."""
    from django.core.management import call_command

    saved = list(settings.LOCALE_PATHS)
    settings.LOCALE_PATHS = [PROJECT_LOCALE]
    try:
        call_command(
            "makemessages", locale=list(languages or [LANGUAGE]), ignore_patterns=IGNORE, verbosity=0, no_obsolete=True
        )
    finally:
        settings.LOCALE_PATHS = saved


def _extracted_keys() -> set[tuple[str | None, str]]:
    """The project's message ids as the code has them now; locale/vi is left as it was."""
    import polib

    before = PROJECT_PO.read_bytes() if PROJECT_PO.exists() else None
    try:
        _makemessages()
        return {(e.msgctxt, e.msgid) for e in polib.pofile(str(PROJECT_PO)) if not e.obsolete}
    finally:
        if before is None:
            PROJECT_PO.unlink(missing_ok=True)
        else:
            PROJECT_PO.write_bytes(before)


def missing_project_strings() -> list[str]:
    """Project message ids (extracted from the code now) without a translation in locale/vi."""
    have = _keys(PROJECT_PO)
    return sorted(msgid for key in _extracted_keys() - have for msgid in [key[1]])


def project_coverage() -> Coverage:
    extracted = _extracted_keys()
    return Coverage("project", len(extracted), len(extracted & _keys(PROJECT_PO)))


def update_project_catalogue() -> int:
    """makemessages into locale/vi, new strings translated as written (the code is Vietnamese), and
    into locale/en (the English pages' words, translated by hand: docs/english.md; a string left
    empty shows in Vietnamese), then compile the catalogues; returns how many strings were added
    to locale/vi."""
    import polib

    _makemessages([LANGUAGE, "en"])
    po = polib.pofile(str(PROJECT_PO))
    added = 0
    for entry in po:
        if not _translated(entry):
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid_plural}
            else:
                entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            added += 1
    po.metadata["Language"] = LANGUAGE
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    update_english_catalogue()
    compile_catalogues()
    return added


ENGLISH_PO = PROJECT_LOCALE / "en" / "LC_MESSAGES" / "django.po"
#: The English of the words the /en/ pages show (docs/english.md): {Vietnamese message id: English};
#: a message with a plural (``{% blocktranslate count … %}``): its singular id → [one, several]; a
#: message with a context (``pgettext``): the key is ``context\u0004id``, as gettext keys it.
ENGLISH_STRINGS = PROJECT_LOCALE / "en" / "public_strings.json"


def update_english_catalogue() -> int:
    """Write the translations of ``ENGLISH_STRINGS`` into locale/en (after makemessages); returns
    how many message ids have English. The others stay empty: they show in Vietnamese."""
    import json

    import polib

    if not ENGLISH_PO.exists():
        return 0
    english = json.loads(ENGLISH_STRINGS.read_text(encoding="utf-8"))
    po = polib.pofile(str(ENGLISH_PO))
    done = 0
    for entry in po:
        given = english.get(f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid)
        if entry.msgid_plural and isinstance(given, list) and len(given) == 2:
            entry.msgstr_plural = {0: given[0], 1: given[1]}
        elif not entry.msgid_plural and isinstance(given, str):
            entry.msgstr = given
        else:
            given = None
        if given is not None and "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        done += _translated(entry)
    po.metadata.update(
        {
            "Language": "en",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    po.save()
    return done


def compile_catalogues() -> None:
    """The .mo files next to our .po files (msgfmt --check, as compilemessages would)."""
    for po in [*PROJECT_LOCALE.glob("*/LC_MESSAGES/*.po"), *ADMIN_LOCALE.glob("*/LC_MESSAGES/*.po")]:
        command = ["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)]
        subprocess.run(command, check=True, stderr=sys.stderr)  # noqa: S603, S607 (our files, gettext's tool)
