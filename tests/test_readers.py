"""Readers: .txt, .md (front matter) and .html files into text plus stated metadata; encodings; bad files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from brief import readers
from brief.cleaning import clean_article
from brief.corpus import load_source
from brief.errors import UserError
from brief.readers import read_article

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def user_error(path: Path) -> UserError:
    with pytest.raises(UserError) as caught:
        read_article(path)
    return caught.value


# --- plain text and encodings --------------------------------------------------------------

def test_plain_text_is_read_as_is(repo):
    path = next((repo / "seeds").glob("000_*.txt"))
    article = read_article(path)
    assert article.format == "txt"
    assert article.text == path.read_text(encoding="utf-8")
    assert article.content_hash == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.stated == {} and article.page_meta == {} and article.notes == []


def test_windows_1252_file_decodes_with_its_curly_quotes_and_a_note():
    path = ARTICLES / "windows1252_story.txt"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the file really is not UTF-8
    assert b"\x93a first step\x94" in raw
    article = read_article(path)
    assert article.notes == ["not UTF-8: decoded as Windows-1252"]
    assert "Envoys’ shuttle between Tirsa and Korvan yields “a first step”" in article.text
    assert "a trade attaché," in article.text
    assert "TIRSA – A week" in article.text
    assert "dispute — over water rights" in article.text
    assert article.text.rstrip().endswith("had not been scheduled…")
    for mangled in ("\x92", "\x93", "\x94", "\ufffd", "â€", "Ã©"):
        assert mangled not in article.text
    cleaned = clean_article(article.text)
    assert "\r" not in cleaned.text
    assert "“People have paid for this quarrel with their time and their money,” Olsen told" in cleaned.text


def test_utf8_with_bom_loses_the_bom(tmp_path):
    path = tmp_path / "bom.txt"
    body = "Talks resume in Vienna\n\nThe delegations met on Monday for “technical” talks.\n"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    article = read_article(path)
    assert article.text == body
    assert article.notes == []


def test_bytes_that_are_not_windows_1252_fall_back_to_latin_1(tmp_path):
    path = tmp_path / "odd.txt"
    # 0x81 is undefined in Windows-1252; the file is still read, with a note that says how.
    path.write_bytes("Talks in Malmö resumed on Monday.".encode("latin-1") + b" \x81\n")
    article = read_article(path)
    assert article.notes == ["not UTF-8: decoded as Latin-1"]
    assert "Malmö" in article.text


# --- bad files -----------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"], ids=["empty", "blank"])
def test_an_empty_file_is_a_user_error(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = user_error(path)
    assert len(error.problems) == 1
    problem = error.problems[0]
    assert problem.message == "the file is empty"
    assert problem.file == path
    assert problem.line is None
    assert problem.hint


def test_a_file_with_a_nul_byte_is_refused_with_its_line(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"Talks resume\n\nThe delegations met on Monday.\x00\x01\x02 and more\n")
    error = user_error(path)
    problem = error.problems[0]
    assert "binary data" in problem.message and "NUL byte" in problem.message
    nul_offset = path.read_bytes().index(b"\x00")
    assert f"offset {nul_offset}" in problem.message
    assert problem.file == path
    assert problem.line == 3
    assert problem.format().startswith(f"{path}:3: the file holds binary data")


@pytest.mark.parametrize(("name", "message"), [
    ("article.pdf", "not an article file"),
    ("article.docx", "not an article file"),
    ("missing.txt", "file not found"),
])
def test_unreadable_paths_are_user_errors(tmp_path, name, message):
    path = tmp_path / name
    if name.endswith((".pdf", ".docx")):
        path.write_bytes(b"%PDF-1.7")
    error = user_error(path)
    assert error.problems[0].message == message
    assert error.problems[0].file == path


def test_a_folder_named_like_an_article_is_a_user_error(tmp_path):
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert user_error(path).problems[0].message == "is a folder, not an article file"


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    path.write_text("Talks resume. " * 100, encoding="utf-8")
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 1000)
    message = user_error(path).problems[0].message
    assert "too large" in message and "1,400 bytes" in message and "1,000" in message


# --- Markdown ------------------------------------------------------------------------------

def test_markdown_front_matter_is_stated_metadata():
    path = ARTICLES / "geneva_exchange.md"
    article = read_article(path)
    assert article.format == "md"
    assert article.stated == {
        "title": "Geneva talks on prisoner exchange end with a partial deal",
        "outlet": "The Lakeside Courier",
        "author": "Helena Marsh",
        "published": "2025-11-21",
        "url": "https://lakeside-courier.example/world/geneva-prisoner-exchange",
        "reliability": "B",
    }
    assert "---" not in article.text and "reliability:" not in article.text
    assert "**" not in article.text and "](" not in article.text
    assert "Each side hands over 60 detainees" in article.text


def test_markdown_metadata_becomes_the_sources_metadata():
    source = load_source(ARTICLES / "geneva_exchange.md")
    meta = source.meta
    assert meta.title.value == "Geneva talks on prisoner exchange end with a partial deal"
    assert meta.outlet.value == "The Lakeside Courier"
    assert meta.author.value == "Helena Marsh"
    assert meta.published.value.isoformat() == "2025-11-21"
    assert meta.url.value == "https://lakeside-courier.example/world/geneva-prisoner-exchange"
    assert meta.reliability.value == "B"
    for key in ("title", "outlet", "author", "published", "url", "reliability"):
        value = getattr(meta, key)
        assert (value.origin, value.how) == ("stated", "front matter"), key
    assert source.text.startswith("Geneva talks on prisoner exchange end with a partial deal\n\nNegotiators")


def test_markdown_line_numbers_point_into_the_file(tmp_path):
    """Dropped lines of a Markdown article are numbered as in the file, front matter and lists included."""
    path = tmp_path / "lines.md"
    path.write_text(
        "---\n"
        "title: Envoys meet in Oslo\n"
        "---\n"
        "\n"
        "# Envoys meet in Oslo\n"
        "Share on Facebook Twitter Email\n"
        "\n"
        "The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of detainees\n"
        "before the end of the week, officials from both delegations said after the meeting.\n"
        "\n"
        "- Lists of detainees are exchanged by Friday.\n"
        "- Red Cross visits resume in March.\n"
        "- A second round is held in April.\n"
        "\n"
        "Advertisement\n"
        "\n"
        "The two sides did not discuss the border, which remains the main obstacle to a settlement between\n"
        "them, according to a diplomat who attended the meeting and asked not to be named.\n"
        "\n"
        "Follow us on Facebook and Twitter\n",
        encoding="utf-8")
    source = load_source(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    dropped = {d.line: d for d in source.dropped}
    assert sorted(dropped) == [lines.index(text) + 1 for text in (
        "Share on Facebook Twitter Email", "Advertisement", "Follow us on Facebook and Twitter")]
    for number, line in dropped.items():
        assert line.text == lines[number - 1]
    for item in ("Lists of detainees are exchanged by Friday.", "Red Cross visits resume in March.",
                 "A second round is held in April."):
        assert item in source.text.split("\n")


MARKETS_TABLE = ("The rouble firmed 0.6% to 79.4 per dollar after the central bank cut its key rate on Friday.\n"
                 "\n"
                 "| Market | Friday close | Day |\n"
                 "|---|---|---|\n"
                 "| Rouble per dollar | 79.4 | +0.6% |\n"
                 "{between}"
                 "Defence shares rose 1.8% across Europe, led by Rheinmetall, after losing ground since November.\n")


@pytest.mark.parametrize("between", [
    "\n",  # a data table's cells run together are no passage: "| Market | Friday close | … |---|"
    "",  # GFM reads a line with no pipe right under a table as one more row: it is the next paragraph
])
def test_a_markdown_table_is_left_out_as_an_html_one_is_and_the_prose_after_it_kept(tmp_path, between: str):
    path = tmp_path / "markets.md"
    path.write_text(MARKETS_TABLE.format(between=between), encoding="utf-8")
    source = load_source(path)
    assert "|" not in source.text and "Rouble per dollar" not in source.text
    assert [line[:17] for line in source.text.split("\n") if line] == ["The rouble firmed", "Defence shares ro"]


def test_markdown_without_front_matter_states_nothing(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("# Talks resume\n\nThe delegations met on *Monday* in [Vienna](https://example.org).\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.stated == {}
    assert article.text == "Talks resume\n\nThe delegations met on Monday in Vienna.\n"


def test_unknown_front_matter_keys_are_reported_at_once_with_lines_and_hints():
    path = ARTICLES / "bad" / "unknown_keys.md"
    error = user_error(path)
    expected = (ARTICLES / "bad" / "unknown_keys.md.expected").read_text(encoding="utf-8")
    assert error.format() + "\n" == expected.format(file=path)
    first = error.problems[0]
    assert first.file == path
    assert path.read_text(encoding="utf-8").split("\n")[first.line - 1].startswith("auther:")
    assert first.hint == "did you mean 'author'?"


def test_a_front_matter_key_far_from_any_name_lists_the_valid_ones(tmp_path):
    path = tmp_path / "odd.md"
    path.write_text("---\ntitle: Talks\nsentiment: positive\n---\n\nThe talks resumed on Monday.\n",
                    encoding="utf-8")
    problem = user_error(path).problems[0]
    assert (problem.line, problem.field) == (3, "sentiment")
    assert problem.hint == "valid names: author, kind, outlet, published, reliability, title, url"


def test_a_stated_date_or_grade_that_cannot_be_read_is_reported_not_dropped(tmp_path):
    # before, such a value was left aside without a word and the article went undated
    path = tmp_path / "bad_date.md"
    path.write_text("---\ntitle: Talks resume\npublished: 2025-13-45\nreliability: Z\ndate: someday\n---\n\n"
                    "Envoys met in Geneva on Monday.\n", encoding="utf-8")
    problems = user_error(path).problems
    assert [(p.line, p.field, p.message, p.value) for p in problems] == [
        (3, "published", "expected a date as YYYY-MM-DD", "2025-13-45"),
        (4, "reliability", "expected a grade A–F", "Z"),
        (5, "date", "expected a date as YYYY-MM-DD", "someday")]  # another tool's name for it


def test_front_matter_that_is_not_a_mapping_is_a_user_error(tmp_path):
    path = tmp_path / "list.md"
    path.write_text("---\n- title\n- author\n---\n\nThe talks resumed on Monday.\n", encoding="utf-8")
    problem = user_error(path).problems[0]
    assert "front matter must be a mapping" in problem.message
    assert problem.file == path and problem.line == 2


def test_front_matter_that_is_not_yaml_says_where(tmp_path):
    path = tmp_path / "broken.md"
    path.write_text("---\ntitle: Talks\nauthor: [Jane Roe\n---\n\nThe talks resumed on Monday.\n",
                    encoding="utf-8")
    problem = user_error(path).problems[0]
    assert problem.message.startswith("not valid YAML")
    assert problem.file == path
    assert problem.line is not None and problem.line >= 3


# --- HTML ----------------------------------------------------------------------------------

def test_html_gives_main_text_and_page_metadata_without_navigation_or_footer():
    path = ARTICLES / "harbour_summit.html"
    article = read_article(path)
    assert article.format == "html"
    assert article.stated == {}
    assert article.page_meta == {
        "title": "Harbour summit ends with pledge on shipping lanes",
        "author": "Rafael Ortiz",
        "published": "2025-10-08",
        "outlet": "Coastal Herald",
        "url": "https://coastal-herald.example/world/harbour-summit-shipping-lanes",
    }
    assert article.text.startswith("Harbour summit ends with pledge on shipping lanes\n\n")
    for sentence in ("agreed on Wednesday to keep the Narrows shipping lanes open to all merchant traffic",
                     "commits the five governments to share radar data",
                     "Officials will return to the idea at a ministerial meeting planned for the spring."):
        assert sentence in article.text
    for furniture in ("Front page", "World desk", "Markets and money", "Subscribe today", "All rights reserved",
                      "About the newsroom", "Privacy settings", "Contact the editors", "<p>", "og:title"):
        assert furniture not in article.text


def test_html_page_metadata_is_an_inference():
    meta = load_source(ARTICLES / "harbour_summit.html").meta
    assert meta.title.value == "Harbour summit ends with pledge on shipping lanes"
    assert meta.outlet.value == "Coastal Herald"
    assert meta.author.value == "Rafael Ortiz"
    assert meta.published.value.isoformat() == "2025-10-08"
    for key in ("title", "outlet", "author", "published", "url"):
        assert getattr(meta, key).origin == "inferred", key
        assert getattr(meta, key).how == "page metadata"
    assert meta.reliability.value is None and meta.reliability.origin == "unknown"


def test_html_without_article_text_is_a_user_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Front page</title></head><body><div></div></body></html>",
                    encoding="utf-8")
    problem = user_error(path).problems[0]
    assert problem.message == "no article text found in this HTML page"
    assert problem.file == path


# --- Markdown exported by other tools ----------------------------------------------------------

def test_front_matter_of_another_tool_is_read_under_our_names(tmp_path):
    """Jekyll/Hugo/Astro name our fields otherwise; their own keys are left aside, with a note."""
    path = tmp_path / "jekyll.md"
    path.write_text(
        "---\nlayout: post\ntitle: \"Envoys meet in Oslo\"\ndate: 2025-03-04 09:12:00 +0100\n"
        "authors:\n  - Jane Roe\n  - name: John Doe\ncategories: [news]\ntags: [diplomacy, Europe]\n"
        "draft: false\npubDate: '4 March 2025'\n---\n\n"
        "The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of detainees.\n",
        encoding="utf-8")
    article = read_article(path)
    assert article.stated == {"title": "Envoys meet in Oslo", "published": "2025-03-04 09:12:00 +0100",
                              "author": "Jane Roe, John Doe"}
    assert article.notes == ["front matter of another tool: read date as published, authors as author",
                             "front matter keys left aside: layout, categories, tags, draft"]
    meta = load_source(path).meta
    assert meta.published.value.isoformat() == "2025-03-04"
    assert (meta.published.origin, meta.published.how) == ("stated", "front matter")
    assert meta.author.value == "Jane Roe, John Doe"


def test_our_own_key_wins_over_another_tools_name_for_it(tmp_path):
    path = tmp_path / "both.md"
    path.write_text("---\ndate: 2025-01-01\npublished: 2025-03-04\nsource: Lakeside Courier\n---\n\nText.\n",
                    encoding="utf-8")
    article = read_article(path)
    assert article.stated == {"published": "2025-03-04", "outlet": "Lakeside Courier"}
    assert article.notes == ["front matter of another tool: read source as outlet"]


def test_a_typo_beside_another_tools_keys_is_still_reported():
    path = ARTICLES / "bad" / "unknown_keys.md"
    text = path.read_text(encoding="utf-8").replace("---\n", "---\ntags: [a, b]\nlayout: post\n", 1)
    copy = path.with_name("typo_and_tags.md")
    try:
        copy.write_text(text, encoding="utf-8")
        problems = user_error(copy).problems
    finally:
        copy.unlink()
    assert [(p.line, p.field) for p in problems] == [(5, "auther"), (7, "pubished")]


def test_toml_front_matter_is_read(tmp_path):
    path = tmp_path / "hugo.md"
    path.write_text('+++\ntitle = "Envoys meet in Oslo"\ndate = 2025-03-04\ntags = ["a"]\n+++\n\n'
                    "# Envoys meet in Oslo\n\nThe envoys met in Oslo on Monday.\n", encoding="utf-8")
    article = read_article(path)
    assert article.stated["title"] == "Envoys meet in Oslo"
    assert load_source(path).meta.published.value.isoformat() == "2025-03-04"
    assert "+++" not in article.text and "tags" not in article.text
    assert article.text.split("\n")[6] == "Envoys meet in Oslo"  # line 7 of the file, as given


def test_toml_front_matter_problems_say_where(tmp_path):
    path = tmp_path / "hugo.md"
    path.write_text('+++\ntitle = "Talks"\nsentiment = "positive"\n+++\n\nText.\n', encoding="utf-8")
    problem = user_error(path).problems[0]
    assert (problem.line, problem.field) == (3, "sentiment")
    path.write_text('+++\ntitle = "Talks\n+++\n\nText.\n', encoding="utf-8")
    problem = user_error(path).problems[0]
    assert problem.message.startswith("front matter is not valid TOML")
    assert problem.line == 2


def test_markdown_with_old_mac_line_ends_has_its_front_matter_read(tmp_path):
    path = tmp_path / "mac.md"
    path.write_bytes(b"---\rtitle: Envoys meet in Oslo\r---\r\rThe envoys met in Oslo on Monday.\r")
    article = read_article(path)
    assert article.stated == {"title": "Envoys meet in Oslo"}
    assert article.text.split("\n")[4] == "The envoys met in Oslo on Monday."


# --- HTML pages as the web has them ------------------------------------------------------------

_PARAGRAPHS = [
    "The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of detainees "
    "before the end of the week, officials from both delegations said after the meeting.",
    "The two sides did not discuss the border, which remains the main obstacle to a settlement between "
    "them, according to a diplomat who attended the meeting and asked not to be named.",
    "A second round is planned for April in Geneva, where the mediators hope to agree on a timetable for "
    "the return of prisoners and the reopening of the crossings along the river.",
]


def test_an_old_page_laid_out_with_tables_is_read_as_blocks(tmp_path):
    """trafilatura leaves tables out, and with them the whole text of a table-layout page."""
    links = "".join(f'<a href="/s{i}">Section {i}</a><br>' for i in range(30))
    page = ("<html><head><title>Envoys meet in Oslo</title></head><body><table width='100%'><tr>"
            f"<td class='sidebar'>{links}</td><td><font size='5'><b>Envoys meet in Oslo</b></font><br><br>\n"
            + "<br><br>\n".join(_PARAGRAPHS) + "</td></tr></table></body></html>")
    path = tmp_path / "legacy.htm"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    blocks = article.text.strip().split("\n\n")
    for paragraph in _PARAGRAPHS:
        assert paragraph in blocks
    assert "Section 7" not in article.text


def test_an_ordinary_page_is_read_once_the_quick_way(monkeypatch):
    import trafilatura

    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: calls.append(k["fast"]) or real(*a, **k))
    read_article(ARTICLES / "harbour_summit.html")
    assert calls == [True]


def test_a_page_with_little_text_is_read_again_the_thorough_way(tmp_path, monkeypatch):
    import trafilatura

    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: calls.append(k["fast"]) or real(*a, **k))
    path = tmp_path / "short.html"
    path.write_text(f"<html><body><article><h1>Talks</h1><p>{_PARAGRAPHS[0]}</p></article></body></html>",
                    encoding="utf-8")
    assert _PARAGRAPHS[0] in read_article(path).text
    assert calls == [True, False]


@pytest.mark.parametrize("meta", [
    '<meta property="article:published_time" content="2025-05-10T08:00:00Z">',
    '<meta content="2025-05-10" name="datePublished">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-10T07:30:00Z"}</script>',
])
def test_a_date_the_page_states_year_first_wins_over_an_ambiguous_one(tmp_path, meta):
    """"05/10/2025" is read as 10 May or 5 October; the page's ISO date settles it."""
    page = (f'<html><head><title>Talks</title><meta name="date" content="05/10/2025">{meta}</head><body>'
            f"<article><h1>Talks</h1>" + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS) + "</article></body></html>")
    path = tmp_path / "dated.html"
    path.write_text(page, encoding="utf-8")
    assert load_source(path).meta.published.value.isoformat() == "2025-05-10"


def test_page_metadata_is_trafilaturas_less_what_briefs_never_use():
    """Categories, tags and licence are left out (a fifth of a page's time); the rest is trafilatura's."""
    from trafilatura.metadata import extract_metadata

    page = (ARTICLES / "harbour_summit.html").read_text(encoding="utf-8")
    theirs = extract_metadata(page).as_dict()
    ours = readers.page_metadata(page)
    assert ours == {key: theirs[key] for key in ("title", "author", "date", "sitename", "url")}
    assert ours["title"] == "Harbour summit ends with pledge on shipping lanes"


def test_a_page_that_states_its_date_year_first_is_not_searched_for_one(monkeypatch):
    import htmldate
    import trafilatura.metadata

    searched = []
    monkeypatch.setattr(htmldate, "find_date", lambda *a, **k: searched.append(1))
    monkeypatch.setattr(trafilatura.metadata, "find_date", lambda *a, **k: searched.append(1))
    article = read_article(ARTICLES / "harbour_summit.html")  # article:published_time 2025-10-08T09:15:00Z
    assert searched == []
    assert article.page_meta["published"] == "2025-10-08"
