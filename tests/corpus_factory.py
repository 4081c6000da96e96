"""Corpora the index tests share: copies of the shipped seeds and generated articles, in tmp_path.

Nothing here writes into the repository: the seeds are copied (without any
index the repository's own runs left beside them), and generated articles come
from ``bench/make_corpus.py``, the benchmark's reproducible generator.
"""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from pathlib import Path
from types import ModuleType

from brief.index import INDEX_DIR_NAME, CorpusIndex

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
TOPICS = REPO / "briefings" / "topics.yaml"


def copy_seeds(target: Path) -> Path:
    """A copy of ``seeds/`` at ``target``, without the repository's index."""
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns(INDEX_DIR_NAME))
    return target


def _make_corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generate(count: int, target: Path, seed: int = 7) -> list[Path]:
    """``count`` generated articles (.txt, .md, .html) in ``target``."""
    return _make_corpus_module().generate(count, target, seed)


def index_content(index: CorpusIndex) -> dict[str, list[tuple]]:
    """Everything the index holds, table by table, as sorted rows (the row numbers of excerpts left out).

    Two indexes with equal content answer every question the same way.
    """
    connection = sqlite3.connect(index.path)
    try:
        tables = {
            "info": "SELECT key, value FROM info WHERE key != 'corpus'",
            "sources": "SELECT * FROM sources",
            "source_texts": "SELECT * FROM source_texts",
            "failures": "SELECT * FROM failures",
            "excerpts": "SELECT id, source_id, start, end, text, topics, section, topic_score, section_score, "
                        "paragraph, position, origin, published, strength, tagged, topic_bits FROM excerpts",
        }
        return {name: sorted(connection.execute(sql).fetchall(), key=repr) for name, sql in tables.items()}
    finally:
        connection.close()
