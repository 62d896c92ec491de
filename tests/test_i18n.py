"""The editors' Vietnamese: every project string is in the catalogue, Wagtail's admin is
covered (target ≥ 95 %), the compiled catalogues match their sources, and the admin speaks it."""

import json

import polib
import pytest
from django.urls import reverse

from editorial import i18n


def test_every_project_string_has_its_vietnamese_entry():
    missing = i18n.missing_project_strings()
    assert not missing, f"run `make i18n`: {len(missing)} project string(s) missing from locale/vi: {missing[:10]}"


def test_wagtails_admin_is_at_least_95_percent_vietnamese():
    rows = i18n.wagtail_coverage()
    total = sum(r.total for r in rows)
    done = sum(r.translated for r in rows)
    print(f"\nWagtail admin message ids with Vietnamese: {done}/{total} = {done / total:.1%}")
    assert total > 1500  # really read Wagtail's catalogues
    assert done / total >= 0.95


def test_the_django_strings_an_editor_meets_are_vietnamese_too():
    rows = i18n.django_coverage()
    total = sum(r.total for r in rows)
    done = sum(r.translated for r in rows)
    print(f"\nDjango (forms, dates, users) message ids with Vietnamese: {done}/{total} = {done / total:.1%}")
    assert total > 300 and done / total >= 0.95
    from django.utils import timesince, translation

    with translation.override("vi"):
        assert (
            timesince.timesince(timesince.datetime.datetime(2026, 1, 1), timesince.datetime.datetime(2026, 1, 1, 0, 5))
            == "5\xa0phút"  # Django joins number and unit with a no-break space
        )


@pytest.mark.parametrize(
    "po",
    sorted([*i18n.PROJECT_LOCALE.glob("*/LC_MESSAGES/*.po"), *i18n.ADMIN_LOCALE.glob("*/LC_MESSAGES/*.po")]),
    ids=str,
)
def test_compiled_catalogues_match_their_sources(po):
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(po)) if i18n._translated(e)}
    compiled = polib.mofile(str(po.with_suffix(".mo")))
    compiled_entries = {(e.msgctxt, e.msgid): e for e in compiled if e.msgid}
    assert set(source) == set(compiled_entries), "run `make i18n` to recompile"
    for key, (msgstr, plural) in source.items():
        entry = compiled_entries[key]
        assert (entry.msgstr_plural.get(0) if plural else entry.msgstr) == (plural.get(0) if plural else msgstr)


@pytest.mark.django_db
def test_the_admin_speaks_vietnamese(admin_client):
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # the sidebar menu comes as JSON (non-ASCII letters escaped)
    for words in ("Trang tổng quan", "Danh mục", "Báo cáo", "Cài đặt"):
        assert words in dashboard or json.dumps(words)[1:-1] in dashboard, words
    for english in ("Dashboard", "Snippets", "Reports", "Settings"):
        assert f'"{english}"' not in dashboard and f">{english}<" not in dashboard
    from tests import factories as f

    category = f.news_index()
    editor = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("news", "newspage", category.pk))
    ).content.decode()
    assert "Lưu nháp" in editor and "Xuất bản" in editor


@pytest.mark.django_db
def test_the_login_page_is_vietnamese_and_fetches_no_avatar(client, admin_client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Mật khẩu" in html and "Tên đăng nhập" in html
    assert ">Password<" not in html
    assert "gravatar.com" not in admin_client.get(reverse("wagtailadmin_home")).content.decode()
