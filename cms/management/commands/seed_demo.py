"""Demo content: an organisation, its people and the anecdote course. Safe to run again."""

from __future__ import annotations

import os
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from assessments.dimensions import shared_dimensions_ensure
from assessments.models import Dimension, Questionnaire
from assessments.selectors import course_response_exists
from assessments.services import questionnaire_publish_from_data, response_submit
from certificates.demo import demo_certificate_template_ensure
from certificates.models import CertificateTemplate
from cms.demo_data import (
    demo_course,
    demo_modules,
    demo_questionnaire,
    demo_scenarios,
)
from cms.demo_translations import LANGUAGES as DEMO_LANGUAGES
from cms.demo_translations import demo_translated, strings_matched, translation_publish
from cms.services import site_home_ensure
from coaching.demo import demo_coaching_ensure
from courses.models import CourseIndexPage, CoursePage, Enrolment, ModulePage
from courses.services import enrolment_get_or_create
from people.links import absolute_url
from people.models import Organisation, OrganisationDomain, Team, User
from people.roles import Role
from people.services import roles_ensure, user_join_organisation, user_set_roles
from reports.demo import demo_assignments
from scenarios.models import Scenario
from scenarios.services import scenario_publish_from_data

DEFAULT_PASSWORD = "touchpoint-demo"  # noqa: S105 - demo sign-in, printed for the user

DEMO_USERS = [
    # email, full name, preferred name, pronunciation, role, team
    (
        "learner@example.com",
        "प्रकाश कुलकर्णी",
        "Prakash",
        "pruh-KAASH kool-KUR-nee",
        Role.LEARNER,
        "Customer support",
    ),
    (
        "coach@example.com",
        "Zoë O'Brien-Ñúñez",
        "Zoë",
        "ZOH-ee oh-BRY-en NYOO-nyez",
        Role.COACH,
        None,
    ),
    ("hr@example.com", "Meera Iyer", "Meera", "MEE-ruh EYE-yer", Role.HR, None),
    ("admin@example.com", "Platform Admin", "", "", Role.PLATFORM_ADMIN, None),
]

DEMO_COLLEAGUES = [
    # full name, team, answer before, answer after (1-5, mirrored on reverse-scored statements)
    ("Anjali Deshmukh", "Customer support", 3, 4),
    ("Rahul Menon", "Customer support", 2, 4),
    ("Fatima Shaikh", "Customer support", 4, 5),
    ("Joseph D'Souza", "Store floor", 3, 3),
    ("Kavita Joshi", "Store floor", 2, 3),
    ("Arjun Reddy", "Store floor", 3, 4),
    ("Neha Bhatt", "Store floor", 4, None),
    # Added later (appended, so colleague1..7 keep their addresses on a re-seed).
    ("Vikram Patil", "Customer support", 3, 4),
    ("Sunita Rao", "Store floor", 3, 4),
    ("Imran Qureshi", "Store floor", 2, 3),
]
DEMO_COLLEAGUE_EMAILS = [f"colleague{n}@example.com" for n in range(1, len(DEMO_COLLEAGUES) + 1)]
COLLEAGUE_LEANINGS = {"ownership": -1, "acknowledgement": 1, "reachability": -1}


class Command(BaseCommand):
    help = "Create the demo organisation, its people and the 'Customers, not targets' course."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD),
            help="Password for the demo accounts (default: %(default)s or $DEMO_PASSWORD).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with production settings (creates well-known demo accounts!).",
        )

    def handle(self, *args, password: str, force: bool, **options):
        if settings.TOUCHPOINT_ENVIRONMENT == "production" and not force:
            raise CommandError(
                "Refusing to create demo accounts with production settings. "
                "Pass --force if you really mean it."
            )
        with transaction.atomic():
            roles_ensure()
            home = site_home_ensure()
            organisation = self._organisation()
            users = self._users(organisation, password)
            self._dimensions()
            questionnaire = self._questionnaire()
            scenarios = self._scenarios()
            course = self._course(home, scenarios)
            if course.before_questionnaire_id is None and course.after_questionnaire_id is None:
                course.before_questionnaire = course.after_questionnaire = questionnaire
                course.save_revision().publish()
            template = demo_certificate_template_ensure(course=course)
            self._translations(course, scenarios, questionnaire, template)
            self._colleagues(organisation, course, questionnaire, password)
            enrolment = enrolment_get_or_create(user=users["learner@example.com"], course=course)
            if enrolment.due_date is None:
                Enrolment.objects.filter(pk=enrolment.pk).update(
                    due_date=timezone.localdate() + timedelta(days=14),
                    assigned_at=timezone.now(),  # as HR would have: the report shows both
                )
            demo_assignments(
                organisation=organisation, course=course, assigned_by=users["hr@example.com"]
            )
            demo_coaching_ensure(
                organisation=organisation,
                coach=users["coach@example.com"],
                learners=[
                    users["learner@example.com"],
                    *User.objects.filter(email__in=DEMO_COLLEAGUE_EMAILS).order_by("email"),
                ],
                course=course,
            )
        modules = ModulePage.objects.child_of(course).count()
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: “{course.title}” with {modules} modules.")
        )
        sign_in = absolute_url(reverse("account_login"))
        self.stdout.write(f"Sign in at {sign_in} with:")
        for email, _name, _p, _s, role, _t in DEMO_USERS:
            self.stdout.write(f"  {role.label:<15} {email:<22} password: {password}")
        self.stdout.write(
            f"  (and {len(DEMO_COLLEAGUES)} colleagues, colleague1..{len(DEMO_COLLEAGUES)}"
            "@example.com, whose answers fill HR's Team attitudes page)"
        )

    def _organisation(self) -> Organisation:
        organisation, _created = Organisation.objects.get_or_create(
            slug="demo", defaults={"name": "Demo Retail & Services"}
        )
        OrganisationDomain.objects.get_or_create(
            domain="example.com", defaults={"organisation": organisation}
        )
        for name in ("Store floor", "Customer support"):
            Team.objects.get_or_create(organisation=organisation, name=name)
        return organisation

    def _colleagues(
        self,
        organisation: Organisation,
        course: CoursePage,
        questionnaire: Questionnaire,
        password: str,
    ) -> None:
        """Colleagues who answered the questionnaire, so HR's aggregates have something to show.

        The organisation: ten before, nine after. The teams: four in Customer support and six
        on the Store floor, so neither can be shown (the other would follow by subtraction)
        until the demo learner, the fifth of Customer support, answers: then both appear.
        """
        items = list(questionnaire.items.select_related("dimension").order_by("sort_order", "pk"))
        slugs = {item.pk: item.dimension.slug for item in items}
        for index, (name, team_name, before, after) in enumerate(DEMO_COLLEAGUES, start=1):
            email = f"colleague{index}@example.com"
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=password, full_name=name)
                team = Team.objects.get(organisation=organisation, name=team_name)
                user_join_organisation(user=user, organisation=organisation, team=team)
                user_set_roles(user=user, roles=[Role.LEARNER])
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            enrolment_get_or_create(user=user, course=course)
            for phase, value in (("before", before), ("after", after)):
                if value is None or course_response_exists(
                    user=user,
                    questionnaire_id=questionnaire.pk,
                    course_id=course.pk,
                    phase=phase,
                ):
                    continue
                # Some attitudes come easier than others; reverse-scored statements get the
                # mirrored answer, as a consistent person would give.
                values = {}
                for item in items:
                    answer = max(1, min(5, value + COLLEAGUE_LEANINGS.get(slugs[item.pk], 0)))
                    values[item.pk] = 6 - answer if item.reverse_scored else answer
                response_submit(
                    user=user,
                    questionnaire=questionnaire,
                    values=values,
                    context_page_id=course.pk,
                    phase=phase,
                )

    def _users(self, organisation: Organisation, password: str) -> dict[str, User]:
        users = {}
        for email, full_name, preferred, pronunciation, role, team_name in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    full_name=full_name,
                    preferred_name=preferred,
                    name_pronunciation=pronunciation,
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            if role == Role.PLATFORM_ADMIN:
                user.is_superuser = True
                user.save(update_fields=["is_superuser"])
            team = (
                Team.objects.get(organisation=organisation, name=team_name) if team_name else None
            )
            user_join_organisation(user=user, organisation=organisation, team=team)
            user_set_roles(user=user, roles=[role])
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email] = user
        return users

    def _translations(
        self,
        course: CoursePage,
        scenarios: dict[str, Scenario],
        questionnaire: Questionnaire,
        template: CertificateTemplate,
    ) -> None:
        """The course, its modules, role-plays, questionnaire and certificate in Hindi and
        Marathi, where demo/i18n has them; one translated before is left as a translator may
        have changed it."""
        modules = {module.slug: module for module in ModulePage.objects.child_of(course)}
        for language in DEMO_LANGUAGES:
            locale, _created = Locale.objects.get_or_create(language_code=language)
            for name, (original, translated) in demo_translated(language).items():
                if name == "course":
                    instance = course
                elif name == "questionnaire":
                    instance = questionnaire
                elif name == "certificate":
                    instance = template
                elif name.startswith("scenario:"):
                    instance = scenarios.get(name.removeprefix("scenario:"))
                else:
                    instance = modules.get(name)
                if (
                    instance is None
                    or Translation.objects.filter(
                        source__object_id=instance.translation_key, target_locale=locale
                    ).exists()
                ):
                    continue
                translation_publish(
                    instance=instance,
                    language=language,
                    strings=strings_matched(original, translated),
                )

    def _dimensions(self) -> None:
        # Migration 0004 created them; a flushed test database has lost them.
        shared_dimensions_ensure(Dimension)

    def _questionnaire(self) -> Questionnaire:
        """The "Customer-centric attitude" self-assessment over the demo dimensions."""
        data = demo_questionnaire()
        questionnaire = Questionnaire.objects.filter(title=data["title"]).first()
        if questionnaire is not None:
            return questionnaire
        return questionnaire_publish_from_data(data=data)

    def _scenarios(self) -> dict[str, Scenario]:
        """One published role-play per demo module, keyed by module slug."""
        result = {}
        for module_slug, data in demo_scenarios().items():
            scenario = Scenario.objects.filter(title=data["title"]).first()
            if scenario is None:
                scenario = scenario_publish_from_data(data=data)
            result[module_slug] = scenario
        return result

    def _course(self, home: Page, scenarios: dict[str, Scenario]) -> CoursePage:
        index = CourseIndexPage.objects.child_of(home).first()
        if index is None:
            index = CourseIndexPage(
                title="Courses",
                slug="courses",
                intro="<p>Short, story-based courses on treating customers as people.</p>",
            )
            home.add_child(instance=index)
            index.save_revision().publish()
        data = demo_course()
        course = CoursePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                description=data["description"],
            )
            index.add_child(instance=course)
            course.save_revision().publish()
        existing = set(ModulePage.objects.child_of(course).values_list("slug", flat=True))
        for module_data in demo_modules():
            if module_data["slug"] in existing:
                continue  # never overwrite what a coach has since edited
            module = ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                summary=module_data["summary"],
                estimated_minutes=module_data["estimated_minutes"],
                source_title=module_data["source_title"],
                source_author=module_data["source_author"],
                steps=_as_the_editor_saves(
                    [{"type": kind, "value": value} for kind, value in module_data["steps"]]
                ),
            )
            course.add_child(instance=module)
            module.save_revision().publish()
        roleplay_first = {m["slug"]: m.get("roleplay_first", False) for m in demo_modules()}
        for module in ModulePage.objects.child_of(course).filter(slug__in=list(scenarios)):
            if any(block.block_type == "roleplay" for block in module.steps):
                continue  # added before, or a coach chose another one
            raw = list(module.steps.raw_data)
            # The role-play comes after the story and insight, before the reflection; or first,
            # and the story and insight read as its debrief.
            position = next(
                (i for i, item in enumerate(raw) if item["type"] in ("reflection", "takeaways")),
                len(raw),
            )
            if roleplay_first.get(module.slug):
                position = 0
            raw.insert(
                position,
                {"type": "roleplay", "value": {"scenario": scenarios[module.slug].pk}},
            )
            module.steps = _as_the_editor_saves(raw)
            module.save_revision().publish()
        return course


def _as_the_editor_saves(raw: list):
    """Module steps cleaned as the editor cleans them: every field present (blank, not None) and
    every list item with an id, which translations use to match their original."""
    block = ModulePage._meta.get_field("steps").stream_block
    return block.clean(block.to_python(raw))
