"""Forms for coaching pages and the cohort admin. Validation only; services do the writing."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage
from people.models import Organisation, User
from people.roles import Role

from .models import RATING_CHOICES, CoachNote
from .services import MAX_TEXT

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, - lists, [a link](https://example.com). HTML is shown as text."
)


class ReviewForm(forms.Form):
    """One rating per rubric dimension of the node, and the feedback in Markdown."""

    feedback = forms.CharField(
        label=_("Feedback for the learner"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
    )

    def __init__(self, *args, rubric: list[tuple[str, str, str]], **kwargs):
        """`rubric`: (slug, name, description) of each dimension to rate."""
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        rating_fields = {}
        for slug, name, description in rubric:
            rating_fields[f"rating_{slug}"] = forms.TypedChoiceField(
                label=name,
                help_text=description,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
        # Ratings first, then the feedback box.
        self.fields = {**rating_fields, "feedback": self.fields["feedback"]}

    @property
    def rating_fields(self):
        return [self[name] for name in self.fields if name.startswith("rating_")]

    def ratings(self) -> dict[str, int]:
        return {slug: self.cleaned_data[f"rating_{slug}"] for slug, _name, _d in self.rubric}


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=MARKDOWN_HELP,
    )


class NoteForm(forms.ModelForm):
    class Meta:
        model = CoachNote
        fields = ["session_on", "body"]
        widgets = {
            "session_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "body": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "body": _("Only you can read this note: not the learner, HR or other coaches.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("session_on", timezone.localdate())


class GoalForm(forms.Form):
    text = forms.CharField(
        label=_("Goal"),
        max_length=300,
        help_text=_("Something to do, e.g. “greet every caller by name this week”."),
    )
    due_on = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, current_due_on=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Editing a goal that is past its date may keep that date; a new past date is refused.
        self.current_due_on = current_due_on

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate() and due_on != self.current_due_on:
            raise forms.ValidationError(_("Choose today or a later date."))
        return due_on


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Your coach sees it in their queue and answers on your “My coach” page."),
    )


class FollowUpForm(QuestionForm):
    """The learner's reply in a conversation: the question's field, worded as a reply."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["text"]
        field.label = _("Reply to your coach")
        field.help_text = _(
            "A follow-up goes back to your coach's queue, in the same conversation."
        )
        field.widget.attrs["rows"] = 3


class CohortAdminForm(WagtailAdminModelForm):
    """HR picks from their own organisation; platform admins from any (checked on save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        organisation_id = None
        if user is not None and not user.is_superuser and not user.has_role(Role.PLATFORM_ADMIN):
            organisation_id = user.organisation_id or -1
            self.fields["organisation"].queryset = Organisation.objects.filter(pk=organisation_id)
            self.fields["organisation"].initial = organisation_id
            self.fields["organisation"].empty_label = None
        learners = User.objects.filter(groups__name=Role.LEARNER.value, is_active=True)
        courses = CoursePage.objects.live().originals().order_by("path")
        if organisation_id is not None:
            learners = learners.filter(organisation_id=organisation_id)
            courses = courses.filter(
                Q(organisations__isnull=True) | Q(organisations=organisation_id)
            ).distinct()
        self.fields["learners"].queryset = learners.select_related("organisation").order_by(
            "organisation__name", "full_name"
        )
        self.fields["learners"].label_from_instance = _person_with_organisation
        # A coach may come from any organisation: coaching providers serve several clients.
        self.fields["coaches"].queryset = (
            User.objects.filter(groups__name=Role.COACH.value, is_active=True)
            .select_related("organisation")
            .order_by("full_name")
        )
        self.fields["coaches"].label_from_instance = _person_with_organisation
        self.fields["courses"].queryset = courses

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if organisation is not None:
            strangers = [
                u for u in cleaned.get("learners") or [] if u.organisation_id != organisation.pk
            ]
            if strangers:
                self.add_error(
                    "learners",
                    _("These people are not in %(org)s: %(names)s")
                    % {"org": organisation, "names": ", ".join(str(u) for u in strangers)},
                )
            closed = [
                c
                for c in cleaned.get("courses") or []
                if c.organisations.exists() and not c.organisations.filter(pk=organisation.pk)
            ]
            if closed:
                self.add_error(
                    "courses",
                    _("These courses are not open to %(org)s: %(titles)s")
                    % {"org": organisation, "titles": ", ".join(c.title for c in closed)},
                )
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The cohort must end on or after its start."))
        return cleaned


def _person_with_organisation(user: User) -> str:
    organisation = user.organisation.name if user.organisation_id else _("no organisation")
    return f"{user.get_full_name()} <{user.email}> – {organisation}"
