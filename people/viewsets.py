"""Wagtail admin: users with our name fields, organisation, team and roles; organisations with
their domains and teams."""

import django_filters
from django import forms
from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserFilterSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Organisation, Team, User
from .roles import Role

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


class TeamChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj: Team) -> str:
        # Two organisations may both have a "Store floor".
        return f"{obj.organisation.name} · {obj.name}"


class TeamFilter(django_filters.ModelChoiceFilter):
    field_class = TeamChoiceField


def _filter_role(queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
    if not value:
        return queryset
    holds = Q(groups__name=value)
    if value == Role.PLATFORM_ADMIN:
        holds |= Q(is_superuser=True)  # as User.has_role: a superuser is a platform admin
    return queryset.filter(pk__in=User.objects.filter(holds).values("pk"))


class TouchpointUserFilterSet(UserFilterSet):
    """Wagtail's user filters (active, administrator, group, last login) and ours."""

    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        null_label=_("No organisation"),
    )
    team = TeamFilter(
        label=_("Team"),
        queryset=Team.objects.select_related("organisation").order_by("organisation__name", "name"),
        null_label=_("No team"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Role"),
        choices=Role.choices,
        method=_filter_role,
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta(UserFilterSet.Meta):
        model = User


def _roles_text(user: User) -> str:
    held = {group.name for group in user.groups.all()}  # prefetched: no query per row
    if user.is_superuser:
        held.add(Role.PLATFORM_ADMIN.value)
    return ", ".join(str(role.label) for role in Role if role.value in held)


COLUMN_WIDTHS = {
    "name": "22%",
    "email": "17%",
    "organisation": "12%",
    "team": "10%",
    "roles": "10%",
    "is_superuser": "7%",
    "is_active": "6%",
    "last_login": "11%",
}


class UserIndexView(WagtailUserIndexView):
    """Wagtail's people list with each person's organisation, team and roles."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        # Our user has one full name: sort on it (Wagtail sorts by first/last name only).
        columns[1].sort_key = "full_name"
        at = next(i for i, column in enumerate(columns) if column.name == "is_superuser")
        columns[at:at] = [
            Column(
                "organisation",
                label=_("Organisation"),
                accessor=lambda user: user.organisation.name if user.organisation else "",
                sort_key="organisation__name",
            ),
            Column(
                "team",
                label=_("Team"),
                accessor=lambda user: user.team.name if user.team else "",
                sort_key="team__name",
            ),
            Column("roles", label=_("Roles"), accessor=_roles_text),
        ]
        # Three more columns: narrower fixed widths, so names keep room and do not break mid-word.
        for column in columns:
            column.width = COLUMN_WIDTHS.get(column.name, column.width)
        return columns

    @cached_property
    def search_fields(self):
        return ["email", "full_name", "preferred_name"]

    def get_base_queryset(self):
        roles = Group.objects.filter(name__in=[role.value for role in Role])
        return (
            super()
            .get_base_queryset()
            .select_related("organisation", "team")
            .prefetch_related(Prefetch("groups", queryset=roles))
        )


class UserViewSet(WagtailUserViewSet):
    index_view_class = UserIndexView
    filterset_class = TouchpointUserFilterSet

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
