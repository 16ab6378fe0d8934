from django import forms
from django.utils.translation import gettext_lazy as _

MAX_ANSWER_LENGTH = 5000


class ReflectionForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_ANSWER_LENGTH,
        strip=True,
    )

    def __init__(self, *args, min_length: int = 1, prompt: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.min_length = min_length
        self.fields["answer"].label = prompt or _("Your answer")
        self.fields["answer"].widget.attrs["aria-describedby"] = "reflection-help"
        self.fields["answer"].error_messages["required"] = _(
            "Write a few words before moving on: your answer is saved for you."
        )

    def clean_answer(self) -> str:
        answer = self.cleaned_data["answer"]
        if len(answer) < self.min_length:
            raise forms.ValidationError(
                _("Please write at least %(count)d characters (you have %(current)d so far)."),
                params={"count": self.min_length, "current": len(answer)},
            )
        return answer

    def draft(self) -> str:
        """The text as typed, for saving when the learner goes back without finishing."""
        # NUL never comes from a browser and PostgreSQL cannot store it: dropped.
        text = (self.data.get(self.add_prefix("answer")) or "").replace("\x00", "")
        return text.strip()[:MAX_ANSWER_LENGTH]
