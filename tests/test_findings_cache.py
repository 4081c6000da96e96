"""What the analyst's sections found is kept in the index and read back only while it still holds.

The shipped articles are extracted once with the index as the store; then the
extractors are made to fail, and a second gathering must give the same material
from the index alone. A changed date, a changed extractor, or a row that does not
read back must be worked out again; a busy index must not hold a brief up.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

import brief.analyst_sections as analyst_sections
import brief.findings_cache as findings_cache
from brief.analyst_sections import gather_material
from brief.figures import Figure
from brief.findings_cache import decode, encode, findings_key
from brief.quotes import Quote
from brief.timeline import Event
from brief.workspace import ProjectPaths, Workspace, load_workspace
from tests.corpus_factory import REPO, copy_seeds

ALL_SECTIONS = ["key-quotes", "key-figures", "timeline"]


def open_workspace(tmp_path: Path) -> Workspace:
    corpus = copy_seeds(tmp_path / "seeds")
    return load_workspace(ProjectPaths(root=tmp_path, corpus=corpus, briefings=REPO / "briefings"))


def forget_in_memory() -> None:
    analyst_sections._cache.entries.clear()


def fail_extractors(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("extracted again")

    for name in ("_extract_quotes", "extract_figures", "extract_events"):
        monkeypatch.setattr(analyst_sections, name, fail)


def material_of(workspace: Workspace, store: object) -> list[tuple[object, ...]]:
    sources = workspace.corpus.sources
    return [(m.source_id, m.quotes, m.figures, m.events)
            for m in gather_material(sources, ALL_SECTIONS, set(), store)]  # type: ignore[arg-type]


def test_findings_round_trip_through_json() -> None:
    quote = Quote(text="We will not give up an inch", speaker="Yuri Ushakov", role="a Kremlin aide", start=3,
                  end=60, quote_start=5, quote_end=32, date=dt.date(2025, 12, 17), date_precision="day",
                  dated_by="sentence", source_id="s", kind="direct", attribution="named", date_expression="Dec. 17")
    undated = Quote(text="No comment on that", speaker=None, role=None, start=0, end=20, quote_start=1,
                    quote_end=19, date=None, date_precision=None, dated_by=None, source_id="s", kind="direct",
                    attribution=None, date_expression=None)
    figure = Figure(text="1.5 million", value=1_500_000.0, unit="people", category="people",
                    measure="people displaced", qualifier="nearly", upper=None, start=0, end=40, figure_start=7,
                    figure_end=18, source_id="s")
    event = Event(source_id="s", start=0, end=30, text="Talks resumed on Dec. 17.", date=dt.date(2025, 12, 17),
                  precision="day", expression="Dec. 17", expression_start=16, expression_end=23, relative=True,
                  published=None)
    for found in ((quote, undated), (figure,), (event,), ()):
        kind = type(found[0]) if found else Quote
        assert decode(kind, encode(found)) == found


@pytest.mark.parametrize("value", [
    "not json", '{"rows": []}', "[[1, 2]]", '[["a"]]', "[" + str([None] * 10 + [[1]]).replace("None", "null") + "]",
    '[["s", 0, 30, "Talks resumed.", "Dec. 17", "day", "Dec. 17", 16, 23, true, null]]',
])
def test_a_row_that_does_not_read_back_is_none(value: str) -> None:
    # The last: an Event's row whose date is not a date.
    assert decode(Event, value) is None


def test_second_gathering_reads_the_index_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = open_workspace(tmp_path)
    index = workspace.corpus.findings
    assert index is not None
    forget_in_memory()
    first = material_of(workspace, index)
    assert any(quotes for _, quotes, _, _ in first) and any(figures for _, _, figures, _ in first)
    forget_in_memory()
    fail_extractors(monkeypatch)
    assert material_of(workspace, index) == first


def test_nothing_kept_without_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = open_workspace(tmp_path)
    forget_in_memory()
    material_of(workspace, None)
    forget_in_memory()
    fail_extractors(monkeypatch)
    with pytest.raises(AssertionError, match="extracted again"):
        material_of(workspace, workspace.corpus.findings)


def test_a_row_under_another_key_is_worked_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = open_workspace(tmp_path)
    index = workspace.corpus.findings
    forget_in_memory()
    first = material_of(workspace, index)
    # The extractors' code changed: every row is stale, and replaced.
    monkeypatch.setattr(findings_cache, "_fingerprint", ["another-version"])
    forget_in_memory()
    calls: list[str] = []
    real = analyst_sections.extract_figures

    def counted(*args: object, **kwargs: object) -> object:
        calls.append("figures")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(analyst_sections, "extract_figures", counted)
    assert material_of(workspace, index) == first
    assert len(calls) == len(workspace.corpus.sources)
    keys = {key for (key,) in index.connection.execute("SELECT key FROM findings")}  # type: ignore[union-attr]
    assert keys and all(key.startswith("another-version:") for key in keys)


def test_a_date_change_is_a_new_key() -> None:
    assert findings_key("abc", dt.date(2025, 12, 1)) != findings_key("abc", dt.date(2025, 12, 2))
    assert findings_key("abc", None) != findings_key("abd", None)


def test_a_damaged_row_is_worked_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = open_workspace(tmp_path)
    index = workspace.corpus.findings
    forget_in_memory()
    first = material_of(workspace, index)
    index.connection.execute("UPDATE findings SET value = '[[\"cut\"' WHERE kind = 'quotes'")  # type: ignore[union-attr]
    forget_in_memory()
    assert material_of(workspace, index) == first
    values = [value for (value,) in index.connection.execute(  # type: ignore[union-attr]
        "SELECT value FROM findings WHERE kind = 'quotes'")]
    assert values and all(decode(Quote, value) is not None for value in values)


def test_removing_a_source_removes_what_was_found_in_it(tmp_path: Path) -> None:
    workspace = open_workspace(tmp_path)
    index = workspace.corpus.findings
    forget_in_memory()
    material_of(workspace, index)
    gone = workspace.corpus.sources[0].id
    index.begin()  # type: ignore[union-attr]
    index.remove_source(gone)  # type: ignore[union-attr]
    index.commit()  # type: ignore[union-attr]
    held = {sid for (sid,) in index.connection.execute("SELECT source_id FROM findings")}  # type: ignore[union-attr]
    assert held and gone not in held


def test_a_busy_index_does_not_hold_the_brief_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = open_workspace(tmp_path)
    index = workspace.corpus.findings
    writer = sqlite3.connect(index.path, isolation_level=None)  # type: ignore[union-attr]
    writer.execute("BEGIN IMMEDIATE")  # another process is indexing
    try:
        forget_in_memory()
        material = material_of(workspace, index)
        assert any(quotes for _, quotes, _, _ in material)
        assert index.connection.execute("SELECT count(*) FROM findings").fetchone()[0] == 0  # type: ignore[union-attr]
        assert index.connection.execute("PRAGMA busy_timeout").fetchone()[0] > 100  # type: ignore[union-attr]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
