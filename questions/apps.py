from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "questions"
    verbose_name = _("Hỏi đáp, phản ánh, kiến nghị")

    def ready(self):
        """Register what this app adds: its record type, search document, API router, feed, the
        review workflow on its section, the eraser of personal data, and its report section."""
        from django.db.models.signals import post_save
        from django.urls import path
        from wagtail.signals import page_published

        from editorial.signals import review_section
        from portal.api.registry import register_router
        from portal.feeds import AnnouncedFeed, announce_feed
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.submissions import register_personal_data
        from portal.urls import register_urls
        from search import registry as search

        from . import access, handling
        from .api import questions_router
        from .feeds import QuestionFeed
        from .importing import import_question
        from .models import QuestionIndexPage, QuestionPage
        from .reporting import questions_section
        from .search import DOCUMENTS

        register_record_type("question", import_question)
        search.register(documents=DOCUMENTS)
        register_router("/questions/", questions_router)
        announce_feed(AnnouncedFeed(_("Hỏi đáp"), "feed-questions", order=40))
        register_urls(path("feeds/questions.rss", QuestionFeed.as_view(), name="feed-questions"))
        review_section(QuestionIndexPage)
        post_save.connect(access.on_section_saved, sender=QuestionIndexPage, dispatch_uid="questions-unit-staff")
        register_personal_data("questions", handling.erase_contacts)
        register_report_section("questions", questions_section, order=30)

        def on_published(sender, instance, **kwargs):
            handling.answered(instance)

        page_published.connect(on_published, sender=QuestionPage, dispatch_uid="questions-answered", weak=False)
