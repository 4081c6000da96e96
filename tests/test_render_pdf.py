"""The PDF path fetches nothing and embeds nothing, whatever the article says."""

from __future__ import annotations

import http.server
import shutil
import threading
from pathlib import Path

import pypdf
import pytest

from brief.build import build
from brief.render_pdf import brief_html, make_fetcher, markdown_to_pdf
from brief.workspace import ProjectPaths

from .conftest import DATA, REPO

pytestmark = pytest.mark.pdf
TEMPLATES = [REPO / "templates" / "standard"]


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"body{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def recording_server():
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], _Recorder.requests
    server.shutdown()


def test_fetcher_serves_only_bundled_assets(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    fetcher = make_fetcher([tmp_path])
    assert fetcher.fetch("brief-asset:logo.svg").read().startswith(b"<svg")
    for url in ("file:///etc/passwd", "http://127.0.0.1:9/", "https://example.com/x.png",
                "data:text/plain,hello", "brief-asset:../secret", "brief-asset:.hidden"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_hostile_markdown_fetches_nothing(recording_server, tmp_path: Path) -> None:
    port, requests = recording_server
    markdown = (f"# Brief\n\n- text ![img](http://127.0.0.1:{port}/img.png) "
                f"[link](http://127.0.0.1:{port}/link)\n\n"
                f"<img src=\"http://127.0.0.1:{port}/raw.png\"> "
                f"<link rel=\"attachment\" href=\"file:///etc/passwd\">\n")
    pdf = markdown_to_pdf(markdown, TEMPLATES)
    assert requests == []
    (tmp_path / "x.pdf").write_bytes(pdf)
    reader = pypdf.PdfReader(tmp_path / "x.pdf")
    assert not reader.attachments
    assert "<img" in reader.pages[0].extract_text()  # raw HTML shows as text


def test_hostile_article_brief_pdf(recording_server, tmp_path: Path) -> None:
    port, requests = recording_server
    (tmp_path / "seeds").mkdir()
    article = (DATA / "hostile" / "hostile.md").read_text(encoding="utf-8").replace("127.0.0.1:9", f"127.0.0.1:{port}")
    (tmp_path / "seeds" / "hostile.md").write_text(article, encoding="utf-8")
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    paths = ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")
    result = build(paths, tmp_path / "briefings" / "situation.yaml", out_dir=tmp_path / "out")
    pdf_path = next(p for p in result.written if p.suffix == ".pdf")
    reader = pypdf.PdfReader(pdf_path)
    assert requests == []
    assert not reader.attachments
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "{{ 7*7 }}" in text


def test_page_html_escapes_front_matter() -> None:
    markdown = '---\ntitle: "<script>x</script>"\nclassification: "</style><b>"\n---\n\n# T\n\n## S\n\n- a\n'
    page = brief_html(markdown, TEMPLATES)
    assert "<script>x" not in page and "</style><b>" not in page
    assert "&lt;script&gt;" in page


def test_letter_paper(tmp_path: Path) -> None:
    pdf = markdown_to_pdf("# T\n\n## S\n\n- a\n", TEMPLATES, paper="Letter")
    (tmp_path / "l.pdf").write_bytes(pdf)
    box = pypdf.PdfReader(tmp_path / "l.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_citation_stays_on_one_line_with_the_word_before_it() -> None:
    from brief.markdown_html import markdown_to_html

    html = markdown_to_html("- The talks would stop. [\\[1\\]](#src-1)[\\[2\\]](#src-2) *(2 sources)*\n"
                            "- Short [\\[3\\]](#src-3)\n\n| a | b |\n|---|---|\n| x | [\\[1\\]](#src-1) |\n")
    nowrap = '<span style="white-space: nowrap">'
    assert f'would {nowrap}stop. <a href="#src-1">[1]</a><a href="#src-2">[2]</a></span> <em>' in html
    assert f'<li>{nowrap}Short <a href="#src-3">[3]</a></span></li>' in html
    assert '<td><a href="#src-1">[1]</a></td>' in html  # a table's source cell holds no word to keep


def test_a_timeline_rows_publication_dates_take_a_line_each(tmp_path: Path) -> None:
    """The Published cell is kept from wrapping; three dates on one line took the width the event needs, and
    the event was set a few words a line down the page."""
    from brief.markdown_html import markdown_to_html

    event = ("In Berlin, Witkoff and Kushner hold two days of talks with Zelensky at the Chancellery, with Merz as "
             "host, and meet the leaders of Germany, France, Britain, Italy and Poland over dinner.")
    published = "\\[3\\] 15 December 2025; \\[7\\] 21 December 2025; \\[10\\] 21 December 2025"
    table = ("| Date | Event | Source | Published |\n|---|---|---|---|\n"
             f"| 14–15 December 2025 | {event} | [\\[3\\]](#src-3) | {published} |\n"
             "| 9 December 2025 | Envoys met; [2] officials said so. | [\\[4\\]](#src-4) | 9 December 2025 |\n")
    html = markdown_to_html(f"## Timeline\n\n{table}")
    assert "<td>[3] 15 December 2025;<br>[7] 21 December 2025;<br>[10] 21 December 2025</td>" in html
    assert "<td>Envoys met; [2] officials said so.</td>" in html  # an event's text is left as it is
    (tmp_path / "t.pdf").write_bytes(markdown_to_pdf(f"# T\n\n## Timeline\n\n{table}", TEMPLATES))
    lines = [line.strip() for line in pypdf.PdfReader(tmp_path / "t.pdf").pages[0].extract_text().splitlines()]
    assert sum("December 2025;" in line for line in lines) == 2  # no line holds two of them
    first = next(i for i, line in enumerate(lines) if "In Berlin" in line)
    last = next(i for i, line in enumerate(lines) if "over dinner." in line)
    assert last - first < 5  # a line of the page's width, not a column of a few words


def test_a_full_line_is_not_broken_after_its_first_word_to_fit_a_citation(tmp_path: Path) -> None:
    """WeasyPrint 70 set "… left open: the / future / of the Zaporizhzhia … stop. [1]" for this item."""
    item = ("Kyiv says it has agreed almost all of the text and that only two issues are left open: the future of "
            "the Zaporizhzhia nuclear power plant and the line along which forces would stop.")
    (tmp_path / "b.pdf").write_bytes(markdown_to_pdf(f"# T\n\n## S\n\n- {item} [\\[1\\]](#src-1)\n", TEMPLATES))
    text = pypdf.PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "future" not in lines
    assert " ".join(" ".join(lines).split()).count(item) == 1


def test_a_key_quotes_attribution_is_not_broken_after_its_dash(tmp_path: Path) -> None:
    """WeasyPrint 70 set "—" alone on a line, and the speaker on the next, when the attribution's date and
    citation were a nowrap span that did not fit at the line's end."""
    quote = ("> “A deal that lifts the US measures on Rosneft and Lukoil could narrow it by ten dollars within weeks.”\\\n"
             "> — Simon Achterberg, energy analyst at Kessel \\& Roth in Frankfurt · published 19 December 2025 "
             "[\\[9\\]](#src-9)[\\[3\\]](#src-3)\n")
    (tmp_path / "q.pdf").write_bytes(markdown_to_pdf(f"# T\n\n## Key quotes\n\n{quote}", TEMPLATES))
    text = pypdf.PdfReader(tmp_path / "q.pdf").pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "—" not in lines
    assert any(line.startswith("— Simon Achterberg") for line in lines)
    assert "2025 [9][3]" in " ".join(" ".join(lines).replace("\u2060", "").split())  # the citations stay together


def test_a_file_path_is_never_broken_at_its_slash(tmp_path: Path) -> None:
    """The PDF set the About note's "Give its date in seeds/ ⏎ sources.yaml." on two lines; a URL still breaks
    where it must."""
    from brief.markdown_html import keep_paths_whole, markdown_to_html

    html = markdown_to_html("- Give its date in seeds/sources.yaml. See https://example.org/a/b.html\n")
    assert '<span style="white-space: nowrap">seeds/sources.yaml</span>.' in html
    assert "https://example.org/a/b.html" in html and html.count("nowrap") == 1
    for url in ("www.president.gov.ua/en/news/zelensky-addressed-the-nation-101234.html",  # a domain first
                "https://example.org/get?file=docs/x.pdf"):
        assert "nowrap" not in markdown_to_html(f"- published at {url}, says so\n")
    assert keep_paths_whole('<a href="news/a.html">news/a.html</a>') == \
        '<a href="news/a.html"><span style="white-space: nowrap">news/a.html</span></a>'
    note = "- 1 source without a known date was left out of the window: 001_83039b644387e352. Give its date in"
    for width in range(0, 10, 3):  # without the fix, 0-6 letters more break the line at the slash
        markdown = f"# T\n\n## About this brief\n\n{note} {'x' * width} seeds/sources.yaml.\n"
        (tmp_path / "p.pdf").write_bytes(markdown_to_pdf(markdown, TEMPLATES))
        text = pypdf.PdfReader(tmp_path / "p.pdf").pages[0].extract_text()
        assert "seeds/sources.yaml" in text, text


def test_about_this_brief_is_set_as_small_print(tmp_path: Path) -> None:
    """The build's own notes close the brief in small print, not as a section of the brief's matter."""
    markdown = ("# T\n\n## Sources\n\n1. An article — An outlet\n\n## About this brief\n\n"
                "- 1 source without a known date was left out of the window.\n")
    (tmp_path / "a.pdf").write_bytes(markdown_to_pdf(markdown, TEMPLATES))
    sizes: dict[str, float] = {}

    def record(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.setdefault(text.strip(), size * abs(cm[3] * tm[3]))

    pypdf.PdfReader(tmp_path / "a.pdf").pages[0].extract_text(visitor_text=record)
    note = next(size for text, size in sizes.items() if text.startswith("1 source without"))
    assert sizes["About this brief"] < 0.75 * sizes["Sources"]
    assert note < sizes["An article — An outlet"]
