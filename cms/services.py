"""Writes for the site itself: the home page, its Site record and the course catalogue page."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from courses.models import CourseIndexPage

from .models import HomePage, SiteBranding

HOME_SECTIONS = [
    (
        _("Stories, not slides"),
        _("Every module retells a real moment between a customer and a company."),
    ),
    (
        _("Practise the moment"),
        _("Answer the customer yourself and see what your words did to them."),
    ),
    (
        _("See yourself change"),
        _("Reflect, rate your own attitude before and after, and talk it through with a coach."),
    ),
]


def _tree_root_create() -> Page:
    """Wagtail's migrations create the tree root; a flushed database has none, so make it again."""
    if not Locale.objects.exists():
        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    return Page.add_root(instance=Page(title="Root", slug="root"))


@transaction.atomic
def course_index_ensure() -> CourseIndexPage:
    """The course catalogue page, under the site's home page (both made if missing)."""
    index = CourseIndexPage.objects.first()
    if index is None:
        index = CourseIndexPage(title="Courses", slug="courses")
        site_home_ensure().add_child(instance=index)
    return index


def site_home_ensure(*, hostname: str = "localhost", port: int = 80) -> HomePage:
    """Make a HomePage the default site's root (idempotent), replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or _tree_root_create()
        home = HomePage(
            title=_("Touchpoint"),
            slug="home-page",
            headline=_("Treat every customer as a person, not a target."),
            intro=_(
                "<p>Short modules built from real customer stories. Read, practise, reflect "
                "&mdash; in five to ten minutes.</p>"
            ),
            sections=[
                {"type": "feature", "value": {"heading": str(h), "text": str(t)}}
                for h, t in HOME_SECTIONS
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Touchpoint",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        # Wagtail's empty welcome page is of the base Page type; ours replaces it.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    SiteBranding.for_site(site)
    return home
