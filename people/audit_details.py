"""An audit event's details in words: "Course: Customers, not targets · Team: Store floor · Due: …".

Events keep their details as data (ids, codes, ISO dates) and, since they have had them, the
names those ids had at the time (`detail_labels`): the trail reads the same after a team is
renamed or a course deleted. Older events have ids only; their names are read now, in one query
per kind of object for a whole page of events, and an id whose object is gone says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Model, Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from .models import AuditEvent, Organisation, Team, User
from .roles import Role

SEPARATOR = " · "
INNER_SEPARATOR = "; "  # inside one detail (an export's filters), whose names may hold commas

# In the order details are told: PostgreSQL's jsonb keeps no order of its own.
LABELS = {
    "team": gettext_lazy("Team"),
    "course": gettext_lazy("Course"),
    "organisation": gettext_lazy("Organisation"),
    "learner": gettext_lazy("Learner"),
    "due_date": gettext_lazy("Due"),
    "people": gettext_lazy("People"),
    "enrolled": gettext_lazy("Newly enrolled"),
    "due_date_moved": gettext_lazy("Due date moved for"),
    "not_found": gettext_lazy("Addresses not found"),
    "notify": gettext_lazy("E-mail to learners"),
    "format": gettext_lazy("Format"),
    "filters": gettext_lazy("Filters"),
    "status": gettext_lazy("Status"),
    "date_field": gettext_lazy("Dates"),
    "date_from": gettext_lazy("From"),
    "date_to": gettext_lazy("To"),
    "sort": gettext_lazy("Sort"),
    "automatic": gettext_lazy("Automatic"),
    "reason": gettext_lazy("Reason"),
    "added": gettext_lazy("Roles given"),
    "removed": gettext_lazy("Roles withdrawn"),
    "superuser": gettext_lazy("Superuser"),
    "notes": gettext_lazy("Notes"),
    "email": gettext_lazy("E-mail"),
}
# Keys whose value is an object's id, and the object's kind. A course is a Wagtail page (its
# title is all the trail needs, and people may not import courses).
REFERENCES: dict[str, type[Model]] = {
    "course": Page,
    "team": Team,
    "organisation": Organisation,
    "learner": User,
}
DATE_KEYS = {"due_date", "date_from", "date_to"}
ROLE_KEYS = {"added", "removed"}
QUIET_WHEN_ZERO = {"enrolled", "due_date_moved", "not_found"}  # "0 addresses not found": noise


def _label(key: str) -> str:
    return str(LABELS.get(key) or key.replace("_", " ").capitalize())


def _as_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _walk(details: dict, labels: dict) -> Iterable[tuple[str, Any]]:
    """Every (key, value) pair whose words are not kept on the event, one level deep."""
    for key, value in details.items():
        if key in labels:
            continue
        if isinstance(value, dict):
            yield from value.items()
        else:
            yield key, value


@dataclass
class _Names:
    """Names read now for ids that events recorded without them."""

    by_id: dict[type[Model], dict[int, str]] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, events: Sequence[AuditEvent]) -> _Names:
        wanted: dict[type[Model], set[int]] = {}
        emails: set[str] = set()
        for event in events:
            for key, value in _walk(event.details or {}, event.detail_labels or {}):
                model = REFERENCES.get(key)
                if model is None:
                    continue
                if (pk := _as_id(value)) is not None:
                    wanted.setdefault(model, set()).add(pk)
                elif model is User and isinstance(value, str) and "@" in value:
                    emails.add(value.lower())
        names = cls()
        for model, pks in wanted.items():
            if model is User:
                continue
            name_field = "title" if model is Page else "name"
            names.by_id[model] = dict(
                model.objects.filter(pk__in=pks).values_list("pk", name_field)
            )
        if User in wanted or emails:
            people = User.objects.filter(Q(pk__in=wanted.get(User, ())) | Q(email__in=emails)).only(
                "pk", "email", "full_name"
            )
            names.by_id[User] = {}
            for person in people:
                names.by_id[User][person.pk] = person.get_full_name()
                names.by_email[person.email] = f"{person.get_full_name()} ({person.email})"
        return names

    def name(self, key: str, value: Any) -> str | None:
        model = REFERENCES.get(key)
        if model is None:
            return None
        if (pk := _as_id(value)) is not None:
            found = self.by_id.get(model, {}).get(pk)
            return found if found is not None else _("no longer exists (id %(id)s)") % {"id": pk}
        if model is User and isinstance(value, str):
            return self.by_email.get(value.lower())
        return None


def _value_text(key: str, value: Any, names: _Names) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if (name := names.name(key, value)) is not None:
        return name
    if isinstance(value, dict):
        return INNER_SEPARATOR.join(_pairs(value, {}, names))
    if isinstance(value, list):
        if key in ROLE_KEYS:
            roles = dict(Role.choices)
            return ", ".join(str(roles.get(item, item)) for item in value)
        if key == "notes":  # ids of private notes: how many, never what they say
            return str(len(value))
        return ", ".join(str(item) for item in value)
    if key in DATE_KEYS and isinstance(value, str):
        try:
            return formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
        except ValueError:
            return value
    if key == "format" and isinstance(value, str):
        return value.upper()
    return str(value)


def _says_nothing(key: str, value: Any) -> bool:
    if value is None or value == "" or value == [] or value == {}:
        return True
    return value == 0 and key in QUIET_WHEN_ZERO


def _in_order(details: dict) -> list[tuple[str, Any]]:
    known = {key: place for place, key in enumerate(LABELS)}
    return sorted(details.items(), key=lambda item: known.get(item[0], len(known)))


def _pairs(details: dict, labels: dict, names: _Names) -> list[str]:
    pairs = []
    for key, value in _in_order(details):
        if key in labels:
            text = labels[key]
        elif _says_nothing(key, value):
            continue
        else:
            text = _value_text(key, value, names)
        if text:
            pairs.append(f"{_label(key)}: {text}")
    return pairs


def audit_details_texts(events: Sequence[AuditEvent]) -> list[str]:
    """Each event's details in words, for a page of events: a fixed number of queries."""
    names = _Names.read(events)
    return [
        SEPARATOR.join(_pairs(event.details or {}, event.detail_labels or {}, names))
        for event in events
    ]
