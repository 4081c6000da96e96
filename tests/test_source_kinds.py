"""News, analysis or opinion: what kind of source a page is, stated or read from its labels, and what a brief
does with an opinion piece's passages."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from brief.assembly import assemble_briefing
from brief.briefing import ASSESSMENT_NOTE, OPINION_NOTE
from brief.cleaning import clean_article
from brief.corpus import load_corpus
from brief.errors import UserError
from brief.metadata import infer_metadata
from brief.recipe import load_recipe
from brief.render_markdown import render_markdown
from brief.verify import verify_brief
from brief.workspace import ProjectPaths, load_workspace

REPO = Path(__file__).resolve().parent.parent
BODY = "Envoys met in Geneva on Tuesday to discuss a ceasefire along the current front line."


@pytest.mark.parametrize(("text", "kind"), [
    (f"Talks in Geneva\n\n*Commentary · Eastern Europe Programme*\n\n{BODY}\n", "opinion"),
    (f"Opinion: Europe cannot wait for Washington\n\n{BODY}\n", "opinion"),
    (f"Talks in Geneva\n\nANALYSIS | Europe\n\n{BODY}\n", "analysis"),
    (f"Talks in Geneva\n\n{BODY}\n\nThe author is a senior fellow. The views expressed are her own.\n", "opinion"),
    (f"Talks in Geneva\n\n{BODY}\n\nThe views expressed in this column do not necessarily reflect those of the "
     "institute.\n", "opinion"),
    # news: no label, or words that only look like one
    (f"Talks in Geneva\n\n{BODY}\n", None),
    (f"Analysis of satellite images shows a new Russian push\n\n{BODY}\n", None),
    (f"Talks in Geneva\n\n{BODY}\n\nOpinion polls show most Ukrainians reject the plan.\n", None),
    (f"Talks in Geneva\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nCommentary: none was offered.\n", None),  # too far in
    (f"Talks in Geneva\n\n{BODY}\n\nThe views expressed by Kyiv are well known.\n", None),
    (f"Opinion-poll shows support for talks\n\n{BODY}\n", None),
    (f"Talks in Geneva\n\nOpinion | Sport | Culture\n\n{BODY}\n", None),  # a menu of sections
    (f"Editorial: the talks must go on\n\n{BODY}\n", "opinion"),
])
def test_a_page_that_labels_itself_analysis_or_opinion_is_read_as_such(text: str, kind: str | None) -> None:
    found = infer_metadata(clean_article(text)).get("kind")
    assert (found.value if found else None) == kind
    if found:
        assert found.origin == "inferred" and found.how


def _project(tmp_path: Path, articles: dict[str, tuple[str, str]], sources_yaml: str = "") -> ProjectPaths:
    """A project whose seeds are ``articles`` (name → front matter lines, body)."""
    (tmp_path / "seeds").mkdir(parents=True)
    shutil.copytree(REPO / "briefings", tmp_path / "briefings")
    for name, (front, body) in articles.items():
        (tmp_path / "seeds" / f"{name}.md").write_text(
            f"---\ntitle: Article {name}\noutlet: Outlet {name}\npublished: 2025-12-03\n{front}---\n\n{body}\n",
            encoding="utf-8")
    if sources_yaml:
        (tmp_path / "seeds" / "sources.yaml").write_text(sources_yaml, encoding="utf-8")
    return ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")


def test_a_stated_kind_wins_and_takes_the_usual_names(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"a": ("kind: Op-Ed\n", BODY), "b": ("", "Commentary\n\n" + BODY), "c": ("", BODY)},
                     "sources:\n  b:\n    kind: news\n  c:\n    kind: news analysis\n")
    sources = load_corpus(paths.corpus).by_id()
    assert (sources["a"].meta.kind.value, sources["a"].meta.kind.origin) == ("opinion", "stated")
    assert (sources["b"].meta.kind.value, sources["b"].meta.kind.origin) == ("news", "stated")  # over its label
    assert (sources["c"].meta.kind.value, sources["c"].meta.kind.origin) == ("analysis", "stated")


def test_an_unknown_kind_is_reported_with_its_line(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"a": ("", BODY)}, "sources:\n  a:\n    kind: gossip\n")
    with pytest.raises(UserError) as caught:
        load_corpus(paths.corpus)
    [problem] = caught.value.problems
    assert (problem.field, problem.line, problem.value) == ("sources.a.kind", 3, "gossip")
    assert problem.message == "expected one of news, analysis, opinion"


REPORTED = ("Envoys from Washington and Kyiv agreed in Geneva on Tuesday on a ceasefire plan for the front line, "
            "officials said.")
JUDGED = ("The revised framework settles the easy questions of the peace talks and defers the hard ones of "
          "territory, sanctions and security guarantees for Ukraine.")


def _brief(paths: ProjectPaths, key_points: int = 0):
    workspace = load_workspace(paths)
    recipe_path = paths.briefings / "kinds.yaml"
    sections = "[{id: state-of-talks}, {id: sticking-points}, {id: outlook}, {id: background}]"
    recipe_path.write_text(f"title: Kinds\nwindow: all\nkey_points: {key_points}\nsections: {sections}\n",
                           encoding="utf-8")
    recipe = load_recipe(recipe_path, workspace.taxonomy, source_ids=[s.id for s in workspace.corpus.sources])
    return workspace, assemble_briefing(workspace, recipe)


def test_what_only_an_opinion_piece_carries_is_marked_and_its_kind_is_listed(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"news": ("", REPORTED), "comment": ("", f"Opinion: Geneva\n\n{JUDGED}")})
    workspace, briefing = _brief(paths)
    notes = {item.citations[0].source_id: item.authors_voice for item in briefing.all_items()}
    assert notes == {"news": None, "comment": OPINION_NOTE}
    markdown = render_markdown(briefing, [REPO / "templates" / "standard"])
    [line] = [line for line in markdown.splitlines() if line.startswith("- The revised framework")]
    assert line.endswith(f"*({OPINION_NOTE})*")
    [entry] = [line for line in markdown.splitlines() if "Article comment" in line]
    assert entry.endswith(" · opinion†")  # read from its label, not stated
    assert not any(line.endswith("news") for line in markdown.splitlines() if "Article news" in line)
    assert verify_brief(markdown, workspace) == []
    edited = markdown.replace(f"*({OPINION_NOTE})*", "*(from an opinion piece that Kyiv endorses)*")
    assert verify_brief(edited, workspace)


def test_a_claim_news_also_carries_is_not_marked_as_opinion(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"news": ("", REPORTED), "comment": ("kind: opinion\n", REPORTED)})
    _, briefing = _brief(paths)
    [item] = briefing.all_items()
    assert {c.source_id for c in item.citations} == {"news", "comment"} and item.authors_voice is None


def test_a_judgement_in_an_opinion_piece_is_marked_as_the_authors_assessment(tmp_path: Path) -> None:
    paths = _project(tmp_path, {"comment": ("kind: opinion\n", "The stalemate in Geneva speaks volumes about "
                                            "the ceasefire plan for the front line.")})
    _, briefing = _brief(paths)
    [item] = briefing.all_items()
    assert item.authors_voice == ASSESSMENT_NOTE  # the more telling note of the two


def test_reported_news_is_a_key_point_before_an_opinion_ranked_higher(tmp_path: Path) -> None:
    """An opinion piece's judgement, stated as a key point, reads as the brief's own finding."""
    articles = {"news": ("", REPORTED), "comment": ("", JUDGED)}
    _, plain = _brief(_project(tmp_path / "plain", articles), key_points=1)
    [first] = plain.key_points
    assert first.citations[0].source_id == "comment"  # the premise: ranked higher when it is news
    _, briefing = _brief(_project(tmp_path / "opinion", {**articles, "comment": ("kind: opinion\n", JUDGED)}),
                         key_points=1)
    [first] = briefing.key_points
    assert first.citations[0].source_id == "news"
    only_opinion = {"comment": ("kind: opinion\n", JUDGED)}
    _, alone = _brief(_project(tmp_path / "alone", only_opinion), key_points=1)
    assert [item.authors_voice for item in alone.key_points] == [OPINION_NOTE]  # when nothing else can be one


def test_the_shipped_sources_state_their_kinds(tmp_path: Path) -> None:
    sources = load_corpus(REPO / "seeds").by_id()
    kinds = {source_id: source.meta.kind.value for source_id, source in sources.items()}
    assert kinds["003_5b825d6438a3e144"] == "opinion"
    assert kinds["000_0207c4399900d62a"] == kinds["002_e759f5f9dd5bc10b"] == kinds["004_1ae0d73ebc0c7739"] == "analysis"
    assert dt.date(2025, 12, 2) == sources["003_5b825d6438a3e144"].meta.date  # the kind changed nothing else


def test_brief_add_says_which_kind_it_read_a_page_as(project, cli, tmp_path: Path) -> None:
    """An analyst adding a commentary learns that its passages will be marked as opinion, and why."""
    page = tmp_path / "commentary.md"
    page.write_text(f"Talks in Geneva\n\n*Commentary · Eastern Europe Programme*\n\n{BODY}\n", encoding="utf-8")
    news = tmp_path / "report.txt"
    news.write_text(f"Envoys meet in Geneva\n\n{BODY} Officials said more talks were planned.\n", encoding="utf-8")
    result = cli("add", page, news, cwd=project)
    assert result.code == 0, result.err
    added = result.out.split("added ")
    assert "kind:      opinion (inferred: labelled “Commentary”)" in added[1], result.out
    assert "kind:" not in added[2], result.out  # a report of the news: nothing stated, nothing labelled
