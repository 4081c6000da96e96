"""Broken and hostile input, one fixture each (tests/data/broken/): a clear message with the file
(and line where there is one), exit code 2, no traceback, no partial output — and the rest works."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import brief.templating as templating

from .conftest import DATA

BROKEN = DATA / "broken"


def _no_output(project: Path) -> bool:
    return not (project / "out").exists() or not any((project / "out").iterdir())


@pytest.mark.parametrize(("fixture", "expected"), [
    ("empty.txt", "empty.txt: the file is empty"),
    ("nul_byte.txt", "nul_byte.txt:1: the file holds binary data (a NUL byte at offset 5)"),
])
def test_bad_article_is_reported_and_the_corpus_still_builds(project: Path, cli, fixture: str,
                                                             expected: str) -> None:
    shutil.copy(BROKEN / fixture, project / "seeds" / fixture)
    checked = cli("check", cwd=project)
    assert checked.code == 2 and "Traceback" not in checked.err
    assert expected in checked.err
    built = cli("build", "briefings/situation.yaml", "--format", "md", cwd=project)
    assert built.code == 0
    assert f"warning: {project / 'seeds' / fixture}" in built.err
    assert (project / "out" / "situation-2025-12-18.md").is_file()


def test_many_bad_articles_are_counted_past_the_first_ten_and_check_lists_them_all(project: Path, cli) -> None:
    for number in range(13):
        (project / "seeds" / f"blank-{number:02d}.txt").write_text("", encoding="utf-8")
    built = cli("build", "briefings/situation.yaml", "--format", "md", cwd=project)
    assert built.code == 0
    named = [line for line in built.err.splitlines() if line.startswith("warning: ") and "blank-" in line]
    assert len(named) == 10
    assert "warning: and 3 more problems with the corpus's files; `brief check` lists every one" in built.err
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert all(f"blank-{number:02d}.txt: the file is empty" in checked.err for number in range(13))


def test_windows_1252_article_is_read_correctly(project: Path, cli) -> None:
    shutil.copy(BROKEN / "windows1252.txt", project / "seeds" / "windows1252.txt")
    shown = cli("show", "windows1252", cwd=project)
    assert shown.code == 0
    assert "Café diplomats met in Genève on territory, “no compromise” was reached" in shown.out
    assert "decoded as Windows-1252" in shown.out


def test_symlink_out_of_the_corpus_is_left_out(project: Path, cli, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("A secret file outside the corpus that talks about territory and demands at length.\n")
    (project / "seeds" / "link.txt").symlink_to(outside)
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert "link.txt: left out: a link to a file outside the corpus folder" in checked.err
    assert "secret" not in cli("excerpts", cwd=project).out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_left_out_with_a_word_and_never_read(project: Path, cli) -> None:
    os.mkfifo(project / "seeds" / "pipe.txt")  # opening it to read would wait for a writer for ever
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert "pipe.txt: left out: not a regular file (a named pipe, socket or device)" in checked.err
    assert cli("excerpts", cwd=project).code == 0


def test_an_article_with_nothing_left_says_what_went_without_another_command(project: Path, cli) -> None:
    """The hint was "brief show ID --dropped", which cannot show an article that was never loaded."""
    (project / "seeds" / "chrome.txt").write_text("Advertisement\n\nShare this article\n", encoding="utf-8")
    (project / "seeds" / "table.md").write_text("| Market | Close |\n|---|---|\n| Rouble | 79.4 |\n", encoding="utf-8")
    checked = cli("check", cwd=project)
    assert checked.code == 2 and "Traceback" not in checked.err
    assert "chrome.txt: nothing is left of this article once its boilerplate is removed" in checked.err
    assert "the cleaner dropped line 1 (advertisement), line 3 (share buttons)" in checked.err
    assert "table.md: no article text found: brief reads paragraphs, and leaves out data tables" in checked.err
    assert "brief show" not in checked.err


def test_oversized_article_is_refused(project: Path, cli) -> None:
    big = project / "seeds" / "huge.txt"
    big.write_text("Talks on territory continued. " * 200_000)  # about 6 MB
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert "huge.txt: the file is too large for an article" in checked.err


@pytest.mark.parametrize(("fixture", "expected"), [
    ("duplicate_keys.yaml", ["duplicate_keys.yaml:2: title: duplicate key 'title' (first given on line 1)"]),
    ("not_a_mapping.yaml", ["not_a_mapping.yaml:1: a recipe must be a mapping of keys to values"]),
    ("bad_date.yaml", ["bad_date.yaml:2: as_of: expected 'latest' or a real date written YYYY-MM-DD",
                       "2025-13-40"]),
    ("missing_template.yaml", ["missing_template.yaml:3: template: no such template (got 'fancy')"]),
    ("alias_bomb.yaml", ["alias_bomb.yaml:3: b[0]: YAML aliases (&anchor / *alias) are not supported"]),
])
def test_bad_recipe_gives_its_message_and_writes_nothing(project: Path, cli, fixture: str,
                                                         expected: list[str]) -> None:
    shutil.copy(BROKEN / fixture, project / "briefings" / fixture)
    result = cli("build", f"briefings/{fixture}", "--format", "md", cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    for text in expected:
        assert text in result.err
    assert _no_output(project)


def test_template_with_a_syntax_error_names_its_file_and_line(project: Path, cli) -> None:
    (project / "templates" / "broken").mkdir(parents=True)
    shutil.copy(BROKEN / "broken_template.md.j2", project / "templates" / "broken" / "brief.md.j2")
    shutil.copy(BROKEN / "bad_template_recipe.yaml", project / "briefings" / "bad_template_recipe.yaml")
    result = cli("build", "briefings/bad_template_recipe.yaml", cwd=project)
    assert result.code == 2 and "Traceback" not in result.err
    assert f"{project / 'templates' / 'broken' / 'brief.md.j2'}:1: template syntax error" in result.err
    assert _no_output(project)


def test_template_that_loops_forever_is_stopped(project: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "MAX_RENDER_SECONDS", 1.0)
    (project / "templates" / "looping").mkdir(parents=True)
    shutil.copy(BROKEN / "looping_template.md.j2", project / "templates" / "looping" / "brief.md.j2")
    shutil.copy(BROKEN / "looping_template_recipe.yaml", project / "briefings" / "looping.yaml")
    result = cli("build", "briefings/looping.yaml", cwd=project)
    assert result.code == 2
    assert "template 'brief.md.j2' was stopped: it ran for more than 1 s" in result.err
    assert _no_output(project)


def test_annotation_whose_quote_is_gone_is_reported_not_dropped(project: Path, cli) -> None:
    target = project / "seeds" / "annotations" / "002_e759f5f9dd5bc10b.yaml"
    target.parent.mkdir()
    shutil.copy(BROKEN / "stale_annotation.yaml", target)
    result = cli("check", cwd=project)
    assert result.code == 2
    assert f"{target}:3: annotations[0]: cannot re-attach this excerpt" in result.err
    assert "This sentence was never in the article." in result.err
    assert cli("build", "briefings/situation.yaml", "--format", "md", cwd=project).code == 0


def test_random_bytes_are_refused_as_not_text(project: Path, cli) -> None:
    import random

    rng = random.Random(3)
    noise = bytes(rng.choice([b for b in range(1, 256) if b != 10]) for _ in range(4000))
    (project / "seeds" / "noise.txt").write_bytes(b"A first line of text\n" + noise)
    checked = cli("check", cwd=project)
    assert checked.code == 2
    assert f"{project / 'seeds' / 'noise.txt'}:2: the file is not text: invalid UTF-8" in checked.err
