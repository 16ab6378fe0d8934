"""Uploaded documents are checked by what they contain, not only by their name.

Wagtail already checks images by content (Willow must open them, and the format must match the
extension), their size and their pixel count (settings WAGTAILIMAGES_*). For documents it checks
the extension and the size only: this form base (WAGTAILDOCS_DOCUMENT_FORM_BASE) also looks at the
first bytes, so an HTML page or a program renamed `.pdf` is refused with a clear message.
"""

from __future__ import annotations

import os

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

# The Office Open XML and OpenDocument formats are ZIP archives.
_ZIP = (b"PK\x03\x04",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
}
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_BYTES = 8192


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(head) - 3
    return True


def document_content_matches(name: str, head: bytes) -> bool:
    """Whether the first bytes of an upload fit the type its extension claims."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension in TEXT_EXTENSIONS:
        return _looks_like_text(head)
    signatures = SIGNATURES.get(extension)
    if signatures is None:
        return True  # an extension we have no signature for: the extension rule decides
    return head.startswith(signatures)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or not hasattr(upload, "read") or upload is self.original_file:
            return upload
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(SNIFF_BYTES)
        upload.seek(position)
        if not document_content_matches(upload.name, head):
            raise forms.ValidationError(
                _(
                    "This file's content does not match its name (%(name)s). Upload the document "
                    "itself, saved in the format its extension says."
                ),
                code="content_mismatch",
                params={"name": os.path.basename(upload.name)},
            )
        return upload
