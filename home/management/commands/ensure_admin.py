"""Create the first administrator once, with a generated password printed one time."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị đầu tiên nếu chưa có (mật khẩu sinh ngẫu nhiên, in ra một lần)."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))
        parser.add_argument("--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.gov.vn"))

    def handle(self, username, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator already exists; no account created.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        bar = "=" * 60
        self.stdout.write(
            f"{bar}\nAdministrator created — shown only this once:\n"
            f"  login:    {username}\n  password: {password}\n  admin:    /admin/\n{bar}"
        )
