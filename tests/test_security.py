"""Security defaults (issue 21; docs/deployment.md, "Security"): production's settings pass
``check --deploy``, the headers (CSP per public site and admin, X-Frame-Options), the login
lockout (django-axes), the limit on failed API tokens, and the admin in Vietnamese by default."""

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from . import factories as f

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
#: What a deployment sets (docs/deployment.md); the security settings keep their defaults.
DEPLOYMENT_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k7Qx2VbN9mT4rY8wZ1cL6pH3sD0fG5jK-aE7uI2oP9qW4eR1tY6",
    "ALLOWED_HOSTS": "cong.vinhtuong.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://cong.vinhtuong.gov.vn",
    "PUBLIC_BASE_URL": "https://cong.vinhtuong.gov.vn",  # WAGTAILADMIN_BASE_URL follows it
    "TRUST_X_FORWARDED_PROTO": "1",
}
PASSWORD = "Mat-khau-dung-2026"  # noqa: S105 (test users only)
ATTACKER = "203.0.113.7"  # documentation addresses (RFC 5737): request metadata only
COLLEAGUE = "198.51.100.20"


def _environ(**env) -> dict:
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "CSP_", "DJANGO_", "TRUST_", "LOGIN_", "API_TOKEN_"))
        and k not in {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "HEADLESS_PREVIEW_URL"}
    }
    return keep | DEPLOYMENT_ENV | env


def production_settings(*names: str, **env) -> dict:
    """The values of ``names`` in the production settings loaded with the deployment's environment."""
    code = (
        "import json, cms.settings.production as s; "
        f"print(json.dumps({{n: getattr(s, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_environ(**env), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- production settings ---------------------------------------------------------------------------


def test_check_deploy_reports_no_issue_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=_environ(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNINGS" not in output and "security.W" not in output


def test_check_deploy_does_report_a_weakened_setting(tmp_path):
    """The check above can fail: without HSTS or the HTTPS redirect, Django warns."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_environ(
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="0"
        ),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_check_deploy_reports_a_missing_public_address(tmp_path):
    """Without PUBLIC_BASE_URL, e-mails sent outside a request would carry the Site's own address."""
    env = _environ(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    env.pop("PUBLIC_BASE_URL")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0 and "portal.W001" in result.stderr


def test_production_security_defaults():
    values = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "X_FRAME_OPTIONS",
        "SECURE_REFERRER_POLICY",
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_ADMIN",
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "AXES_LOCKOUT_PARAMETERS",
        "API_TOKEN_FAILURE_RATE",
    )
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and values["SECURE_HSTS_PRELOAD"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]  # TRUST_X_FORWARDED_PROTO=1
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    public = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert public["script-src"] == ["'self'"] and public["style-src"] == ["'self'"]
    assert "'unsafe-inline'" in values["CONTENT_SECURITY_POLICY_ADMIN"]["DIRECTIVES"]["script-src"]
    assert values["CONTENT_SECURITY_POLICY_REPORT_ONLY"] is None
    assert values["AXES_FAILURE_LIMIT"] == 5 and values["AXES_COOLOFF_TIME"] == "0:30:00"
    assert values["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]
    assert values["API_TOKEN_FAILURE_RATE"] == "10/m"


def test_each_security_setting_follows_its_environment_variable():
    values = production_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        "SECURE_REFERRER_POLICY",
        "CONTENT_SECURITY_POLICY",
        "CONTENT_SECURITY_POLICY_REPORT_ONLY",
        "CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY",
        "AXES_FAILURE_LIMIT",
        "AXES_COOLOFF_TIME",
        "LOGIN_LOCKOUT_CONTACT",
        "API_TOKEN_FAILURE_RATE",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="300",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="0",
        TRUST_X_FORWARDED_PROTO="0",
        SECURE_COOKIES="0",
        SECURE_REFERRER_POLICY="strict-origin-when-cross-origin",
        CSP_REPORT_ONLY="1",
        CSP_REPORT_URI="https://csp.example.vn/report",
        CSP_FRAME_SRC="https://www.youtube.com,https://maps.example.vn",
        HEADLESS_PREVIEW_URL="https://xem-truoc.example.vn/preview?site=1",
        LOGIN_FAILURE_LIMIT="3",
        LOGIN_COOLOFF_MINUTES="15",
        LOGIN_LOCKOUT_CONTACT="Văn phòng HĐND và UBND huyện, 0211 3835 001",
        API_TOKEN_FAILURE_RATE="5/h",
    )
    assert values["SECURE_SSL_REDIRECT"] is False and values["SECURE_HSTS_SECONDS"] == 300
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False and values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # not trusted unless configured
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["CONTENT_SECURITY_POLICY"] is None  # report-only: nothing enforced
    public = values["CONTENT_SECURITY_POLICY_REPORT_ONLY"]["DIRECTIVES"]
    admin = values["CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY"]["DIRECTIVES"]
    assert public["report-uri"] == ["https://csp.example.vn/report"]
    assert public["frame-src"] == ["'self'", "https://www.youtube.com", "https://maps.example.vn"]
    assert "https://xem-truoc.example.vn" in admin["frame-src"]  # the headless preview is framed by the admin
    assert "https://xem-truoc.example.vn" not in public["frame-src"]
    assert values["AXES_FAILURE_LIMIT"] == 3 and values["AXES_COOLOFF_TIME"] == "0:15:00"
    assert values["LOGIN_LOCKOUT_CONTACT"].startswith("Văn phòng")
    assert values["API_TOKEN_FAILURE_RATE"] == "5/h"
    assert production_settings("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_ADMIN", CSP_ENABLED="0") == {
        "CONTENT_SECURITY_POLICY": None,
        "CONTENT_SECURITY_POLICY_ADMIN": None,
    }


# --- headers -------------------------------------------------------------------------------------


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {part[0]: part[1:] for part in parts}


def test_the_public_site_gets_the_strict_policy_and_the_admin_its_own(client, admin_client):
    public = client.get("/")
    assert public.status_code == 200
    policy = directives(public["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in public["Content-Security-Policy"]
    admin = directives(admin_client.get(reverse("wagtailadmin_home"))["Content-Security-Policy"])
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"] and admin["frame-ancestors"] == ["'self'"]
    login = directives(client.get(reverse("wagtailadmin_login"))["Content-Security-Policy"])
    assert login == admin
    django_admin = directives(admin_client.get("/django-admin/")["Content-Security-Policy"])
    assert django_admin == admin
    api = directives(client.get("/api/v3/pages/")["Content-Security-Policy"])
    assert api == policy


def test_report_only_mode_blocks_nothing_and_reports(client, admin_client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY_ADMIN
    settings.CONTENT_SECURITY_POLICY = settings.CONTENT_SECURITY_POLICY_ADMIN = None
    public = client.get("/")
    assert "Content-Security-Policy" not in public
    assert directives(public["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'"]
    admin = admin_client.get(reverse("wagtailadmin_home"))
    assert "Content-Security-Policy" not in admin
    assert "'unsafe-inline'" in directives(admin["Content-Security-Policy-Report-Only"])["script-src"]


def test_no_policy_when_turned_off(client, admin_client, settings):
    settings.CONTENT_SECURITY_POLICY = settings.CONTENT_SECURITY_POLICY_ADMIN = None
    assert "Content-Security-Policy" not in client.get("/")
    assert "Content-Security-Policy" not in admin_client.get(reverse("wagtailadmin_home"))


def test_api_docs_are_served_from_this_site_without_inline_script(client):
    html = client.get("/api/v3/docs/").content.decode()
    assert "cdn.jsdelivr.net" not in html
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all("src=" in attrs or "application/json" in attrs for attrs in scripts), scripts


TEMPLATE_DIRS = [
    p for p in ROOT.glob("*/templates") if p.parent.name not in {".venv", "node_modules"} and p.parent.is_dir()
]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""href\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def public_templates():
    for folder in TEMPLATE_DIRS:
        for template in folder.rglob("*.html"):
            if "/admin/" not in template.as_posix() and not template.name.startswith("admin"):
                yield template


def test_no_public_template_has_an_inline_script_or_event_handler():
    """The public policy has no 'unsafe-inline' script: an inline <script>, an on…= attribute or a
    javascript: link in a public template would be blocked by the browser."""
    templates = list(public_templates())
    assert len(templates) > 40  # really read them
    offending = [
        str(t.relative_to(ROOT))
        for t in templates
        if INLINE_SCRIPT.search(text := t.read_text()) or EVENT_HANDLER.search(text) or JAVASCRIPT_URL.search(text)
    ]
    assert not offending, offending


def test_the_scanner_finds_what_it_looks_for():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>") and INLINE_SCRIPT.search("<script type='module'>")
    assert not INLINE_SCRIPT.search('<script src="/static/a.js"></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="x">{}</script>')
    assert EVENT_HANDLER.search('<button onclick="go()">') and JAVASCRIPT_URL.search('<a href="javascript:go()">')


def test_frames_are_denied_except_wagtails_previews(client, admin_client, settings):
    settings.X_FRAME_OPTIONS = "DENY"  # production's (test_production_security_defaults)
    assert client.get("/")["X-Frame-Options"] == "DENY"
    assert admin_client.get(reverse("wagtailadmin_home"))["X-Frame-Options"] == "DENY"
    page = f.news(title="Tin xem trước")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    posted = admin_client.post(url, f.news_form("Tin xem trước", slug=page.slug, author=""))
    assert posted.json()["is_valid"], posted.content
    preview = admin_client.get(url)
    assert preview.status_code == 200 and preview["X-Frame-Options"] == "SAMEORIGIN"
    # the preview: the page under the public policy (what the live page meets), framed by the admin
    policy = directives(preview["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"]


# --- the admin in Vietnamese ----------------------------------------------------------------------

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_the_admin_is_vietnamese_for_an_english_browser(admin_client):
    dashboard = admin_client.get(reverse("wagtailadmin_home"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="vi"' in dashboard
    assert "Trang tổng quan" in dashboard or json.dumps("Trang tổng quan")[1:-1] in dashboard
    assert '"Dashboard"' not in dashboard and ">Dashboard<" not in dashboard


def test_the_login_page_is_vietnamese_for_an_english_browser(client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER).content.decode()
    assert '<html lang="vi"' in html and "Mật khẩu" in html and ">Password<" not in html


def test_an_editor_who_chose_english_gets_english(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor-en", "en@example.vn", PASSWORD)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en"' in html and "Dashboard" in html


def test_the_english_section_stays_english(client):
    from wagtail.models import Locale

    from home.english import translation_of
    from portal.importing import home_page

    english, _ = translation_of(home_page(), Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    html = client.get("/en/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<html lang="en">' in html and "Skip to main content" in html
    vi = client.get("/", **ENGLISH_BROWSER).content.decode()
    assert '<html lang="vi">' in vi


# --- the login lockout ----------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("bientapvien", "btv@example.vn", PASSWORD)


def log_in(client, username, password, address=ATTACKER, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def test_thirty_wrong_passwords_lock_the_account_on_that_address_and_the_right_one_is_refused(client, editor):
    statuses = [log_in(client, "bientapvien", f"sai-{n}").status_code for n in range(30)]
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert set(statuses[4:]) == {429}  # the fifth failure locks
    refused = log_in(client, "bientapvien", PASSWORD)
    assert refused.status_code == 429 and not refused.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in client.session
    html = refused.content.decode()
    assert "Tạm khóa đăng nhập" in html and "Vui lòng thử lại sau 30 phút" in html
    assert "quản trị viên" in html
    assert refused["Retry-After"] == "1800"
    attempt = AccessAttempt.objects.get(username="bientapvien", ip_address=ATTACKER)
    assert attempt.failures_since_start >= 30


def test_the_lockout_page_is_vietnamese_for_an_english_browser_and_names_the_contact(client, editor, settings):
    settings.LOGIN_LOCKOUT_CONTACT = "Phòng Văn hóa và Thông tin, 0211 3835 001"
    for n in range(5):
        response = log_in(client, "bientapvien", f"sai-{n}", **ENGLISH_BROWSER)
    html = response.content.decode()
    assert response.status_code == 429 and '<html lang="vi"' in html
    assert "Liên hệ: Phòng Văn hóa và Thông tin, 0211 3835 001." in html
    until = re.search(r"từ (\d\d:\d\d) ngày (\d\d/\d\d/\d{4})", html)
    expected = timezone.localtime() + timedelta(minutes=30)
    assert until and until.group(2) == expected.strftime("%d/%m/%Y")


def test_the_same_account_from_another_address_and_another_account_are_unaffected(client, editor, django_user_model):
    django_user_model.objects.create_superuser("phongvien", "pv@example.vn", PASSWORD)
    for n in range(30):
        log_in(client, "bientapvien", f"sai-{n}")
    assert log_in(client, "bientapvien", PASSWORD).status_code == 429
    assert logged_in(log_in(client, "bientapvien", PASSWORD, address=COLLEAGUE))
    client.logout()
    assert logged_in(log_in(client, "phongvien", PASSWORD))  # same address, another account


def test_four_failures_then_the_right_password_logs_in_and_starts_the_count_again(client, editor):
    for n in range(4):
        log_in(client, "bientapvien", f"sai-{n}")
    assert logged_in(log_in(client, "bientapvien", PASSWORD))
    client.logout()
    assert not AccessAttempt.objects.filter(username="bientapvien").exists()  # AXES_RESET_ON_SUCCESS


def test_the_lockout_ends_after_the_cool_off(client, editor):
    for n in range(5):
        log_in(client, "bientapvien", f"sai-{n}")
    assert log_in(client, "bientapvien", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert logged_in(log_in(client, "bientapvien", PASSWORD))


def test_an_administrator_unlocks_in_the_wagtail_admin(client, editor, django_user_model):
    for n in range(5):
        log_in(client, "bientapvien", f"sai-{n}")
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", PASSWORD)
    client.force_login(admin)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("portal_lockouts") in dashboard  # in the Settings menu
    listing = client.get(reverse("portal_lockouts"))
    html = listing.content.decode()
    assert listing.status_code == 200 and "Đăng nhập bị khóa" in html
    row = re.search(r'<tr data-username="bientapvien" data-locked>.*?</tr>', html, re.S)
    assert row and ATTACKER in row.group(0) and "Mở khóa" in row.group(0)
    attempt = AccessAttempt.objects.get(username="bientapvien")
    done = client.post(reverse("portal_lockouts"), {"attempt": attempt.pk}, follow=True)
    assert "Đã mở khóa đăng nhập của tài khoản “bientapvien”" in done.content.decode()
    assert not AccessAttempt.objects.exists()
    from wagtail.models import ModelLogEntry

    assert ModelLogEntry.objects.filter(action="portal.login_unlock", user=admin).exists()
    client.logout()
    assert logged_in(log_in(client, "bientapvien", PASSWORD))


def test_only_who_may_unlock_sees_the_lockouts(client, django_user_model):
    from editorial import roles

    reporter = f.member("phongvien", roles.REPORTER)
    client.force_login(reporter)
    assert reverse("portal_lockouts") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("portal_lockouts")).status_code in (302, 403)
    assert client.post(reverse("portal_lockouts"), {"attempt": 1}).status_code in (302, 403)
    # a group given the permission (grantable in Wagtail's group editor: register_permissions)
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt")
    group = reporter.groups.get()
    group.permissions.add(permission)
    from wagtail import hooks

    registered = [p for fn in hooks.get_hooks("register_permissions") for p in fn()]
    assert permission in registered
    reporter = type(reporter).objects.get(pk=reporter.pk)  # permissions cached on the instance
    client.force_login(reporter)
    assert client.get(reverse("portal_lockouts")).status_code == 200


def test_the_command_line_unlocks_too(client, editor):
    for n in range(5):
        log_in(client, "bientapvien", f"sai-{n}")
    call_command("axes_reset_username", "bientapvien", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert logged_in(log_in(client, "bientapvien", PASSWORD))


# --- failed API tokens ----------------------------------------------------------------------------


@pytest.fixture
def token_rate(settings):
    settings.API_TOKEN_FAILURE_RATE = "3/m"


def bearer(token: str, address: str = ATTACKER) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", "REMOTE_ADDR": address}


WRONG = "wagtail_0000000000000000000000000000000000000000"


def test_failed_tokens_past_the_rate_get_429_with_a_problem(client, token_rate):
    for _ in range(3):
        response = client.get("/api/v3/pages/", **bearer(WRONG))
        assert response.status_code == 200  # a wrong token on a public read: read as anonymous
    refused = client.get("/api/v3/pages/", **bearer(WRONG))
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    problem = refused.json()
    assert problem["status"] == 429 and problem["title"] == "Too many failed API token attempts"
    assert "token" in problem["detail"]
    assert 1 <= int(refused["Retry-After"]) <= 60 and "no-store" in refused["Cache-Control"]


def test_a_secured_operation_answers_401_then_429(client, token_rate):
    statuses = [client.get("/api/v3/whoami/", **bearer(WRONG)).status_code for _ in range(5)]
    assert statuses == [401, 401, 401, 429, 429]


def test_a_valid_token_still_works_and_is_never_counted(client, token_rate, django_user_model):
    user = django_user_model.objects.create_superuser("tichhop", "th@example.vn", PASSWORD)
    token = f.api_token(user)
    for _ in range(10):
        assert client.get("/api/v3/whoami/", **bearer(token)).status_code == 200
    for _ in range(4):
        client.get("/api/v3/pages/", **bearer(WRONG))
    assert client.get("/api/v3/pages/", **bearer(WRONG)).status_code == 429
    # from the same address, past the rate: the valid token is still served
    response = client.get("/api/v3/whoami/", **bearer(token))
    assert response.status_code == 200 and response.json()["user"]["username"] == "tichhop"


def test_another_address_and_requests_without_token_are_unaffected(client, token_rate):
    for _ in range(4):
        client.get("/api/v3/pages/", **bearer(WRONG))
    assert client.get("/api/v3/pages/", **bearer(WRONG)).status_code == 429
    assert client.get("/api/v3/pages/", **bearer(WRONG, address=COLLEAGUE)).status_code == 200
    assert client.get("/api/v3/pages/", REMOTE_ADDR=ATTACKER).status_code == 200  # no token: anonymous


def test_a_revoked_token_counts_as_failed(client, token_rate, django_user_model):
    user = django_user_model.objects.create_superuser("tichhop", "th@example.vn", PASSWORD)
    token = f.api_token(user)
    from wagtail.models import APIToken

    APIToken.objects.update(revoked_at=timezone.now())
    statuses = [client.get("/api/v3/whoami/", **bearer(token)).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_the_address_behind_the_proxy_is_counted(client, token_rate, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    for _ in range(3):
        client.get("/api/v3/pages/", HTTP_X_REAL_IP=ATTACKER, **bearer(WRONG, address="127.0.0.1"))
    assert client.get("/api/v3/pages/", HTTP_X_REAL_IP=ATTACKER, **bearer(WRONG, "127.0.0.1")).status_code == 429
    assert client.get("/api/v3/pages/", HTTP_X_REAL_IP=COLLEAGUE, **bearer(WRONG, "127.0.0.1")).status_code == 200


def test_an_ipv6_subscriber_counts_as_one_address(client, token_rate, editor):
    """One subscriber holds a whole /64: its addresses share the counts (tokens and logins)."""
    for n in range(3):
        client.get("/api/v3/pages/", **bearer(WRONG, address=f"2001:db8:1:2::{n + 1}"))
    assert client.get("/api/v3/pages/", **bearer(WRONG, address="2001:db8:1:2:ffff::9")).status_code == 429
    assert client.get("/api/v3/pages/", **bearer(WRONG, address="2001:db8:1:3::1")).status_code == 200
    for n in range(5):
        log_in(client, "bientapvien", f"sai-{n}", address=f"2001:db8:7:7::{n + 1}")
    assert log_in(client, "bientapvien", PASSWORD, address="2001:db8:7:7:abcd::1").status_code == 429
    assert AccessAttempt.objects.get(username="bientapvien").ip_address == "2001:db8:7:7::"
    assert logged_in(log_in(client, "bientapvien", PASSWORD, address="2001:db8:7:8::1"))
