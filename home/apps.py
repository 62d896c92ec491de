from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và cấu hình cổng")

    def ready(self):
        from django.urls import path

        from portal.authority import AuthorityContact, set_authority_contact
        from portal.feeds import set_authority_name
        from portal.urls import register_urls

        from .models import AuthorityProfile
        from .views import html_site_map

        def authority_name(site, language: str) -> str:
            """The name in ``language``: the English one on English pages and feeds when the
            profile has it (``authority_name_en``), else the Vietnamese one."""
            profile = AuthorityProfile.for_site(site)
            if language == "en" and profile.authority_name_en:
                return profile.authority_name_en
            return profile.authority_name

        set_authority_name(authority_name)
        register_urls(path("so-do-trang/", html_site_map, name="html-site-map"))

        def contact(site, language: str, request=None) -> AuthorityContact:
            # Through the request, the profile the page's template reads too (one query per request).
            profile = AuthorityProfile.for_request(request) if request is not None else AuthorityProfile.for_site(site)
            return AuthorityContact(
                profile.name_in(language), profile.address, profile.phone, profile.email, profile.closed_on
            )

        set_authority_contact(contact)
