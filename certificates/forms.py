from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.selectors import visible_courses
from people.models import User


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept with the certificate; the public verification page shows only that it is revoked."
        ),
        error_messages={"required": _("Give a reason: it is kept with the certificate.")},
    )


class IssueForm(forms.Form):
    email = forms.EmailField(
        label=_("Learner's e-mail"),
        help_text=_("Someone in your organisation."),
    )
    course = forms.ModelChoiceField(label=_("Course"), queryset=None)
    completed_on = forms.DateField(
        label=_("Completed on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For example, the date of a classroom session that covered the course."),
    )

    def __init__(self, *args, hr: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.hr = hr
        self.fields["course"].queryset = visible_courses(user=hr).order_by("title")
        self.fields["completed_on"].initial = timezone.localdate()

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        learners = User.objects.filter(email__iexact=email, is_active=True)
        if not self.hr.is_superuser:
            learners = learners.filter(organisation_id=self.hr.organisation_id)
        self.learner = learners.first()
        if self.learner is None:
            raise forms.ValidationError(
                _("No one in your organisation has the e-mail address %(email)s."),
                params={"email": email},
            )
        return email

    def clean_completed_on(self):
        value = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The completion date cannot be in the future."))
        return value
