"""Source metadata: what the seeds let us infer, what sources.yaml states, and adding articles."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from brief.cleaning import clean_article
from brief.corpus import add_articles, load_corpus, load_stated_metadata
from brief.errors import UserError
from brief.metadata import MENTIONED_DATE, infer_metadata

ARTICLES = Path(__file__).resolve().parent / "data" / "articles"
SEED_000 = "000_0207c4399900d62a"
SEED_001 = "001_83039b644387e352"
SEED_002 = "002_e759f5f9dd5bc10b"
SEED_003 = "003_5b825d6438a3e144"
SEED_004 = "004_1ae0d73ebc0c7739"
META_KEYS = ("title", "outlet", "author", "published", "url", "reliability")


def line_of(path: Path, text: str) -> int:
    """1-based number of the only line of ``path`` that holds ``text``."""
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1) if text in line]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.fixture(scope="module")
def seeds(shipped_workspace):
    return shipped_workspace.corpus.by_id()


# --- inferred from the seeds ---------------------------------------------------------------

def test_seed_000_author_and_outlet_come_from_its_sign_off(seeds, repo):
    meta = seeds[SEED_000].meta
    path = seeds[SEED_000].path
    assert (meta.author.value, meta.author.origin) == ("Abdiwahab Ahmed", "inferred")
    assert meta.author.how == f"byline, line {line_of(path, 'By Abdiwahab Ahmed')}"
    assert (meta.outlet.value, meta.outlet.origin) == ("Axadle Times", "inferred")
    assert meta.outlet.how.endswith(f"line {line_of(path, 'Axadle Times')}")
    # No date of its own, but it is written "as 2025 closes" and reports "Dec. 17" and "Dec. 18" in the past
    # tense: it cannot have appeared before 18 December 2025, and that is all the brief claims.
    assert (meta.published.value, meta.published.origin) == (dt.date(2025, 12, 18), "inferred")
    assert "(Dec. 18)" in meta.published.how and "(as 2025 closes)" in meta.published.how
    assert meta.published.is_earliest and seeds[SEED_000].date_is_earliest
    assert meta.published.display() == "18 December 2025 or later"
    assert meta.title.value == "Ukraine War 2025: Negotiations falter amid setbacks and escalating conflict"
    assert meta.title.origin == "inferred"


def test_seed_002_date_comes_from_its_dateline(seeds):
    meta = seeds[SEED_002].meta
    assert (meta.published.value, meta.published.origin) == (dt.date(2025, 12, 4), "inferred")
    assert meta.published.how == f"dateline, line {line_of(seeds[SEED_002].path, 'London, UK – December 4, 2025')}"
    assert meta.published.display() == "4 December 2025"
    assert meta.title.value.startswith("Path to Peace ‘Unclear’")


def test_seed_003_author_comes_from_its_byline(seeds):
    meta = seeds[SEED_003].meta
    assert (meta.author.value, meta.author.origin) == ("Jackson Miller", "inferred")
    assert meta.author.how == f"byline, line {line_of(seeds[SEED_003].path, 'Author: Jackson Miller')}"
    assert meta.title.value == "Reasons for the Failure of U.S.-Russia Ukraine Talks"
    # Only "Last update: 33 minutes ago" is given; the date is a guess and says so.
    assert meta.published.value == dt.date(2025, 12, 2)
    assert meta.published.origin == "inferred" and "no publication date given" in meta.published.how


def test_seed_004_has_a_date_and_no_title(seeds):
    source = seeds[SEED_004]
    meta = source.meta
    assert (meta.published.value, meta.published.origin) == (dt.date(2025, 6, 12), "inferred")
    assert meta.published.how == f"publication date, line {line_of(source.path, 'Published June 12, 2025')}"
    assert meta.title.value is None and meta.title.origin == "unknown"
    assert source.display_title().startswith("Untitled: “As the war in Ukraine drags into its third year")
    # Its source list names outlets it draws on; none of them is its own outlet.
    assert meta.outlet.value is None


def test_unknown_values_stay_unknown(seeds):
    for source_id in (SEED_001, SEED_002, SEED_003, SEED_004):
        assert seeds[source_id].meta.outlet.value is None, source_id
    for source in seeds.values():
        for key in ("url", "reliability"):
            value = getattr(source.meta, key)
            assert (value.value, value.origin, value.known) == (None, "unknown", False), (source.id, key)
            assert value.display() == "unknown"
    meta = seeds[SEED_001].meta
    assert meta.author.value is None and meta.published.value is None


def test_inference_reads_bylines_datelines_and_sign_offs():
    raw = ("Envoys agree to meet again in Oslo\n\n"
           "By Maria Lund, Diplomatic Editor\n\n"
           "OSLO – 3 March 2025\n\n"
           "The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of "
           "detainees before the end of the week, officials from both delegations said.\n\n"
           "© 2025 Nordic Courier https://nordic-courier.example/world/oslo-envoys\n")
    found = infer_metadata(clean_article(raw))
    assert {key: value.value for key, value in found.items()} == {
        "title": "Envoys agree to meet again in Oslo",
        "author": "Maria Lund",
        "published": dt.date(2025, 3, 3),
        "outlet": "Nordic Courier",
        "url": "https://nordic-courier.example/world/oslo-envoys",
    }
    assert all(value.origin == "inferred" for value in found.values())


@pytest.mark.parametrize(("sign_off", "outlet"), [
    ("© 2025 The Northern Ledger", "The Northern Ledger"),
    ("Copyright 2025 Coastal Herald Media Group. All rights reserved.", "Coastal Herald Media Group"),
    ("(c) 2019-2025 Valley Observer", "Valley Observer"),
    ("COPYRIGHT 2024 Times of Malta All Rights Reserved", "Times of Malta"),
    ("© 2025 Nordic Courier https://nordic-courier.example", "Nordic Courier"),
])
def test_outlet_from_a_copyright_line_is_only_the_name(sign_off, outlet):
    raw = ("The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of "
           f"detainees before the end of the week, officials from both delegations said.\n\n{sign_off}\n")
    found = infer_metadata(clean_article(raw))
    assert found["outlet"].value == outlet
    assert found["outlet"].how == "sign-off, line 3"


@pytest.mark.parametrize(("text", "date"), [
    ("Talks were held on 3 March 2025. They could resume on 12 April 2025.", dt.date(2025, 3, 3)),
    ("The deal was signed by both sides on 3 March 2025. A vote is due by 1 May 2025.", dt.date(2025, 3, 3)),
    ("In May the envoys met again, on 4 May 2025, in Geneva.", dt.date(2025, 5, 4)),
    ("A meeting is planned for 20 June 2025, after talks on 2 June 2025 ended early.", dt.date(2025, 6, 2)),
    ("Talks ended on 2 June 2025. Work is due to finish on Sunday, 10 August 2025.", dt.date(2025, 6, 2)),
    ("Plans for 60 flats were approved on 2 April 2024. A meeting is planned for 28 May 2024.", dt.date(2024, 4, 2)),
    ("Talks ended on 1 July 2025. They could revisit growth of 8.3% on 29 July 2025.", dt.date(2025, 7, 1)),
    ("Talks ended on 1 July 2025. They could revisit the exchange of 30,387 prisoners on Jul. 27, 2025.",
     dt.date(2025, 7, 1)),
])
def test_without_a_publication_date_the_latest_date_of_what_happened_stands_in(text, date):
    """A date announced for later ("could resume on 12 April") is not when the article was written."""
    meta = infer_metadata(clean_article(f"Envoys meet\n\n{text}\n"))
    assert meta["published"].value == date
    assert meta["published"].how == "latest date the text mentions; no publication date given"


_MIAMI = ("The weekend's meetings in Miami between the envoys produced a statement but no breakthrough, and "
          "the round that ended on 20 December 2025 left the territorial question where it was.")


@pytest.mark.parametrize("strapline", [
    "The Eastfield Policy Newsletter | Monday 22 December 2025",
    "Monday 22 December 2025 | The Eastfield Policy Newsletter",
    "Morning Brief · Issue 212 · 22 December 2025, 07:00",
])
def test_a_date_in_the_strapline_is_the_publication_date(strapline):
    """The newsletter's strapline gives its date: it was labelled "latest date mentioned" (by luck the same
    day), so ``as_of: latest`` passed over it and a brief as of 19 December cited a 22 December article."""
    meta = infer_metadata(clean_article(f"Morning Brief: Miami round ends\n\n{strapline}\n\n{_MIAMI}\n"))
    assert meta["published"].value == dt.date(2025, 12, 22)
    assert meta["published"].how == "strapline under the title"
    assert meta["published"].how != MENTIONED_DATE


def test_a_date_in_a_headline_or_standfirst_is_not_a_strapline():
    """Only a line of fields, one of them the date alone, is a strapline: "Envoys met in Miami on 19 December
    2025" is news; the text's dates stand in as before."""
    meta = infer_metadata(clean_article(f"Morning Brief\n\nEnvoys met in Miami on 19 December 2025\n\n{_MIAMI}\n"))
    assert (meta["published"].value, meta["published"].how) == (dt.date(2025, 12, 20), MENTIONED_DATE)


def test_a_date_on_the_byline_is_the_publication_date():
    raw = f"Envoys meet in Miami\n\nBy Maria Lund | 22 December 2025\n\n{_MIAMI}\n"
    meta = infer_metadata(clean_article(raw))
    assert meta["author"].value == "Maria Lund"
    assert (meta["published"].value, meta["published"].how) == (dt.date(2025, 12, 22), "byline, line 3")


def test_a_dateline_opening_the_first_paragraph_is_the_publication_date():
    """"MOSCOW, 12 December 2025. The Kremlin has said …": the filing date, not a date the text mentions."""
    raw = ("Kremlin: settlement possible only if root causes are addressed\n\n"
           "By Sergei Antonov, Moscow Evening Courier\n\n"
           "MOSCOW, 12 December 2025. The Kremlin has said that a lasting settlement is possible only if the "
           "root causes of the conflict are removed, after the talks of 10 December 2025 in Berlin.\n")
    meta = infer_metadata(clean_article(raw))
    assert (meta["published"].value, meta["published"].how) == (dt.date(2025, 12, 12),
                                                                 "dateline opening the first paragraph")
    # A wire dateline without a year ("KYIV, Dec 9 (Meridian Wire) - ") gives no date: nothing is invented.
    meta = infer_metadata(clean_article(raw.replace("MOSCOW, 12 December 2025.", "KYIV, Dec 9 (Meridian Wire) -")))
    assert (meta["published"].value, meta["published"].how) == (dt.date(2025, 12, 10), MENTIONED_DATE)


def test_a_text_that_only_announces_dates_leaves_the_publication_date_unknown():
    """"Talks will resume on 12 April": written before then, but when is not said. Nothing is invented."""
    meta = infer_metadata(clean_article("Envoys meet\n\nTalks will resume on 12 April 2025, and close by "
                                        "1 May 2025, officials said.\n"))
    assert "published" not in meta


_LATE_2025 = ("Envoys return to Geneva\n\nAs 2025 ends, no deal is in sight. Zelensky said on Dec. 9 that the talks "
              "had stalled, and the Kremlin answered on Dec. 11. Both sides agreed to meet in November.\n")


@pytest.mark.parametrize(("text", "earliest"), [
    (_LATE_2025, dt.date(2025, 12, 11)),
    # the year said another way
    (_LATE_2025.replace("As 2025 ends,", "In 2025 so far,"), dt.date(2025, 12, 11)),
    # a day ahead of the telling ("will meet on Dec. 20") is no evidence of when it was written
    (_LATE_2025.replace("the Kremlin answered on Dec. 11", "the envoys will meet on Dec. 20"), dt.date(2025, 12, 9)),
    # the title names the year, and the text names none later
    ("Ukraine 2025: the year of talks\n\nNo deal is in sight. Zelensky said on Dec. 9 that talks had stalled.\n",
     dt.date(2025, 12, 9)),
])
def test_the_year_a_text_is_written_in_and_the_days_it_reports_give_its_earliest_date(text, earliest):
    published = infer_metadata(clean_article(text))["published"]
    assert (published.value, published.origin, published.is_earliest) == (earliest, "inferred", True)
    assert published.display() == f"{earliest.day} December 2025 or later"


@pytest.mark.parametrize("text", [
    # no word says which year it is
    _LATE_2025.replace("As 2025 ends, no", "No"),
    # the year is said, but no day of it is reported
    "Envoys return to Geneva\n\nAs 2025 ends, no deal is in sight, and the sides last met in November.\n",
    # the title's year is contradicted by a later one in the text
    "Ukraine 2025: the year of talks\n\nIn 2026 the talks failed. Zelensky said on Dec. 9 that talks had stalled.\n",
    # cues that disagree
    _LATE_2025.replace("no deal is in sight.", "no deal is in sight, and 2024 so far was worse."),
])
def test_without_the_year_and_a_reported_day_no_earliest_date_is_inferred(text):
    assert "published" not in infer_metadata(clean_article(text))


@pytest.mark.parametrize(("front", "read", "published"), [
    ("published: 2025-03-01", False, dt.date(2025, 3, 1)),
    ("title: Talks", True, dt.date(2025, 3, 3)),
])
def test_the_texts_dates_are_read_only_when_no_date_is_stated(tmp_path, monkeypatch, front, read, published):
    from brief import metadata
    from brief.corpus import load_source

    calls = []
    real = metadata._latest_date_mentioned
    monkeypatch.setattr(metadata, "_latest_date_mentioned", lambda text: calls.append(text) or real(text))
    path = tmp_path / "talks.md"
    path.write_text(f"---\n{front}\n---\n\nTalks were held in Geneva on 3 March 2025 and ended without a deal, "
                    "the envoys of both governments said after the meeting.\n", encoding="utf-8")
    assert load_source(path).meta.published.value == published
    assert bool(calls) is read


def test_a_stated_date_that_is_no_date_is_refused_with_its_line(tmp_path):
    # it was left aside without a word, and the text's dates stood in for it
    from brief.corpus import load_source
    from brief.errors import UserError

    path = tmp_path / "talks.md"
    path.write_text("---\npublished: some day\n---\n\nTalks were held in Geneva on 3 March 2025.\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        load_source(path)
    assert raised.value.problems[0].format() == f"{path}:2: published: expected a date as YYYY-MM-DD (got 'some day')"


def test_nothing_is_inferred_from_a_bare_text():
    raw = ("The envoys of the two governments met in Oslo on Monday and agreed to exchange lists of "
           "detainees before the end of the week, officials from both delegations said.\n")
    assert infer_metadata(clean_article(raw)) == {}


# --- stated in sources.yaml ----------------------------------------------------------------

def write_sources(project: Path, body: str) -> Path:
    path = project / "seeds" / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_sources_yaml_overrides_inferences(project):
    write_sources(project, f"""\
sources:
  {SEED_000}:
    author: A. Ahmed
    published: 2025-12-20
    reliability: c
    note: checked by hand
  {SEED_001}:
    outlet: Ukraine This Week
    url: https://example.org/ukraine-this-week
  {SEED_004}:
    title: Why Ukraine peace talks keep failing
    published: 12 June 2025
""")
    sources = load_corpus(project / "seeds").by_id()
    meta = sources[SEED_000].meta
    assert (meta.author.value, meta.author.origin, meta.author.how) == ("A. Ahmed", "stated", "sources.yaml")
    assert (meta.published.value, meta.published.origin) == (dt.date(2025, 12, 20), "stated")
    assert (meta.reliability.value, meta.reliability.origin) == ("C", "stated")
    # What sources.yaml leaves out is still inferred.
    assert (meta.outlet.value, meta.outlet.origin) == ("Axadle Times", "inferred")
    meta = sources[SEED_001].meta
    assert (meta.outlet.value, meta.outlet.origin) == ("Ukraine This Week", "stated")
    assert (meta.url.value, meta.url.origin) == ("https://example.org/ukraine-this-week", "stated")
    assert meta.author.origin == "unknown"
    meta = sources[SEED_004].meta
    assert (meta.title.value, meta.title.origin) == ("Why Ukraine peace talks keep failing", "stated")
    assert (meta.published.value, meta.published.origin) == (dt.date(2025, 6, 12), "stated")
    # A title stated for the file is also the title block of its text, never a paragraph.
    assert sources[SEED_002].meta.title.origin == "inferred"


def test_sources_yaml_mistakes_are_reported_at_once_with_lines(project):
    path = write_sources(project, f"""\
sources:
  {SEED_000}:
    auther: Abdiwahab Ahmed
  {SEED_002}:
    published: 2025-13-45
    reliability: Z
source_notes: misplaced
""")
    with pytest.raises(UserError) as caught:
        load_corpus(project / "seeds")
    problems = {problem.field: problem for problem in caught.value.problems}
    assert set(problems) == {f"sources.{SEED_000}.auther", f"sources.{SEED_002}.published",
                             f"sources.{SEED_002}.reliability", "source_notes"}
    for problem in problems.values():
        assert problem.file == path
    typo = problems[f"sources.{SEED_000}.auther"]
    assert typo.line == line_of(path, "auther:")
    assert typo.message == "unknown key 'auther'" and typo.hint == "did you mean 'author'?"
    date = problems[f"sources.{SEED_002}.published"]
    assert (date.line, date.value) == (line_of(path, "2025-13-45"), "2025-13-45")
    assert date.message == "expected a date as YYYY-MM-DD"
    grade = problems[f"sources.{SEED_002}.reliability"]
    assert (grade.line, grade.value) == (line_of(path, "reliability: Z"), "Z")
    assert "A–F" in grade.message
    top = problems["source_notes"]
    assert top.line == line_of(path, "source_notes:") and top.hint == "did you mean 'sources'?"
    assert f"{path}:{typo.line}: sources.{SEED_000}.auther: unknown key 'auther'" in caught.value.format()


def test_sources_yaml_that_is_not_a_mapping_is_a_user_error(project):
    path = write_sources(project, "- 000\n- 001\n")
    with pytest.raises(UserError) as caught:
        load_stated_metadata(project / "seeds")
    problem = caught.value.problems[0]
    assert problem.file == path and problem.line == 1
    assert "sources:" in problem.message


def test_sources_yaml_entry_without_an_article_is_a_warning(project):
    path = write_sources(project, f"sources:\n  {SEED_000[:-1]}x:\n    author: Someone\n")
    corpus = load_corpus(project / "seeds")
    assert len(corpus.sources) == 5
    (problem,) = corpus.problems
    assert problem.file == path and problem.line == 2
    assert problem.message == f"no article file for source '{SEED_000[:-1]}x'"
    assert problem.hint == f"did you mean '{SEED_000}'?"


def test_a_bad_article_is_left_out_and_the_rest_loads(project):
    (project / "seeds" / "005_empty.txt").write_bytes(b"")
    corpus = load_corpus(project / "seeds")
    assert [source.id for source in corpus.sources] == sorted(
        p.stem for p in (project / "seeds").glob("00[0-4]_*.txt"))
    (problem,) = corpus.problems
    assert problem.file == project / "seeds" / "005_empty.txt" and problem.message == "the file is empty"


# --- adding articles -----------------------------------------------------------------------

def test_adding_an_article_copies_it_verbatim_and_describes_it(project):
    original = ARTICLES / "wire_story.txt"
    added, problems = add_articles(project / "seeds", [original])
    assert problems == []
    (item,) = added
    assert item.copied_to == project / "seeds" / "wire_story.txt"
    assert item.copied_to.read_bytes() == original.read_bytes()
    meta = item.source.meta
    assert (meta.title.value, meta.title.origin) == (
        "Veloria and Kestrava agree to resume river border talks in Vienna", "inferred")
    assert (meta.author.value, meta.author.origin) == ("Anna Keller and Tomas Brandt", "inferred")
    assert meta.published.origin == "unknown" and meta.outlet.origin == "unknown"
    assert item.source.id == "wire_story"
    assert "wire_story" in load_corpus(project / "seeds").by_id()
    assert not list((project / "seeds").glob(".*adding"))


def test_adding_a_markdown_article_keeps_its_stated_metadata(project):
    added, problems = add_articles(project / "seeds", [ARTICLES / "geneva_exchange.md"])
    assert problems == []
    meta = added[0].source.meta
    assert (meta.author.value, meta.author.origin) == ("Helena Marsh", "stated")
    assert meta.published.value == dt.date(2025, 11, 21)


def test_adding_the_same_file_twice_is_refused(project):
    original = ARTICLES / "wire_story.txt"
    add_articles(project / "seeds", [original])
    before = sorted(p.name for p in (project / "seeds").iterdir())
    added, problems = add_articles(project / "seeds", [original])
    assert added == []
    (problem,) = problems
    assert problem.message == "not added: same content as source wire_story (wire_story.txt)"
    assert problem.file == original
    assert sorted(p.name for p in (project / "seeds").iterdir()) == before


@pytest.mark.parametrize("change", ["none", "crlf", "trailing blank lines"])
def test_a_copy_of_a_seed_under_another_name_is_refused(project, tmp_path, change):
    seed = project / "seeds" / f"{SEED_002}.txt"
    copy = tmp_path / "incoming" / "peace_path_unclear.txt"
    copy.parent.mkdir()
    data = seed.read_bytes()
    if change == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif change == "trailing blank lines":
        data = data + b"\n\n\n"
    copy.write_bytes(data)
    added, problems = add_articles(project / "seeds", [copy])
    assert added == []
    (problem,) = problems
    assert problem.message == f"not added: same content as source {SEED_002} ({SEED_002}.txt)"
    assert not (project / "seeds" / copy.name).exists()


def test_a_new_article_with_a_taken_name_is_refused(project, tmp_path):
    clash = tmp_path / f"{SEED_001}.md"
    shutil.copyfile(ARTICLES / "geneva_exchange.md", clash)
    added, problems = add_articles(project / "seeds", [clash])
    assert added == []
    assert problems[0].message == f"not added: the corpus already has a file named {SEED_001}.*"
    assert problems[0].hint == "rename the file and add it again"


def test_good_files_are_added_even_when_others_are_refused(project, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    duplicate = tmp_path / "dup.txt"
    shutil.copyfile(project / "seeds" / f"{SEED_000}.txt", duplicate)
    added, problems = add_articles(project / "seeds",
                                   [empty, ARTICLES / "portal_story.txt", duplicate, ARTICLES / "portal_story.txt"])
    assert [item.source.id for item in added] == ["portal_story"]
    assert [problem.message for problem in problems] == [
        "the file is empty",
        f"not added: same content as source {SEED_000} ({SEED_000}.txt)",
        "not added: same content as source portal_story (portal_story.txt)",
    ]


def test_brief_add_refuses_a_duplicate_with_exit_2_and_no_traceback(project, tmp_path, cli):
    copy = tmp_path / "renamed.txt"
    shutil.copyfile(project / "seeds" / f"{SEED_003}.txt", copy)
    result = cli("add", copy, cwd=project)
    assert result.code == 2
    assert f"not added: same content as source {SEED_003} ({SEED_003}.txt)" in result.err
    assert str(copy) in result.err
    assert "Traceback" not in result.err and "bug" not in result.err
    assert not (project / "seeds" / "renamed.txt").exists()


def test_brief_add_reports_what_it_added(project, cli):
    result = cli("add", ARTICLES / "wire_story.txt", cwd=project)
    assert result.code == 0, result.err
    assert f"added {project / 'seeds' / 'wire_story.txt'} as source wire_story" in result.out
    assert "Veloria and Kestrava agree to resume river border talks in Vienna" in result.out
    assert "Anna Keller and Tomas Brandt (inferred: byline, line 3)" in result.out
