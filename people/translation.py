"""Content in the reader's language (wagtail-localize translations), with the original behind it.

Courses are written in the site's language (settings.LANGUAGE_CODE) and translated in the admin.
Records (progress, attempts, responses, certificates) always point at the original, so they belong
to the course whatever language it was taken in; only what is shown comes from a translation.
`shown(obj)` is the translation a reader of the active language sees, or the original when there is
none yet (then `Shown.missing` is True, and pages say so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.utils import translation
from wagtail.models import DraftStateMixin, Page

T = TypeVar("T")


@dataclass(frozen=True)
class Shown(Generic[T]):
    """What a reader sees of `original`: `content` (its translation or itself)."""

    original: T
    content: T
    language: str  # the reader's language

    @property
    def missing(self) -> bool:
        """True when the reader's language has no translation yet and the original is shown."""
        return self.content is self.original and self.language != settings.LANGUAGE_CODE


def reader_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _translations(model: type, keys: Iterable, language: str):
    queryset = model._default_manager.filter(
        translation_key__in=list(keys), locale__language_code=language
    )
    if issubclass(model, Page):
        queryset = queryset.live()  # `model` is the page's own class: no .specific() needed
    elif issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    return queryset


def shown_many(objects: Iterable[T], *, language: str | None = None) -> dict[int, Shown[T]]:
    """Each object's translation for `language` (default: the active one), by original pk.

    One query for them all, none for a reader of the site's own language.
    """
    objects = [obj for obj in objects if obj is not None]
    language = language or reader_language()
    found: dict = {}
    if objects and language != settings.LANGUAGE_CODE:
        model = type(objects[0])._meta.concrete_model  # a page's own class, not Page
        found = {
            item.translation_key: item
            for item in _translations(model, {obj.translation_key for obj in objects}, language)
        }
    return {
        obj.pk: Shown(
            original=obj,
            content=found.get(obj.translation_key, obj) if found else obj,
            language=language,
        )
        for obj in objects
    }


def shown(obj: T, *, language: str | None = None) -> Shown[T]:
    """`obj` as a reader of `language` (default: the active one) sees it."""
    language = language or reader_language()
    return shown_many([obj], language=language)[obj.pk]


def in_language(
    obj: T,
    *,
    language: str | None = None,
    found: Shown[T] | None = None,
    fields: tuple[str, ...] = (),
) -> T:
    """`obj` itself, its words replaced by those of its translation for the reader, for this
    request only (never save it). Ids, URLs and structure stay the original's, so whatever is
    recorded against it belongs to the original. Sets `obj.translation_missing`.

    `found`: what `shown(obj)` gave, already looked up (else one query finds it). `fields`: only
    these (e.g. a list's title and summary), not every translatable one.
    """
    if obj is None:
        return obj
    found = found or shown(obj, language=language)
    if found.content is not obj:
        _copy_words(obj, found.content, fields)
    obj.translation_missing = found.missing
    return obj


def in_language_many(
    objects: Iterable[T], *, language: str | None = None, fields: tuple[str, ...] = ()
) -> list[T]:
    """`in_language` for many objects of one model, with one query."""
    objects = [obj for obj in objects if obj is not None]
    found = shown_many(objects, language=language)
    for obj in objects:
        in_language(obj, found=found[obj.pk], fields=fields)
    return objects


def _copy_words(obj, translation, fields: tuple[str, ...] = ()) -> None:
    from wagtail.fields import StreamField
    from wagtail_localize.fields import TranslatableField, get_translatable_fields

    for spec in get_translatable_fields(type(obj)):
        if not isinstance(spec, TranslatableField) or spec.field_name == "slug":
            continue
        if fields and spec.field_name not in fields:
            continue
        field = obj._meta.get_field(spec.field_name)
        if isinstance(field, StreamField):
            setattr(
                obj,
                field.name,
                _merged_stream(getattr(obj, field.name), getattr(translation, field.name)),
            )
        elif getattr(field, "concrete", False) and not field.is_relation:
            setattr(obj, field.attname, getattr(translation, field.attname))


def _merged_stream(original, translated):
    """The original's blocks, each with its translation's value where the translation has the
    same block (same id and kind): a translation not yet synced keeps the original's steps."""
    from wagtail.blocks import StreamValue

    by_id = {block.id: block for block in translated}
    data = []
    for block in original:
        match = by_id.get(block.id)
        value = (
            match.value
            if match is not None and match.block_type == block.block_type
            else block.value
        )
        data.append((block.block_type, value, block.id))
    return StreamValue(original.stream_block, data)


class TextOnlyTranslation:
    """A StructBlock of which wagtail-localize translates only `translated_children` (plain text).

    The rest (node keys, flags, conditions, chosen snippets) is the structure the original defines
    and its translations share.
    """

    translated_children: tuple[str, ...] = ()

    def get_translatable_segments(self, value):
        from wagtail_localize.segments import StringSegmentValue

        return [
            StringSegmentValue(name, value[name])
            for name in self.translated_children
            if value.get(name)
        ]

    def restore_translated_segments(self, value, segments):
        for segment in segments:
            if segment.path in self.translated_children:
                value[segment.path] = segment.render_text()
        return value


class NotTranslated:
    """A block wagtail-localize leaves as the original has it (keys, flags)."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value
