"""The editorial board's roles and the two-step workflow "Duyệt tin bài" (editorial/roles.py).

The walk-through goes through the Wagtail admin's own views, as the editors would: a reporter
creates a news item and submits it, the Biên tập viên approves step 1, the Trưởng Ban Biên tập
approves step 2, and the item is live. A reporter can never publish.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowPage, WorkflowState

from editorial import roles
from news.models import NewsPage

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {
        "reporter": f.member("phongvien", roles.REPORTER),
        "editor": f.member("bientapvien", roles.EDITOR),
        "chief": f.member("truongban", roles.CHIEF_EDITOR),
        "admin": f.member("quantri", roles.ADMINISTRATOR),
    }


def test_the_migration_creates_the_four_roles_with_their_permissions(people):
    reporter, editor, chief, admin = people["reporter"], people["editor"], people["chief"], people["admin"]
    for user in people.values():
        assert user.has_perm("wagtailadmin.access_admin")
    assert reporter.has_perm("directives.view_agency") and not reporter.has_perm("directives.change_agency")
    assert editor.has_perm("directives.change_agency") and not editor.has_perm("directives.delete_agency")
    assert chief.has_perm("directives.delete_agency")
    assert admin.has_perm("auth.change_user") and not chief.has_perm("auth.change_user")

    def page_permissions(group_name):
        group = Group.objects.get(name=group_name)
        return sorted(p.permission.codename for p in group.page_permissions.select_related("permission"))

    assert page_permissions(roles.REPORTER) == ["add_page"]
    assert "publish_page" not in page_permissions(roles.EDITOR)
    assert "publish_page" in page_permissions(roles.CHIEF_EDITOR)
    assert "publish_page" in page_permissions(roles.ADMINISTRATOR)


def test_the_review_workflow_has_two_steps_for_the_two_approving_groups():
    workflow = roles.ensure_review_workflow(apps)
    steps = [(task.name, [g.name for g in task.specific.groups.all()]) for task in workflow.tasks]
    assert steps == [(roles.EDITOR_STEP, [roles.EDITOR]), (roles.CHIEF_STEP, [roles.CHIEF_EDITOR])]
    assert roles.ensure_review_workflow(apps).pk == workflow.pk  # idempotent
    roles.ensure_roles(apps)  # idempotent too: no duplicate permission rows
    assert Group.objects.filter(name=roles.REPORTER).count() == 1


def test_news_directives_and_legal_documents_go_through_review_but_tasks_do_not():
    for page in (f.news(), f.directive(), f.legal_document()):
        assert page.get_workflow().name == roles.REVIEW_WORKFLOW
    assert f.task().get_workflow().name != roles.REVIEW_WORKFLOW
    # assigning again changes nothing
    assert roles.assign_review_workflow(apps) == 0
    assert WorkflowPage.objects.filter(workflow__name=roles.REVIEW_WORKFLOW).count() == 3


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("news", "newspage", parent.pk))


def approve(client, page) -> str:
    """Approve the page's current step as the logged-in user; the step's name afterwards."""
    page = Page.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk))
    response = client.post(url, {"comment": "Đồng ý"})
    assert response.status_code == 302
    return response


def refused(client, page) -> bool:
    """Approving as the logged-in user is refused (Wagtail redirects to the dashboard with an
    error) and leaves the workflow where it was."""
    before = Page.objects.get(pk=page.pk).current_workflow_task_state
    response = approve(client, page)
    after = Page.objects.get(pk=page.pk).current_workflow_task_state
    return response.url == reverse("wagtailadmin_home") and after == before and after.status == "in_progress"


def test_submit_approve_approve_then_live(client, people):
    category = f.news_index()
    client.force_login(people["reporter"])
    form = f.news_form("Hội nghị triển khai nhiệm vụ năm 2027", **{"action-submit": "1"})
    response = client.post(add_url(category), form)
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.get(title="Hội nghị triển khai nhiệm vụ năm 2027")
    assert not page.live and page.owner == people["reporter"]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == roles.EDITOR_STEP

    # the chief cannot skip the first step: it is not their task
    client.force_login(people["chief"])
    assert refused(client, page)

    client.force_login(people["editor"])
    approve(client, page)
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(pk=state.pk).current_task_state.task.name == roles.CHIEF_STEP

    client.force_login(people["chief"])
    approve(client, page)
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200


def test_a_reporter_cannot_publish(client, people):
    category = f.news_index()
    reporter = people["reporter"]
    client.force_login(reporter)
    edit_form = client.get(add_url(category)).content.decode()
    assert 'name="action-submit"' in edit_form
    assert 'name="action-publish"' not in edit_form

    # a hand-made "publish" request saves a draft, nothing goes live
    response = client.post(add_url(category), f.news_form("Tin chưa được duyệt", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = NewsPage.objects.get(title="Tin chưa được duyệt")
    assert not page.live
    assert not page.permissions_for_user(reporter).can_publish()

    # nor can a reporter approve a workflow step
    client.post(add_url(category), f.news_form("Tin gửi duyệt", **{"action-submit": "1"}))
    submitted = NewsPage.objects.get(title="Tin gửi duyệt")
    assert refused(client, submitted)
    submitted.refresh_from_db()
    assert not submitted.live


def test_an_editor_may_edit_anyones_draft_but_not_publish(people):
    page = f.news(live=False, owner=people["reporter"])
    editor_perms = page.permissions_for_user(people["editor"])
    assert editor_perms.can_edit() and not editor_perms.can_publish()
    assert page.permissions_for_user(people["chief"]).can_publish()
    other = f.news(live=False, owner=people["editor"])
    assert not other.permissions_for_user(people["reporter"]).can_edit()


def test_an_approved_item_with_a_publication_time_goes_live_when_publish_scheduled_runs(client, people):
    category = f.news_index()
    go_live = timezone.localtime() + timedelta(hours=2)
    client.force_login(people["reporter"])
    form = f.news_form("Thông báo lịch tiếp công dân tháng 12", **{"action-submit": "1"})
    form["go_live_at"] = go_live.strftime("%d/%m/%Y %H:%M")  # WAGTAIL_DATETIME_FORMAT
    assert client.post(add_url(category), form).status_code == 302
    page = NewsPage.objects.get(title="Thông báo lịch tiếp công dân tháng 12")
    for approver in ("editor", "chief"):
        client.force_login(people[approver])
        approve(client, page)
    page.refresh_from_db()
    revision = page.latest_revision
    assert not page.live and revision.approved_go_live_at is not None  # approved, waiting for its time

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet

    later = timezone.now() + timedelta(hours=2, minutes=5)  # the time has come
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
