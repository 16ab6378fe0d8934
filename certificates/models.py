from __future__ import annotations

import secrets
from datetime import date

from csp.decorators import csp_update
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hex digits, e.g. #1f5f8b.")
)

# The placeholders authors may use in the wording; anything else in braces is refused on save.
WORDING_PLACEHOLDERS = ("name", "course", "date")

# 20 characters of Crockford's base32 (no I, L, O, U): 100 bits, easy to read aloud and type.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def certificate_code_new() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(20))
    return "-".join(raw[i : i + 5] for i in range(0, 20, 5))


class PageSize(models.TextChoices):
    A4 = "A4", _("A4 landscape")
    LETTER = "letter", _("US Letter landscape")


class CertificateTemplate(
    TranslatableMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """How a course's certificates look: wording, signatory, logo, colour and paper size."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("For authors, e.g. “Touchpoint blue”.")
    )
    heading = models.CharField(_("heading"), max_length=120, default=_("Certificate of completion"))
    wording = models.TextField(
        _("wording"),
        default=_("This certifies that {name} completed the course {course} on {date}."),
        help_text=_(
            "Use {name}, {course} and {date} where the learner's name, the course title and "
            "the completion date go. Each must appear once."
        ),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=120, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=160, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature on a transparent or white background."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#1f5f8b", validators=[colour_validator]
    )
    page_size = models.CharField(
        _("paper size"), max_length=10, choices=PageSize.choices, default=PageSize.A4
    )
    updated_at = models.DateTimeField(auto_now=True)

    # The name is for authors, the signatory a person, the colour a look: a translation keeps them.
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("signatory_name"),
        SynchronizedField("accent_colour"),
    ]

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="certificate_template")

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("heading"), FieldPanel("wording")], heading=_("Wording")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_title")]),
                FieldPanel("signature"),
            ],
            heading=_("Signed by"),
        ),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("accent_colour"), FieldPanel("page_size")],
            heading=_("Look"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        # A translation keeps its original's name, so names are unique within a language.
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="certificate_template_name_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self) -> None:
        super().clean()
        from .rendering import wording_problems

        problems = wording_problems(self.wording)
        if problems:
            raise ValidationError({"wording": problems})

    # --- Preview in the admin: the certificate as it prints, for a sample learner.
    @property
    def preview_modes(self):
        return [("html", _("Page")), ("pdf", _("PDF"))]

    # The certificate document carries its page size and colours in a <style> of its own
    # (WeasyPrint reads it too); the preview is the site's policy otherwise.
    @csp_update({"style-src": ["'unsafe-inline'"]})
    def serve_preview(self, request, mode_name):
        from .rendering import sample_certificate_html, sample_certificate_pdf

        if mode_name == "pdf":
            from django.http import HttpResponse

            response = HttpResponse(sample_certificate_pdf(self), content_type="application/pdf")
            response["Content-Disposition"] = 'inline; filename="certificate-preview.pdf"'
            return response
        from django.http import HttpResponse

        return HttpResponse(sample_certificate_html(self, request=request))


class CertificateQuerySet(models.QuerySet):
    def current(self) -> CertificateQuerySet:
        """Not replaced by a newer certificate for the same course."""
        return self.filter(replaced_at__isnull=True)


class Certificate(models.Model):
    """Proof that a learner completed a course. Issued once; revocable; replaced on a retake."""

    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=certificate_code_new
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    # What the certificate says, fixed when issued: later edits to the course or the
    # learner's profile do not change a certificate someone may already have shown.
    learner_name = models.CharField(_("name as printed"), max_length=200)
    course_title = models.CharField(_("course as printed"), max_length=255)
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )

    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when issued automatically on completing the course."),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )

    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/%m/", blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    render_error = models.TextField(blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # The database, not the code path, guarantees one current certificate per course:
            # two requests racing to complete the same course cannot both insert.
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(replaced_at__isnull=True),
                name="certificate_one_current_per_course",
            )
        ]
        indexes = [models.Index(fields=["course", "issued_at"])]

    def __str__(self) -> str:
        return f"{self.code} – {self.learner_name} – {self.course_title}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None

    def is_expired(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.expires_on is not None and self.expires_on < today

    @property
    def status(self) -> str:
        """One of "revoked", "replaced", "expired", "valid" (in that order of precedence)."""
        if self.is_revoked:
            return "revoked"
        if self.is_replaced:
            return "replaced"
        if self.is_expired():
            return "expired"
        return "valid"

    @property
    def status_label(self) -> str:
        return {
            "revoked": _("Revoked"),
            "replaced": _("Replaced by a newer certificate"),
            "expired": _("Expired"),
            "valid": _("Valid"),
        }[self.status]

    @property
    def is_rendered(self) -> bool:
        return bool(self.pdf)
