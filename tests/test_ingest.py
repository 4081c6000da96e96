"""Keeping the corpus index in step with the files: only what changed is redone, nothing is lost.

Every test works on a copy of ``seeds/`` or on generated articles in tmp_path.
Reads are counted by wrapping the functions a sync calls (``load_source`` for
reading an article, ``clean_article`` for cleaning one, ``_hash_file`` for
hashing one), so "nothing was read" is observed, not taken from the report.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import brief.corpus
import brief.ingest
from brief.annotations import add_annotation, annotations_path, load_source_annotations, make_annotation
from brief.build import build
from brief.corpus import load_corpus
from brief.errors import Problem
from brief.excerpts import Excerpt, source_excerpts
from brief.index import INDEX_DIR_ENV, CorpusIndex, index_location
from brief.ingest import Cancelled, SyncReport, sync_index
from brief.taxonomy import Taxonomy, load_taxonomy
from brief.workspace import ProjectPaths
from tests.corpus_factory import REPO, TOPICS, copy_seeds, generate, index_content

SEED_COUNT = 5
EXTRA_TOPIC = """
  - id: kremlin-watch
    label: Kremlin watch
    description: Added by a test, for every passage naming the Kremlin.
    rules:
      - phrases: [Kremlin]
        weight: 1
"""


def add_topic(topics_file: Path) -> None:
    """Give ``topics_file`` one more topic, placed before the sections."""
    text = topics_file.read_text(encoding="utf-8")
    topics_file.write_text(text.replace("\nsections:", EXTRA_TOPIC + "\nsections:", 1), encoding="utf-8")


@dataclass
class Calls:
    """What the syncs of one test did to the article files."""

    loaded: list[str] = field(default_factory=list)
    """File names read (``load_source``), in order."""
    cleaned: int = 0
    hashed: int = 0

    def reset(self) -> None:
        self.loaded.clear()
        self.cleaned = self.hashed = 0


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    seen = Calls()
    load_source, clean_article, hash_file = brief.ingest.load_source, brief.corpus.clean_article, \
        brief.ingest._hash_file

    def counting_load(path: Path, stated: dict[str, object] | None = None) -> brief.corpus.Source:
        seen.loaded.append(Path(path).name)
        return load_source(path, stated)

    def counting_clean(*args: object, **kwargs: object) -> object:
        seen.cleaned += 1
        return clean_article(*args, **kwargs)

    def counting_hash(path: Path) -> str:
        seen.hashed += 1
        return hash_file(path)

    monkeypatch.setattr(brief.ingest, "load_source", counting_load)
    monkeypatch.setattr(brief.corpus, "clean_article", counting_clean)
    monkeypatch.setattr(brief.ingest, "_hash_file", counting_hash)
    return seen


Sync = Callable[..., tuple[CorpusIndex, SyncReport, list[Problem]]]
_taxonomies: dict[str, Taxonomy] = {}


def taxonomy_of(topics: Path) -> Taxonomy:
    """The taxonomy in ``topics`` as it reads now (compiled once per content: it takes a while)."""
    text = topics.read_text(encoding="utf-8")
    if text not in _taxonomies:
        _taxonomies[text] = load_taxonomy(topics)
    return _taxonomies[text]


@pytest.fixture()
def sync(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sync]:
    """``sync(corpus, topics=..., **options)``: one sync_index; every index it opens is closed afterwards."""
    monkeypatch.delenv(INDEX_DIR_ENV, raising=False)
    opened: list[CorpusIndex] = []

    def run(corpus: Path, topics: Path = TOPICS, **options: object):
        index, report, problems = sync_index(corpus, topics, taxonomy_of(topics), **options)
        opened.append(index)
        return index, report, problems

    yield run
    for index in opened:
        index.close()


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    return copy_seeds(tmp_path / "seeds")


def fresh_excerpts(corpus: Path, topics: Path) -> list[Excerpt]:
    """The excerpts of ``corpus`` computed directly from the files, without any index."""
    taxonomy = taxonomy_of(topics)
    excerpts: list[Excerpt] = []
    for source in load_corpus(corpus).sources:
        placed = load_source_annotations(corpus, source.id, source.text, taxonomy).anchored
        excerpts += source_excerpts(source, taxonomy, placed)
    return sorted(excerpts, key=lambda e: (e.source_id, e.start, e.end))


# --- incremental updates ---------------------------------------------------------------------------


def test_a_second_sync_reads_nothing(seeds: Path, sync: Sync, calls: Calls) -> None:
    index, report, problems = sync(seeds)
    assert (report.read, report.unchanged, problems) == (SEED_COUNT, 0, [])
    assert sorted(calls.loaded) == sorted(p.name for p in seeds.glob("*.txt"))
    assert calls.cleaned == SEED_COUNT
    calls.reset()

    _, again, _ = sync(seeds)
    assert (again.read, again.retagged, again.removed, again.unchanged) == (0, 0, 0, SEED_COUNT)
    assert (calls.loaded, calls.cleaned, calls.hashed) == ([], 0, 0)


def test_an_unchanged_folder_is_settled_without_comparing_stamps(seeds: Path, sync: Sync,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    sync(seeds)
    compared: list[int] = []
    stamp_rows = CorpusIndex.stamp_rows

    def counting_stamp_rows(self: CorpusIndex) -> dict:
        compared.append(1)
        return stamp_rows(self)

    monkeypatch.setattr(CorpusIndex, "stamp_rows", counting_stamp_rows)
    _, report, problems = sync(seeds)
    assert (report.read, report.unchanged, problems, compared) == (0, SEED_COUNT, [], [])


@pytest.mark.parametrize("change", ["same size, new time", "new name", "sources.yaml entry", "annotation file"])
def test_any_change_after_a_settled_sync_is_seen(change: str, seeds: Path, sync: Sync, calls: Calls) -> None:
    sync(seeds)
    sync(seeds)
    article = sorted(seeds.glob("*.txt"))[1]
    if change == "same size, new time":
        text = article.read_text(encoding="utf-8")
        swapped = text.replace("talks", "TALKS", 1)
        assert swapped != text and len(swapped) == len(text)
        article.write_text(swapped, encoding="utf-8")
        later = article.stat().st_mtime_ns + 5_000_000_000
        os.utime(article, ns=(later, later))
    elif change == "new name":
        article.rename(article.with_name("renamed-" + article.name))
    elif change == "sources.yaml entry":
        (seeds / "sources.yaml").write_text(f"sources:\n  {article.stem}:\n    outlet: Test Outlet\n",
                                            encoding="utf-8")
    else:
        annotations_path(seeds, article.stem).parent.mkdir(exist_ok=True)
        annotations_path(seeds, article.stem).write_text("annotations: []\n", encoding="utf-8")
    calls.reset()
    _, report, _ = sync(seeds)
    assert report.read + report.retagged >= 1, f"{change} went unnoticed"


def test_a_folder_problem_is_reported_on_every_run(seeds: Path, sync: Sync) -> None:
    article = sorted(seeds.glob("*.txt"))[0]
    shutil.copy(article, article.with_suffix(".md"))
    for _ in range(3):
        _, _, problems = sync(seeds)
        assert [p.message for p in problems] == [f"left out: same id as {article.with_suffix('.md').name}"]


def test_a_touched_article_is_not_read_again(seeds: Path, sync: Sync, calls: Calls) -> None:
    sync(seeds)
    before = index_content(sync(seeds)[0])
    article = sorted(seeds.glob("*.txt"))[2]
    later = article.stat().st_mtime_ns + 5_000_000_000
    os.utime(article, ns=(later, later))
    calls.reset()

    index, report, _ = sync(seeds)
    assert (report.read, report.retagged, report.unchanged) == (0, 0, SEED_COUNT)
    assert (calls.loaded, calls.cleaned) == ([], 0)
    assert calls.hashed == 1, "the touched file is hashed to see that it did not change"
    after = index_content(index)
    assert after["excerpts"] == before["excerpts"]

    calls.reset()
    sync(seeds)
    assert calls.hashed == 0, "the new time was remembered: nothing to hash on the next sync"


def test_an_edited_article_is_read_alone(seeds: Path, sync: Sync, calls: Calls) -> None:
    index, _, _ = sync(seeds)
    article = sorted(seeds.glob("*.txt"))[1]
    others = {sid: index.excerpts_of(sid) for sid in index.source_ids() if sid != article.stem}
    head, rest = article.read_text(encoding="utf-8").split("\n\n", 1)
    article.write_text(head + "\n\nThe zanzibarian delegation walked out of the talks on Friday, officials said.\n\n"
                       + rest, encoding="utf-8")
    calls.reset()

    index, report, _ = sync(seeds)
    assert (report.read, report.retagged, report.unchanged) == (1, 0, SEED_COUNT - 1)
    assert calls.loaded == [article.name]
    found = index.select(brief.index.ExcerptQuery(search="zanzibarian", include_untagged=True))
    assert [e.source_id for e in found] == [article.stem]
    assert {sid: index.excerpts_of(sid) for sid in others} == others
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)


def test_a_new_article_is_read_alone(seeds: Path, sync: Sync, calls: Calls) -> None:
    sync(seeds)
    shutil.copy(REPO / "tests" / "data" / "articles" / "wire_story.txt", seeds / "zz_wire_story.txt")
    calls.reset()

    index, report, problems = sync(seeds)
    assert (report.read, report.unchanged, problems) == (1, SEED_COUNT, [])
    assert calls.loaded == ["zz_wire_story.txt"]
    assert "zz_wire_story" in index.source_ids()
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)


def test_a_deleted_article_leaves_the_index(seeds: Path, sync: Sync, calls: Calls) -> None:
    index, _, _ = sync(seeds)
    gone = sorted(seeds.glob("*.txt"))[0].stem
    gone_ids = [e.id for e in index.excerpts_of(gone)]
    word = "zelensky"
    assert any(word in e.text.lower() for e in index.excerpts_of(gone)), "the test needs a word of that source"
    (seeds / f"{gone}.txt").unlink()
    calls.reset()

    index, report, _ = sync(seeds)
    assert (report.read, report.removed, report.unchanged) == (0, 1, SEED_COUNT - 1)
    assert calls.loaded == []
    assert gone not in index.source_ids() and gone not in index.source_dates()
    assert index.excerpts_of(gone) == [] and index.excerpts_by_id(gone_ids) == []
    searched = index.select(brief.index.ExcerptQuery(search=word, include_untagged=True))
    assert searched and all(e.source_id != gone for e in searched)
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)


def test_a_changed_taxonomy_retags_every_source_without_cleaning(seeds: Path, tmp_path: Path, sync: Sync,
                                                                 calls: Calls) -> None:
    topics = tmp_path / "topics.yaml"
    shutil.copy(TOPICS, topics)
    index, _, _ = sync(seeds, topics)
    assert index.topic_counts(brief.index.ExcerptQuery()).get("kremlin-watch") is None
    add_topic(topics)
    calls.reset()

    index, report, _ = sync(seeds, topics)
    assert (report.read, report.retagged) == (0, SEED_COUNT)
    assert (calls.loaded, calls.cleaned) == ([], 0), "re-tagging works from the stored canonical text"
    assert any("topics.yaml" in notice for notice in report.notices)
    excerpts = list(index.all_excerpts())
    assert excerpts == fresh_excerpts(seeds, topics)
    kremlin = [e for e in excerpts if "kremlin" in e.text.lower()]
    assert kremlin and all("kremlin-watch" in e.topics for e in kremlin)
    assert index.topic_counts(brief.index.ExcerptQuery())["kremlin-watch"] == len(kremlin)

    calls.reset()
    _, settled, _ = sync(seeds, topics)
    assert (settled.read, settled.retagged, settled.notices) == (0, 0, [])


def test_the_index_records_the_taxonomy_that_tagged_it_not_the_file(seeds: Path, tmp_path: Path, sync: Sync,
                                                                    calls: Calls) -> None:
    """A program that loaded topics.yaml before it changed (the TUI) syncs with the rules it holds."""
    topics = tmp_path / "topics.yaml"
    shutil.copy(TOPICS, topics)
    held = load_taxonomy(topics)
    sync(seeds, topics)
    add_topic(topics)
    index, report, _ = sync_index(seeds, topics, held)
    index.close()
    assert report.retagged == 0, "the rules it holds are the ones the index was tagged with"

    index, report, _ = sync(seeds, topics)
    assert report.retagged == SEED_COUNT
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, topics)


def test_a_comment_in_topics_yaml_retags_nothing(seeds: Path, tmp_path: Path, sync: Sync) -> None:
    topics = tmp_path / "topics.yaml"
    shutil.copy(TOPICS, topics)
    sync(seeds, topics)
    topics.write_text("# Edited by a test.\n" + TOPICS.read_text(encoding="utf-8"), encoding="utf-8")
    _, report, _ = sync(seeds, topics)
    assert (report.read, report.retagged, report.notices) == (0, 0, [])


def test_an_edited_annotation_file_retags_only_its_source(seeds: Path, sync: Sync, calls: Calls) -> None:
    index, _, _ = sync(seeds)
    source_id = sorted(index.source_ids())[3]
    before = {sid: index.excerpts_of(sid) for sid in index.source_ids()}
    target = before[source_id][4]
    text = index.load_sources([source_id])[0].text
    add_annotation(seeds, source_id, make_annotation(text, target.start, target.end, "excerpt",
                                                     topics=["nato"], section="outlook"))
    calls.reset()

    index, report, problems = sync(seeds)
    assert (report.read, report.retagged, report.unchanged, problems) == (0, 1, SEED_COUNT - 1, [])
    assert (calls.loaded, calls.cleaned) == ([], 0)
    mine = index.excerpts_of(source_id)
    analyst = [e for e in mine if e.origin == "analyst"]
    assert [(e.start, e.end, e.topics, e.section) for e in analyst] == [(target.start, target.end, ("nato",),
                                                                          "outlook")]
    assert target.id not in {e.id for e in mine}
    assert {sid: index.excerpts_of(sid) for sid in before if sid != source_id} == \
        {sid: excerpts for sid, excerpts in before.items() if sid != source_id}
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)
    calls.reset()

    rejected = before[source_id][6]
    add_annotation(seeds, source_id, make_annotation(text, rejected.start, rejected.end, "reject"))
    index, report, _ = sync(seeds)
    assert (report.read, report.retagged) == (0, 1)
    assert rejected.id not in {e.id for e in index.excerpts_of(source_id)}

    annotations_path(seeds, source_id).unlink()
    index, report, _ = sync(seeds)
    assert (report.read, report.retagged) == (0, 1)
    assert index.excerpts_of(source_id) == before[source_id]
    assert (calls.loaded, calls.cleaned) == ([], 0)


def test_a_broken_annotation_file_is_reported_on_every_run(seeds: Path, sync: Sync) -> None:
    index, _, _ = sync(seeds)
    source_id = index.source_ids()[0]
    path = annotations_path(seeds, source_id)
    path.parent.mkdir()
    path.write_text(f"source: {source_id}\nannotations:\n  - action: excerpt\n    quote: nowhere in the text\n"
                    "    start: 0\n    end: 5\n", encoding="utf-8")
    for _ in range(2):
        index, _, _ = sync(seeds)
        problems = index.annotation_problems()
        assert [p.file for p in problems] == [path]
        assert "cannot re-attach" in problems[0].message


def test_a_changed_sources_yaml_entry_rereads_only_that_source(seeds: Path, sync: Sync, calls: Calls) -> None:
    index, _, _ = sync(seeds)
    source_id = "001_83039b644387e352"
    assert index.source_dates()[source_id] is None, "the test gives a date to the undated seed"
    stated = seeds / "sources.yaml"
    text = stated.read_text(encoding="utf-8")
    stated.write_text(text.replace(f"  {source_id}:\n", f"  {source_id}:\n    published: 2025-12-20\n", 1),
                      encoding="utf-8")
    calls.reset()

    index, report, problems = sync(seeds)
    assert (report.read, report.unchanged, problems) == (1, SEED_COUNT - 1, [])
    assert calls.loaded == [f"{source_id}.txt"]
    assert index.source_dates()[source_id] == dt.date(2025, 12, 20)
    assert {e.published for e in index.excerpts_of(source_id)} == {dt.date(2025, 12, 20)}
    published = index.load_sources([source_id])[0].meta.published
    assert (published.origin, published.how) == ("stated", "sources.yaml")
    assert index_content(index)["excerpts"] == index_content(sync(seeds)[0])["excerpts"]


def test_an_unreadable_article_is_reported_every_run_and_picked_up_once_fixed(seeds: Path, sync: Sync,
                                                                              calls: Calls) -> None:
    broken = seeds / "zz_broken.txt"
    broken.write_text("", encoding="utf-8")
    for run in range(3):
        calls.reset()
        index, report, problems = sync(seeds)
        assert [p.file.name for p in problems if p.file] == ["zz_broken.txt"]
        assert "empty" in problems[0].message
        assert "zz_broken" not in index.source_ids()
        if run:
            assert (report.read, report.failed, calls.loaded) == (0, 0, []), "a known failure is not retried"

    shutil.copy(REPO / "tests" / "data" / "articles" / "wire_story.txt", broken)
    calls.reset()
    index, report, problems = sync(seeds)
    assert (report.read, problems, calls.loaded) == (1, [], ["zz_broken.txt"])
    assert "zz_broken" in index.source_ids()
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)


def test_an_article_that_becomes_unreadable_leaves_the_index(seeds: Path, sync: Sync) -> None:
    index, _, _ = sync(seeds)
    article = sorted(seeds.glob("*.txt"))[2]
    article.write_bytes(b"half a page\x00 of binary")
    index, report, problems = sync(seeds)
    assert report.failed == 1
    assert [p.file for p in problems] == [article]
    assert article.stem not in index.source_ids() and index.excerpts_of(article.stem) == []
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)


# --- the index is derived: losing or damaging it loses nothing ------------------------------------------


def _weekly_and_situation(project: Path) -> list[str]:
    paths = ProjectPaths(root=project, corpus=project / "seeds", briefings=REPO / "briefings")
    return [build(paths, REPO / "briefings" / name, out_dir=project / "out", formats=["md"]).markdown
            for name in ("weekly.yaml", "situation.yaml")]


def test_deleting_the_index_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(INDEX_DIR_ENV, raising=False)
    copy_seeds(tmp_path / "seeds")
    first = _weekly_and_situation(tmp_path)
    location = index_location(tmp_path / "seeds")
    assert location.is_file()
    shutil.rmtree(location.parent)
    assert _weekly_and_situation(tmp_path) == first
    assert location.is_file(), "the index was made again"


def _close(index: CorpusIndex) -> None:
    """Close the index so that everything is in the main file, as after a run of brief."""
    index.close()
    assert not Path(f"{index.path}-wal").exists()


def _zero_page_of(path: Path, table: str) -> None:
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))


def _other_schema(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("UPDATE info SET value = '1' WHERE key = 'schema'")
    connection.commit()
    connection.close()


def _foreign_database(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()


DAMAGE = {
    "garbage bytes": lambda path: path.write_bytes(os.urandom(path.stat().st_size)),
    "truncated to half": lambda path: path.write_bytes(path.read_bytes()[:path.stat().st_size // 2]),
    "truncated to one page": lambda path: path.write_bytes(path.read_bytes()[:4096]),
    "empty file": lambda path: path.write_bytes(b""),
    "sources table zeroed": lambda path: _zero_page_of(path, "sources"),
    "another schema version": _other_schema,
    "a database of something else": _foreign_database,
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_index_is_rebuilt_with_a_notice(damage: str, seeds: Path, sync: Sync) -> None:
    index, _, _ = sync(seeds)
    expected = index_content(index)
    _close(index)
    DAMAGE[damage](index.path)

    index, report, problems = sync(seeds)
    if damage != "empty file":  # an empty file is simply a new index
        assert any("rebuilding" in notice for notice in report.notices), report.notices
    assert (report.read, problems) == (SEED_COUNT, [])
    assert index_content(index) == expected
    _, settled, _ = sync(seeds)
    assert (settled.read, settled.notices) == (0, [])


def test_an_index_made_by_other_engine_code_is_rebuilt(seeds: Path, sync: Sync,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    index, _, _ = sync(seeds)
    expected = index_content(index)
    monkeypatch.setattr(brief.ingest, "engine_fingerprint", lambda: "0123456789abcdef0123")
    index, report, _ = sync(seeds)
    assert report.read == SEED_COUNT
    assert any("different version" in notice for notice in report.notices)
    content = index_content(index)
    made_by_code = ("engine", "settled scan")  # the scan's digest covers the engine code too
    assert [row for row in content.pop("info") if row[0] not in made_by_code] == \
        [row for row in expected.pop("info") if row[0] not in made_by_code]
    assert content == expected


# --- cancelling ------------------------------------------------------------------------------------------


class CancelAfterFirstProgress:
    """A progress callback and a cancel test: cancel once progress was reported after the start."""

    def __init__(self) -> None:
        self.reported: list[tuple[int, int]] = []

    def progress(self, done: int, total: int, what: str) -> None:
        self.reported.append((done, total))

    def cancel(self) -> bool:
        return any(done for done, _ in self.reported)


def test_a_cancelled_sync_keeps_what_was_done_and_the_next_finishes(seeds: Path, tmp_path: Path, sync: Sync,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    stop = CancelAfterFirstProgress()
    with pytest.raises(Cancelled):
        sync(seeds, progress=stop.progress, cancel=stop.cancel)
    assert stop.reported[0] == (0, SEED_COUNT)
    index, report, _ = sync(seeds)
    kept = report.unchanged
    assert kept == 1 and report.read == SEED_COUNT - kept
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, TOPICS)

    monkeypatch.setenv(INDEX_DIR_ENV, str(tmp_path / "elsewhere"))
    assert index_content(index) == index_content(sync(seeds)[0])


def test_a_sync_resumed_under_a_changed_taxonomy_retags_what_was_done(seeds: Path, tmp_path: Path,
                                                                      sync: Sync) -> None:
    topics = tmp_path / "topics.yaml"
    shutil.copy(TOPICS, topics)
    stop = CancelAfterFirstProgress()
    with pytest.raises(Cancelled):
        sync(seeds, topics, progress=stop.progress, cancel=stop.cancel)
    add_topic(topics)
    index, report, _ = sync(seeds, topics)
    assert (report.read, report.retagged) == (SEED_COUNT - 1, 1)
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, topics)


def test_a_cancelled_retagging_is_finished_even_if_the_taxonomy_is_changed_back(seeds: Path, tmp_path: Path,
                                                                                 sync: Sync) -> None:
    topics = tmp_path / "topics.yaml"
    shutil.copy(TOPICS, topics)
    sync(seeds, topics)
    add_topic(topics)
    stop = CancelAfterFirstProgress()
    with pytest.raises(Cancelled):
        sync(seeds, topics, progress=stop.progress, cancel=stop.cancel)
    shutil.copy(TOPICS, topics)
    index, report, _ = sync(seeds, topics)
    assert report.read == 0
    assert list(index.all_excerpts()) == fresh_excerpts(seeds, topics)


# --- worker processes --------------------------------------------------------------------------------------

PARALLEL_COUNT = 60


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "corpus"
    generate(PARALLEL_COUNT, root, seed=11)
    return root


@pytest.fixture(scope="module")
def serial_content(generated_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The index of the generated corpus made in this process alone: what worker processes must match."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(INDEX_DIR_ENV, str(tmp_path_factory.mktemp("serial")))
        index, report, _ = sync_index(generated_corpus, TOPICS, load_taxonomy(TOPICS), workers=1)
    assert report.read == PARALLEL_COUNT
    content = index_content(index)
    index.close()
    return content


def test_worker_processes_make_the_same_index_as_one_process(generated_corpus: Path, serial_content: dict,
                                                             tmp_path: Path, sync: Sync,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert PARALLEL_COUNT >= brief.ingest.PARALLEL_FROM, "the test must take the parallel path"
    monkeypatch.setenv(INDEX_DIR_ENV, str(tmp_path / "two"))
    parallel, report, _ = sync(generated_corpus, workers=2)
    assert report.read == PARALLEL_COUNT
    assert index_content(parallel) == serial_content


def test_a_cancelled_parallel_sync_is_finished_by_the_next(generated_corpus: Path, serial_content: dict,
                                                           tmp_path: Path, sync: Sync,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(INDEX_DIR_ENV, str(tmp_path / "cancelled"))
    stop = CancelAfterFirstProgress()
    with pytest.raises(Cancelled):
        sync(generated_corpus, workers=2, progress=stop.progress, cancel=stop.cancel)
    done = stop.reported[-1][0]
    assert 0 < done < PARALLEL_COUNT
    index, report, _ = sync(generated_corpus, workers=2)
    assert (report.read, report.unchanged) == (PARALLEL_COUNT - done, done)
    assert index_content(index) == serial_content


def test_the_index_keeps_each_sources_copy_fingerprint(seeds: Path, sync: Sync) -> None:
    from brief.independence import source_fingerprint

    wire = seeds / "zz_wire_story.txt"
    wire.write_text("Talks resume in Vienna\n\nKYIV, Ukraine (AP) — " + " ".join(
        f"Negotiators met for round {n} of talks on the disputed border on Monday, officials said." for n in range(6)),
        encoding="utf-8")
    index, _, _ = sync(seeds)
    stored = index.fingerprints(index.source_ids())
    fresh = {source.id: source_fingerprint(source) for source in load_corpus(seeds).sources}
    assert stored == fresh
    assert stored["zz_wire_story"].wire is not None and len(stored["zz_wire_story"].sentences) >= 4
    wire.unlink()
    index, _, _ = sync(seeds)
    assert "zz_wire_story" not in index.fingerprints(["zz_wire_story"])


def test_articles_in_subfolders_are_indexed_and_hidden_folders_are_not(seeds: Path, sync: Sync) -> None:
    articles = sorted(seeds.glob("*.txt"))
    (seeds / "2025" / "12").mkdir(parents=True)
    moved = articles[0].rename(seeds / "2025" / "12" / articles[0].name)
    (seeds / ".drafts").mkdir()
    shutil.copy(REPO / "tests" / "data" / "articles" / "wire_story.txt", seeds / ".drafts" / "draft.txt")
    shutil.copy(articles[1], seeds / "2025" / articles[1].name)  # the same id in another folder
    index, report, problems = sync(seeds)
    assert sorted(index.source_ids()) == sorted(p.stem for p in articles)
    assert [(p.message, p.file) for p in problems] == [
        (f"left out: same id as {articles[1].name}", seeds / "2025" / articles[1].name)]
    source = next(s for s in index.load_sources([moved.stem]))
    assert source.path == moved and source.text
    assert sorted(s.id for s in load_corpus(seeds).sources) == sorted(index.source_ids())
    _, again, _ = sync(seeds)
    assert (again.read, again.unchanged) == (0, SEED_COUNT)
