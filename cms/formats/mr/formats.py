"""Marathi writes dates as Hindi does (day, month name, year); the names come from Django's
Marathi catalogue ("3 फेब्रुवारी 2027")."""

from cms.formats.hi.formats import *  # noqa: F403 - Django reads this module's names
