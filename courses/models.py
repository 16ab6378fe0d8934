from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import RICH_TEXT_FEATURES, ModuleStepsBlock
from .querysets import CoursePageManager, EnrolmentQuerySet, ModulePageManager
from .querysets import EnrolmentStatus as EnrolmentStatus  # other apps read it from here


def route_to_child(parent: Page, child_model: type[Page], request: HttpRequest, path_components):
    """Wagtail's routing, reading the child as its one allowed type: one query, not two.

    Page.route reads the generic child, then its specific row. The parent is cached on the child,
    as Wagtail does, so a module reaches its course without a query.
    """
    if not path_components:
        return Page.route(parent, request, path_components)
    child = child_model.objects.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        raise Http404
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class CourseIndexPage(Page):
    """The catalogue root: lists the courses the visitor may see."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    template = "courses/course_index_page.html"

    class Meta:
        verbose_name = _("course index")

    def route(self, request: HttpRequest, path_components):
        return route_to_child(self, CoursePage, request, path_components)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from .selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = catalogue_for(user=request.user, parent=self)
        return context


class CoursePage(Page):
    """A course: an ordered set of modules (its child pages)."""

    summary = models.CharField(_("summary"), max_length=300)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    organisations = ParentalManyToManyField(
        "people.Organisation",
        verbose_name=_("limited to organisations"),
        blank=True,
        related_name="courses",
        help_text=_(
            "Only people of these organisations see the course. Leave empty to offer it to all."
        ),
    )

    before_questionnaire = models.ForeignKey(
        "assessments.Questionnaire",
        verbose_name=_("questionnaire before the course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Taken before the first module, so the learner can see their change."),
    )
    after_questionnaire = models.ForeignKey(
        "assessments.Questionnaire",
        verbose_name=_("questionnaire after the course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Offered when the course is complete; usually the same as the one before."),
    )

    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("How this course's certificates look. Empty: the first template."),
    )
    objects = CoursePageManager()

    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        help_text=_("Empty: certificates never expire. Learners retake the course to renew."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("before_questionnaire"), FieldPanel("after_questionnaire")],
            heading=_("Self-assessment before and after"),
        ),
        MultiFieldPanel(
            [FieldPanel("certificate_template"), FieldPanel("certificate_validity_months")],
            heading=_("Certificate"),
        ),
        HelpPanel(
            content=_("Modules are the child pages of a course, taken in the order shown there.")
        ),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel([FieldPanel("organisations")], heading=_("Who may take this course")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # A translation shows the words; the questionnaires and certificate stay the original's (the
    # learner is shown their translations).
    override_translatable_fields = [
        SynchronizedField(name)
        for name in ("before_questionnaire", "after_questionnaire", "certificate_template")
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")

    def route(self, request: HttpRequest, path_components):
        return route_to_child(self, ModulePage, request, path_components)

    def questionnaire_url(self, phase: str) -> str:
        """Where the learner answers this course's "before" or "after" questionnaire."""
        return reverse("courses:questionnaire", args=[self.pk, phase])

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        from people.translation import in_language

        from .selectors import course_overview, course_visible_to

        if not request.user.is_authenticated:
            return redirect_to_login(request)
        if not course_visible_to(user=request.user, course=self):
            raise Http404
        in_language(self)  # the reader's language's words (never saved)
        context = self.get_context(request, *args, **kwargs)
        context["overview"] = course_overview(user=request.user, course=self)
        return TemplateResponse(request, self.get_template(request), context)


def redirect_to_login(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth.views import redirect_to_login as django_redirect_to_login

    return django_redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


class ModulePage(RoutablePageMixin, Page):
    """One 5-10 minute module: a retold anecdote, taken step by step."""

    summary = models.CharField(_("summary"), max_length=300)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=7, help_text=_("How long a learner needs, roughly.")
    )
    source_title = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Title of the essay or account this module retells."),
    )
    source_author = models.CharField(
        _("source author"), max_length=200, blank=True, help_text=_("Where the source names one.")
    )
    source_note = models.CharField(
        _("credit note"),
        max_length=300,
        blank=True,
        help_text=_("Optional, e.g. “Retold with the author's permission.”"),
    )
    steps = StreamField(ModuleStepsBlock(), verbose_name=_("steps"))

    objects = ModulePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        MultiFieldPanel(
            [FieldPanel("source_title"), FieldPanel("source_author"), FieldPanel("source_note")],
            heading=_("Source anecdote and credit"),
        ),
        FieldPanel("steps"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    override_translatable_fields = [
        SynchronizedField(name) for name in ("source_title", "source_author")
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []
    template = "courses/module_page.html"
    preview_template = "courses/module_preview.html"

    class Meta:
        verbose_name = _("module")

    @cached_property
    def course(self) -> CoursePage | None:
        """The course the module sits in (its parent page, specific, live or not).

        No query when routing cached the parent on the module, else one.
        """
        parent = getattr(self, "_cached_parent_obj", None)
        if isinstance(parent, CoursePage):
            return parent
        return CoursePage.objects.parent_of(self).first()

    @property
    def step_count(self) -> int:
        return len(self.steps)

    @property
    def credit(self) -> str:
        if self.source_author:
            return _("Based on “%(title)s” by %(author)s") % {
                "title": self.source_title,
                "author": self.source_author,
            }
        return _("Based on the essay “%(title)s”") % {"title": self.source_title}

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        # Authors preview every step on one page, exactly as the blocks render for learners.
        context = self.get_context(request)
        return TemplateResponse(request, self.preview_template, context)

    @path("")
    def overview(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.module_overview(request, module=self)

    @path("step/<int:number>/")
    def step(self, request: HttpRequest, number: int) -> HttpResponse:
        from . import views

        return views.module_step(request, module=self, number=number)

    @path("done/")
    def done(self, request: HttpRequest) -> HttpResponse:
        from . import views

        return views.module_done(request, module=self)


class Assignment(models.Model):
    """HR's decision: this course, for a team or a list of people, due on this date.

    Kept as a record of who assigned what and when; each learner's own copy of the due date lives
    on their Enrolment (a later assignment of the same course moves it).
    """

    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="assignments"
    )
    team = models.ForeignKey(
        "people.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
        help_text=_("Empty when the course was assigned to a list of people."),
    )
    due_date = models.DateField(_("due date"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)
    learner_count = models.PositiveIntegerField(_("learners"), default=0)
    # E-mail addresses HR listed that matched nobody in the organisation, shown back to HR.
    unknown_emails = models.JSONField(_("unknown e-mail addresses"), default=list, blank=True)
    notify = models.BooleanField(
        _("e-mail the learners"),
        default=False,
        help_text=_("Each learner gets one e-mail about the assignment; unsent ones are retried."),
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        # Also the audit trail's label for the assignment: the date as pages write it.
        return f"{self.course} – {formats.date_format(self.due_date, 'DATE_FORMAT')}"


class Enrolment(models.Model):
    """A learner on a course; an HR assignment sets `assigned_at`, `assignment` and the due date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments")
    enrolled_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    resume_module = models.ForeignKey(
        ModulePage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resume_step = models.PositiveSmallIntegerField(default=1)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique_per_course")
        ]
        indexes = [
            models.Index(fields=["course", "completed_at"]),
            # Reminders look for open enrolments by due date every day.
            models.Index(
                fields=["due_date"],
                condition=models.Q(completed_at__isnull=True, due_date__isnull=False),
                name="enrolment_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"


class ModuleProgress(models.Model):
    """Which steps of a module a learner has finished, and when the module was completed."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")
    completed_step_ids = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="module_progress_unique_per_enrolment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.module_id}"


class ReflectionAnswer(models.Model):
    """What a learner wrote for one reflection step. Kept as the learner's own data."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="reflection_answers"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")
    step_id = models.CharField(max_length=64)
    prompt = models.TextField(_("prompt"))
    answer = models.TextField(_("answer"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the learner last handed the answer in (finished the step); None while it is a draft
    # kept by "Back". Coaches read handed-in answers only.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("reflection answer")
        verbose_name_plural = _("reflection answers")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module", "step_id"], name="reflection_unique_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.prompt[:40]}"
