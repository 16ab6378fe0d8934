"""HR assigns a course to a team or a list of e-mails with a due date; learners see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from factories import UserFactory
from helpers import signed_in, soup
from reports_helpers import enrol

from courses.models import Assignment, Enrolment
from reports.forms import emails_from_text


@pytest.fixture
def due():
    return timezone.localdate() + timedelta(days=10)


@pytest.fixture
def store_people(org_a, store, support):
    return {
        "in_store": [
            UserFactory(organisation=org_a, team=store, email=f"s{n}@acme.example")
            for n in range(3)
        ],
        "elsewhere": UserFactory(organisation=org_a, team=support, email="x@acme.example"),
        "left": UserFactory(
            organisation=org_a, team=store, email="gone@acme.example", is_active=False
        ),
    }


def assign(client, **data):
    return client.post(reverse("reports:assign"), data, follow=True)


def test_assigning_a_course_to_a_whole_team(hr, hr_client, course, store, store_people, due):
    response = assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk)

    assert response.status_code == 200
    assert "Assigned to 3 people." in response.content.decode()
    assignment = Assignment.objects.get()
    assert (assignment.team, assignment.due_date, assignment.assigned_by) == (store, due, hr)
    assert assignment.learner_count == 3
    enrolments = Enrolment.objects.filter(course=course)
    assert {e.user for e in enrolments} == set(store_people["in_store"])
    assert all(
        e.due_date == due and e.assigned_at and e.assignment == assignment for e in enrolments
    )
    assert response.redirect_chain[-1][0] == reverse("reports:assignment", args=[assignment.pk])


def test_people_who_join_the_team_later_get_its_courses(
    org_a, hr_client, course, store, support, store_people, due, django_capture_on_commit_callbacks
):
    from django.core import mail

    from people.services import user_join_organisation

    with django_capture_on_commit_callbacks(execute=True):
        assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk, notify="on")
    mail.outbox.clear()
    assignment = Assignment.objects.get()

    # A newcomer joins the organisation straight into the team; a colleague moves team.
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = user_join_organisation(
            user=UserFactory(organisation=None, email="new@acme.example"),
            organisation=org_a,
            team=store,
        )
        mover = store_people["elsewhere"]
        mover.team = store
        mover.save()

    for person in (newcomer, mover):
        enrolment = Enrolment.objects.get(user=person, course=course)
        assert (enrolment.due_date, enrolment.assignment) == (due, assignment)
    assignment.refresh_from_db()
    assert assignment.learner_count == 5
    assert sorted(m.to[0] for m in mail.outbox) == ["new@acme.example", "x@acme.example"]
    page = signed_in(newcomer).get(reverse("courses:learn")).content.decode()
    assert course.title in page and "Due" in page

    # Moving away and back again sends nothing twice and moves no date.
    with django_capture_on_commit_callbacks(execute=True):
        mover.team = support
        mover.save()
        mover.team = store
        mover.save()
    assert len(mail.outbox) == 2


def test_a_team_assignment_past_its_due_date_is_not_given_to_newcomers(org_a, course, store, hr):
    from reports.services import assignment_create

    assignment_create(
        organisation=org_a,
        course=course,
        due_date=timezone.localdate() - timedelta(days=1),
        assigned_by=hr,
        team=store,
    )

    newcomer = UserFactory(organisation=org_a, team=store)

    assert not Enrolment.objects.filter(user=newcomer).exists()


def test_a_newcomers_own_due_date_and_finished_course_are_kept(org_a, course, store, hr, due):
    from reports.services import assignment_create

    assignment_create(organisation=org_a, course=course, due_date=due, assigned_by=hr, team=store)
    own_date = UserFactory(organisation=org_a)
    enrol(own_date, course, state="in_progress", due=due + timedelta(days=30))
    finished = UserFactory(organisation=org_a)
    enrol(finished, course, state="completed", assigned=False)

    for person in (own_date, finished):
        person.team = store
        person.save()

    assert Enrolment.objects.get(user=own_date).due_date == due + timedelta(days=30)
    assert Enrolment.objects.get(user=finished).due_date is None


def test_people_already_enrolled_keep_their_progress(hr_client, course, store, store_people, due):
    first = store_people["in_store"][0]
    earlier = enrol(first, course, state="in_progress", assigned=False)

    response = assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk)

    assert "1 was already enrolled and keeps their progress." in response.content.decode()
    earlier.refresh_from_db()
    assert earlier.due_date == due and earlier.started_at is not None
    assert earlier.module_progress.count() == 1
    assert Enrolment.objects.filter(course=course).count() == 3


def test_assigning_by_csv_lists_unknown_addresses_and_assigns_the_rest(
    hr_client, course, store_people, learner_b, due
):
    upload = SimpleUploadedFile(
        "people.csv",
        (
            b"Name,Email\n"
            b"Sam,S0@ACME.example\n"  # known, any case
            b"Sid,s1@acme.example\n"
            b"Sid again,s1@acme.example\n"  # repeated: once
            b"Ben,ben@bolt.example\n"  # another organisation's person: unknown
            b"Nobody,nobody@acme.example\n"  # unknown
            b"Typo,not-an-address\n"  # not an address
            b"Gone,gone@acme.example\n"  # no longer active: unknown
        ),
        content_type="text/csv",
    )
    response = assign(hr_client, course=course.pk, due_date=due.isoformat(), emails_file=upload)

    assignment = Assignment.objects.get()
    assert assignment.team is None and assignment.learner_count == 2
    assigned = set(Enrolment.objects.filter(course=course).values_list("user__email", flat=True))
    assert assigned == {"s0@acme.example", "s1@acme.example"}
    assert not learner_b.enrolments.exists()
    listed = [li.get_text(strip=True) for li in soup(response).select(".hr-unknown__list li")]
    assert listed == [
        "ben@bolt.example",
        "gone@acme.example",
        "nobody@acme.example",
        "not-an-address",
    ]
    assert "4 entries matched nobody" in response.content.decode()


def test_a_team_and_pasted_addresses_together(hr_client, course, store, store_people, due):
    assign(
        hr_client,
        course=course.pk,
        due_date=due.isoformat(),
        team=store.pk,
        emails="x@acme.example, s0@acme.example",
    )
    assert Assignment.objects.get().learner_count == 4
    assert Enrolment.objects.filter(course=course).count() == 4


def test_pasted_addresses_and_a_csv_with_a_header_together(hr_client, course, store_people, due):
    upload = SimpleUploadedFile(
        "people.csv", b"Name,Email\nSid,s1@acme.example\n", content_type="text/csv"
    )
    response = assign(
        hr_client,
        course=course.pk,
        due_date=due.isoformat(),
        emails="s0@acme.example\ns1@acme.example",
        emails_file=upload,
    )

    assert Assignment.objects.get().learner_count == 2
    assert not soup(response).select(".hr-unknown__list li")  # the file's header is no entry


@pytest.mark.parametrize(
    ("text", "emails", "invalid"),
    [
        ("a@x.org\nb@x.org", ["a@x.org", "b@x.org"], []),
        ("a@x.org, b@x.org; c@x.org", ["a@x.org", "b@x.org", "c@x.org"], []),
        ("email\na@x.org\n\n", ["a@x.org"], []),
        ("id;E-mail address\n1;a@x.org\n2;b@x.org", ["a@x.org", "b@x.org"], []),
        ("Name,E-mail address\nAsha,a@x.org\nBo,\n", ["a@x.org"], ["Bo"]),
        ("Name\tmail\nAsha\ta@x.org\n", ["a@x.org"], []),
        ("Asha Rao,a@x.org\nNo address here", ["a@x.org"], ["No address here"]),
        ("\ufeffemail\r\nA@X.org\r\n", ["a@x.org"], []),
    ],
)
def test_reading_addresses(text, emails, invalid):
    assert emails_from_text(text) == (emails, invalid)


def test_nothing_to_assign_is_refused(hr_client, course, due):
    response = assign(hr_client, course=course.pk, due_date=due.isoformat())
    assert "Choose a team, or give at least one e-mail address." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_date_in_the_past_is_refused(hr_client, course, store, store_people):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = assign(hr_client, course=course.pk, due_date=yesterday.isoformat(), team=store.pk)
    assert "Choose today or a later date." in response.content.decode()
    assert not Enrolment.objects.exists()


def test_a_course_limited_to_another_organisation_is_not_offered(
    hr_client, make_course, org_b, store, store_people, due
):
    theirs = make_course(modules=1, organisations=[org_b], title="Bolt only")
    page = hr_client.get(reverse("reports:assign")).content.decode()
    assert "Bolt only" not in page
    response = assign(hr_client, course=theirs.pk, due_date=due.isoformat(), team=store.pk)
    assert "Select a valid choice" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_learners_see_the_assigned_course_with_its_due_date(
    hr_client, course, store, store_people, due
):
    assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk)
    learner = store_people["in_store"][0]

    page = soup(signed_in(learner).get(reverse("courses:learn")))

    card = page.select_one(".card")
    text = " ".join(card.get_text(" ").split())
    assert course.title in text
    assert f"Due {due.day} {due.strftime('%b %Y')}" in text
    assert "Assigned to you by your organisation" in text


def test_overdue_is_shown_clearly_and_first(learner, learner_client, course, make_course):
    later = make_course(modules=1, title="Later course", slug="later-course")
    enrol(learner, later, due=timezone.localdate() + timedelta(days=20))
    enrol(learner, course, state="in_progress", due=timezone.localdate() - timedelta(days=3))

    page = soup(learner_client.get(reverse("courses:learn")))

    first = page.select(".card")[0]
    assert "card--overdue" in first["class"]
    assert course.title in first.get_text()
    assert "Overdue: was due" in first.select_one(".badge--overdue").get_text()


def test_the_demo_assigns_the_course_to_a_team_once(demo):
    call_command("seed_demo", verbosity=0)  # seeded again

    assignment = Assignment.objects.get()
    assert assignment.team.name == "Store floor"
    assert assignment.due_date > timezone.localdate()
    members = set(assignment.team.members.values_list("pk", flat=True))
    assert (
        members
        and set(Enrolment.objects.filter(assignment=assignment).values_list("user_id", flat=True))
        == members
    )


# --- telling people ------------------------------------------------------------------------------


def test_assigning_can_email_each_person_once(
    hr_client, course, store, store_people, due, mailoutbox, django_capture_on_commit_callbacks
):
    done = store_people["in_store"][0]
    enrol(done, course, state="completed", assigned=False)

    with django_capture_on_commit_callbacks(execute=True):
        response = assign(
            hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk, notify="on"
        )

    assert "E-mails are on their way to 2 people." in response.content.decode()
    to_tell = {user.email for user in store_people["in_store"][1:]}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(to_tell)  # not the one who finished
    message = mailoutbox[0]
    date_text = f"{due.day} {due:%b %Y}"
    assert message.subject == f"New course for you: “{course.title}”, due on {date_text}"
    assert "Your organisation has asked you to take the course" in message.body
    assert "Start here: http" in message.body

    # The same assignment again (a second click, or the task re-run): nobody hears twice.
    with django_capture_on_commit_callbacks(execute=True):
        assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk, notify="on")
    assert len(mailoutbox) == 2
    # A new due date is news.
    later = due + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        assign(hr_client, course=course.pk, due_date=later.isoformat(), team=store.pk, notify="on")
    assert len(mailoutbox) == 4


def test_without_the_tick_nobody_is_emailed(
    hr_client, course, store, store_people, due, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = assign(hr_client, course=course.pk, due_date=due.isoformat(), team=store.pk)

    assert "Assigned to 3 people." in response.content.decode()
    assert "E-mail" not in response.content.decode().split("Assigned to 3 people.")[1][:80]
    assert mailoutbox == []


def test_the_form_offers_the_email_ticked(hr_client):
    page = soup(hr_client.get(reverse("reports:assign")))

    box = page.select_one("input[name=notify]")
    assert box is not None and box.has_attr("checked")
    assert page.select_one(f"label[for={box['id']}]").get_text(strip=True)


def test_a_refusing_mail_server_keeps_the_assignment_and_the_daily_run_sends_later(
    hr, org_a, course, store, store_people, due, mailoutbox, monkeypatch
):
    from django.core.mail import EmailMessage

    from reports.services import assignment_create, assignment_notify

    outcome = assignment_create(
        organisation=org_a, course=course, due_date=due, assigned_by=hr, team=store, notify=True
    )
    real_send = EmailMessage.send

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    failed = assignment_notify(assignment_id=outcome.assignment.pk)
    monkeypatch.setattr(EmailMessage, "send", real_send)
    call_command("send_reminders")  # the daily run picks up what was not sent
    call_command("send_reminders")

    assert (failed.sent, failed.failed) == (0, 3)
    assert Enrolment.objects.filter(assignment=outcome.assignment).count() == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in store_people["in_store"])
    assert all(m.subject.startswith("New course for you") for m in mailoutbox)


def test_someone_reactivated_in_the_team_gets_its_courses(org_a, course, store, hr, due):
    from reports.services import assignment_create

    away = UserFactory(organisation=org_a, team=store, is_active=False)
    assignment_create(organisation=org_a, course=course, due_date=due, assigned_by=hr, team=store)
    assert not Enrolment.objects.filter(user=away).exists()  # inactive when it was assigned

    away.is_active = True
    away.save()

    assert Enrolment.objects.get(user=away, course=course).due_date == due


def test_a_failure_to_follow_the_team_never_breaks_saving_the_person(
    org_a, course, store, hr, due, monkeypatch, caplog
):
    from reports import services
    from reports.services import assignment_create

    assignment_create(organisation=org_a, course=course, due_date=due, assigned_by=hr, team=store)

    def broken(**kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr(services, "team_assignments_follow", broken)
    mover = UserFactory(organisation=org_a)
    mover.team = store
    mover.save()  # no exception

    mover.refresh_from_db()
    assert mover.team == store
    assert "team assignments not applied" in caplog.text
