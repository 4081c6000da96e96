"""`brief verify`: a brief's quotations and cited statements, checked verbatim against the corpus.

Each test starts from a brief freshly built from the shipped corpus (or a small
corpus of its own), makes the edit an analyst might make, and checks what
verify says about it: nothing, or the right line, source and changed word.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest

from brief.build import build
from brief.errors import UserError
from brief.passages import ComparableText, normalise
from brief.verify import Mismatch, unescape_markdown, verify_brief
from brief.workspace import ProjectPaths, Workspace, load_workspace

from .conftest import REPO

CITATION = re.compile(r"\[\\\[(\d+)\\\]\]\(#src-(\d+)\)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The situation brief of the shipped corpus, as `brief build` writes it."""
    out = tmp_path_factory.mktemp("verify-build")
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    result = build(paths, REPO / "briefings" / "situation.yaml", out_dir=out, formats=["md"])
    return result.markdown


def _write(tmp_path: Path, markdown: str, name: str = "brief.md") -> Path:
    path = tmp_path / name
    path.write_text(markdown, encoding="utf-8")
    return path


def _line_index(lines: list[str], predicate) -> int:
    return next(i for i, line in enumerate(lines) if predicate(line))


def _item_lines(markdown: str) -> list[int]:
    """Indexes of the cited list items of the brief's body."""
    lines = markdown.splitlines()
    body_end = lines.index("## Sources")
    return [i for i, line in enumerate(lines[:body_end]) if line.startswith("- ") and CITATION.search(line)]


def _numbering(markdown: str) -> dict[int, str]:
    block = markdown.split("\nsources:\n", 1)[1].split("\n---", 1)[0]
    return {int(n): sid for n, sid in re.findall(r'^\s+(\d+): "([^"]+)"$', block, re.M)}


# --- a fresh brief is clean ------------------------------------------------------------------------


@pytest.mark.parametrize("recipe", ["situation.yaml", "weekly.yaml"])
def test_a_freshly_built_brief_verifies_clean(recipe: str, tmp_path: Path, cli) -> None:
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    written = build(paths, REPO / "briefings" / recipe, out_dir=tmp_path, formats=["md"]).written[0]
    result = cli("verify", written, cwd=REPO)
    assert (result.code, result.out) == (0, ""), result.out + result.err
    assert "every quotation and cited statement is verbatim" in result.err


def test_the_front_matter_maps_every_cited_number_to_a_source(built: str, shipped_workspace: Workspace) -> None:
    numbering = _numbering(built)
    cited = {int(n) for n in re.findall(r"#src-(\d+)", built)}
    assert set(numbering) == cited
    assert set(numbering.values()) <= {s.id for s in shipped_workspace.corpus.sources}


# --- edits that must be caught ---------------------------------------------------------------------


def test_one_word_changed_inside_a_quotation_is_caught_on_its_line(built: str, shipped_workspace, tmp_path,
                                                                     cli) -> None:
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("- ") and "“no compromise”" in line)
    lines[index] = lines[index].replace("“no compromise”", "“no agreement”")
    edited = "\n".join(lines) + "\n"

    mismatches = verify_brief(edited, shipped_workspace)
    quotations = [m for m in mismatches if m.kind == "quotation"]
    assert [(m.line, m.text) for m in quotations] == [(index + 1, "no agreement")]
    assert quotations[0].closest == "no compromise"
    assert quotations[0].changes == ('"agreement" where the source has "compromise"',)
    # The statement around it no longer matches either, on the same line; nothing else does.
    assert {(m.line, m.kind) for m in mismatches} == {(index + 1, "quotation"), (index + 1, "statement")}

    path = _write(tmp_path, edited)
    result = cli("verify", path, cwd=REPO)
    assert result.code == 1
    out = result.out.splitlines()
    assert len(out) == 2 and all(line.startswith(f"{path}:{index + 1}: ") for line in out)
    assert "«no agreement»" in out[0] and "compromise" in out[0]


def test_one_word_changed_in_a_cited_statement_is_caught(built: str, shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    index = next(i for i in _item_lines(built)
                 if not re.search("[“”\"]", lines[i]) and len(CITATION.findall(lines[i])) == 1)
    # the sentence as built, less its notes ("*(as of 4 December 2025)*" of a key point weeks old)
    as_built = re.sub(r"(?:\s*\*\([^)]*\)\*)+$", "", unescape_markdown(CITATION.sub("", lines[index][2:])).strip())
    words = lines[index].split(" ")
    original = words[4]
    words[4] = "never" if original != "never" else "always"
    lines[index] = " ".join(words)

    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert len(mismatches) == 1
    mismatch = mismatches[0]
    assert (mismatch.line, mismatch.kind, mismatch.reason) == (index + 1, "statement", "not found")
    assert mismatch.changes == (f'"{words[4]}" where the source has "{original}"',)
    number = int(CITATION.search(lines[index]).group(1))
    assert mismatch.source_ids == (_numbering(built)[number],)
    # The closest passage is the article's sentence itself, so the analyst sees the word that changed.
    assert mismatch.closest == as_built


def test_a_statement_cited_to_the_wrong_source_is_caught(built: str, shipped_workspace, tmp_path, cli) -> None:
    numbering = _numbering(built)
    lines = built.splitlines()
    index = next(i for i in _item_lines(built) if len(CITATION.findall(lines[i])) == 1
                 and not set("“”\"") & set(lines[i]))  # a statement, not a quotation, is what is checked here
    right = int(CITATION.search(lines[index]).group(1))
    wrong = next(n for n in sorted(numbering) if n != right)
    lines[index] = lines[index].replace(f"[\\[{right}\\]](#src-{right})", f"[\\[{wrong}\\]](#src-{wrong})")
    edited = "\n".join(lines) + "\n"

    mismatches = verify_brief(edited, shipped_workspace)
    assert [(m.line, m.kind, m.source_ids) for m in mismatches] == [(index + 1, "statement", (numbering[wrong],))]
    assert mismatches[0].found_in == (numbering[right],)

    path = _write(tmp_path, edited)
    result = cli("verify", path, cwd=REPO)
    assert result.code == 1
    assert result.out.startswith(f"{path}:{index + 1}: statement not found in [{wrong}] {numbering[wrong]}")
    assert f"it is verbatim in [{right}] {numbering[right]}" in result.out


def test_a_straight_quote_where_the_source_has_an_apostrophe_is_caught(built: str, shipped_workspace) -> None:
    lines = built.splitlines()
    index = next(i for i in _item_lines(built) if "Ukraine’s" in lines[i])
    lines[index] = lines[index].replace("Ukraine’s", 'Ukraine"s', 1)
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert [(m.line, m.kind) for m in mismatches if m.kind == "statement"] == [(index + 1, "statement")]


def test_an_uncited_quotation_is_looked_for_in_every_source_of_the_brief(built: str, shipped_workspace) -> None:
    lines = built.splitlines()
    index = lines.index("## Outlook")
    lines[index + 1:index + 1] = ["", "Kremlin aides spoke of “no compromise”; one diplomat of “a total disaster”."]
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert [(m.line, m.kind, m.text, m.numbers) for m in mismatches] == [
        (index + 3, "quotation", "a total disaster", ())]
    assert set(mismatches[0].source_ids) == set(_numbering(built).values())


def test_text_after_the_last_citation_of_an_item_is_reported(built: str, shipped_workspace) -> None:
    lines = built.splitlines()
    index = _item_lines(built)[0]
    lines[index] += " Analysts doubt this."
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert [(m.line, m.reason, m.text) for m in mismatches] == [
        (index + 1, "has no citation after it", "Analysts doubt this.")]


# --- what is not a mismatch ------------------------------------------------------------------------


def _rewrap(markdown: str) -> str:
    """Every list item re-wrapped at 40 columns with indented continuation lines, doubled spaces."""
    out = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            wrapped = textwrap.fill(line, width=40, subsequent_indent="   ", break_long_words=False,
                                    break_on_hyphens=False)
            out.append(wrapped.replace(", ", ",  \t"))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_rewrapping_and_whitespace_are_not_mismatches(built: str, shipped_workspace) -> None:
    rewrapped = _rewrap(built)
    assert rewrapped.count("\n") > built.count("\n") + 20  # the re-wrap did happen
    assert verify_brief(rewrapped, shipped_workspace) == []


def test_after_rewrapping_a_changed_quotation_is_reported_on_its_own_line(built: str, shipped_workspace) -> None:
    lines = _rewrap(built).splitlines()
    index = _line_index(lines, lambda line: "“no" in line)
    item_start = max(i for i in range(index + 1) if lines[i].startswith("- "))
    assert index > item_start  # the quotation opens on a continuation line
    changed = next(i for i in (index, index + 1) if "compromise”" in lines[i])
    lines[changed] = lines[changed].replace("compromise”", "agreement”")
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert {(m.kind, m.line) for m in mismatches} == {("quotation", index + 1), ("statement", item_start + 1)}


def test_straight_quotes_for_the_articles_curly_ones_are_not_mismatches(built: str, shipped_workspace) -> None:
    edited = built.replace("“", '"').replace("”", '"').replace("’", "'")
    assert edited != built
    assert verify_brief(edited, shipped_workspace) == []


@pytest.fixture()
def escape_project(tmp_path: Path) -> Path:
    """A one-article corpus whose sentences hold Markdown's special characters."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "escapes.txt").write_text(
        "Peace talks stall over the *final* map\n\nPublished 3 March 2025\n\n"
        "Negotiators in Geneva said the ceasefire talks stalled on Monday because the *final* map of the "
        "front line_east was still disputed by both delegations.\n\n"
        "Russia demands that Ukraine withdraw from the [contested] districts, a demand Kyiv has repeatedly "
        "rejected as a red line in the peace talks <for now> & beyond.\n\n"
        'The envoy said the next round of peace talks would test whether a ceasefire deal can hold, calling '
        'the draft a "C:\\drafts\\plan_v2" document with 20 | 28 points.\n', encoding="utf-8")
    (tmp_path / "briefings").mkdir()
    for name in ("situation.yaml", "topics.yaml"):
        (tmp_path / "briefings" / name).write_text((REPO / "briefings" / name).read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    return tmp_path


def test_markdown_escaping_is_not_a_mismatch(escape_project: Path, cli) -> None:
    paths = ProjectPaths(root=escape_project, corpus=escape_project / "seeds", briefings=escape_project / "briefings")
    written = build(paths, escape_project / "briefings" / "situation.yaml", out_dir=escape_project / "out",
                    formats=["md"]).written[0]
    markdown = written.read_text(encoding="utf-8")
    for escaped in (r"\*final\*", r"line\_east", r"\[contested\]", r"\<for now\> \& beyond", r"C:\\drafts\\plan\_v2"):
        assert escaped in markdown  # the renderer did escape them ...
    result = cli("verify", written, cwd=escape_project)
    assert (result.code, result.out) == (0, ""), result.out + result.err  # ... and verify undoes it

    workspace = load_workspace(paths)
    changed = markdown.replace(r"\*final\* map of", r"\*first\* map of", 1)  # the item, not the timeline row
    [mismatch] = verify_brief(changed, workspace)
    assert mismatch.changes == ('"*first*" where the source has "*final*"',)


def test_a_brief_without_the_mapping_is_read_through_its_sources_list(built: str, shipped_workspace) -> None:
    """Briefs built before the front matter named source ids: the Sources list's titles say which is which."""
    old = re.sub(r"\nsources:\n(?:  .*\n)+", "\n", built)
    assert "sources:" not in old.split("\n---", 1)[0]
    assert verify_brief(old, shipped_workspace) == []
    lines = old.splitlines()
    index = next(i for i in _item_lines(old) if "“no compromise”" in lines[i])
    lines[index] = lines[index].replace("“no compromise”", "“no agreement”")
    assert {m.line for m in verify_brief("\n".join(lines), shipped_workspace)} == {index + 1}


# --- the tables: key figures and timeline --------------------------------------------------------


def _row(lines: list[str], start: str) -> int:
    """Index of the table row whose text starts with ``start``."""
    return _line_index(lines, lambda line: line.startswith(start))


def test_a_fresh_brief_has_both_tables_and_they_verify_clean(built: str, shipped_workspace: Workspace) -> None:
    assert "| Figure | Unit | What it measures | Source |" in built
    assert "| Date | Event | Source | Published |" in built
    assert verify_brief(built, shipped_workspace) == []


def test_a_changed_digit_in_a_key_figure_is_caught_on_its_line(built: str, shipped_workspace, tmp_path,
                                                                cli) -> None:
    lines = built.splitlines()
    index = _row(lines, "| around 19,000 | deaths |")
    number = int(CITATION.search(lines[index]).group(1))
    lines[index] = lines[index].replace("| around 19,000 |", "| around 29,000 |")
    edited = "\n".join(lines) + "\n"

    [mismatch] = verify_brief(edited, shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (index + 1, "figure", "around 29,000")
    assert mismatch.source_ids == (_numbering(built)[number],)
    assert mismatch.closest == "around 19,000"
    assert mismatch.changes == ('"29,000" where the source has "19,000"',)

    path = _write(tmp_path, edited)
    result = cli("verify", path, cwd=REPO)
    assert result.code == 1
    assert result.out.startswith(f"{path}:{index + 1}: figure not found in [{number}] {_numbering(built)[number]}: "
                                 "«around 29,000»")
    # The summary names the kind found, and only it.
    assert "brief: 1 key figure not as their sources give them" in result.err
    assert "quotation" not in result.err and "speaker" not in result.err


def test_a_key_figure_cited_to_the_wrong_source_is_caught(built: str, shipped_workspace: Workspace) -> None:
    numbering = _numbering(built)
    lines = built.splitlines()
    index = _row(lines, "| around 19,000 | deaths |")
    right = int(CITATION.search(lines[index]).group(1))
    wrong = next(n for n in sorted(numbering) if n != right)
    lines[index] = lines[index].replace(f"[\\[{right}\\]](#src-{right})", f"[\\[{wrong}\\]](#src-{wrong})")
    [mismatch] = verify_brief("\n".join(lines), shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.source_ids) == (index + 1, "figure", (numbering[wrong],))
    assert mismatch.found_in == (numbering[right],)
    assert mismatch.format("b.md").endswith(f"it is verbatim in [{right}] {numbering[right]}")


def test_every_source_a_figure_row_cites_must_give_the_figure(built: str, shipped_workspace: Workspace) -> None:
    """The row's writing is one source's; a source added to the row that gives no such figure is reported."""
    numbering = _numbering(built)
    lines = built.splitlines()
    index = _row(lines, "| 28 | points |")
    cited = [int(n) for n, _ in CITATION.findall(lines[index])]
    assert len(cited) > 1
    texts = {s.id: s.text for s in shipped_workspace.corpus.sources}
    stranger = next(n for n in sorted(numbering) if n not in cited and "28" not in texts[numbering[n]])
    replaced = cited[-1]
    lines[index] = lines[index].replace(f"[\\[{replaced}\\]](#src-{replaced})",
                                        f"[\\[{stranger}\\]](#src-{stranger})")
    [mismatch] = verify_brief("\n".join(lines), shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.source_ids) == (index + 1, "figure", (numbering[stranger],))
    assert mismatch.found_in == tuple(numbering[n] for n in cited[:-1])


def test_a_changed_unit_or_a_dropped_qualifier_is_caught(built: str, shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    unit = _row(lines, "| 156,000 | deaths |")
    lines[unit] = lines[unit].replace("| deaths |", "| casualties |")
    qualified = _row(lines, "| close to 1 million |")
    lines[qualified] = lines[qualified].replace("| close to 1 million |", "| 1 million |")
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert [(m.line, m.kind, m.text) for m in mismatches] == [(unit + 1, "unit", "casualties"),
                                                               (qualified + 1, "figure", "1 million")]
    assert mismatches[0].changes == ('"casualties" where brief reads "deaths"',)
    assert mismatches[1].closest == "close to 1 million"


def test_a_capital_letter_or_an_added_escape_in_a_figure_is_not_a_mismatch(built: str,
                                                                           shipped_workspace: Workspace) -> None:
    assert "| 0.77 |" in built
    edited = built.replace("| around 19,000 |", "| Around 19,000 |").replace("| 0.77 |", "| 0\\.77 |")
    assert verify_brief(edited, shipped_workspace) == []


def test_a_figure_row_shows_its_unit_once_and_verifies_as_brief_writes_it_now_or_wrote_it_before(
        built: str, shipped_workspace: Workspace) -> None:
    """A row shows "28 | points", not "28-point | points": the unit in its own column only, as "800,000 |
    troops" always did. A brief written before ("28-point | points", "0.77% | %", "25 per cent | %") verifies
    too; a changed number or unit is still caught."""
    assert "| 28 | points |" in built and "| 0.77 | % |" in built and "| 25 | % |" in built
    older = built.replace("| 28 | points |", "| 28-point | points |").replace("| 0.77 | % |", "| 0.77% | % |") \
        .replace("| 25 | % |", "| 25 per cent | % |")
    assert verify_brief(older, shipped_workspace) == []
    lines = built.splitlines()
    index = _row(lines, "| 28 | points |")
    row = lines[index]
    lines[index] = row.replace("| 28 |", "| 27 |")
    [mismatch] = verify_brief("\n".join(lines), shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text, mismatch.reason) == (index + 1, "figure", "27", "not found")
    assert (mismatch.closest, mismatch.changes) == ("28", ('"27" where the source has "28"',))  # as the row has it
    lines[index] = row.replace("| 28 | points |", "| 28 | troops |")
    [mismatch] = verify_brief("\n".join(lines), shipped_workspace)
    assert (mismatch.kind, mismatch.changes) == ("unit", ('"troops" where brief reads "points"',))


def test_a_figure_that_another_cited_source_writes_differently_is_not_a_mismatch(tmp_path: Path) -> None:
    """One source's "28-point plan" and another's "with 28 points" are one figure: the row cites both."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "wire.txt").write_text(
        "Envoys revise the peace plan\n\nPublished 3 March 2025\n\nEnvoys in Geneva said on Monday that the "
        "28-point peace plan drafted by Washington would be revised before the next round of talks.\n",
        encoding="utf-8")
    (tmp_path / "seeds" / "daily.txt").write_text(
        "Plan to be revised, envoys say\n\nPublished 4 March 2025\n\nThe peace plan, first drafted in "
        "Washington with 28 points, will be revised before the next round of talks, envoys in Geneva said.\n",
        encoding="utf-8")
    (tmp_path / "briefings").mkdir()
    for name in ("situation.yaml", "topics.yaml"):
        (tmp_path / "briefings" / name).write_text((REPO / "briefings" / name).read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    paths = ProjectPaths(root=tmp_path, corpus=tmp_path / "seeds", briefings=tmp_path / "briefings")
    markdown = build(paths, tmp_path / "briefings" / "situation.yaml", out_dir=tmp_path / "out",
                     formats=["md"]).markdown
    [row] = [line for line in markdown.splitlines() if line.startswith("| 28")]
    assert len(CITATION.findall(row)) == 2
    workspace = load_workspace(paths)
    assert verify_brief(markdown, workspace) == []
    changed = markdown.replace(row, row.replace("28", "27", 1))
    assert [m.kind for m in verify_brief(changed, workspace)] == ["figure"]


@pytest.mark.parametrize(("written", "edited"), [
    ("Russian military deaths in 2025", "Ukrainian military deaths in 2025"),  # whose losses
    ("Russian troops killed or wounded", "Ukrainian troops killed or wounded"),
    ("Ukrainian territory gained by Russia this year", "Russian territory gained by Ukraine this year"),  # whose ground
    ("Donbas region still under Kyiv’s control", "Donbas region under Russian control"),
])
def test_a_changed_measure_of_a_key_figure_is_caught_on_its_line(built: str, shipped_workspace: Workspace,
                                                                 written: str, edited: str) -> None:
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("| ") and f" | {written}" in line)  # ", according to …"
    lines[index] = lines[index].replace(f" | {written}", f" | {edited}")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (index + 1, "measure", edited)
    assert mismatch.format("b.md").endswith(f'— brief reads "{written}" there')


def test_a_measure_as_brief_may_write_it_is_not_a_mismatch(built: str, shipped_workspace: Workspace) -> None:
    """Layout, quote-mark forms and a capital first letter are forgiven; a wrong figure is reported as such, not
    again for its measure."""
    edited = built.replace(" | Donbas region still under Kyiv’s control | ", " | Donbas region still under Kyiv's control | ") \
        .replace(" | projected Russian casualties, ", " | Projected  Russian casualties, ")
    assert "Kyiv's control" in edited and "Projected  Russian" in edited
    assert verify_brief(edited, shipped_workspace) == []
    lines = built.splitlines()
    index = _row(lines, "| around 19,000 | deaths |")
    lines[index] = lines[index].replace("| around 19,000 |", "| around 29,000 |").replace("Russian", "Ukrainian")
    assert [m.kind for m in verify_brief("\n".join(lines) + "\n", shipped_workspace)] == ["figure"]


def test_a_changed_word_in_a_timeline_event_is_caught(built: str, shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("| ") and "Putin met with" in line)
    lines[index] = lines[index].replace("Putin met with", "Putin dined with")
    [mismatch] = verify_brief("\n".join(lines), shipped_workspace)
    assert (mismatch.line, mismatch.kind) == (index + 1, "statement")
    assert mismatch.changes == ('"dined" where the source has "met"',)


def test_a_timeline_row_cut_short_is_checked_up_to_its_cut(built: str, shipped_workspace: Workspace) -> None:
    # The build shows "… Putin offered direct talks in May …": the sentence goes on (", torpedoing a U.S.
    # ultimatum …"), and an item shows it whole. What is shown must be verbatim; a cut inside it is not forgiven.
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("| ") and "The Istanbul channel this summer" in line)
    assert "Putin offered direct talks in May … |" in lines[index]
    assert verify_brief(built, shipped_workspace) == []
    for edited, kind in ((lines[index].replace("direct talks", "secret talks"), "statement"),
                         (lines[index].replace("pattern: Putin offered", "pattern: …"), "statement")):
        [mismatch] = verify_brief("\n".join([*lines[:index], edited, *lines[index + 1:]]), shipped_workspace)
        assert (mismatch.line, mismatch.kind) == (index + 1, kind)


def test_a_changed_timeline_date_or_publication_date_is_caught(built: str, shipped_workspace, tmp_path,
                                                               cli) -> None:
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("| 2 December 2025 |") and "Putin met with" in line)
    published = "\\[2\\] 4 December 2025; \\[4\\] 2 December 2025 (latest date mentioned) |"
    assert lines[index].endswith(f"| {published}")
    lines[index] = "| 3 December 2025 |" + lines[index][len("| 2 December 2025 |"):-len(published)] + \
        "1 December 2025 |"
    mismatches = verify_brief("\n".join(lines), shipped_workspace)
    assert [(m.line, m.kind, m.text) for m in mismatches] == [(index + 1, "date", "3 December 2025"),
                                                               (index + 1, "publication date", "1 December 2025")]
    assert mismatches[0].changes == ('brief reads "2 December 2025" (from "December 2, 2025") there',)

    path = _write(tmp_path, "\n".join(lines) + "\n")
    result = cli("verify", path, cwd=REPO)
    assert result.code == 1
    assert "brief: 2 timeline dates not as their sources give them" in result.err


def test_the_summary_names_each_kind_found_once(built: str, shipped_workspace: Workspace, tmp_path, cli) -> None:
    edited = built.replace("“no compromise”", "“no agreement”", 1).replace("| around 19,000 |", "| around 29,000 |")
    result = cli("verify", _write(tmp_path, edited), cwd=REPO)
    assert result.code == 1
    assert result.err.strip().endswith("brief: 2 quotations or statements not found verbatim in their sources, "
                                       "1 key figure not as their sources give them")


# --- the user's errors ---------------------------------------------------------------------------


def test_a_missing_file_is_a_user_error(tmp_path: Path, cli) -> None:
    result = cli("verify", tmp_path / "nowhere.md", cwd=REPO)
    assert result.code == 2
    assert f"{tmp_path / 'nowhere.md'}: file not found" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_a_file_that_is_not_a_brief_is_a_user_error(tmp_path: Path, cli) -> None:
    path = _write(tmp_path, "# Notes\n\n- Talks “stalled” on Monday.\n")
    result = cli("verify", path, cwd=REPO)
    assert result.code == 2
    assert "not a brief made by `brief build`" in result.err and "Traceback" not in result.err


def test_an_unknown_citation_number_is_a_user_error_with_its_line(built: str, tmp_path: Path, cli) -> None:
    lines = built.splitlines()
    index = _item_lines(built)[2]
    lines[index] = CITATION.sub(r"[\\[9\\]](#src-9)", lines[index])
    path = _write(tmp_path, "\n".join(lines) + "\n")
    result = cli("verify", path, cwd=REPO)
    assert result.code == 2
    assert f"{path}:{index + 1}: citation [9] names no entry of the brief's sources list" in result.err
    assert result.out == ""


def test_an_unknown_source_id_in_the_front_matter_is_a_user_error(built: str, shipped_workspace) -> None:
    numbering = _numbering(built)
    typo = numbering[1][:-1] + "x"
    edited = built.replace(f'1: "{numbering[1]}"', f'1: "{typo}"')
    line = edited.splitlines().index(f'  1: "{typo}"') + 1
    with pytest.raises(UserError) as caught:
        verify_brief(edited, shipped_workspace, file=Path("b.md"))
    [problem] = caught.value.problems
    assert (problem.line, problem.value) == (line, typo)
    assert problem.hint == f"did you mean {numbering[1]!r}?"


# --- the matching itself -------------------------------------------------------------------------


def test_normalise_forgives_layout_and_quote_forms_only() -> None:
    assert normalise("a  “b”\n\t’c’") == normalise('a "b" \'c\'')
    assert normalise("a — b") != normalise("a - b")
    assert normalise("a…") != normalise("a...")
    assert normalise("Word") != normalise("word")


def test_closest_passage_finds_the_changed_word_in_a_long_text() -> None:
    filler = " ".join(f"word{i}" for i in range(400))
    text = ComparableText(f"{filler} The envoy said talks would resume in Vienna next week. {filler}")
    passage = text.closest_passage(normalise("The envoy said talks would restart in Vienna next week."))
    assert passage is not None
    assert passage.text == "The envoy said talks would resume in Vienna next week."
    assert 0.8 < passage.similarity < 1


def test_a_mismatch_reads_as_one_line() -> None:
    mismatch = Mismatch(7, "quotation", "no agreement", (2,), ("src-b",), closest="no compromise",
                        closest_source="src-b", similarity=0.5, changes=('"agreement" where the source has "compromise"',),
                        numbering=((1, "src-a"), (2, "src-b")))
    line = mismatch.format("b.md")
    assert "\n" not in line
    assert line == ('b.md:7: quotation not found in [2] src-b: «no agreement» — "agreement" where the source has '
                    '"compromise" — closest in [2] src-b: «no compromise»')


# --- who said it ---------------------------------------------------------------------------------


def _speaker_lines(markdown: str) -> list[int]:
    return [i for i, line in enumerate(markdown.splitlines()) if line.startswith("> — ")]


def test_a_quote_given_to_someone_else_is_reported_with_its_line(built: str, shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    rubio = next(i for i in _speaker_lines(built) if lines[i].startswith("> — Marco Rubio,"))
    # Putin is named inside Rubio's quotation ("by Putin alone"), and elsewhere in the article:
    # neither makes him its speaker.
    lines[rubio] = lines[rubio].replace("Marco Rubio", "Vladimir Putin")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (rubio + 1, "speaker", "Vladimir Putin")
    assert "not named within 600 characters of the quotation" in mismatch.format("b.md")


def test_every_speaker_of_a_fresh_brief_is_named_beside_their_quotation(built: str,
                                                                       shipped_workspace: Workspace) -> None:
    assert len(_speaker_lines(built)) >= 4
    assert verify_brief(built, shipped_workspace) == []


def test_a_changed_quotation_is_reported_once_not_again_as_its_speaker(built: str,
                                                                      shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    rubio = next(i for i in _speaker_lines(built) if lines[i].startswith("> — Marco Rubio,"))
    lines[rubio - 1] = lines[rubio - 1].replace("Putin alone", "Putin himself")
    lines[rubio] = lines[rubio].replace("Marco Rubio", "Vladimir Putin")
    mismatches = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert [m.kind for m in mismatches] == ["quotation"]


@pytest.mark.parametrize(("speaker", "written", "edited"), [
    ("Volodymyr Zelensky", "18 December 2025", "16 December 2025"),  # the day the sentence gives
    ("Marco Rubio", "published 4 December 2025", "3 December 2025"),  # the article's date, passed off as the day
    ("Pavel K. Baev", "published 18 December 2025 or later", "published 18 December 2025"),  # a bound made a date
    ("Volodymyr Zelensky", "18 December 2025", "yesterday · 18 December 2025"),  # words put before the date
    ("Vladimir Putin", "17 December 2025", "1 March 2024"),  # a speaker with no role: "— Name · date"
])
def test_a_changed_key_quote_date_is_caught_on_its_line(built: str, shipped_workspace: Workspace, speaker: str,
                                                        written: str, edited: str) -> None:
    lines = built.splitlines()
    at = next(i for i in _speaker_lines(built) if lines[i].startswith(f"> — {speaker},")
              or lines[i].startswith(f"> — {speaker} "))
    assert f" · {written} [" in lines[at]
    lines[at] = lines[at].replace(f" · {written} [", f" · {edited} [")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (at + 1, "quote date", edited)
    assert f'brief reads "{written}" there' in mismatch.format("b.md")


def test_a_key_quote_date_is_checked_whatever_the_spaces_around_its_dot(built: str,
                                                                       shipped_workspace: Workspace) -> None:
    lines = built.splitlines()
    at = next(i for i in _speaker_lines(built) if lines[i].startswith("> — Vladimir Putin "))
    assert verify_brief(built, shipped_workspace) == []
    for edited in ("Vladimir Putin·1 March 2024 [", "Vladimir Putin ·1 March 2024 [", "Vladimir Putin· 1 March 2024 ["):
        lines_edited = [*lines[:at], lines[at].replace("Vladimir Putin · 17 December 2025 [", edited), *lines[at + 1:]]
        mismatches = verify_brief("\n".join(lines_edited) + "\n", shipped_workspace)
        assert [(m.line, m.kind, m.text) for m in mismatches] == [(at + 1, "quote date", "1 March 2024")], edited


RUBIO = "> — Marco Rubio, U.S. Secretary of State · published 4 December 2025 [\\[2\\]](#src-2)\n"
USHAKOV = ("\n> “constructive, very useful, and substantive”\\\n"
           "> — Yuri Ushakov, Kremlin aide · published 4 December 2025 [\\[2\\]](#src-2)\n")
"""A key quote an analyst adds by hand (brief leaves it out: its sentence goes on "but his caveat …")."""


def _with_ushakov(built: str) -> str:
    assert RUBIO in built
    return built.replace(RUBIO, RUBIO + USHAKOV)


@pytest.mark.parametrize(("speaker", "written", "edited"), [
    ("Mykhailo Samus", "a Ukrainian defense analyst", "Ukrainian Defence Minister"),  # an analyst made a minister
    ("Marco Rubio", "U.S. Secretary of State", "U.S. National Security Adviser"),
    ("Yuri Ushakov", "Kremlin aide", "an advisor to Putin"),  # another article's words for him, not the cited one's
    ("Volodymyr Zelensky", "President", "Ukrainian President"),  # seed 001's words for him, not seed 000's
    ("Vladimir Putin", None, "Russian Defence Minister"),  # a role added where the article gives none
])
def test_a_changed_speaker_role_is_caught_on_its_line(built: str, shipped_workspace: Workspace, speaker: str,
                                                      written: str | None, edited: str) -> None:
    built = _with_ushakov(built)
    assert verify_brief(built, shipped_workspace) == []
    lines = built.splitlines()
    at = next(i for i in _speaker_lines(built) if lines[i].startswith((f"> — {speaker},", f"> — {speaker} ·")))
    as_built = f"> — {speaker}, {written} · " if written else f"> — {speaker} · "
    assert lines[at].startswith(as_built)
    lines[at] = lines[at].replace(as_built, f"> — {speaker}, {edited} · ")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (at + 1, "role", edited)
    assert (f'— brief reads "{written}"' if written else f"— brief reads no role for {speaker} there") \
        in mismatch.format("b.md")


def test_a_role_as_brief_may_write_it_is_not_a_mismatch(built: str, shipped_workspace: Workspace) -> None:
    """Another role the cited article gives the speaker, the role without its article, with a capital, wrapped
    over two lines, or left out: none is a mismatch."""
    built = _with_ushakov(built)
    samus = "> — Mykhailo Samus, a Ukrainian defense analyst · "
    ushakov = "> — Yuri Ushakov, Kremlin aide · "
    assert samus in built and ushakov in built
    for edited in (built.replace(ushakov, "> — Yuri Ushakov, top Kremlin foreign policy aide · "),
                   built.replace(samus, "> — Mykhailo Samus, Ukrainian defense analyst · "),
                   built.replace(samus, "> — Mykhailo Samus, A Ukrainian\n> defense analyst · "),
                   built.replace(samus, "> — Mykhailo Samus · ")):
        assert verify_brief(edited, shipped_workspace) == []
    # Wrapped, a changed role is still caught, on the line where it starts.
    lines = built.replace(samus, "> — Mykhailo Samus, a Ukrainian\n> defence minister · ", 1).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("> — Mykhailo Samus,"))
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind, mismatch.text) == (at + 1, "role", "a Ukrainian defence minister")


def test_a_changed_role_and_measure_fail_the_command_with_their_lines(built: str, tmp_path: Path, cli) -> None:
    """The audit's two tampers, as an analyst would run them: both reported, each on its line, and summed up."""
    lines = built.splitlines()
    role = _line_index(lines, lambda line: line.startswith("> — Mykhailo Samus, a Ukrainian defense analyst"))
    lines[role] = lines[role].replace("a Ukrainian defense analyst", "Ukrainian Defence Minister")
    measure = _row(lines, "| around 19,000 | deaths | Russian military deaths in 2025, according to")
    lines[measure] = lines[measure].replace("Russian military", "Ukrainian military")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    result = cli("verify", path, cwd=REPO)
    assert result.code == 1
    assert result.out.splitlines() == [  # Key quotes come before Key figures
        f"{path}:{role + 1}: role not one [1] 000_0207c4399900d62a gives Mykhailo Samus: «Ukrainian Defence Minister» "
        "— brief reads \"a Ukrainian defense analyst\" there",
        f"{path}:{measure + 1}: measure not what «around 19,000» (deaths) measures in [1] 000_0207c4399900d62a: "
        "«Ukrainian military deaths in 2025» — brief reads \"Russian military deaths in 2025\" there"]
    assert "brief: 1 speaker's role not as their sources give them, 1 key figure not as their sources give them" \
        in result.err


@pytest.mark.parametrize("recipe", ["situation.yaml", "weekly.yaml"])
def test_the_roles_and_measures_of_an_earlier_edition_verify_clean(recipe: str, tmp_path: Path,
                                                                    shipped_workspace: Workspace) -> None:
    """An edition of 5 December 2025 (other sources, other key quotes and figures than the latest): every role
    and measure the engine writes there verifies."""
    paths = ProjectPaths(root=REPO, corpus=REPO / "seeds", briefings=REPO / "briefings")
    markdown = build(paths, REPO / "briefings" / recipe, out_dir=tmp_path, formats=["md"],
                     as_of=dt.date(2025, 12, 5)).markdown
    assert "> — Marco Rubio, U.S. Secretary of State · " in markdown
    assert "| 25 | % | Donbas region still under Kyiv’s control |" in markdown
    assert verify_brief(markdown, shipped_workspace) == []


def test_a_changed_word_in_a_key_quote_lists_that_change_only(built: str, shipped_workspace: Workspace) -> None:
    # The article has "… destructive but meaningless," and brief quotes it without the closing comma: that is
    # brief's own writing, verbatim, and no change to list beside the word the analyst changed.
    lines = built.splitlines()
    at = next(i for i in _speaker_lines(built) if lines[i].startswith("> — Pavel K. Baev,")) - 1
    assert lines[at].endswith("something destructive but meaningless”\\")
    lines[at] = lines[at].replace("all three,", "all four,")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind) == (at + 1, "quotation")
    assert mismatch.changes == ('"four," where the source has "three,"',)
    assert mismatch.closest is not None and mismatch.closest.endswith("meaningless,")  # as the article writes it
    # Punctuation inside the quotation is the analyst's edit, and still listed.
    lines[at] = lines[at].replace("Dmitriev, all four,", "Dmitriev all three,")
    (mismatch,) = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert mismatch.changes == ('"Dmitriev" where the source has "Dmitriev,"',)


def test_an_items_label_in_bold_is_checked_as_the_text_it_is(built: str, shipped_workspace: Workspace) -> None:
    # The article heads the point "Diplomatic Deadlock:"; the brief sets the label in bold, and verify reads it
    # as text.
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("- **Diplomatic Deadlock:** High-level, five-hour"))
    assert verify_brief(built, shipped_workspace) == []
    for edited, caught in ((lines[index].replace("**Diplomatic Deadlock:**", "Diplomatic Deadlock:"), False),
                           (lines[index].replace("**Diplomatic Deadlock:**", "**Diplomatic Breakthrough:**"), True),
                           (lines[index].replace("Kremlin confirming", "Kremlin denying"), True)):
        mismatches = verify_brief("\n".join([*lines[:index], edited, *lines[index + 1:]]), shipped_workspace)
        assert [(m.line, m.kind) for m in mismatches] == ([(index + 1, "statement")] if caught else [])


def test_a_brief_cut_short_inside_its_front_matter_is_reported_as_such(built: str,
                                                                      shipped_workspace: Workspace) -> None:
    cut = "\n".join(built.splitlines()[:12]) + "\n"
    assert cut.startswith("---\n") and "\nsources:\n" in cut
    with pytest.raises(UserError) as caught:
        verify_brief(cut, shipped_workspace, file=Path("b.md"))
    [problem] = caught.value.problems
    assert (problem.file, problem.line) == (Path("b.md"), 1)
    assert problem.message == "the front matter opened by `---` on line 1 is never closed"


def test_a_heading_whose_hash_has_no_space_before_it_is_not_the_sources_list(built: str,
                                                                            shipped_workspace: Workspace) -> None:
    # CommonMark drops a heading's closing "#" only after a space: "## Sources#" is a section of its own.
    lines = built.replace("## Sticking points\n", "## Sources#\n").splitlines()
    start = lines.index("## Sources#")
    item = next(i for i in range(start, len(lines)) if lines[i].startswith("- ") and "Russia" in lines[i])
    lines[item] = lines[item].replace("Russia", "Belarus", 1)
    [mismatch] = verify_brief("\n".join(lines) + "\n", shipped_workspace)
    assert (mismatch.line, mismatch.kind) == (item + 1, "statement")


def test_a_timeline_rows_guessed_publication_date_says_so_and_is_checked(built: str,
                                                                         shipped_workspace: Workspace) -> None:
    """Source 003 gives no date: the latest it mentions is written as such in the row, as in the Sources list. The
    row joins 002's report of the 4th, and says which source appeared when rather than the 2nd for both."""
    lines = built.splitlines()
    index = _line_index(lines, lambda line: line.startswith("| 2 December 2025 | On December 2, 2025"))
    assert lines[index].endswith("| \\[2\\] 4 December 2025; \\[4\\] 2 December 2025 (latest date mentioned) |")
    assert verify_brief(built, shipped_workspace) == []
    for wrong in (("\\[4\\] 2 December 2025 (latest", "\\[4\\] 3 December 2025 (latest"),
                  ("\\[2\\] 4 December", "\\[2\\] 2 December"),  # both on the 2nd, as the row used to say
                  ("\\[2\\] 4 December 2025; \\[4\\] ", ""),  # one date for both
                  ("\\[2\\] 4 December", "\\[3\\] 4 December")):  # a source the row does not cite
        edited = lines[index].replace(*wrong)
        assert edited != lines[index]
        mismatches = verify_brief("\n".join([*lines[:index], edited, *lines[index + 1:]]), shipped_workspace)
        assert [(m.line, m.kind) for m in mismatches] == [(index + 1, "publication date")], wrong
