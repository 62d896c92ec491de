"""API tokens work whichever settings module made them (issue 22; patch 10 of ``portal.wagtail_patches``).

Wagtail stores a token as an HMAC keyed with ``SECRET_KEY``: a token made by ``manage.py
api_tokens create`` under the development settings answered 401 on the production server. The
portal stores a SHA-256 digest of the token, the same under every key; tokens stored the old way
(keyed with the current key or one of ``SECRET_KEY_FALLBACKS``) still authenticate, and are
stored the new way once used.
"""

import pytest
from wagtail.models import APIToken

from editorial import roles
from portal.wagtail_patches import token_digest

from . import factories as f

pytestmark = pytest.mark.django_db

WHOAMI = "/api/v3/whoami/"


def whoami(client, token):
    return client.get(WHOAMI, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_token_made_under_one_secret_key_authenticates_under_another(client, settings):
    settings.SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    settings.SECRET_KEY = "a-production-key-of-more-than-thirty-two-random-characters"
    settings.SECRET_KEY_FALLBACKS = []
    response = whoami(client, token)
    assert response.status_code == 200, response.content
    assert response.json()["user"]["username"] == "phongvien"
    assert APIToken.objects.get().key_hash == token_digest(token)


def test_the_stored_digest_is_a_sha256_of_the_token_not_the_token(settings):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    stored = APIToken.objects.get()
    assert len(stored.key_hash) == 64 and token not in stored.key_hash
    assert stored.key_hash == token_digest(token) != token_digest(token + "x")


@pytest.mark.parametrize("where", ["current", "fallback"])
def test_a_token_stored_under_a_secret_key_stays_valid_and_is_rewritten(client, settings, where):
    user = f.member("phongvien", roles.REPORTER)
    token = APIToken.generate_token()
    old_key = "an-older-key-of-more-than-thirty-two-random-characters"
    legacy = APIToken.hash_token(token, secret_key=old_key)  # as Wagtail stored it under old_key
    APIToken.objects.create(user=user, name="cũ", key_hash=legacy, prefix=token[:12])
    if where == "current":
        settings.SECRET_KEY = old_key
    else:
        settings.SECRET_KEY = "a-production-key-of-more-than-thirty-two-random-characters"
        settings.SECRET_KEY_FALLBACKS = [old_key]
    assert whoami(client, token).status_code == 200
    assert APIToken.objects.get().key_hash == token_digest(token)
    settings.SECRET_KEY_FALLBACKS = []
    settings.SECRET_KEY = "yet-another-key-of-more-than-thirty-two-random-characters"
    assert whoami(client, token).status_code == 200


def test_an_unknown_or_revoked_token_is_still_refused(client):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    assert whoami(client, token[:-1] + ("A" if token[-1] != "A" else "B")).status_code == 401
    APIToken.objects.get().revoke()
    assert whoami(client, token).status_code == 401
