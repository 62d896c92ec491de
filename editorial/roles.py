"""The editorial board's roles and its two-step approval workflow (docs/editorial.md).

Everything here takes an app registry (``apps``) so that the data migration (historical models)
and the running site (``django.apps.apps``) share one definition:

- ``ensure_roles(apps)``: the four groups with their permissions (admin access, pages under the
  root page, images and documents in the root collection, snippets), created or completed;
- ``ensure_review_workflow(apps)``: the workflow "Duyệt tin bài" — Biên tập viên approve, then
  Trưởng Ban Biên tập approve (which publishes);
- ``assign_review_workflow(apps, page_ids)``: the workflow on the section index pages of news,
  directives and legal documents (it applies to every page below them).

Group names are data (shown as stored), so they are written in Vietnamese here.
"""

from dataclasses import dataclass, field

REPORTER = "Cộng tác viên / Phóng viên"
EDITOR = "Biên tập viên"
CHIEF_EDITOR = "Trưởng Ban Biên tập"
ADMINISTRATOR = "Quản trị"

REVIEW_WORKFLOW = "Duyệt tin bài"
EDITOR_STEP = "Biên tập viên duyệt"
CHIEF_STEP = "Trưởng Ban Biên tập duyệt"

#: Section index pages whose content goes through the review workflow: app_label.model.
REVIEWED_SECTIONS = (
    "news.newsindexpage",
    "directives.directiveindexpage",
    "directives.legaldocumentindexpage",
)

ALL_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
TAXONOMY = ("agency", "official", "documenttype", "field")


def _snippets(*actions: str) -> set[str]:
    return {f"directives.{action}_{model}" for model in TAXONOMY for action in actions}


def _royalty(*actions: str, models=("royalty",)) -> set[str]:
    return {f"editorial.{action}_{model}" for model in models for action in actions}


_RATES = ("royaltyscheme", "basesalary")


@dataclass(frozen=True)
class Role:
    name: str
    #: Wagtail page permission types granted on the root page (so on every page).
    page: tuple[str, ...]
    #: Image/document permissions granted on the root collection ("app_label.codename").
    collection: frozenset[str]
    #: Model permissions ("app_label.codename"); ``everything`` grants every permission there is.
    model: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False


_MEDIA_USE = {"wagtailimages.add_image", "wagtailimages.choose_image", "wagtaildocs.add_document"}
_MEDIA_USE |= {"wagtaildocs.choose_document"}
_MEDIA_EDIT = _MEDIA_USE | {"wagtailimages.change_image", "wagtaildocs.change_document"}
_MEDIA_ALL = _MEDIA_EDIT | {"wagtailimages.delete_image", "wagtaildocs.delete_document"}
_MEDIA_ALL |= {"wagtailcore.add_collection", "wagtailcore.change_collection", "wagtailcore.delete_collection"}
_ADMIN = {"wagtailadmin.access_admin"}

ROLES = (
    # Writes and submits; edits only what it wrote; may pick (not edit) agencies, officials…
    Role(REPORTER, ("add",), frozenset(_MEDIA_USE), frozenset(_ADMIN | _snippets("view"))),
    # Edits anyone's pages and approves the first step; keeps the taxonomy up to date.
    Role(
        EDITOR,
        ("add", "change", "lock"),
        frozenset(_MEDIA_EDIT),
        # … and proposes royalties (nhuận bút), which the chief approves.
        frozenset(
            _ADMIN
            | _snippets("view", "add", "change")
            | _royalty("view", "add", "change")
            | _royalty("view", models=_RATES)
        ),
    ),
    # Final approval: publishes, unpublishes, deletes, unlocks.
    Role(
        CHIEF_EDITOR,
        ALL_PAGE_PERMISSIONS,
        frozenset(_MEDIA_ALL),
        frozenset(
            _ADMIN
            | _snippets("view", "add", "change", "delete")
            | _royalty("view", "add", "change", "delete", "approve", "pay")
            | _royalty("view", "add", "change", models=_RATES)
        ),
    ),
    Role(ADMINISTRATOR, ALL_PAGE_PERMISSIONS, frozenset(_MEDIA_ALL), everything=True),
)


def _permission(apps, dotted: str):
    """The permission ``app_label.codename``; None if its model does not exist yet at this point
    of the migrations (a later migration grants it by calling ``ensure_roles`` again)."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        try:
            apps.get_model(app_label, codename.rsplit("_", 1)[1])
        except LookupError:
            return None
        raise


def create_missing_permissions(apps) -> None:
    """Model permissions are normally created after ``migrate`` (post_migrate); a data migration
    that grants them must create them first."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True  # historical apps have no models module
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def ensure_roles(apps) -> dict[str, object]:
    """The four groups, each given (at least) its permissions; returns them by name."""
    create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    groups = {}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        groups[role.name] = group
        for kind in role.page:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{kind}_page")
            )
        for dotted in sorted(role.collection):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )
        if role.everything:
            wanted = Permission.objects.all()
        else:
            wanted = [p for p in (_permission(apps, d) for d in sorted(role.model)) if p is not None]
        group.permissions.add(*wanted)
    return groups


def ensure_review_workflow(apps):
    """The workflow "Duyệt tin bài" with its two group-approval steps (created once, kept)."""
    groups = ensure_roles(apps)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW, defaults={"active": True})
    if created:
        for order, (step, group_name) in enumerate(((EDITOR_STEP, EDITOR), (CHIEF_STEP, CHIEF_EDITOR))):
            task = GroupApprovalTask.objects.create(name=step, content_type=task_type, active=True)
            task.groups.set([groups[group_name]])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def assign_review_workflow(apps, page_ids=None, sections=REVIEWED_SECTIONS) -> int:
    """Put the review workflow on the reviewed section index pages (all, or those of
    ``page_ids``) that have no workflow of their own; returns how many were assigned.
    ``sections``: the index page models ("app_label.model"; an app above registers its own with
    ``editorial.signals.review_section``)."""
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = [
        ContentType.objects.get_or_create(app_label=label, model=model)[0]
        for label, model in (name.split(".") for name in sections)
    ]
    pages = Page.objects.filter(content_type__in=types).exclude(pk__in=WorkflowPage.objects.values("page_id"))
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    pages = list(pages)
    if not pages:
        return 0
    workflow = ensure_review_workflow(apps)
    WorkflowPage.objects.bulk_create([WorkflowPage(page=page, workflow=workflow) for page in pages])
    return len(pages)
