from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và cấu hình cổng")

    def ready(self):
        from portal.feeds import set_authority_name

        from .models import AuthorityProfile

        set_authority_name(lambda site: AuthorityProfile.for_site(site).authority_name)
