"""Writes are all-or-nothing, even when the writer is killed, and concurrent writers lose nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from brief.annotations import make_annotation, read_annotations
from brief.atomic import write_atomic
from brief.errors import UserError

from .conftest import REPO

WRITER = """
import sys
from pathlib import Path
from brief.atomic import write_atomic
from brief.errors import UserError
target = Path(sys.argv[1])
contents = [b"a" * 400_000, b"b" * 400_000]
i = 0
print("ready", flush=True)
while True:
    write_atomic(target, contents[i % 2])
    i += 1
"""

ANNOTATOR = """
import sys
from pathlib import Path
from brief.annotations import add_annotation, make_annotation
corpus, source, text_file, first = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
text = text_file.read_text(encoding="utf-8")
for n in range(first, first + 15):
    add_annotation(corpus, source, make_annotation(text, n, n + 5, "reject"))
"""


def test_killed_writer_leaves_old_or_new_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    write_atomic(target, b"a" * 400_000)
    valid = {b"a" * 400_000, b"b" * 400_000}
    rng = random.Random(5)
    for _ in range(25):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE,
                                  cwd=REPO)
        assert writer.stdout is not None
        writer.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.05))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        assert target.read_bytes() in valid
    leftovers = [p for p in tmp_path.iterdir() if p.name != "brief.md"]
    assert all(p.name.startswith(".brief.md.") for p in leftovers)  # temp files only, never the target torn


def test_write_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "recipe.yaml"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.yaml"
    write_atomic(fresh, "x")
    assert fresh.stat().st_mode & 0o044  # readable by others as the umask allows, not private 0600


def test_two_writers_of_one_annotation_file_lose_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    corpus.mkdir()
    text = "word " * 200
    text_file = tmp_path / "text.txt"
    text_file.write_text(text, encoding="utf-8")
    writers = [subprocess.Popen([sys.executable, "-c", ANNOTATOR, str(corpus), "src", str(text_file), str(first)],
                                cwd=REPO) for first in (0, 100)]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    stored = read_annotations(corpus, "src")
    assert sorted(a.start for a in stored) == list(range(0, 15)) + list(range(100, 115))
    assert make_annotation(text, 0, 5, "reject") in stored


def test_a_folder_that_cannot_be_made_says_why_and_writes_nothing(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """"--out /proc/brief-out" said "no such file or directory" beside "it is made if it does not exist"."""
    (tmp_path / "notes").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        write_atomic(tmp_path / "notes" / "out" / "brief.md", "text")
    assert f"into {tmp_path / 'notes' / 'out'}: {tmp_path / 'notes'} is a file, not a folder" in str(raised.value)
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "mine\n"

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(UserError) as raised:
        write_atomic(tmp_path / "locked" / "brief.md", "text")
    assert "into " + str(tmp_path / "locked") + ": the folder cannot be made (permission denied)" in str(raised.value)
    assert not (tmp_path / "locked").exists()
