from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import HomeSectionsBlock

colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hex digits, e.g. #1f5f8b.")
)


class HomePage(Page):
    headline = models.CharField(_("headline"), max_length=160)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    sections = StreamField(HomeSectionsBlock(), blank=True, verbose_name=_("sections"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("headline"),
        FieldPanel("intro"),
        FieldPanel("sections"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def route(self, request: HttpRequest, path_components):
        """Wagtail's routing, but a page only passed through is not read in full.

        For /courses/<course>/<module>/ the course index is a waypoint: its own fields are
        never used, so it is taken as a deferred specific instance (one query, not two). The
        page that is served is read in full, as Wagtail does.
        """
        if len(path_components) < 2:
            return super().route(request, path_components)
        child = self.get_children().filter(slug=path_components[0]).first()
        if child is None:
            raise Http404
        child._cached_parent_obj = self
        return child.specific_deferred.route(request, path_components[1:])

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from courses.selectors import learner_courses

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["my_courses"] = learner_courses(user=request.user, request=request)[:3]
        return context


@register_setting(icon="view")
class SiteBranding(BaseSiteSetting):
    """The name, colours and wording a client sees: set per site in Settings."""

    site_name = models.CharField(_("site name"), max_length=80, default="Touchpoint")
    tagline = models.CharField(
        _("tagline"), max_length=160, blank=True, default=_("Customers are people, not targets.")
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
        _("accent colour"),
        max_length=7,
        default="#1f5f8b",
        validators=[colour_validator],
        help_text=_("Used for buttons and links. Pick a dark colour: white text sits on it."),
    )
    support_email = models.EmailField(_("support e-mail"), blank=True)
    footer_text = models.CharField(_("footer text"), max_length=250, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        FieldPanel("accent_colour"),
        MultiFieldPanel(
            [FieldPanel("support_email"), FieldPanel("footer_text")], heading=_("Footer")
        ),
    ]

    class Meta:
        verbose_name = _("site branding")
