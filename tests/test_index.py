"""The corpus index answers as the files would: same sources and excerpts, same selections and counts.

What the index stores is compared with a fresh computation from the files
(``load_corpus`` + ``source_excerpts``); what it selects and counts is
compared with the same filters applied in Python to every excerpt, over
query parameters drawn by hypothesis. Full-text search is compared with a
small model of FTS5's matching (words split on anything but letters and
digits, case and accents ignored, each search word a prefix).
"""

from __future__ import annotations

import ast
import bisect
import datetime as dt
import functools
import random
import re
import sqlite3
import string
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import brief.index
from brief.annotations import add_annotation, load_source_annotations, make_annotation
from brief.corpus import load_corpus
from brief.excerpts import Excerpt, source_excerpts
from brief.index import INDEX_DIR_ENV, ExcerptQuery, fts_query
from brief.ranking import static_strength
from brief.recipe import Window
from brief.taxonomy import load_taxonomy
from brief.workspace import ProjectPaths, Workspace, load_workspace
from tests.corpus_factory import REPO, TOPICS, copy_seeds, generate

GENERATED_COUNT = 40
UNDATED_ARTICLE = """Notes from the negotiating table

Negotiators said the talks in Geneva had ended without a breakthrough on territory.

The Kremlin refused to accept monitors from the Coalition of the Willing along the front line.

NATO allies are divided over whether Ukraine should be offered a path to membership in any settlement.

The weather in the city was mild for the season, and the cafés were full.
"""


def open_workspace(root: Path, corpus: Path) -> Workspace:
    return load_workspace(ProjectPaths(root=root, corpus=corpus, briefings=REPO / "briefings"))


@pytest.fixture(scope="module")
def index_dir_unset() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(INDEX_DIR_ENV, raising=False)
        yield


@pytest.fixture(scope="module")
def seeds_workspace(tmp_path_factory: pytest.TempPathFactory, index_dir_unset: None) -> Iterator[Workspace]:
    """The shipped seeds, copied and indexed once for the read-only tests of this module."""
    root = tmp_path_factory.mktemp("seeds-project")
    workspace = open_workspace(root, copy_seeds(root / "seeds"))
    yield workspace
    workspace.index.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, index_dir_unset: None) -> Iterator[Workspace]:
    """40 generated articles, an undated one, and analyst annotations (one with no topic), indexed once."""
    root = tmp_path_factory.mktemp("generated-project")
    corpus = root / "corpus"
    generate(GENERATED_COUNT, corpus, seed=5)
    (corpus / "undated.txt").write_text(UNDATED_ARTICLE, encoding="utf-8")
    workspace = open_workspace(root, corpus)
    first = workspace.index.source_ids()[0]
    text = workspace.corpus.source(first).text
    automatic = workspace.excerpts_of(first)
    for excerpt, topics in ((automatic[2], []), (automatic[5], ["nato"])):
        add_annotation(corpus, first, make_annotation(text, excerpt.start, excerpt.end, "excerpt", topics=topics,
                                                      section="outlook"))
    add_annotation(corpus, first, make_annotation(text, automatic[7].start, automatic[7].end, "reject"))
    workspace.index.close()
    workspace = open_workspace(root, corpus)
    assert workspace.sync.retagged == 1
    yield workspace
    workspace.index.close()


@pytest.fixture(scope="module")
def every_generated(generated: Workspace) -> list[Excerpt]:
    """Every excerpt of the generated corpus (``Workspace.excerpts``, read once): the brute-force side."""
    return generated.excerpts


# --- the index holds what a fresh computation gives ----------------------------------------------------


@pytest.mark.parametrize("annotated", [False, True], ids=["seeds", "seeds with annotations"])
def test_the_index_holds_what_the_files_give(annotated: bool, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(INDEX_DIR_ENV, raising=False)
    corpus = copy_seeds(tmp_path / "seeds")
    taxonomy = load_taxonomy(TOPICS)
    fresh = load_corpus(corpus)
    if annotated:
        source = fresh.sources[2]
        automatic = source_excerpts(source, taxonomy)
        add_annotation(corpus, source.id, make_annotation(source.text, automatic[3].start, automatic[8].end,
                                                          "excerpt", topics=["territory"], section="outlook"))
        add_annotation(corpus, source.id, make_annotation(source.text, automatic[10].start, automatic[10].end,
                                                          "reject"))
    workspace = open_workspace(tmp_path, corpus)

    assert workspace.problems == fresh.problems == []
    assert workspace.corpus.ids() == [s.id for s in fresh.sources]
    assert workspace.corpus.dates() == {s.id: s.date for s in fresh.sources}
    for stored, computed in zip(workspace.corpus.sources, fresh.sources, strict=True):
        assert (stored.id, stored.path, stored.format, stored.content_hash, stored.meta, stored.notes) == \
            (computed.id, computed.path, computed.format, computed.content_hash, computed.meta, computed.notes)
        assert (stored.text, stored.dropped, stored.text_hash, stored.first_line) == \
            (computed.text, computed.dropped, computed.text_hash, computed.first_line)
        assert stored.display_title() == computed.display_title()

    expected: list[Excerpt] = []
    for source in fresh.sources:
        placed = load_source_annotations(corpus, source.id, source.text, taxonomy).anchored
        expected += source_excerpts(source, taxonomy, placed)
    assert workspace.excerpts == expected
    assert any(e.origin == "analyst" for e in expected) == annotated
    for source in fresh.sources:
        assert workspace.excerpts_of(source.id) == [e for e in expected if e.source_id == source.id]
        assert all(source.text[e.start:e.end] == e.text for e in workspace.excerpts_of(source.id))
    assert workspace.tagged_counts() == {s.id: sum(1 for e in expected if e.source_id == s.id and e.topics)
                                         for s in fresh.sources}

    stored_strength = dict(sqlite3.connect(workspace.index.path).execute("SELECT id, strength FROM excerpts"))
    assert stored_strength == {e.id: round(static_strength(e), 9) for e in expected}


# --- full-text search --------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


@functools.cache
def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


def _has_phrase(tokens: list[str], phrase: list[str]) -> bool:
    """``phrase`` at some place in ``tokens``, its last word as a prefix."""
    *whole, last = phrase
    for at in range(len(tokens) - len(phrase) + 1):
        if tokens[at:at + len(whole)] == whole and tokens[at + len(whole)].startswith(last):
            return True
    return False


def model_search(search: str | None, excerpts: list[Excerpt]) -> list[Excerpt]:
    """What a search should find: every wanted word's phrase present, every ``-word``'s absent."""
    if not search:
        return excerpts
    wanted, unwanted = [], []
    for word in search.replace("\x00", " ").split():  # a NUL separates words: SQLite text ends at one
        negative = word.startswith("-") and len(word) > 1
        phrase = _tokens(word[1:] if negative else word)
        if phrase:
            (unwanted if negative else wanted).append(phrase)
    found = []
    for excerpt in excerpts:
        tokens = _tokens(excerpt.text)
        if all(_has_phrase(tokens, p) for p in wanted) and not any(_has_phrase(tokens, p) for p in unwanted):
            found.append(excerpt)
    return found


ODD_SEARCHES = ["U.S.", "AT&T", "talks -doha", '"', "*", "NEAR(", "OR", "AND NOT", "(", "-", "é", "",
                "Kremlin's", "cease-fire", "talks OR peace", '"talks', "talks*", "^Putin", "col:text", "a_b",
                "-", "--", "-(", "NOT talks", "Zelensky -", "x -_", "\x00", "talks\x00peace", "{text}: talks"]


@pytest.mark.parametrize("search", ODD_SEARCHES)
def test_a_search_is_words_never_query_syntax(search: str, seeds_workspace: Workspace) -> None:
    everything = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True))
    found = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search))
    assert found == model_search(search, everything)
    assert seeds_workspace.count_excerpts(ExcerptQuery(include_untagged=True, search=search)) == len(found)
    query = fts_query(search)
    if query is not None:
        rows = seeds_workspace.index.connection.execute(
            "SELECT count(*) FROM excerpt_text WHERE excerpt_text MATCH ?", (query,)).fetchone()
        assert rows[0] == len(found)


@pytest.mark.parametrize("search", ["U.S.", "talks -doha", "AT&T", "NEAR(", "OR", "AND NOT", "é"])
def test_searches_with_punctuation_find_what_they_say(search: str, seeds_workspace: Workspace) -> None:
    found = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search))
    assert found, f"the seeds have passages matching {search!r}"


def test_us_finds_the_united_states_written_with_full_stops(seeds_workspace: Workspace) -> None:
    found = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search="U.S."))
    assert found and all(re.search(r"\bU\.?S", e.text, re.IGNORECASE) for e in found)
    assert any("U.S." in e.text for e in found)


def test_words_match_as_prefixes(seeds_workspace: Workspace) -> None:
    def ids(search: str) -> set[str]:
        return {e.id for e in seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search))}

    talks = ids("talks")
    assert talks and talks <= ids("talk") and ids("TALKS") == talks
    assert ids("negotiations") < ids("negotiat"), "'negotiat' finds 'negotiations' and also 'negotiators'…"
    assert ids("negotiat") == ids("negotiation") | ids("negotiators") | ids("negotiating") | ids("negotiate")


def test_a_minus_word_excludes(seeds_workspace: Workspace) -> None:
    def found(search: str) -> list[Excerpt]:
        return seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search))

    with_kremlin = {e.id for e in found("Kremlin")}
    assert with_kremlin
    assert [e.id for e in found("talks -Kremlin")] == [e.id for e in found("talks") if e.id not in with_kremlin]
    everything = found("")
    alone = found("-Kremlin")
    assert [e.id for e in alone] == [e.id for e in everything if e.id not in with_kremlin]
    assert all("kremlin" not in e.text.lower() for e in alone)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(search=st.text(max_size=40))
def test_any_text_searches_without_error(search: str, seeds_workspace: Workspace) -> None:
    everything = {e.id for e in seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True))}
    found = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search))
    assert {e.id for e in found} <= everything
    assert seeds_workspace.count_excerpts(ExcerptQuery(search=search)) <= len(found)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(search=st.text(alphabet=string.ascii_letters + string.digits + string.punctuation + " ", max_size=30))
def test_ascii_searches_match_the_model(search: str, seeds_workspace: Workspace) -> None:
    everything = seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True))
    assert seeds_workspace.select_excerpts(ExcerptQuery(include_untagged=True, search=search)) == \
        model_search(search, everything)


# --- selections and counts equal brute force -------------------------------------------------------------


def brute_admits(query: ExcerptQuery, excerpt: Excerpt) -> bool:
    """ExcerptQuery's documented meaning, written out again (the search aside)."""
    if query.dated_only or query.start or query.end:
        if excerpt.published is None:
            return False
        if query.start and excerpt.published < query.start:
            return False
        if query.end and excerpt.published > query.end:
            return False
    if query.sources is not None and excerpt.source_id not in query.sources:
        return False
    if query.sections is not None and excerpt.section not in query.sections:
        return False
    if query.ids is not None and excerpt.id not in query.ids:
        return False
    if query.topics is not None:
        return any(topic in query.topics for topic in excerpt.topics)
    return query.include_untagged or bool(excerpt.topics) or excerpt.origin == "analyst"


@functools.cache
def _strength(excerpt: Excerpt) -> float:
    return static_strength(excerpt)


def brute_select(query: ExcerptQuery, excerpts: list[Excerpt]) -> list[Excerpt]:
    return model_search(query.search, [e for e in excerpts if brute_admits(query, e)])


SEARCH_WORDS = ["talks", "talk", "Kremlin", "kreml", "U.S.", "Geneva", "cease-fire", "Kyiv's", "NATO", "Donbas",
                "security", "guarantees", "AT&T", "NEAR(", "OR", "AND", "NOT", "(", "*", '"', "-", "e", "2",
                "the", "zzz", "Putin", "oil"]


@st.composite
def queries(draw: st.DrawFn, workspace: Workspace, excerpts: list[Excerpt]) -> ExcerptQuery:
    dates = st.one_of(st.none(), st.dates(min_value=dt.date(2023, 12, 1), max_value=dt.date(2026, 2, 1)))
    source_ids = workspace.corpus.ids() + ["no-such-source"]
    topic_ids = workspace.taxonomy.topic_ids() + ["no-such-topic"]
    section_ids = workspace.taxonomy.section_ids() + ["no-such-section"]
    words = st.lists(st.tuples(st.booleans(), st.sampled_from(SEARCH_WORDS)), max_size=3).map(
        lambda pairs: " ".join(("-" if minus else "") + word for minus, word in pairs))
    start, end = draw(dates), draw(dates)
    if start and end and draw(st.booleans()):
        start, end = min(start, end), max(start, end)
    return ExcerptQuery(
        start=start, end=end, dated_only=draw(st.booleans()),
        sources=draw(st.one_of(st.none(), st.frozensets(st.sampled_from(source_ids), max_size=12))),
        topics=draw(st.one_of(st.none(), st.frozensets(st.sampled_from(topic_ids), max_size=4))),
        include_untagged=draw(st.booleans()),
        sections=draw(st.one_of(st.none(), st.frozensets(st.sampled_from(section_ids), max_size=3))),
        search=draw(st.one_of(st.none(), words)),
        ids=draw(st.one_of(st.none(), st.none(), st.frozensets(
            st.sampled_from([e.id for e in excerpts] + ["art000001:0000000000"]), max_size=60))))


def test_the_generated_corpus_has_what_the_properties_need(generated: Workspace) -> None:
    excerpts = generated.excerpts
    assert len(generated.corpus.ids()) == GENERATED_COUNT + 1
    assert generated.corpus.dates()["undated"] is None
    assert any(e.origin == "analyst" and not e.topics for e in excerpts)
    assert any(not e.topics and e.origin == "rules" for e in excerpts)
    assert len({e.section for e in excerpts}) >= 3 and len({t for e in excerpts for t in e.topics}) >= 6


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_select_count_and_topic_counts_equal_brute_force(data: st.DataObject, generated: Workspace,
                                                         every_generated: list[Excerpt]) -> None:
    query = data.draw(queries(generated, every_generated))
    every = every_generated
    expected = brute_select(query, every)
    assert generated.select_excerpts(query) == expected
    assert generated.count_excerpts(query) == len(expected)
    assert all(query.admits(e) for e in expected)

    counted = brute_select(replace(query, topics=None, include_untagged=True), every)
    expected_counts = Counter(topic for e in counted for topic in e.topics)
    assert generated.count_topics(query) == dict(expected_counts)

    limit = data.draw(st.integers(min_value=0, max_value=40))
    strongest = generated.index.select(query, limit=limit, order="strength")
    strength = {e.id: round(_strength(e), 9) for e in expected}
    assert [e.id for e in strongest] == [e.id for e in sorted(
        expected, key=lambda e: (-strength[e.id], e.source_id, e.start))][:limit]


def test_excerpts_by_source_and_by_id_equal_brute_force(generated: Workspace,
                                                       every_generated: list[Excerpt]) -> None:
    every = every_generated
    for source_id in generated.corpus.ids()[:5] + ["undated", "no-such-source"]:
        assert generated.excerpts_of(source_id) == [e for e in every if e.source_id == source_id]
    chosen = random.Random(3).sample(every, 30)
    wanted = [e.id for e in chosen] + ["art000001:0000000000"]
    assert generated.excerpts_by_id(wanted) == [e for e in every if e.id in set(wanted)]
    assert generated.excerpt(chosen[0].id) == chosen[0] and generated.excerpt("nope") is None


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_select_strongest_keeps_every_excerpt_a_bonus_could_lift_into_the_top(
        data: st.DataObject, generated: Workspace, every_generated: list[Excerpt]) -> None:
    query = data.draw(queries(generated, every_generated))
    count = data.draw(st.integers(min_value=1, max_value=400))
    margin = data.draw(st.sampled_from([0.0, 0.25, 1.0 + 1e-6, 2.5]))
    admitted = brute_select(query, every_generated)
    chosen, total = generated.index.select_strongest(query, count, margin)

    assert total == len(admitted)
    assert chosen == [e for e in admitted if e.id in {c.id for c in chosen}], "a subset, in corpus order"
    strength = {e.id: _strength(e) for e in admitted}
    kept = {e.id for e in chosen}
    if total <= count:
        assert kept == set(strength)
        return
    ranked = sorted(strength.values())
    last_place = ranked[-count]
    for excerpt in admitted:
        # Best case for this excerpt: it gets the whole margin, every other excerpt gets nothing.
        stronger = len(ranked) - bisect.bisect_right(ranked, strength[excerpt.id] + margin + 1e-7)
        if stronger < count:
            assert excerpt.id in kept
        elif strength[excerpt.id] + margin < last_place - 1e-7:
            assert excerpt.id not in kept, "no more than what could rank"

    rng = random.Random(data.draw(st.integers()))
    bonus = {eid: rng.uniform(0, margin) for eid in strength}
    top = sorted(strength, key=lambda eid: strength[eid] + bonus[eid], reverse=True)[:count]
    assert set(top) <= kept


def test_an_excerpt_exactly_on_the_threshold_is_kept(generated: Workspace, every_generated: list[Excerpt]) -> None:
    query, count = ExcerptQuery(), 2
    strength = {e.id: round(_strength(e), 9) for e in every_generated if brute_admits(query, e)}
    last_place = sorted(strength.values(), reverse=True)[count - 1]
    checked = 0
    for margin in (step / 20 for step in range(1, 80)):
        # In floats 4.4 - 2.5 is a little more than 1.9: an excerpt of strength 1.9 is still on the threshold.
        on_threshold = {eid for eid, value in strength.items() if value == round(last_place - margin, 9)}
        kept = {e.id for e in generated.index.select_strongest(query, count, margin)[0]}
        assert on_threshold <= kept, (last_place, margin)
        checked += bool(on_threshold)
    assert checked >= 5


# --- what makes an index out of date -------------------------------------------------------------------

NOT_IN_FINGERPRINT = {
    "recipe": "ranking imports only its Window, for the recency bonus, which is added at assembly, not stored",
    "atomic": "writes files and takes locks; decides nothing the index stores",
    "findings_cache": "corpus names its store type only; what it keeps carries its own key (extractor code, content, date)",
}


def _brief_imports(module: str) -> set[str]:
    tree = ast.parse((REPO / "brief" / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("brief."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("brief.")}
    return found


def test_every_module_that_shapes_the_index_is_in_its_fingerprint() -> None:
    """Changing any code that decides what the index holds must make old indexes out of date."""
    fingerprinted = set(brief.index._ENGINE_MODULES)
    reached, queue = set(), ["ingest", "index"]
    while queue:
        module = queue.pop()
        if module in reached or module in NOT_IN_FINGERPRINT:
            continue
        reached.add(module)
        queue += sorted(_brief_imports(module))
    assert reached - fingerprinted == set()


def test_the_fingerprint_follows_the_engine_code(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    package = tmp_path / "brief"
    package.mkdir()
    for module in brief.index._ENGINE_MODULES:
        (package / f"{module}.py").write_text(f"# {module}\n", encoding="utf-8")
    monkeypatch.setattr(brief.index, "__file__", str(package / "index.py"))
    before = brief.index.engine_fingerprint()
    assert brief.index.engine_fingerprint() == before
    (package / "yamlfile.py").write_text("# yamlfile, changed\n", encoding="utf-8")
    assert brief.index.engine_fingerprint() != before


def test_with_the_recency_terms_exactly_the_strongest_come_back(generated: Workspace,
                                                                every_generated: list[Excerpt]) -> None:
    """Templated text gives many excerpts one strength: the count holds, and they are the top by final score."""
    from brief.ranking import recency_bonus, recency_terms
    from brief.recipe import Window

    query = ExcerptQuery()
    admitted = brute_select(query, every_generated)
    newest = max(e.published for e in admitted if e.published)
    for window in (Window(None, None, "all"), Window(newest - dt.timedelta(days=30), newest, "30 days")):
        terms = recency_terms(window, newest)
        count = len(admitted) // 3
        chosen, total = generated.index.select_strongest(query, count, 1.0, recency=terms)
        assert total == len(admitted) and len(chosen) == count
        final = {e.id: _strength(e) + recency_bonus(e, window, newest) for e in admitted}
        cut = sorted(final.values(), reverse=True)[count - 1]
        assert all(final[e.id] >= cut - 1e-6 for e in chosen)
        assert {eid for eid, value in final.items() if value > cut + 1e-6} <= {e.id for e in chosen}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_window_dates_equal_brute_force(data: st.DataObject, generated: Workspace) -> None:
    every = generated.corpus.dates()
    known = sorted(date for date in every.values() if date)
    bound = st.one_of(st.none(), st.sampled_from(known), st.dates(known[0] - dt.timedelta(days=3),
                                                                  known[-1] + dt.timedelta(days=3)))
    start, end = data.draw(bound), data.draw(bound)
    scope = data.draw(st.one_of(st.none(), st.frozensets(st.sampled_from(sorted(every)), max_size=8)))
    window = Window(start, end, "test")
    in_scope = {sid: date for sid, date in every.items() if scope is None or sid in scope}
    assert generated.index.dates_in_window(start, end, scope) == \
        {sid: date for sid, date in in_scope.items() if window.contains(date)}
    assert generated.index.undated_source_ids(scope) == [sid for sid, date in in_scope.items() if date is None]
    assert generated.index.newest_date(scope) == max((d for d in in_scope.values() if d), default=None)


def test_a_strapline_date_decides_latest(tmp_path: Path, index_dir_unset: None) -> None:
    """A newsletter dated in its strapline is dated, not guessed: a brief "as of latest" is as of its day
    (it was as of the day before while citing the newsletter, its date taken for a mentioned one)."""
    corpus = copy_seeds(tmp_path / "seeds")
    (corpus / "newsletter.txt").write_text(
        "Morning Brief: Miami round ends\n\nThe Eastfield Policy Newsletter | Monday 22 December 2025\n\n"
        "The weekend's meetings in Miami between the envoys produced a statement but no breakthrough on "
        "territory or security guarantees, people briefed on the talks said.\n", encoding="utf-8")
    workspace = open_workspace(tmp_path, corpus)
    assert workspace.index.newest_date() == dt.date(2025, 12, 22)
    workspace.index.close()


def test_a_date_guessed_from_mentioned_dates_never_decides_latest_alone(tmp_path: Path, index_dir_unset: None
                                                                        ) -> None:
    corpus = copy_seeds(tmp_path / "seeds")
    workspace = open_workspace(tmp_path, corpus)
    newest = workspace.index.newest_date()
    workspace.index.close()
    (corpus / "announcement.txt").write_text(
        "Talks held in Porto\n\nNegotiators from both sides met in Porto on 24 July 2026 to discuss "
        "territory and security guarantees, officials said.\n", encoding="utf-8")
    workspace = open_workspace(tmp_path, corpus)
    guessed = workspace.corpus.dates()["announcement"]
    assert guessed == dt.date(2026, 7, 24) and guessed > newest
    assert workspace.index.newest_date() == newest
    assert workspace.index.newest_date(frozenset({"announcement"})) == guessed, "alone, a guess is all there is"
    workspace.index.close()
