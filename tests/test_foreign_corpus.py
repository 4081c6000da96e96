"""A corpus made by another generator than brief's own (bench/make_foreign_corpus.py) is read as a whole.

Forty of its articles hold one file of every awkward kind it makes (CRLF, a BOM,
Windows-1252 and Latin-1 bytes, mojibake, lone CRs, a table-layout page, other
tools' front matter, a name with a space and an accent, an upper-case extension):
each is read, except the files that are broken on purpose, which are left out
one by one with their own message, never a crash of the whole corpus.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from brief.corpus import load_corpus

GENERATOR = Path(__file__).resolve().parent.parent / "bench" / "make_foreign_corpus.py"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("make_foreign_corpus", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def foreign(generator, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("foreign")
    generator.generate(40, folder, seed=11)
    return folder


def test_the_generator_is_reproducible_from_its_seed(generator, foreign, tmp_path):
    generator.generate(40, tmp_path, seed=11)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {p.name: p.read_bytes() for p in foreign.iterdir()}


def test_only_the_files_broken_on_purpose_are_left_out(foreign):
    corpus = load_corpus(foreign)
    left_out = {Path(str(problem.file)).name: problem.message for problem in corpus.problems}
    assert left_out == {
        "odd-00011-empty.txt": "the file is empty",
        "odd-00012-blank.md": "the file is empty",
        "odd-00013-only-chrome.html": "no article text found in this HTML page",
        "odd-00019-broken-front-matter.md": left_out["odd-00019-broken-front-matter.md"],
        "odd-00020-binary.txt": left_out["odd-00020-binary.txt"],
        "odd-00023-only-chrome.txt": "nothing is left of this article once its boilerplate is removed",
    }
    assert left_out["odd-00019-broken-front-matter.md"].startswith("not valid YAML")
    assert "binary data" in left_out["odd-00020-binary.txt"]
    assert len(corpus.sources) == 40 - len(left_out)


def test_every_article_read_has_its_title_and_most_their_date(foreign):
    """A text that gives no date but announced ones ("could revisit ... on August 15") stays undated."""
    corpus = load_corpus(foreign)
    dated = [source for source in corpus.sources if source.meta.date is not None]
    assert len(dated) >= 0.8 * len(corpus.sources)
    for source in corpus.sources:
        assert source.text.strip(), source.id
        assert source.meta.title.known, source.id
        for furniture in ("Share this article", "Skip to main content", "Accept all", "Listen to this article"):
            assert furniture not in source.text, (source.id, furniture)


def test_awkward_encodings_are_read_and_repaired(foreign):
    sources = {source.id: source for source in load_corpus(foreign).sources}
    assert sources["odd-00014-cp1252"].notes == ("not UTF-8: decoded as Windows-1252",)
    for source_id in ("odd-00018-mojibake", "odd-00016-crlf", "odd-00017-bom", "odd-00024-lf-cr"):
        text = sources[source_id].text
        assert "Ã" not in text and "â€" not in text and "\r" not in text and "\ufeff" not in text, source_id
    assert sources["odd-00024-lf-cr"].meta.title.how == "front matter"
    assert "Café talks 21" in sources


def test_page_metadata_is_trafilaturas_on_every_foreign_page(foreign):
    from trafilatura.metadata import extract_metadata

    from brief.readers import page_metadata

    pages = [path for path in foreign.iterdir() if path.suffix.lower() in (".html", ".htm")]
    assert len(pages) >= 10
    for path in pages:
        page = path.read_bytes().decode("utf-8", errors="replace")
        theirs = extract_metadata(page).as_dict()
        assert page_metadata(page) == {key: theirs[key] for key in ("title", "author", "date", "sitename", "url")}
