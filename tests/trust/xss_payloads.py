"""A corpus of cross-site scripting payloads, and a check that a page renders them harmless.

Every payload fits a full name (200 characters). Kinds: script tags, event handlers,
`javascript:`/`data:` links, SVG and MathML tricks, HTML entities, mixed case, broken and
nested tags, Markdown links, template syntax.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

PAYLOADS: list[str] = [
    # Script tags
    "<script>alert(1)</script>",
    "<ScRiPt>alert(1)</sCrIpT>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>alert(String.fromCharCode(88,83,83))</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    # Event handlers
    "<img src=x onerror=alert(1)>",
    "'><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover me</div>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "' autofocus onfocus='alert(1)",
    # javascript: and data: links
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    "<a href=javascript&colon;alert(1)>click</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="9" y="9">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # HTML entities
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    # Broken and nested tags
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)//",
    "<<img src=x onerror=alert(1)//<",
    "<style>@import 'javascript:alert(1)';</style>",
    # Markdown and templates
    "[click me](javascript:alert(1))",
    "![x](javascript:alert(1))",
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== "t")',
    '<https://example.com" onmouseover="alert(1)>',
    "{{ 7|add:42 }}{% debug %}",
    "`<script>alert(1)</script>`",
]

# Tags user text must never turn into.
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "style"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "srcdoc",
    "background",
    "poster",
    "lowsrc",
    "dynsrc",
}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _dangerous_url(value: str) -> bool:
    # Browsers ignore whitespace and control characters inside a scheme ("jav\tascript:").
    compact = _CONTROL.sub("", html.unescape(value)).lower()
    return compact.startswith(("javascript:", "vbscript:", "data:"))


def _our_static_file(src: str, static_prefix: str, own_hosts: set[str]) -> bool:
    parts = urlsplit(src)
    return parts.netloc in own_hosts and parts.path.startswith(static_prefix)


def executable_markup(
    page_html: str,
    *,
    static_prefix: str = "/static/",
    own_hosts: frozenset = frozenset({"", "testserver"}),
) -> list[str]:
    """What on this page could run script or load it: an empty list means nothing."""
    found: list[str] = []
    document = BeautifulSoup(page_html, "html.parser")
    for script in document.find_all("script"):
        kind = (script.get("type") or "").lower()
        if kind == "application/json":
            continue  # data, never run
        src = script.get("src") or ""
        if not _our_static_file(src, static_prefix, set(own_hosts)) or script.get_text(strip=True):
            found.append(f"script: {str(script)[:120]}")
    for element in document.find_all(True):
        if element.name in FORBIDDEN_TAGS:
            found.append(f"<{element.name}>: {str(element)[:120]}")
        if element.name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append(f"meta refresh: {element}")
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"handler {name} on <{element.name}>")
            if name.lower() in URL_ATTRIBUTES:
                values = value if isinstance(value, list) else [value]
                if any(_dangerous_url(v) for v in values):
                    found.append(f"{name}={value!r} on <{element.name}>")
    return found


def visible_text(page_html: str) -> str:
    return BeautifulSoup(page_html, "html.parser").get_text()
