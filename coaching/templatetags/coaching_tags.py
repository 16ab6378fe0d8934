"""Coaching's part of the site header: a coach's link, a learner's "My coach" with unread count."""

from __future__ import annotations

from django import template

from ..selectors import is_coach, nav_counts

register = template.Library()


@register.inclusion_tag("coaching/includes/nav.html", takes_context=True)
def coaching_nav(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    counts = nav_counts(user=user)  # one query
    return {
        "show": True,
        "is_coach": is_coach(user),
        "has_coach": counts["in_cohort"] or counts["unread"] > 0,
        "unread": counts["unread"],
        "nav_section": context.get("nav_section"),
    }
