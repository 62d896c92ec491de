"""The admin task dashboard: per-unit stacked bars of status (task_stats) and the overdue list."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from . import factories as f

pytestmark = pytest.mark.django_db


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def test_bars_per_unit_and_the_overdue_list(admin_client):
    finance, education = f.agency("Phòng Tài chính - Kế hoạch"), f.agency("Phòng Giáo dục và Đào tạo")
    f.task("NV-1", lead_unit=finance, title="Quyết toán ngân sách", deadline=days(-10))
    f.task("NV-2", lead_unit=finance, deadline=days(-2), assigned_on=days(-30))
    f.task("NV-3", lead_unit=finance, deadline=days(-20), completed_on=days(-25))  # done on time
    f.task("NV-4", lead_unit=education, deadline=days(30))
    f.task("NV-5", lead_unit=education, deadline=days(1))  # due soon
    f.task("NV-6", lead_unit=education, live=False, deadline=days(-5))  # a draft counts here, as in the listing
    response = admin_client.get(reverse("task_dashboard"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")

    rows = {row.th.get_text(strip=True): row for row in soup.select("table.task-status-bars tbody tr")}
    assert set(rows) == {"Phòng Tài chính - Kế hoạch", "Phòng Giáo dục và Đào tạo"}
    finance_row = rows["Phòng Tài chính - Kế hoạch"]
    assert finance_row.select_one("[data-total]").get_text(strip=True) == "3"
    labels = finance_row.svg["aria-label"]
    assert "Đang thực hiện quá hạn: 2" in labels and "Hoàn thành đúng hạn: 1" in labels
    widths = [float(r["width"]) for r in finance_row.select("rect")]
    assert sum(widths) == pytest.approx(100.0, abs=0.05)  # the largest unit fills the bar
    education = rows["Phòng Giáo dục và Đào tạo"]
    assert education.select_one("[data-total]").get_text(strip=True) == "3"
    f.task("NV-7", lead_unit=finance, deadline=days(40))
    soup = BeautifulSoup(admin_client.get(reverse("task_dashboard")).content.decode(), "html.parser")
    rows = {row.th.get_text(strip=True): row for row in soup.select("table.task-status-bars tbody tr")}
    education_widths = [float(r["width"]) for r in rows["Phòng Giáo dục và Đào tạo"].select("rect")]
    assert sum(education_widths) == pytest.approx(75.0, abs=0.05)  # 3 of the largest unit's 4

    overdue = [
        (r["data-task"], r.select("td")[-1].get_text(strip=True))
        for r in soup.select("table.task-overdue tr[data-task]")
    ]
    assert overdue == [("NV-1", "10 ngày"), ("NV-6", "5 ngày"), ("NV-2", "2 ngày")]  # oldest deadline first


def test_the_number_of_queries_does_not_grow_with_the_tasks(admin_client, django_assert_max_num_queries):
    unit = f.agency()
    for n in range(3):
        f.task(f"A-{n}", lead_unit=unit, deadline=days(-n - 1))
    with django_assert_max_num_queries(40) as few:
        admin_client.get(reverse("task_dashboard"))
    for n in range(20):
        f.task(f"B-{n}", lead_unit=f.agency(f"Đơn vị {n}"), deadline=days(-n - 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert admin_client.get(reverse("task_dashboard")).status_code == 200


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("task_dashboard"))
    assert response.status_code == 302 and "/login/" in response.url
