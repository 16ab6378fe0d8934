"""A coach's private notes: only the coach who wrote them can read them."""

from __future__ import annotations

import pytest
from coaching_helpers import text_of, write_reply
from helpers import signed_in

from coaching.models import CoachNote

SECRET = "Seemed tired; talk about the night shifts next time."


@pytest.fixture
def note(cohort, coach, learner):
    return CoachNote.objects.create(
        coach=coach, learner=learner, session_on="2026-03-02", body=SECRET
    )


def test_a_coach_writes_a_dated_note_and_reads_it_on_the_learners_page(
    cohort, coach_client, learner
):
    response = coach_client.post(
        f"/coach/learners/{learner.pk}/notes/", {"session_on": "2026-03-02", "body": SECRET}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/coach/learners/{learner.pk}/#notes"
    page = text_of(coach_client.get(f"/coach/learners/{learner.pk}/"))
    assert SECRET in page
    assert "2 Mar 2026" in page
    assert "Only you can read these" in page


def test_an_empty_note_is_refused(cohort, coach_client, learner):
    response = coach_client.post(
        f"/coach/learners/{learner.pk}/notes/", {"session_on": "2026-03-02", "body": "   "}
    )

    assert response.status_code == 400
    assert not CoachNote.objects.exists()


def test_another_coach_of_the_same_cohort_never_sees_the_note(note, cohort, other_coach, learner):
    cohort.coaches.add(other_coach)
    client = signed_in(other_coach)

    page = client.get(f"/coach/learners/{learner.pk}/")

    assert page.status_code == 200  # they coach the learner too...
    assert SECRET not in page.content.decode()  # ...but the note is not theirs
    assert client.get(f"/coach/learners/{learner.pk}/notes/{note.pk}/").status_code == 404
    response = client.post(f"/coach/learners/{learner.pk}/notes/{note.pk}/delete/")
    assert response.status_code == 404
    response = client.post(
        f"/coach/learners/{learner.pk}/notes/{note.pk}/",
        {"session_on": "2026-03-03", "body": "Overwritten"},
    )
    assert response.status_code == 404
    note.refresh_from_db()
    assert note.body == SECRET


def test_the_learner_never_sees_the_note(note, learner, module, scenario):
    write_reply(learner, module, scenario)
    client = signed_in(learner)
    attempt_id = learner.roleplay_attempts.get().pk

    for url in ("/learn/", "/coach/me/", "/learn/attitude/", f"/learn/attempts/{attempt_id}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode(), url
    assert client.get(f"/coach/learners/{learner.pk}/").status_code == 404
    assert client.get(f"/coach/learners/{learner.pk}/notes/{note.pk}/").status_code == 404


@pytest.mark.parametrize("who", ["hr_a", "admin", "other_coach", "colleague"])
def test_hr_admins_and_others_never_reach_the_note(request, who, note, learner, cohort_b):
    client = signed_in(request.getfixturevalue(who))

    for url in (
        f"/coach/learners/{learner.pk}/",
        f"/coach/learners/{learner.pk}/notes/{note.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/coach/learners/{learner.pk}/notes/{note.pk}/delete/").status_code == 404
    # Not in the Wagtail admin either, under any name.
    if who in ("hr_a", "admin"):
        admin_home = client.get("/admin/")
        assert admin_home.status_code == 200
        assert SECRET not in admin_home.content.decode()
        assert client.get("/admin/coaching/coachnote/").status_code == 404
    assert CoachNote.objects.get(pk=note.pk).body == SECRET


def test_the_coach_edits_and_deletes_their_own_note(note, coach_client, learner):
    url = f"/coach/learners/{learner.pk}/notes/{note.pk}/"
    assert SECRET in coach_client.get(url).content.decode()

    response = coach_client.post(url, {"session_on": "2026-03-09", "body": "Better this week."})

    assert response.status_code == 302
    note.refresh_from_db()
    assert (str(note.session_on), note.body) == ("2026-03-09", "Better this week.")
    assert coach_client.post(f"{url}delete/").status_code == 302
    assert not CoachNote.objects.exists()


def test_a_coach_cannot_write_notes_about_someone_outside_their_cohorts(
    cohort, coach_client, colleague, learner_b
):
    for person in (colleague, learner_b):
        response = coach_client.post(
            f"/coach/learners/{person.pk}/notes/", {"session_on": "2026-03-02", "body": "x"}
        )
        assert response.status_code == 404
    assert not CoachNote.objects.exists()


def test_a_learner_who_leaves_the_organisation_is_walled_off(note, coach_client, learner, org_b):
    learner.organisation = org_b
    learner.save(update_fields=["organisation"])

    assert coach_client.get(f"/coach/learners/{learner.pk}/").status_code == 404


# --- reading private notes is on the audit trail -------------------------------------------------


def test_opening_private_notes_is_on_the_audit_trail(note, coach, coach_client, learner):
    from people.models import AuditAction, AuditEvent

    coach_client.get(f"/coach/learners/{learner.pk}/")
    coach_client.get(f"/coach/learners/{learner.pk}/notes/{note.pk}/")

    page, edit = AuditEvent.objects.filter(action=AuditAction.PRIVATE_NOTE_VIEW).order_by("pk")
    assert (page.actor, page.organisation) == (coach, learner.organisation)
    assert page.details == {"learner": learner.email, "notes": [note.pk]}
    assert (edit.target_type, edit.target_id) == ("coaching.coachnote", str(note.pk))
    # The trail says whose notes were read, never what they say.
    assert SECRET not in str(page.details) + page.target_label + edit.target_label


def test_a_learner_page_without_notes_writes_nothing(cohort, other_coach, learner, note):
    from people.models import AuditAction, AuditEvent

    cohort.coaches.add(other_coach)

    signed_in(other_coach).get(f"/coach/learners/{learner.pk}/")

    assert not AuditEvent.objects.filter(action=AuditAction.PRIVATE_NOTE_VIEW).exists()
