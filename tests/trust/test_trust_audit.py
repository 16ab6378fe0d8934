"""The audit trail: certificates issued and revoked, roles changed, people deactivated;
read by platform admins only, in the Wagtail admin."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import formats, timezone
from factories import OrganisationFactory, TeamFactory, UserFactory
from helpers import complete_course, queries_to_get, signed_in, soup

from certificates.models import Certificate
from certificates.services import certificate_issue
from courses.models import Assignment
from people.audit import audit_record
from people.audit_details import audit_details_texts
from people.models import AuditAction, AuditEvent
from people.roles import Role
from people.services import user_add_role, user_set_roles

TRAIL_URL = "/admin/reports/audit-trail/"


@pytest.fixture
def hr(org_a):
    return UserFactory(organisation=org_a, email="hema@acme.example", roles=[Role.HR])


@pytest.fixture
def platform_admin():
    return UserFactory(organisation=None, email="root@example.org", roles=[Role.PLATFORM_ADMIN])


def events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


# --- what is recorded ---------------------------------------------------------------------------


def test_hr_issuing_a_certificate_is_recorded_with_who_and_for_whom(hr, learner, course):
    response = signed_in(hr).post(
        "/certificates/manage/issue/",
        {"email": learner.email, "course": course.pk, "completed_on": timezone.localdate()},
    )

    assert response.status_code == 302
    certificate = Certificate.objects.get(user=learner)
    [event] = events(AuditAction.CERTIFICATE_ISSUE)
    assert event.actor == hr
    assert event.actor_label == hr.email
    assert event.organisation == learner.organisation
    assert (event.target_type, event.target_id) == ("certificates.certificate", str(certificate.pk))
    assert event.details == {"course": course.title, "automatic": False}
    assert event.ip_address == "127.0.0.1"


def test_a_certificate_issued_on_completion_is_recorded_as_automatic(
    learner, learner_client, course
):
    complete_course(learner_client, course)

    [event] = events(AuditAction.CERTIFICATE_ISSUE)
    assert event.actor is None
    assert event.details["automatic"] is True
    assert event.organisation == learner.organisation


def test_revoking_is_recorded_with_the_reason(hr, learner, course):
    certificate = certificate_issue(user=learner, course=course)

    response = signed_in(hr).post(
        f"/certificates/manage/{certificate.code}/revoke/", {"reason": "Issued by mistake"}
    )

    assert response.status_code == 302
    [event] = events(AuditAction.CERTIFICATE_REVOKE)
    assert event.actor == hr
    assert event.details == {"reason": "Issued by mistake"}
    assert event.target_label == str(certificate)


def test_role_changes_are_recorded_once_each(learner):
    before = AuditEvent.objects.count()

    user_set_roles(user=learner, roles=[Role.LEARNER, Role.COACH])
    user_set_roles(user=learner, roles=[Role.LEARNER, Role.COACH])  # no change: no event
    user_set_roles(user=learner, roles=[Role.LEARNER])
    user_add_role(user=learner, role=Role.LEARNER)  # held already: no event

    recorded = list(AuditEvent.objects.order_by("pk")[before:].values("action", "details"))
    assert recorded == [
        {"action": "role_change", "details": {"added": ["Coaches"]}},
        {"action": "role_change", "details": {"removed": ["Coaches"]}},
    ]


def test_a_role_given_in_the_wagtail_admin_names_the_admin(learner, platform_admin):
    hr_group = Group.objects.get(name=Role.HR.value)
    client = signed_in(platform_admin)
    # Wagtail's bulk action "Assign role" adds the person to the group from the group's side.
    response = client.post(
        reverse("wagtail_bulk_action", args=["people", "user", "assign_role"])
        + f"?id={learner.pk}&next=/admin/users/",
        {"role": hr_group.pk},
    )

    assert response.status_code == 302
    assert learner.groups.filter(pk=hr_group.pk).exists()
    event = AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE).latest("pk")
    assert event.actor == platform_admin
    assert event.details == {"added": ["HR"]}
    assert event.target_id == str(learner.pk)


def test_other_groups_are_not_roles(learner):
    editors, _created = Group.objects.get_or_create(name="Editors")
    before = AuditEvent.objects.count()

    learner.groups.add(editors)

    assert AuditEvent.objects.count() == before


def test_granting_superuser_is_a_role_change(learner, platform_admin):
    learner.is_superuser = True
    learner.save()

    event = AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE).latest("pk")
    assert event.details == {"superuser": True}


# --- who reads it ---------------------------------------------------------------------------------


def test_platform_admins_read_the_trail_and_filter_it(platform_admin, hr, learner, course):
    certificate = certificate_issue(user=learner, course=course, issued_by=hr)
    client = signed_in(platform_admin)

    everything = client.get(TRAIL_URL)
    issued_only = client.get(TRAIL_URL, {"action": "certificate_issue"})
    revoked_only = client.get(TRAIL_URL, {"action": "certificate_revoke"})

    assert everything.status_code == 200
    assert "Audit trail" in everything.content.decode()
    assert str(certificate) in issued_only.content.decode()
    assert hr.email in issued_only.content.decode()
    assert str(certificate) not in revoked_only.content.decode()


def test_the_reports_menu_lists_the_trail_for_platform_admins_only(platform_admin, hr):
    assert TRAIL_URL in signed_in(platform_admin).get("/admin/").content.decode()
    assert TRAIL_URL not in signed_in(hr).get("/admin/").content.decode()


@pytest.mark.parametrize("role", [Role.HR, Role.COACH, Role.LEARNER])
def test_nobody_else_reads_the_trail(org_a, role):
    person = UserFactory(organisation=org_a, roles=[role])

    response = signed_in(person).get(TRAIL_URL)

    # Wagtail answers a refused admin page by sending the person away (home or sign-in).
    assert response.status_code in (302, 403)
    assert not response.get("Location", "").startswith(TRAIL_URL)
    assert "Audit trail" not in response.content.decode()


def test_the_trail_cannot_be_edited_from_the_admin(platform_admin):
    client = signed_in(platform_admin)

    assert client.post(TRAIL_URL, {"action": "hr_export"}).status_code == 405


def test_the_download_keeps_names_from_becoming_formulas(platform_admin, org_a):
    evil = UserFactory(organisation=org_a, full_name='=HYPERLINK("http://x.example","y")')
    audit_record(actor=platform_admin, action=AuditAction.ROLE_CHANGE, target=evil)

    response = signed_in(platform_admin).get(TRAIL_URL, {"export": "csv"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    labels = [row[5] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x.example","y")' in labels
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows[1:] for cell in row)


# --- details in words ---------------------------------------------------------------------------


def trail_rows(client, **params):
    response = client.get(TRAIL_URL, params)
    assert response.status_code == 200
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup(response).select("table tbody tr")
    ]


def trail_csv(client, **params):
    response = client.get(TRAIL_URL, {"export": "csv", **params})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    return rows


@pytest.fixture
def store_floor(org_a):
    return TeamFactory(organisation=org_a, name="Store floor")


@pytest.fixture
def offered_course(make_course, org_a):
    return make_course(modules=1, title="Customers, not targets", organisations=[org_a])


def test_an_hr_assignment_is_on_the_trail_in_words(
    platform_admin, hr, org_a, store_floor, offered_course
):
    for n in range(2):
        UserFactory(organisation=org_a, team=store_floor, email=f"floor{n}@acme.example")
    due = timezone.localdate() + timedelta(days=21)

    response = signed_in(hr).post(
        reverse("reports:assign"),
        {"course": offered_course.pk, "team": store_floor.pk, "due_date": due.isoformat()},
    )

    assert response.status_code == 302
    assignment = Assignment.objects.get()
    [event] = events(AuditAction.COURSE_ASSIGN)
    assert (event.actor, event.organisation, event.ip_address) == (hr, org_a, "127.0.0.1")
    assert (event.target_type, event.target_id) == ("courses.assignment", str(assignment.pk))
    assert event.details["course"] == offered_course.pk
    assert event.details["team"] == store_floor.pk
    assert event.details["due_date"] == due.isoformat()
    assert event.details["people"] == 2
    words = (
        f"Team: Store floor · Course: Customers, not targets · "
        f"Due: {formats.date_format(due, 'DATE_FORMAT')} · People: 2"
    )
    client = signed_in(platform_admin)
    [row] = trail_rows(client, action="course_assign")
    assert row[1] == "Course assigned"
    assert hr.email in row[2]
    assert row[4] == "Acme Retail"
    assert row[5].startswith(words)
    [line] = trail_csv(client, action="course_assign")
    assert line["Details"].startswith(words)
    assert json.loads(line["Details (JSON)"])["team"] == store_floor.pk


def test_assigning_again_says_whose_due_date_moved(hr, org_a, store_floor, offered_course):
    UserFactory(organisation=org_a, team=store_floor)
    for days in (14, 28):
        signed_in(hr).post(
            reverse("reports:assign"),
            {
                "course": offered_course.pk,
                "team": store_floor.pk,
                "due_date": (timezone.localdate() + timedelta(days=days)).isoformat(),
            },
        )

    first, second = events(AuditAction.COURSE_ASSIGN)
    assert (first.details["enrolled"], first.details["due_date_moved"]) == (1, 0)
    assert (second.details["enrolled"], second.details["due_date_moved"]) == (0, 1)
    [text] = audit_details_texts([second])
    assert "Due date moved for: 1" in text
    assert "Newly enrolled" not in text


def test_an_export_says_its_filters_in_words(
    platform_admin, hr, org_a, store_floor, offered_course
):
    response = signed_in(hr).get(
        reverse("reports:export_csv"), {"team": store_floor.pk, "course": offered_course.pk}
    )
    assert response.status_code == 200

    [row] = trail_rows(signed_in(platform_admin), action="hr_export")
    assert row[5] == "Format: CSV · Filters: Team: Store floor; Course: Customers, not targets"
    assert "{" not in row[5]


def test_names_survive_renaming_and_deleting(
    platform_admin, hr, org_a, store_floor, offered_course
):
    UserFactory(organisation=org_a, team=store_floor)
    signed_in(hr).post(
        reverse("reports:assign"),
        {
            "course": offered_course.pk,
            "team": store_floor.pk,
            "due_date": (timezone.localdate() + timedelta(days=7)).isoformat(),
        },
    )
    offered_course.title = "Renamed"
    offered_course.save()
    store_floor.members.update(team=None)
    store_floor.delete()

    [row] = trail_rows(signed_in(platform_admin), action="course_assign")
    assert "Team: Store floor · Course: Customers, not targets" in row[5]


def test_older_events_with_ids_only_read_names_now(platform_admin, org_a, store_floor, learner):
    gone = TeamFactory(organisation=org_a, name="Closed shop")
    gone_id = gone.pk
    gone.delete()
    # As the trail recorded exports and note views before it kept names: ids and an e-mail.
    AuditEvent.objects.create(
        action=AuditAction.HR_EXPORT,
        organisation=org_a,
        details={"format": "xlsx", "filters": {"team": str(store_floor.pk), "status": ""}},
    )
    AuditEvent.objects.create(
        action=AuditAction.HR_EXPORT, details={"filters": {"team": str(gone_id)}}
    )
    AuditEvent.objects.create(
        action=AuditAction.PRIVATE_NOTE_VIEW,
        details={"learner": learner.email, "notes": [4, 5]},
    )

    rows = trail_rows(signed_in(platform_admin))
    texts = [row[5] for row in rows]
    assert "Format: XLSX · Filters: Team: Store floor" in texts
    assert f"Filters: Team: no longer exists (id {gone_id})" in texts
    assert "Learner: Asha Rao (asha@acme.example) · Notes: 2" in texts
    # No name kept on these rows: the organisation as it is now.
    assert [row[4] for row in rows if "XLSX" in row[5]] == ["Acme Retail"]


def test_roles_and_flags_read_as_words(learner):
    user_set_roles(user=learner, roles=[Role.LEARNER, Role.HR])
    learner.is_superuser = True
    learner.save()

    added, superuser = AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGE).order_by("-pk")[
        :2
    ][::-1]
    assert audit_details_texts([added, superuser]) == ["Roles given: HR", "Superuser: yes"]


def test_the_trail_page_runs_a_fixed_number_of_queries(platform_admin, org_a, offered_course):
    def add_events(count):
        for n in range(count):
            team = TeamFactory(organisation=org_a)
            person = UserFactory(organisation=org_a, team=team)
            audit_record(
                actor=person,
                action=AuditAction.COURSE_ASSIGN,
                organisation=org_a,
                details={"course": offered_course, "team": team, "people": n},
            )
            # Older kind: ids only, names read when the page is shown.
            AuditEvent.objects.create(
                action=AuditAction.HR_EXPORT,
                actor=person,
                organisation=org_a,
                details={"filters": {"team": str(team.pk), "course": offered_course.pk}},
            )
            AuditEvent.objects.create(
                action=AuditAction.PRIVATE_NOTE_VIEW, details={"learner": person.email}
            )

    client = signed_in(platform_admin)
    add_events(2)
    few = queries_to_get(client, TRAIL_URL)
    add_events(15)
    many = queries_to_get(client, TRAIL_URL)

    assert many == few


def test_the_spreadsheet_download_carries_the_details_in_words(platform_admin, org_a, store_floor):
    audit_record(
        actor=platform_admin,
        action=AuditAction.COURSE_ASSIGN,
        organisation=org_a,
        details={"team": store_floor, "people": 3},
    )

    response = signed_in(platform_admin).get(
        TRAIL_URL, {"export": "xlsx", "action": "course_assign"}
    )

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = [[cell.value for cell in line] for line in sheet.iter_rows()]
    record = dict(zip(header, row, strict=True))
    assert record["Details"] == "Team: Store floor · People: 3"
    assert json.loads(record["Details (JSON)"]) == {"team": store_floor.pk, "people": 3}
    assert record["Organisation"] == "Acme Retail"


def test_an_organisation_deleted_since_is_still_named(platform_admin):
    closed = OrganisationFactory(name="Closed Ltd")
    audit_record(actor=platform_admin, action=AuditAction.USER_DELETE, organisation=closed.pk)
    closed.delete()

    [row] = trail_rows(signed_in(platform_admin), action="user_delete")
    assert row[4] == "Closed Ltd"
