"""The national base salary ("mức lương cơ sở") since 2017, and the royalty permissions for the
editorial roles (editorial/roles.py). A later change of the base salary is added in the admin."""

from datetime import date
from decimal import Decimal

from django.db import migrations

from editorial import roles

BASE_SALARIES = [
    (date(2017, 7, 1), Decimal("1300000"), "Nghị định 47/2017/NĐ-CP"),
    (date(2018, 7, 1), Decimal("1390000"), "Nghị định 72/2018/NĐ-CP"),
    (date(2019, 7, 1), Decimal("1490000"), "Nghị định 38/2019/NĐ-CP"),
    (date(2023, 7, 1), Decimal("1800000"), "Nghị định 24/2023/NĐ-CP"),
    (date(2024, 7, 1), Decimal("2340000"), "Nghị định 73/2024/NĐ-CP"),
]


def forwards(apps, schema_editor):
    BaseSalary = apps.get_model("editorial", "BaseSalary")
    for valid_from, amount, basis in BASE_SALARIES:
        BaseSalary.objects.get_or_create(valid_from=valid_from, defaults={"amount": amount, "legal_basis": basis})
    roles.ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_royalties")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
