from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm


class QuestionnaireAdminForm(WagtailAdminModelForm):
    """Drafts may be incomplete; publishing needs a valid scale and two items per dimension."""

    def clean(self):
        cleaned = super().clean()
        if self.is_deferred_validation:
            return cleaned
        points = cleaned.get("scale_points")
        labels = [line for line in (cleaned.get("scale_labels") or "").splitlines() if line.strip()]
        if points not in (5, 7):
            self.add_error("scale_points", _("Choose a 5- or 7-point scale."))
        elif len(labels) != points:
            self.add_error(
                "scale_labels",
                _("Give exactly %(points)d labels, one per line (there are %(count)d).")
                % {"points": points, "count": len(labels)},
            )
        per_dimension: dict[str, int] = {}
        items = self.formsets.get("items")
        # Formsets are validated after the form itself; validate them now to read the items.
        if items is not None and items.is_valid():
            for form in items.forms:
                data = getattr(form, "cleaned_data", None) or {}
                if data.get("DELETE") or not data.get("dimension"):
                    continue
                name = str(data["dimension"])
                per_dimension[name] = per_dimension.get(name, 0) + 1
        if not per_dimension:
            raise forms.ValidationError(_("Add at least two statements for a dimension."))
        thin = sorted(name for name, count in per_dimension.items() if count < 2)
        if thin:
            raise forms.ValidationError(
                _("Each dimension needs at least two statements; add more for: %(names)s.")
                % {"names": ", ".join(thin)}
            )
        return cleaned
