from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from .roles import Role

domain_validator = RegexValidator(
    regex=r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$",
    message=_("Enter a domain such as example.com, without @ or http://."),
)


class Organisation(index.Indexed, ClusterableModel):
    """A client organisation. Its people and data are walled off from every other's."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Short identifier used in exports and commands, e.g. acme-retail."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("slug")], heading=_("Organisation")),
        InlinePanel(
            "domains",
            heading=_("E-mail domains for self sign-up"),
            label=_("Domain"),
            help_text=_(
                "People whose e-mail address ends in one of these domains may create an "
                "account and join this organisation as learners."
            ),
        ),
        InlinePanel("teams", heading=_("Teams"), label=_("Team")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class OrganisationDomain(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(
        _("domain"),
        max_length=253,
        unique=True,
        validators=[domain_validator],
        help_text=_("e.g. example.com"),
    )

    panels = [FieldPanel("domain")]

    class Meta:
        ordering = ["domain"]
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = (self.domain or "").strip().lower().lstrip("@")
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None) -> None:
        # Accept "@Example.COM " as typed; validate and store "example.com".
        self.domain = (self.domain or "").strip().lower().lstrip("@")
        super().clean_fields(exclude=exclude)


class Team(models.Model):
    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_per_org")
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Names are stored exactly as typed, in any script."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("As you write it, in any script. Used on certificates."),
    )
    preferred_name = models.CharField(
        _("preferred name"),
        max_length=100,
        blank=True,
        help_text=_("What we call you in greetings. Leave blank to use your full name."),
    )
    name_pronunciation = models.CharField(
        _("how to say my name"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. “pruh-KAASH kool-KUR-nee”. Coaches see this."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    # Blank: the browser's language. Pages, e-mails and certificates follow it.
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language of your pages, e-mails and certificates."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the Django admin site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name()

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
        if self.team_id and self.team.organisation_id != self.organisation_id:
            raise ValidationError({"team": _("Choose a team of the user's own organisation.")})

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.greeting_name

    @property
    def greeting_name(self) -> str:
        """The name to greet someone by: their preferred name, else their full name."""
        return self.preferred_name or self.full_name or self.email.split("@")[0]

    @cached_property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.groups.values_list("name", flat=True))

    @property
    def sees_hr_pages(self) -> bool:
        return self.is_superuser or self.has_role(Role.HR)

    @cached_property
    def may_open_admin(self) -> bool:
        """Whether to offer the Wagtail admin (header link, userbar).

        The Learners group does not carry the permission (staff groups do), so someone in no
        other group is not offered it and their pages skip the two permission queries; anyone
        else is asked the permission itself.
        """
        if self.is_superuser:
            return True
        if not self.role_names - {Role.LEARNER.value}:
            return False
        return self.has_perm("wagtailadmin.access_admin")

    def has_role(self, role: Role) -> bool:
        if role == Role.PLATFORM_ADMIN and self.is_superuser:
            return True
        return role.value in self.role_names


class AuditAction(models.TextChoices):
    HR_EXPORT = "hr_export", _("HR export")
    CERTIFICATE_ISSUE = "certificate_issue", _("Certificate issued")
    CERTIFICATE_REVOKE = "certificate_revoke", _("Certificate revoked")
    ROLE_CHANGE = "role_change", _("Role change")
    PRIVATE_NOTE_VIEW = "private_note_view", _("Private note opened")
    USER_DEACTIVATE = "user_deactivate", _("User deactivated")
    USER_ACTIVATE = "user_activate", _("User reactivated")
    USER_DELETE = "user_delete", _("User deleted")
    COURSE_ASSIGN = "course_assign", _("Course assigned")


class AuditEvent(models.Model):
    """Who did what to whom, for platform admins. Rows are only ever added (people/audit.py)."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the system acted (e.g. a certificate issued on completion)."),
    )
    # The actor's e-mail as it was, so the trail still reads after the account is deleted.
    actor_label = models.CharField(_("by (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The organisation's name as it was, so the trail still reads after it is deleted.
    organisation_label = models.CharField(
        _("organisation (as recorded)"), max_length=200, blank=True
    )
    target_type = models.CharField(_("object type"), max_length=100, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    target_label = models.CharField(_("object"), max_length=255, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    # What `details` refers to by id, as it read at the time ({"team": "Store floor"}): the trail
    # keeps saying which team, course or person even after it is renamed or deleted.
    detail_labels = models.JSONField(_("details as recorded"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["action", "-created_at"], name="audit_action_when"),
            models.Index(fields=["organisation", "-created_at"], name="audit_org_when"),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.target_label}"
