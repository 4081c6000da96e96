"""Typeset a Markdown brief to PDF: Markdown → HTML → ``page.html.j2`` + ``style.css`` → WeasyPrint.

The PDF is made from the Markdown, so an analyst can edit the ``.md`` and
typeset it again with ``brief pdf``. WeasyPrint gets a URL fetcher that serves
only the template's own assets (``brief-asset:NAME``): no ``file:``, no
network, no ``data:``, so nothing in an article can fetch or embed anything.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from markupsafe import Markup

from brief.markdown_html import markdown_to_html, split_front_matter
from brief.templating import render_template

PAGE_TEMPLATE = "page.html.j2"
STYLESHEET = "style.css"
ASSET_SCHEME = "brief-asset:"
FRONT_MATTER_KEYS = ("title", "subtitle", "classification", "as_of", "window", "recipe", "paper")
"""What a brief's front matter may tell the page; anything else in it is ignored."""


def _asset_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class BundledAssetFetcher(URLFetcher):
        """Serves files of the template folders named ``brief-asset:NAME``; refuses every other URL."""

        def __init__(self, asset_dirs: list[Path]):
            super().__init__(allowed_protocols=[])
            self.asset_dirs = asset_dirs
            self.refused: list[str] = []

        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            if url.startswith(ASSET_SCHEME):
                name = url[len(ASSET_SCHEME):]
                if name and "/" not in name and "\\" not in name and not name.startswith("."):
                    for folder in self.asset_dirs:
                        path = folder / name
                        if path.is_file():
                            return URLFetcherResponse(url, body=path.read_bytes())
            self.refused.append(url)
            raise ValueError(f"brief does not fetch {url[:80]!r}: only the template's own assets are served")

    return BundledAssetFetcher


def make_fetcher(asset_dirs: list[Path]):
    return _asset_fetcher_class()(asset_dirs)


def brief_html(markdown: str, template_dirs: list[Path], *, paper: str | None = None) -> str:
    """The full HTML document WeasyPrint typesets."""
    given, body = split_front_matter(markdown)
    meta = {key: given.get(key) for key in FRONT_MATTER_KEYS}
    if not meta["title"]:
        heading = re.search(r"^# +(.+)$", body, re.MULTILINE)
        meta["title"] = heading.group(1).strip() if heading else None
    body_html = markdown_to_html(body)
    # What comes before the first section heading is the title block.
    cut = body_html.find("<h2")
    header_html, body_html = (body_html[:cut], body_html[cut:]) if cut >= 0 else ("", body_html)
    css = ""
    for folder in template_dirs:
        if (folder / STYLESHEET).is_file():
            css = (folder / STYLESHEET).read_text(encoding="utf-8")
            break
    chosen_paper = paper or str(meta.get("paper") or "A4")
    if chosen_paper not in ("A4", "Letter"):
        chosen_paper = "A4"
    return render_template(template_dirs, PAGE_TEMPLATE, "html", meta=meta, header=Markup(header_html), body=Markup(body_html),
                           css=Markup(css), paper=chosen_paper)


def html_to_pdf(html: str, template_dirs: list[Path]) -> bytes:
    """WeasyPrint alone: HTML → PDF bytes, with the locked-down fetcher."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    fetcher = make_fetcher(template_dirs)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=ASSET_SCHEME)
    return document.write_pdf(attachments=None, pdf_forms=False)


def markdown_to_pdf(markdown: str, template_dirs: list[Path], *, paper: str | None = None) -> bytes:
    """Typeset a Markdown brief (front matter + body) to PDF bytes."""
    return html_to_pdf(brief_html(markdown, template_dirs, paper=paper), template_dirs)
