"""brief.cli: exit codes (0 ok, 2 the user's mistake, 1 a bug) and what each command prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import brief.cli
from brief.cli import main
from brief.workspace import Workspace


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: brief")
    for command in ("build", "sources", "excerpts", "show", "check"):
        assert command in out


@pytest.mark.parametrize("args", [["frobnicate"], ["build", "--format", "html", "x.yaml"], ["build"]])
def test_bad_invocation_exits_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_build_missing_recipe(project: Path, cli) -> None:
    result = cli("build", "briefings/nope.yaml", "--format", "md", cwd=project)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err.startswith("brief: briefings/nope.yaml: recipe not found")
    assert result.out == ""


@pytest.mark.parametrize("command", ["build", "compose"])
def test_a_folder_given_as_a_recipe_names_the_recipes_in_it(project: Path, cli, command: str) -> None:
    result = cli(command, "briefings", cwd=project)
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err
    assert result.err.splitlines() == ["brief: briefings: is a folder, not a recipe",
                                       "    give one of its recipes: briefings/situation.yaml, briefings/weekly.yaml"]
    assert not (project / "out").exists()


def test_a_bug_is_a_traceback_and_exit_1(monkeypatch: pytest.MonkeyPatch, cli) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("an internal mistake")

    monkeypatch.setitem(brief.cli.COMMANDS, "check", broken)
    result = cli("check")
    assert result.code == 1
    assert "Traceback" in result.err and "RuntimeError: an internal mistake" in result.err
    assert "bug in brief" in result.err


def test_excerpts_json_slices_match_the_source_text(repo: Path, cli, shipped_workspace: Workspace) -> None:
    result = cli("excerpts", "--json", cwd=repo)
    assert result.code == 0
    rows = json.loads(result.out)
    assert isinstance(rows, list) and len(rows) == len(shipped_workspace.excerpts)
    texts = {source.id: source.text for source in shipped_workspace.corpus.sources}
    taxonomy = shipped_workspace.taxonomy
    for row in rows:
        assert {"id", "source", "start", "end", "text", "topics", "section"} <= set(row)
        assert texts[row["source"]][row["start"]:row["end"]] == row["text"]
        assert row["text"].strip()
        assert set(row["topics"]) <= set(taxonomy.topic_ids())
        assert row["section"] in taxonomy.section_ids()
        assert row["id"].startswith(row["source"] + ":")
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["source"] for row in rows} == set(texts)


def test_excerpts_filtered_by_topic_and_section(repo: Path, cli) -> None:
    result = cli("excerpts", "--json", "--topic", "territory", "--section", "sticking-points", cwd=repo)
    assert result.code == 0
    rows = json.loads(result.out)
    assert rows
    assert all("territory" in row["topics"] and row["section"] == "sticking-points" for row in rows)


@pytest.mark.parametrize(("option", "value", "hint"), [
    ("--topic", "teritory", "did you mean 'territory'?"),
    ("--section", "outlok", "did you mean 'outlook'?"),
])
def test_excerpts_with_a_misspelt_name(option: str, value: str, hint: str, repo: Path, cli) -> None:
    result = cli("excerpts", option, value, cwd=repo)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert f"unknown {option[2:]} '{value}'" in result.err
    assert hint in result.err
    assert result.out == ""


def test_show_dropped_lists_the_lines_the_cleaner_removed(repo: Path, cli) -> None:
    result = cli("show", "002", "--dropped", cwd=repo)
    assert result.code == 0
    header, *rows = result.out.splitlines()
    assert header.startswith("# 002_e759f5f9dd5bc10b: ")
    assert f"{len(rows)} line{'' if len(rows) == 1 else 's'} dropped" in header
    assert rows
    raw_lines = (repo / "seeds" / "002_e759f5f9dd5bc10b.txt").read_text(encoding="utf-8").splitlines()
    for row in rows:
        number, reason_and_text = int(row[:5]), row[7:]
        text = reason_and_text[21:]
        assert reason_and_text[:20].strip(), row  # a reason is given
        assert text.strip() and text.strip() in raw_lines[number - 1], row
    assert any("LEAVE A REPLY" in row for row in rows)


@pytest.mark.parametrize(("reference", "words"), [("zzz", "no source 'zzz'"), ("00", "names several sources")])
def test_show_unknown_or_ambiguous_source(reference: str, words: str, repo: Path, cli) -> None:
    result = cli("show", reference, cwd=repo)
    assert result.code == 2
    assert words in result.err and "Traceback" not in result.err


def test_sources_json_lists_the_five_seeds(repo: Path, cli) -> None:
    result = cli("sources", "--json", cwd=repo)
    assert result.code == 0
    rows = json.loads(result.out)
    assert len(rows) == 5
    stems = sorted(p.stem for p in (repo / "seeds").iterdir() if p.name != "sources.yaml" and p.is_file())
    assert [row["id"] for row in rows] == stems
    for row in rows:
        assert row["file"].startswith(row["id"])
        assert row["excerpts"] > 0
        assert row["published_origin"] in ("stated", "inferred", "unknown")


def test_sources_counts_the_excerpts_that_carry_a_topic_and_says_so(repo: Path, cli) -> None:
    """`brief excerpts --source` lists untagged passages too: the count in `brief sources` is of tagged ones."""
    listed = json.loads(cli("excerpts", "--json", cwd=repo).out)
    for line in cli("sources", cwd=repo).out.splitlines():
        source_id, count = line.split()[0], re.search(r"(\d+) tagged  ", line)
        assert count is not None, line
        assert int(count[1]) == sum(1 for e in listed if e["source"] == source_id and e["topics"])


def test_check_on_the_shipped_project_is_clean(project: Path, cli) -> None:
    result = cli("check", cwd=project)
    assert result.code == 0, result.err
    assert "5 sources" in result.out
    recipes = [p for p in (project / "briefings").glob("*.yaml") if p.name != "topics.yaml"]
    assert f"{len(recipes)} recipes checked" in result.out
    assert result.out.rstrip().endswith("no problems found")


def test_check_reports_a_broken_recipe(project: Path, cli) -> None:
    (project / "briefings" / "typo.yaml").write_text("title: T\ntopics: [teritory]\n", encoding="utf-8")
    result = cli("check", cwd=project)
    assert result.code == 2
    assert "typo.yaml:2: topics[0]: unknown topic (got 'teritory')" in result.err
    assert "did you mean 'territory'?" in result.err


def test_an_excerpt_id_no_passage_has_is_a_check_problem_and_a_build_warning(project: Path, cli) -> None:
    (project / "briefings" / "stale.yaml").write_text(
        "title: T\nsections:\n  - {id: outlook}\ninclude:\n  - 000_0207c4399900d62a:deadbeef00\n",
        encoding="utf-8")
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert ("stale.yaml:5: include[0]: no passage of the corpus has this excerpt id "
            "(got '000_0207c4399900d62a:deadbeef00')") in checked.err
    assert "choose the passage again in the TUI" in checked.err
    built = cli("build", "briefings/stale.yaml", "--format", "md", "--out", "out", cwd=project)
    assert built.code == 0, built.err  # an unattended weekly run still writes its brief
    assert "warning: briefings/stale.yaml:5: include[0]: no passage of the corpus has this excerpt id" in built.err


def test_markdown_build_writes_the_brief_and_its_manifest(project: Path, cli) -> None:
    result = cli("build", "briefings/weekly.yaml", "--format", "md", "--out", "out", cwd=project)
    assert result.code == 0, result.err
    written, manifest = result.out.splitlines()
    assert written.endswith(".md") and manifest == written.removesuffix(".md") + ".manifest.json"
    assert sorted(p.name for p in (project / "out").iterdir()) == sorted([Path(written).name, Path(manifest).name])
    assert "first edition of weekly in this folder: nothing to compare with" in result.err
    # the undated seed 001: its title in the brief's note, how to date it only on the analyst's terminal
    brief = (project / written).read_text(encoding="utf-8")
    assert "without a known date was left out of the window: “Ukraine Peace Talks Stall" in brief
    assert "sources.yaml" not in brief and "001\\_83039b644387e352" not in brief
    assert "warning: give its date in seeds/sources.yaml: 001_83039b644387e352" in result.err


def test_an_output_folder_that_is_a_file_is_a_user_error_and_the_file_is_kept(project: Path, cli) -> None:
    (project / "out").write_text("my notes\n", encoding="utf-8")
    result = cli("build", "briefings/weekly.yaml", "--format", "md", "--out", "out", cwd=project)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "into out: it is a file, not a folder" in result.err and "give a folder" in result.err
    assert (project / "out").read_text(encoding="utf-8") == "my notes\n"


def test_window_with_no_sources_says_why_and_writes_nothing(project: Path, cli,
                                                              shipped_workspace: Workspace) -> None:
    result = cli("build", "briefings/weekly.yaml", "--as-of", "2020-01-01", "--format", "md", cwd=project)
    assert result.code == 2
    assert "Traceback" not in result.err
    newest = max(source.date for source in shipped_workspace.corpus.sources if source.date)
    assert "2020-01-01" in result.err  # the window asked for
    assert "7 days" in result.err
    assert newest.isoformat() in result.err
    assert result.out == ""
    assert not (project / "out").exists()


def test_format_given_twice_asks_for_both_not_only_the_last() -> None:
    """"--format md --format pdf" built only the PDF, without a word."""
    from brief.cli import build_parser

    for command in (["build", "x.yaml"], ["rebuild", "x.manifest.json"]):
        args = build_parser().parse_args([*command, "--format", "md", "--format", "pdf,md"])
        assert args.format == ["md", "pdf", "md"]  # each is built once (write_edition)
        assert build_parser().parse_args(command).format is None  # the recipe's or the edition's


@pytest.mark.parametrize(("recipe_formats", "options"), [
    ("[md, md]", []),
    ("[md, pdf]", ["--format", "md", "--format", "md,md"]),
])
def test_a_format_listed_twice_is_written_and_recorded_once(project: Path, cli, recipe_formats: str,
                                                            options: list[str]) -> None:
    (project / "briefings" / "twice.yaml").write_text(f"title: T\nformats: {recipe_formats}\n", encoding="utf-8")
    result = cli("build", "briefings/twice.yaml", *options, "--out", "out", cwd=project)
    assert result.code == 0, result.err
    written, manifest = result.out.splitlines()
    assert written.endswith(".md")
    assert json.loads((project / manifest).read_text(encoding="utf-8"))["formats"] == ["md"]
