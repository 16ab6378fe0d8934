from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FeatureStructValue(blocks.StructValue):
    @property
    def anchor(self) -> str:
        from django.utils.text import slugify

        return slugify(self.get("heading") or "")


class FeatureBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=400)

    class Meta:
        icon = "pick"
        template = "cms/blocks/feature.html"
        label = _("Feature")
        help_text = _("A short heading and sentence about what learners get.")
        value_class = FeatureStructValue


class HomeSectionsBlock(blocks.StreamBlock):
    feature = FeatureBlock()

    class Meta:
        icon = "list-ul"
        label = _("Sections")
        help_text = _("What a visitor reads under the introduction.")
