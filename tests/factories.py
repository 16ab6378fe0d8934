"""Test data builders. Pages are created live, with a published revision, like an editor would."""

from __future__ import annotations

import datetime
import uuid

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from factory.django import DjangoModelFactory

from cms.models import HomePage
from courses.models import CourseIndexPage, CoursePage, ModulePage
from people.models import Organisation, OrganisationDomain, Team, User
from people.roles import Role
from people.services import user_set_roles

PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")

    @factory.post_generation
    def domain(obj, create, extracted, **kwargs):
        """Every organisation owns one sign-up domain: `domain="acme.test"` or a generated one."""
        if not create:
            return
        OrganisationDomain.objects.create(
            organisation=obj, domain=extracted or f"{obj.slug}.example.org"
        )


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(DjangoModelFactory):
    """A person who can sign in: verified primary e-mail, a password, one role (Learner)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    preferred_name = ""
    name_pronunciation = ""
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(obj, create, extracted, **kwargs):
        """`roles=[Role.COACH]`; a learner by default."""
        if not create:
            return
        user_set_roles(user=obj, roles=list(extracted) if extracted is not None else [Role.LEARNER])

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if not create:
            return
        EmailAddress.objects.create(
            user=obj,
            email=obj.email,
            primary=True,
            verified=True if extracted is None else bool(extracted),
        )


def publish(page):
    """Save a revision and publish it, as the Wagtail editor's Publish button does."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class _PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent=`, published with a revision; `live=False` makes a draft."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    live = True

    @factory.post_generation
    def revision(obj, create, extracted, **kwargs):
        """`revision=False`: a live page without revision history, quick for bulk data."""
        if not create or extracted is False:
            return
        if obj.live:
            publish(obj)
        else:
            obj.save_revision()


class HomePageFactory(_PublishedPageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    headline = "Treat every customer as a person."


class CourseIndexPageFactory(_PublishedPageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Courses"
    slug = "courses"


class CoursePageFactory(_PublishedPageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = factory.LazyAttribute(lambda obj: f"What {obj.title} is about.")
    description = "<p>A course about people.</p>"

    # `organisations=[org_a]` limits the course to those organisations (saved with the page).
    organisations = factory.LazyFunction(list)


def story(heading: str = "A story", body: str = "<p>Once upon a time.</p>") -> dict:
    return {"type": "story", "value": {"heading": heading, "body": body}}


def key_insight(heading: str = "Key insight", insight: str = "People, not targets.") -> dict:
    return {
        "type": "key_insight",
        "value": {"heading": heading, "insight": insight, "explanation": ""},
    }


def reflection(prompt: str = "What would you do?", min_length: int = 20) -> dict:
    return {
        "type": "reflection",
        "value": {"prompt": prompt, "guidance": "", "min_length": min_length},
    }


def takeaways(heading: str = "Takeaways", items: tuple[str, ...] = ("a", "b")) -> dict:
    return {"type": "takeaways", "value": {"heading": heading, "items": list(items)}}


def default_steps() -> list[dict]:
    """Five steps: story, story, reflection, key insight, takeaways."""
    return [
        story("The first scene", "<p>A customer walks in.</p>"),
        story("The second scene", "<p>Nobody looks up.</p>"),
        reflection("When did you last keep someone waiting?", min_length=20),
        key_insight("Key insight", "A greeting costs nothing."),
        takeaways("Takeaways", ("Look up", "Say hello")),
    ]


class ModulePageFactory(_PublishedPageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "A short module."
    estimated_minutes = 7
    source_title = "Customers Not Targets"
    source_author = "Priya Shrivastava"
    steps = factory.LazyFunction(default_steps)


def default_locale():
    """The site's language's Locale (a flushed, transactional test database has lost it)."""
    from django.conf import settings
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]


class CertificateTemplateFactory(DjangoModelFactory):
    class Meta:
        model = "certificates.CertificateTemplate"

    locale = factory.LazyFunction(default_locale)

    name = factory.Sequence(lambda n: f"Template {n}")
    signatory_name = "Meera Joshi"
    signatory_title = "Head of Learning"


class CertificateFactory(DjangoModelFactory):
    """An issued certificate (no PDF yet); use the services to issue as the product does."""

    class Meta:
        model = "certificates.Certificate"

    user = factory.SubFactory(UserFactory)
    course = factory.SubFactory(CoursePageFactory)
    learner_name = factory.LazyAttribute(lambda o: o.user.full_name)
    course_title = factory.LazyAttribute(lambda o: o.course.title)
    completed_on = datetime.date(2026, 1, 15)


class ScenarioFactory(DjangoModelFactory):
    """A role-play saved with a revision; published (`live=True`, the default) as the admin's
    Publish button does. `nodes` is StreamField raw data (tests/scenarios/play_helpers builds it).
    """

    class Meta:
        model = "scenarios.Scenario"
        skip_postgeneration_save = True

    locale = factory.LazyFunction(default_locale)

    title = factory.Sequence(lambda n: f"Role-play {n}")
    persona_name = "Maya Pillai"
    persona_situation = "Maya ordered a birthday present that never came."
    learner_role = "You answer the shop's phone."
    start_key = "opening"
    nodes = factory.LazyFunction(list)
    live = False  # set by publishing, below

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if not create:
            return
        revision = obj.save_revision()
        if extracted is not False:
            revision.publish()
        obj.refresh_from_db()


def list_items(values: list) -> list[dict]:
    """A list block's items stored with their ids, as the admin's editor saves them."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def chain_conversation(length: int, *, choices_per_node: int = 3) -> list[dict]:
    """Raw nodes of a role-play: `length` choice nodes "n0".. in a row, each choice with points
    on "empathy" and "ownership" and an empty condition, then the ending "end". Every field of
    the blocks is given, as the editor stores it, so a save changes nothing it was not told to."""
    nodes = []
    for i in range(length):
        following = f"n{i + 1}" if i + 1 < length else "end"
        choices = [
            {
                "text": f"Answer {c} to line {i}.",
                "next_key": following,
                "feedback": "What this answer showed.",
                "reaction": "The customer's shoulders drop.",
                "mood": "1",
                "points": list_items(
                    [
                        {"dimension": "empathy", "points": 1},
                        {"dimension": "ownership", "points": -1},
                    ]
                ),
                "rating": "",
                "sets_flags": "",
                "condition": {
                    "test": "points_at_least",
                    "dimension": "",
                    "minimum": None,
                    "flag": "",
                },
            }
            for c in range(choices_per_node)
        ]
        value = {"key": f"n{i}", "speaker": "customer", "text": f"Line {i}?", "variants": []}
        nodes.append({"type": "choice", "value": {**value, "choices": list_items(choices)}})
    ending = {"key": "end", "speaker": "customer", "text": "Bye", "outcome": "Done", "variants": []}
    nodes.append({"type": "ending", "value": {**ending, "tone": "good", "debrief": "Debrief"}})
    return nodes
