"""The foundation every app of the portal stands on; it imports no app of ours.

Text (``portal.text``), the section page base (``portal.pages``), pagination, the feed base
(``portal.feeds``), background tasks (``portal.tasks``), the import framework and its registry
(``portal.importing``), the API building blocks (``portal.api``), the headless preview
(``portal.preview``) and the patches of Wagtail (``portal.wagtail_patches``).
See docs/architecture.md.
"""
