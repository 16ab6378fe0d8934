"""One way of writing a date per language, on every page, PDF, e-mail and admin list.

The dates are 3 February (3 < 12, so an all-numeric 03/02 would read two ways) of next year:
far enough ahead that nothing is overdue or "today", whenever the suite runs.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation
from factories import CertificateFactory, TeamFactory, UserFactory
from helpers import signed_in
from pypdf import PdfReader

from assessments.models import Dimension, Questionnaire, QuestionnaireItem, Response
from certificates.rendering import certificate_view, pdf_from_view
from coaching.services import cohort_create, goal_add, note_add
from courses.models import Assignment, Enrolment
from courses.services import enrolment_get_or_create
from people.roles import Role
from reports import selectors as report_selectors
from reports.exports import pdf_summary
from reports.filters import CompletionFilterSet
from reports.models import ExportJob
from reports.services import assignment_create, reminder_message, summary_context

KNOWN = date(timezone.localdate().year + 1, 2, 3)
KNOWN_AT = timezone.make_aware(datetime.combine(KNOWN, time(14, 30)))
SHOWN = f"3 Feb {KNOWN.year}"  # the English format: day, month name, year
SHOWN_AT = f"{SHOWN}, 14:30"

# What must never be shown: an all-numeric date (03/02/2027 is 3 February or 2 March), the
# month first ("Feb. 3, 2027", "February 3, 2027") and ISO, which is for data files only.
NUMERIC = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
MONTH_FIRST = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b")
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def visible_text(html: str) -> str:
    """What a reader sees: text outside tags and attributes (a <time datetime> is for machines)."""
    page = BeautifulSoup(html, "html.parser")
    for hidden in page(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(page.get_text(" ").split())


def assert_one_format(text: str, *expected: str) -> None:
    for shown in expected:
        assert shown in text
    for pattern in (NUMERIC, MONTH_FIRST, ISO):
        assert not pattern.search(text), (pattern.pattern, pattern.search(text).group())


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return visible_text(response.content.decode())


@pytest.fixture
def world(make_course, org_a, learner):
    """A learner of a team with an assignment, a certificate, a cohort, a note, a goal and a
    questionnaire answer, all dated 3 February; the HR person, coach and admin around them."""
    store = TeamFactory(organisation=org_a, name="Store floor")
    learner.team = store
    learner.save()
    hr = UserFactory(organisation=org_a, email="hira@acme.example", roles=[Role.HR])
    coach = UserFactory(organisation=org_a, email="zoe@acme.example", roles=[Role.COACH])
    admin = UserFactory(organisation=None, email="root@example.org", is_superuser=True)
    dimension = Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1)
    questionnaire = Questionnaire(title="Attitude check", scale_points=5)
    questionnaire.items = [
        QuestionnaireItem(statement=f"Statement {n}", dimension=dimension) for n in (1, 2)
    ]
    questionnaire.save()
    questionnaire.save_revision().publish()
    course = make_course(modules=1, organisations=[org_a], title="Customers first")
    course.before_questionnaire = questionnaire
    course.save()

    outcome = assignment_create(
        organisation=org_a, course=course, due_date=KNOWN, assigned_by=hr, team=store
    )
    Assignment.objects.filter(pk=outcome.assignment.pk).update(created_at=KNOWN_AT)
    enrolment_get_or_create(user=learner, course=course)
    Enrolment.objects.filter(user=learner).update(assigned_at=KNOWN_AT, started_at=KNOWN_AT)
    questionnaire.refresh_from_db()
    answer = Response.objects.create(
        user=learner,
        questionnaire=questionnaire,
        revision_id=questionnaire.live_revision_id,
        context_page_id=course.pk,
        phase=Response.BEFORE,
        scale_points=5,
        scores={"empathy": 75},
    )
    Response.objects.filter(pk=answer.pk).update(submitted_at=KNOWN_AT)
    certificate = CertificateFactory(
        user=learner, course=course, completed_on=KNOWN, expires_on=KNOWN + timedelta(days=365)
    )
    cohort = cohort_create(
        name="Spring cohort",
        organisation=org_a,
        starts_on=timezone.localdate() - timedelta(days=7),
        ends_on=KNOWN,
        coaches=[coach],
        learners=[learner],
        courses=[course],
    )
    note_add(coach=coach, learner=learner, session_on=KNOWN, body="Went well.")
    goal_add(learner=learner, actor=coach, text="Greet by name", due_on=KNOWN)
    job = ExportJob.objects.create(
        requester=hr,
        organisation=org_a,
        format="csv",
        filters={"date_field": "due", "date_from": KNOWN.isoformat(), "date_to": None},
        created_at=KNOWN_AT,
        expires_at=KNOWN_AT + timedelta(days=1),
    )
    return {
        "course": course,
        "assignment": outcome.assignment,
        "certificate": certificate,
        "cohort": cohort,
        "job": job,
        "hr": signed_in(hr),
        "coach": signed_in(coach),
        "admin": signed_in(admin),
    }


def test_learner_pages_write_dates_one_way(learner_client, world):
    code = world["certificate"].code
    assert_one_format(page_text(learner_client, reverse("courses:learn")), SHOWN)
    assert_one_format(page_text(learner_client, world["course"].url), SHOWN)
    assert_one_format(page_text(learner_client, reverse("courses:attitude")), SHOWN)
    assert_one_format(page_text(learner_client, reverse("certificates:mine")), SHOWN)
    assert_one_format(page_text(learner_client, reverse("coaching:me")), SHOWN)
    anyone = Client()
    assert_one_format(page_text(anyone, reverse("certificates:verify", args=[code])), SHOWN)


def test_a_hindi_reader_gets_the_hindi_format(learner_client, world):
    response = learner_client.get(reverse("courses:learn"), HTTP_ACCEPT_LANGUAGE="hi")
    assert response.status_code == 200 and response["Content-Language"] == "hi"
    assert_one_format(visible_text(response.content.decode()), f"3 फ़रवरी {KNOWN.year}")


def test_coach_pages_write_dates_one_way(learner, world):
    coach = world["coach"]
    assert_one_format(page_text(coach, reverse("coaching:home")), SHOWN)
    cohort = reverse("coaching:cohort", args=[world["cohort"].pk])
    assert_one_format(page_text(coach, cohort), SHOWN)
    assert_one_format(page_text(coach, reverse("coaching:learner", args=[learner.pk])), SHOWN)


def test_hr_pages_write_dates_one_way(world):
    hr = world["hr"]
    assert_one_format(page_text(hr, reverse("reports:completions")), SHOWN)
    assert_one_format(page_text(hr, reverse("reports:dashboard")))
    assert_one_format(page_text(hr, reverse("reports:assign")), SHOWN)
    assignment = reverse("reports:assignment", args=[world["assignment"].pk])
    assert_one_format(page_text(hr, assignment), SHOWN, SHOWN_AT)
    export = reverse("reports:export_status", args=[world["job"].pk])
    assert_one_format(page_text(hr, export), SHOWN, SHOWN_AT)
    assert_one_format(page_text(hr, reverse("certificates:manage")), SHOWN)


def test_admin_lists_write_dates_one_way(learner, world):
    admin = world["admin"]
    assert_one_format(page_text(admin, reverse("cohorts:index")), SHOWN)
    world["coach"].get(reverse("coaching:learner", args=[learner.pk]))  # reads the note: audited
    response = admin.get(reverse("audit_trail"))
    assert response.status_code == 200
    assert_one_format(visible_text(response.content.decode()), f"({SHOWN})")  # the note's label
    tooltips = [
        tag["data-w-tooltip-content-value"]
        for tag in BeautifulSoup(response.content.decode(), "html.parser").select(
            "[data-w-tooltip-content-value]"
        )
    ]
    assert tooltips
    for tooltip in tooltips:  # "when" as a full date and time, the same format as every page
        assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", tooltip), tooltip


def test_reminder_e_mail_writes_the_due_date_one_way():
    message = reminder_message(
        kind="assigned",
        learner_name="Asha",
        course_title="Customers first",
        course_url="https://learn.example.com/courses/customers-first/",
        due_date=KNOWN,
        today=KNOWN - timedelta(days=20),
        note="",
    )
    assert_one_format(message.subject, SHOWN)
    message_url = "https://learn.example.com"
    assert_one_format(message.text.replace(message_url, ""), SHOWN)
    assert_one_format(visible_text(message.html).replace(message_url, ""), SHOWN)
    assert message_url not in message.subject


def test_a_task_with_no_language_active_writes_dates_the_english_way():
    """The worker renders e-mails and PDFs outside any request: Django's settings decide then."""
    with translation.override(None):
        assert formats.date_format(KNOWN, "DATE_FORMAT") == SHOWN
        assert formats.date_format(KNOWN_AT, "DATETIME_FORMAT") == SHOWN_AT


def pdf_text(content: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
    )


def test_the_certificate_pdf_writes_dates_one_way():
    view = certificate_view(
        template=None,
        learner_name="Asha Rao",
        course_title="Customers first",
        completed_on=KNOWN,
        expires_on=KNOWN + timedelta(days=365),
        code="ABCD-EFGH-JKLM",
    )
    text = pdf_text(pdf_from_view(view))
    assert_one_format(text, SHOWN, f"3 Feb {KNOWN.year + 1}")


def test_the_hr_summary_pdf_writes_dates_one_way(org_a, world):
    filters = CompletionFilterSet.from_values(world["job"].filters, organisation=org_a)
    rows = report_selectors.completion_rows(filters=filters)
    context = summary_context(organisation=org_a, filters=filters, rows=rows, total=rows.count())
    text = pdf_text(pdf_summary(context))
    assert "Customers first" in text
    assert_one_format(text, SHOWN)


def test_the_csv_export_keeps_iso_dates(world):
    response = world["hr"].get(reverse("reports:export_csv"))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(content)) if r["Name"] == "Asha Rao")
    assert row["Due"] == KNOWN.isoformat()
    assert row["Assigned"] == KNOWN.isoformat()


@pytest.mark.parametrize(("language", "month"), [("en", "Feb"), ("hi", "फ़रवरी"), ("mr", "फेब्रुवारी")])
def test_each_language_writes_day_month_name_year(language, month):
    with translation.override(language):
        for name in ("DATE_FORMAT", "SHORT_DATE_FORMAT"):
            assert formats.date_format(KNOWN, name) == f"3 {month} {KNOWN.year}"
        assert formats.date_format(KNOWN_AT, "DATETIME_FORMAT") == f"3 {month} {KNOWN.year}, 14:30"
        assert formats.get_format("DATE_INPUT_FORMATS")[0] == "%Y-%m-%d"  # what forms write


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_reads_what_the_admin_date_pickers_write(language):
    for picker, accepted in (
        (settings.WAGTAIL_DATE_FORMAT, "DATE_INPUT_FORMATS"),
        (settings.WAGTAIL_DATETIME_FORMAT, "DATETIME_INPUT_FORMATS"),
        (settings.WAGTAIL_TIME_FORMAT, "TIME_INPUT_FORMATS"),
    ):
        assert picker in formats.get_format(accepted, lang=language)


def test_time_tag_shows_the_named_format_and_keeps_iso_for_machines():
    rendered = Template('{{ day|time_tag }} {{ at|time_tag:"DATETIME_FORMAT" }}').render(
        Context({"day": KNOWN, "at": KNOWN_AT})
    )
    assert f'<time datetime="{KNOWN.isoformat()}">{SHOWN}</time>' in rendered
    assert f'<time datetime="{KNOWN.isoformat()}T14:30+05:30">{SHOWN_AT}</time>' in rendered
    with pytest.raises(TemplateSyntaxError):
        Template('{{ day|time_tag:"j M Y" }}').render(Context({"day": KNOWN}))


# A date filter with a pattern of its own ("j M Y", "Y-m-d"): a second way of writing dates.
# ISO belongs only inside an attribute (datetime="...", value="...") or a data file.
OWN_PATTERN = re.compile(r"""\|date:["'](?![A-Z_]+_FORMAT["'])([^"']*)["']""")
ATTRIBUTE = re.compile(r"""[\w-]+="[^"]*$""")


def test_no_template_writes_a_date_pattern_of_its_own():
    offenders = []
    for path in sorted(Path(settings.BASE_DIR, "templates").rglob("*")):
        if path.suffix not in {".html", ".txt", ".xml"}:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            for match in OWN_PATTERN.finditer(line):
                in_attribute = ATTRIBUTE.search(line[: match.start()])
                if not (in_attribute and match.group(1) in {"Y-m-d", "c"}):
                    offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{number}")
    assert offenders == []


def test_the_audit_trail_spreadsheet_keeps_iso_dates(world):
    from openpyxl import load_workbook

    response = world["admin"].get(reverse("audit_trail"), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    when = [row[0] for row in sheet.iter_rows(min_row=2) if row[0].value is not None]
    assert when and {cell.number_format for cell in when} == {"yyyy-mm-dd hh:mm:ss"}
