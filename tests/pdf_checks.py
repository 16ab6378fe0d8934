"""Reading a PDF back as its reader would: the text, the fonts it embeds, its language, where
each character sits on the page. Shared by the certificate and the HR summary tests."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

import pypdfium2
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

# What the product bundles (cms/static/cms/fonts): the family names inside the font files.
BUNDLED_FAMILIES = {"Noto Sans", "Noto Sans Devanagari"}
_WEIGHT_SUFFIX = re.compile(r" (Thin|ExtraLight|Light|Medium|SemiBold|ExtraBold|Black)$")
_BFCHAR_BLOCK = re.compile(r"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFCHAR = re.compile(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>")


def pdftotext(pdf: bytes) -> str:
    """What Poppler's pdftotext reads from the file, as a person checking it would."""
    program = shutil.which("pdftotext")
    if not program:
        pytest.skip(
            "This check reads the PDF back with Poppler's pdftotext, which this machine lacks "
            "(apt-get install poppler-utils). .ci/run installs it, so CI always runs the check."
        )
    return subprocess.run(  # noqa: S603 - a fixed program reading a PDF the test made
        [program, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def without_spaces(text: str) -> str:
    """Text compared ignoring white space: pdftotext may split a Devanagari conjunct
    ("कुलक र्णी") when it reads the shaped glyphs back."""
    return re.sub(r"\s+", "", text)


def catalog_lang(pdf: bytes) -> str:
    return str(PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/Lang", ""))


@dataclass(frozen=True)
class EmbeddedFont:
    pdf_name: str  # /BaseFont without the subset prefix
    family: str  # the family named inside the embedded font file
    drawn: frozenset[str]  # the characters the PDF says this font's glyphs each stand for


def embedded_fonts(pdf: bytes) -> list[EmbeddedFont]:
    """Every font of every page (margin boxes and SVG charts included), each read from the
    font file the PDF embeds, not from the name the PDF gives it."""
    reader = PdfReader(io.BytesIO(pdf))
    seen: dict[object, EmbeddedFont] = {}
    for page in reader.pages:
        for resources in _all_resources(page.get("/Resources")):
            for ref in resources.get("/Font", {}).values():
                key = getattr(ref, "idnum", id(ref))
                if key not in seen:
                    seen[key] = _read_font(ref.get_object())
    return list(seen.values())


def _all_resources(resources):
    """A page's resources and those of the forms (SVG images) it draws."""
    if resources is None:
        return
    resources = resources.get_object()
    yield resources
    for form in _forms(resources):
        yield from _all_resources(form.get("/Resources"))


def _forms(resources):
    for ref in resources.get("/XObject", {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield xobject


def text_in_svg_images(pdf: bytes) -> list[str]:
    """The fonts SVG images draw text with. WeasyPrint sets SVG text one character at a time,
    unshaped: Devanagari in an SVG prints with loose vowel signs and dotted circles."""
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for resources in _all_resources(page.get("/Resources")):
            for form in _forms(resources):
                for inner in _all_resources(form.get("/Resources")):
                    fonts.extend(
                        str(ref.get_object()["/BaseFont"])
                        for ref in inner.get("/Font", {}).values()
                    )
    return fonts


def _read_font(font) -> EmbeddedFont:
    name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
    descendant = font["/DescendantFonts"][0].get_object()
    data = descendant["/FontDescriptor"]["/FontFile2"].get_object().get_data()
    file = TTFont(io.BytesIO(data))
    drawn = set()
    cmap = font["/ToUnicode"].get_object().get_data().decode()
    for block in _BFCHAR_BLOCK.findall(cmap):
        for _glyph, text in _BFCHAR.findall(block):
            drawn.update(chr(int(text[i : i + 4], 16)) for i in range(0, len(text), 4))
    # The family without a weight that names it apart ("Noto Sans SemiBold"): subsetting drops
    # the typographic family name.
    family = _WEIGHT_SUFFIX.sub("", file["name"].getDebugName(1))
    return EmbeddedFont(name, family, frozenset(drawn))


def _devanagari(char: str) -> bool:
    return unicodedata.name(char, "").startswith("DEVANAGARI")


def font_problems(pdf: bytes) -> list[str]:
    """What is wrong with the PDF's fonts: a font that is not one of the bundled files (a system
    fallback), or a font drawing letters of a script its file is not for (one file's glyph
    numbers drawn with another file's outlines: junk on paper). Letters, not the exact glyph: a
    language's own letter forms (Marathi's श) are other glyphs for the same character."""
    problems = []
    for font in embedded_fonts(pdf):
        if font.family not in BUNDLED_FAMILIES:
            problems.append(f"{font.pdf_name}: {font.family!r} is not a bundled font")
        letters = {c for c in font.drawn if unicodedata.category(c)[0] in "LM"}
        if font.family == "Noto Sans Devanagari":
            wrong = {c for c in letters if not _devanagari(c)}
        else:
            wrong = {c for c in letters if _devanagari(c)}
        if wrong:
            problems.append(f"{font.pdf_name} ({font.family}) draws {''.join(sorted(wrong))!r}")
    return problems


@dataclass(frozen=True)
class PlacedChar:
    char: str
    page: int
    left: float
    bottom: float
    right: float
    top: float


def placed_chars(pdf: bytes) -> tuple[list[PlacedChar], list[tuple[float, float]]]:
    """Every drawn character with its box in points (origin bottom left), and each page's size."""
    document = pypdfium2.PdfDocument(pdf)
    chars, sizes = [], []
    try:
        for number, page in enumerate(document):
            sizes.append(page.get_size())
            text = page.get_textpage()
            for index in range(text.count_chars()):
                char = text.get_text_range(index, 1)
                if not char.strip():
                    continue
                left, bottom, right, top = text.get_charbox(index)
                chars.append(PlacedChar(char, number, left, bottom, right, top))
    finally:
        document.close()
    return chars, sizes
