"""Wagtail admin: users with our name fields, organisations with their domains and teams."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Organisation, User

PROFILE_FIELDS = {"full_name", "preferred_name", "name_pronunciation", "organisation", "team"}


class _ProfileFieldsMixin(forms.ModelForm):
    # Our user has one full name in any script, not first/last name.
    first_name = None
    last_name = None

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        team = cleaned.get("team")
        if team is not None and team.organisation_id != getattr(organisation, "pk", None):
            self.add_error("team", _("Choose a team of the user's own organisation."))
        return cleaned


class TouchpointUserCreationForm(_ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | PROFILE_FIELDS


class TouchpointUserEditForm(_ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | PROFILE_FIELDS


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return TouchpointUserEditForm if for_update else TouchpointUserCreationForm


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
