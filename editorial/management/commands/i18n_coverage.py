"""Print how much of the admin is in Vietnamese; ``--update`` refreshes the project catalogue."""

from django.core.management.base import BaseCommand, CommandError

from editorial import i18n

TARGET = 0.95


class Command(BaseCommand):
    help = "Share of Wagtail's admin message ids with a Vietnamese translation, and of the project's strings."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="makemessages + compile (locale/, locale_admin/)")

    def handle(self, *args, update=False, **options):
        if update:
            added = i18n.update_project_catalogue()
            self.stdout.write(f"locale/vi: {added} new project string(s) added; catalogues compiled")
        rows = i18n.wagtail_coverage()
        width = max(len(r.name) for r in rows)
        for row in rows:
            self.stdout.write(f"{row.name:<{width}}  {row.translated:5d}/{row.total:<5d} {row.share:6.1%}")
        total = sum(r.total for r in rows)
        done = sum(r.translated for r in rows)
        share = done / total
        self.stdout.write(f"{'Wagtail admin, all':<{width}}  {done:5d}/{total:<5d} {share:6.1%}  (target {TARGET:.0%})")
        django_rows = i18n.django_coverage()
        for row in django_rows:
            self.stdout.write(f"{row.name:<{width}}  {row.translated:5d}/{row.total:<5d} {row.share:6.1%}")
        d_total = sum(r.total for r in django_rows)
        d_done = sum(r.translated for r in django_rows)
        self.stdout.write(f"{'Django, for the admin':<{width}}  {d_done:5d}/{d_total:<5d} {d_done / d_total:6.1%}")
        project = i18n.project_coverage()
        self.stdout.write(
            f"{'Project strings':<{width}}  {project.translated:5d}/{project.total:<5d} {project.share:6.1%}"
        )
        if share < TARGET or d_done / d_total < TARGET or project.translated < project.total:
            raise CommandError("Vietnamese coverage below target: run `make i18n` and translate what is missing.")
