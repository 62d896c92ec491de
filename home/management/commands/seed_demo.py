"""manage.py seed_demo — load the demo portal (idempotent: run it as often as you like)."""

import time

from django.core.management.base import BaseCommand

from home.demo import seed, summary


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu cho cổng thông tin (huyện Vĩnh Tường): chạy lại nhiều lần không tạo trùng."

    def handle(self, **options):
        started = time.monotonic()
        quiet = options["verbosity"] == 0
        seed(stdout=None if quiet else self.stdout)
        elapsed = time.monotonic() - started
        if quiet:
            return
        totals = ", ".join(f"{key} {value}" for key, value in summary().items())
        self.stdout.write(self.style.SUCCESS(f"Demo portal ready in {elapsed:.1f}s: {totals}"))
