"""The corpus index: a derived SQLite database of canonical texts, metadata, excerpts and tags.

The files in the corpus folder stay the only source of truth. The index sits
beside them (``<corpus>/.brief-index/index.sqlite3``, git-ignored; or where
``BRIEF_INDEX_DIR`` says) and only saves work: deleting it loses nothing.
:mod:`brief.ingest` keeps it up to date; this module stores and answers.

Selections (window, topics, sources, full-text search) and counts are SQL
queries on indexed columns, so their cost follows the size of the answer,
not of the corpus. Full-text search uses FTS5 over the excerpts, and the
user's words are always quoted, so ``U.S.``, ``AT&T`` or ``-doha`` are words,
never query syntax.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import sys
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from brief.cleaning import DroppedLine
from brief.corpus import Source
from brief.errors import Problem
from brief.excerpts import Excerpt
from brief.independence import SourceFingerprint
from brief.metadata import MetaValue, SourceMeta
from brief.readers import META_KEYS

SCHEMA_VERSION = "12"
MAX_TOPICS = 62
"""Topics are bits of one SQLite integer."""
STRENGTH_SLACK = 1e-6
"""How far below the threshold :meth:`CorpusIndex.select_strongest` still keeps an excerpt (rounding)."""
DATE_READ, DATE_MENTIONED, DATE_EARLIEST = 0, 1, 2
"""What a source's ``date_guessed`` column says of its date: read from the article or stated (or none); only the
latest date its text mentions (:data:`~brief.metadata.MENTIONED_DATE`), which never decides the latest date alone;
or the earliest it can have appeared (:data:`~brief.metadata.EARLIEST_DATE`), within the year its text says it is
written in. Either kind of article may be of a later day (one of the latest date mentioned may also be of an
earlier one, when that date was announced)."""
MAY_BE_LATER_DAYS = 31
"""How long after the latest day it reports an article dated only by that day may have been written: news is
written within days of what it reports, and a month covers a monthly review."""
INDEX_DIR_NAME = ".brief-index"
INDEX_FILE_NAME = "index.sqlite3"
INDEX_DIR_ENV = "BRIEF_INDEX_DIR"

_ENGINE_MODULES = ("readers", "cleaning", "metadata", "dates", "segmentation", "tagging", "taxonomy",
                   "excerpts", "annotations", "corpus", "ingest", "index", "ranking", "yamlfile", "validation",
                   "errors", "section_kinds", "independence", "parties", "speakers", "sentences", "timeline",
                   "stopwords", "antecedents", "reader_address", "transcripts", "history", "list_hedges")
"""Every module whose code decides what the index holds (front matter and annotations are read with
yamlfile and validation; stored problems are worded by errors; a publication date may be worked out
with the timeline's date reading)."""
_ENGINE_LIBRARIES = ("ftfy", "trafilatura", "markdown-it-py", "PyYAML", "pydantic")

_SCHEMA = """
CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    file TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    stated_hash TEXT NOT NULL,
    annotations_sig TEXT NOT NULL,
    format TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    first_line TEXT NOT NULL,
    meta TEXT NOT NULL,
    notes TEXT NOT NULL,
    published TEXT,
    date_guessed INTEGER NOT NULL,
    tagged INTEGER NOT NULL,
    problems TEXT NOT NULL
);
CREATE INDEX sources_published ON sources (published);
CREATE INDEX sources_newest ON sources (date_guessed, published);
-- Covering indexes for the scans every command makes: file stamps, and dates.
CREATE INDEX sources_stamps ON sources (id, file, mtime_ns, size, content_hash, stated_hash, annotations_sig);
CREATE INDEX sources_dates ON sources (id, published);
CREATE TABLE source_texts (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    dropped TEXT NOT NULL
);
-- Texts live apart so that a scan of the sources (every command does one) reads small rows only.
CREATE TABLE source_prints (
    id TEXT PRIMARY KEY,
    wire TEXT,
    sentences BLOB NOT NULL
);
-- What finding wire copies among a brief's sources needs (brief.independence), computed once per article.
CREATE TABLE findings (
    source_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (source_id, kind)
);
-- What the analyst's sections found in a source (brief.findings_cache), kept once a brief has read it.
CREATE TABLE failures (
    file TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    stated_hash TEXT NOT NULL,
    problems TEXT NOT NULL
);
CREATE TABLE excerpts (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    source_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    topics TEXT NOT NULL,
    section TEXT NOT NULL,
    topic_score REAL NOT NULL,
    section_score REAL NOT NULL,
    paragraph INTEGER NOT NULL,
    position INTEGER NOT NULL,
    origin TEXT NOT NULL,
    published TEXT,
    told TEXT,
    listed_under TEXT,
    strength REAL NOT NULL,
    tagged INTEGER NOT NULL,
    topic_bits INTEGER NOT NULL
);
CREATE INDEX excerpts_id ON excerpts (id);
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE INDEX excerpts_window ON excerpts (tagged, published, strength);
CREATE VIRTUAL TABLE excerpt_text USING fts5 (
    text, content='excerpts', content_rowid='n', tokenize='unicode61 remove_diacritics 2', columnsize=0
);
-- columnsize=0: no table of token counts per row, which only bm25 ranking would read.
CREATE TRIGGER excerpts_removed AFTER DELETE ON excerpts BEGIN
    INSERT INTO excerpt_text (excerpt_text, rowid, text) VALUES ('delete', old.n, old.text);
END;
"""

_EXCERPT_COLUMNS = ("id, source_id, start, end, text, topics, section, topic_score, section_score, paragraph, "
                    "position, origin, published, told, listed_under")


class IndexUnusable(Exception):
    """The index file cannot be trusted: unreadable, from another version, or half-made."""


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether ``error`` says the database file is damaged or not a database (not busy, not a bug of ours)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"


def engine_fingerprint() -> str:
    """A hash of the code that decides what goes into the index, and of the libraries it leans on.

    Any change to how articles are read, cleaned, split, tagged or ranked makes
    every index made before it out of date.
    """
    package = Path(__file__).resolve().parent
    modules = [package / f"{name}.py" for name in _ENGINE_MODULES]
    # Worked out once per process while the modules' files stay as they are (library versions included).
    stats = [(m, m.stat()) for m in modules if m.is_file()]
    key = tuple((str(m), stat.st_mtime_ns, stat.st_size) for m, stat in stats)
    if key not in _fingerprints:
        _fingerprints.clear()
        _fingerprints[key] = _engine_fingerprint(modules)
    return _fingerprints[key]


_fingerprints: dict[tuple, str] = {}


def _engine_fingerprint(modules: list[Path]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    libraries = []
    for library in _ENGINE_LIBRARIES:
        try:
            libraries.append(f"{library}={version(library)}")
        except PackageNotFoundError:  # pragma: no cover - all are dependencies
            pass
    return code_fingerprint(modules, SCHEMA_VERSION, *libraries)[:20]


def code_fingerprint(modules: Iterable[Path], *also: str) -> str:
    """A hash of the source of ``modules``, of ``also``, and of the Python that runs them: its
    Unicode tables decide what \\w, casefold() and the cleaning rules see."""
    digest = hashlib.sha256()
    for part in also:
        digest.update(part.encode())
    for module in modules:
        if module.is_file():
            digest.update(module.read_bytes())
    digest.update(f"python={sys.version_info[0]}.{sys.version_info[1]} unicode={unicodedata.unidata_version}".encode())
    return digest.hexdigest()


def index_location(corpus_root: Path) -> Path:
    """Where the index of ``corpus_root`` lives: under ``BRIEF_INDEX_DIR`` when that is set, else beside
    the articles, else (a corpus folder nobody may write to) under the user's cache folder."""
    key = hashlib.sha256(str(Path(corpus_root).resolve()).encode()).hexdigest()[:16]
    override = os.environ.get(INDEX_DIR_ENV)
    if override:
        return Path(override) / key / INDEX_FILE_NAME
    beside = Path(corpus_root) / INDEX_DIR_NAME
    if beside.is_dir() or os.access(corpus_root, os.W_OK):
        return beside / INDEX_FILE_NAME
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "brief" / "index" / key / INDEX_FILE_NAME


# --- what is stored, as rows ---------------------------------------------------------------------


def _date_kind(meta: SourceMeta) -> int:
    """The ``date_guessed`` column of a source with ``meta`` (:data:`DATE_READ` …)."""
    if meta.date_is_mentioned:
        return DATE_MENTIONED
    return DATE_EARLIEST if meta.date_is_earliest else DATE_READ


def _meta_to_json(meta: SourceMeta) -> str:
    fields = {}
    for key in META_KEYS:
        value: MetaValue = getattr(meta, key)
        raw = value.value.isoformat() if isinstance(value.value, dt.date) else value.value
        fields[key] = [raw, value.origin, value.how, isinstance(value.value, dt.date)]
    return json.dumps(fields, ensure_ascii=False)


def _meta_from_json(text: str) -> SourceMeta:
    fields = {}
    for key, (raw, origin, how, is_date) in json.loads(text).items():
        value = dt.date.fromisoformat(raw) if is_date and raw else raw
        fields[key] = MetaValue(value, origin, how)
    return SourceMeta(**fields)


def problems_to_json(problems: Sequence[Problem]) -> str:
    """Problems as JSON; a value that JSON cannot hold is kept as the text it was shown with."""
    rows = []
    for p in problems:
        value = p.value if p.value is None or isinstance(p.value, (str, int, float, bool)) else repr(p.value)
        rows.append([p.message, str(p.file) if p.file else None, p.line, p.field, value, p.hint])
    return json.dumps(rows, ensure_ascii=False)


def problems_from_json(text: str) -> list[Problem]:
    return [Problem(message, file=Path(file) if file else None, line=line, field=field, value=value, hint=hint)
            for message, file, line, field, value, hint in json.loads(text)]


@dataclass(frozen=True)
class FileStamp:
    """What the index remembers of an article file, to tell whether it changed."""

    file: str
    mtime_ns: int
    size: int
    content_hash: str
    stated_hash: str
    annotations_sig: str


@dataclass(frozen=True)
class IndexedArticle:
    """One source ready to store: the rows the index keeps of it, made where the article was read.

    Plain tuples rather than the source and its excerpts: a worker process sends them to
    the one that writes the index at a fraction of the cost of pickling objects, and the
    writer, the one process all the others wait on, has nothing left to work out but row
    numbers and topic bits.
    """

    source_id: str
    source_row: tuple[object, ...]
    text_row: tuple[str, str, str]
    print_row: tuple[str, str | None, bytes]
    excerpt_rows: Sequence[tuple[str, str, int, int, str, str, str, float, float, int, int, str, str | None,
                                 str | None, str | None, float, int]]
    """The columns of ``excerpts`` from ``id`` to ``tagged``: no row number, no topic bits."""

    @classmethod
    def of(cls, source: Source, stamp: FileStamp, excerpts: Sequence[Excerpt], strengths: Sequence[float],
           problems: Sequence[Problem], fingerprint: SourceFingerprint) -> IndexedArticle:
        published = source.date.isoformat() if source.date else None
        source_row = (source.id, stamp.file, stamp.mtime_ns, stamp.size, stamp.content_hash, stamp.stated_hash,
                      stamp.annotations_sig, source.format, source.text_hash, source.first_line,
                      _meta_to_json(source.meta), json.dumps(list(source.notes), ensure_ascii=False), published,
                      _date_kind(source.meta),
                      sum(1 for e in excerpts if e.topics), problems_to_json(problems))
        text_row = (source.id, source.text,
                    json.dumps([[d.line, d.text, d.reason] for d in source.dropped], ensure_ascii=False))
        print_row = (source.id, fingerprint.wire, array("q", sorted(fingerprint.sentences)).tobytes())
        excerpt_rows = [(e.id, e.source_id, e.start, e.end, e.text, " ".join(e.topics), e.section, e.topic_score,
                         e.section_score, e.paragraph, e.position, e.origin, published,
                         e.told.isoformat() if e.told else None, e.listed_under, strength,
                         1 if e.topics or e.origin == "analyst" else 0)
                        for e, strength in zip(excerpts, strengths, strict=True)]
        return cls(source.id, source_row, text_row, print_row, excerpt_rows)


# --- full-text queries -----------------------------------------------------------------------------


def _has_token(word: str) -> bool:
    """Whether FTS5's unicode61 tokenizer finds a token in ``word``: a letter, a digit or a private-use character.

    A quoted word without one would be an empty phrase, which matches nothing.
    """
    return any(unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "Co" for char in word)


def search_terms(search: str) -> tuple[list[str], list[str]]:
    """The user's search as FTS5 phrases: (the words wanted, the words written ``-word``).

    Each word is quoted whole, so FTS5 itself splits it as it split the
    excerpts: ``U.S.`` is the phrase "u s" and ``AT&T`` the phrase "at t", and
    no character of the user's is ever query syntax. Each phrase is matched
    as a prefix (``talk`` finds "talks"). A word without a letter or digit
    (``-``, ``*``, ``(``) is left out.
    """
    wanted: list[str] = []
    unwanted: list[str] = []
    for raw in search.replace("\x00", " ").split():
        negative = raw.startswith("-") and len(raw) > 1
        word = raw[1:] if negative else raw
        if _has_token(word):
            (unwanted if negative else wanted).append('"' + word.replace('"', '""') + '"*')
    return wanted, unwanted


def fts_query(search: str) -> str | None:
    """The user's search as one FTS5 query: every wanted word present, every ``-word`` absent.

    None when no word is wanted (a search of ``-word`` alone is answered by
    :meth:`CorpusIndex.select` as "every excerpt without it").
    """
    wanted, unwanted = search_terms(search)
    if not wanted:
        return None
    query = " AND ".join(wanted)
    for phrase in unwanted:
        query += f" NOT {phrase}"
    return query


# --- the store ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExcerptQuery:
    """Which excerpts a view or a brief wants; every field narrows the selection."""

    start: dt.date | None = None
    end: dt.date | None = None
    dated_only: bool = False
    """Leave out undated sources (a window with any bound does)."""
    not_after: dt.date | None = None
    """Leave out sources dated after this day; undated ones stay (the whole corpus as of a date)."""
    sources: frozenset[str] | None = None
    topics: frozenset[str] | None = None
    """Any of these topics; None for any topic (then untagged rule excerpts are left out)."""
    include_untagged: bool = False
    sections: frozenset[str] | None = None
    """Only excerpts the rules or the analyst put in one of these sections."""
    search: str | None = None
    ids: frozenset[str] | None = None
    """Only these excerpts."""

    def admits(self, excerpt: Excerpt) -> bool:
        """The same test in Python, for an excerpt in hand (the search is not checked)."""
        if self.dated_only or self.start or self.end:
            if excerpt.published is None:
                return False
            if (self.start and (excerpt.told or excerpt.published) < self.start) \
                    or (self.end and excerpt.published > self.end):
                return False
        if self.not_after and excerpt.published and excerpt.published > self.not_after:
            return False
        if self.sources is not None and excerpt.source_id not in self.sources:
            return False
        if self.ids is not None and excerpt.id not in self.ids:
            return False
        if self.sections is not None and excerpt.section not in self.sections:
            return False
        if self.topics is not None:
            return bool(self.topics.intersection(excerpt.topics))
        return self.include_untagged or bool(excerpt.topics) or excerpt.origin == "analyst"


class CorpusIndex:
    """One open index database. Reads are safe from any thread; writes take :meth:`writing`."""

    def __init__(self, path: Path, *, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        self.lock = threading.RLock()
        self._writes = 0
        """Bumped by every write through this connection (SQLite's data_version counts only other connections')."""
        self._dates: tuple[tuple[int, int], dict[str, dt.date | None]] | None = None

    # --- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> CorpusIndex:
        """Open (or create) the index at ``path``; raises IndexUnusable if it cannot be trusted."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists() or path.stat().st_size == 0
        try:
            connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=OFF")
            connection.execute("PRAGMA cache_size=-65536")  # 64 MB: inserts into large indexes stay in memory
            if fresh:
                connection.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
                connection.execute("INSERT INTO info VALUES ('schema', ?)", (SCHEMA_VERSION,))
            rows = dict(connection.execute("SELECT key, value FROM info").fetchall())
        except sqlite3.DatabaseError as error:
            connection.close()
            if getattr(error, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise  # in use by another brief: not a reason to throw it away
            raise IndexUnusable(f"it cannot be read ({error})") from None
        if rows.get("schema") != SCHEMA_VERSION:
            connection.close()
            raise IndexUnusable("it was made by another version of brief")
        return cls(path, connection=connection)

    def close(self) -> None:
        self.connection.close()

    def info(self, key: str) -> str | None:
        row = self.connection.execute("SELECT value FROM info WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_info(self, key: str, value: str) -> None:
        self.connection.execute("INSERT OR REPLACE INTO info VALUES (?, ?)", (key, value))

    def check_integrity(self) -> str | None:
        """SQLite's own check of the file; None when it is sound, else what is wrong."""
        try:
            result = self.connection.execute("PRAGMA quick_check").fetchone()[0]
            self.connection.execute("INSERT INTO excerpt_text (excerpt_text) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as error:
            return str(error)
        return None if result == "ok" else str(result)

    # --- writing -----------------------------------------------------------------------------

    def begin(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.connection.execute("COMMIT")

    def rollback(self) -> None:
        if self.connection.in_transaction:
            self.connection.execute("ROLLBACK")

    def source_count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM sources").fetchone()[0]

    def probe_sources(self) -> None:
        """Walk the sources table itself (not an index of it) from its root to its last row: a damaged
        table raises here, not later. Cheap at any size; damage deeper down raises when it is read,
        and the CLI then rebuilds and retries."""
        self.connection.execute("SELECT max(rowid) FROM sources").fetchone()

    def stamp_rows(self) -> dict[str, tuple[str, int, int, str, str, str]]:
        """Source id → what the index holds of its file, as plain tuples in :class:`FileStamp`'s field order
        (no object per file: every command reads all of them)."""
        rows = self.connection.execute("SELECT id, file, mtime_ns, size, content_hash, stated_hash, annotations_sig "
                                       "FROM sources INDEXED BY sources_stamps").fetchall()
        return {row[0]: row[1:] for row in rows}

    def failure_stamps(self) -> dict[str, tuple[int, int, str]]:
        return {row[0]: (row[1], row[2], row[3]) for row in self.connection.execute(
            "SELECT file, mtime_ns, size, stated_hash FROM failures")}

    def failures(self) -> list[Problem]:
        problems: list[Problem] = []
        for (text,) in self.connection.execute("SELECT problems FROM failures ORDER BY file"):
            problems.extend(problems_from_json(text))
        return problems

    def record_failure(self, file: str, mtime_ns: int, size: int, stated_hash: str,
                       problems: Sequence[Problem]) -> None:
        self.connection.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                                (file, mtime_ns, size, stated_hash, problems_to_json(problems)))

    def forget_failure(self, file: str) -> None:
        self.connection.execute("DELETE FROM failures WHERE file = ?", (file,))

    def update_stamp(self, source_id: str, stamp: FileStamp) -> None:
        """The file was touched but its content is the same: remember the new time, keep the rest."""
        self._writes += 1
        self.connection.execute("UPDATE sources SET file = ?, mtime_ns = ?, size = ?, annotations_sig = ? "
                                "WHERE id = ?", (stamp.file, stamp.mtime_ns, stamp.size, stamp.annotations_sig,
                                                 source_id))

    def remove_source(self, source_id: str) -> None:
        self._writes += 1
        self.connection.execute("DELETE FROM excerpts WHERE source_id = ?", (source_id,))
        self.connection.execute("DELETE FROM sources WHERE id = ?", (source_id,))
        self.connection.execute("DELETE FROM source_texts WHERE id = ?", (source_id,))
        self.connection.execute("DELETE FROM source_prints WHERE id = ?", (source_id,))
        self.connection.execute("DELETE FROM findings WHERE source_id = ?", (source_id,))

    def store(self, article: IndexedArticle, *, new: bool = False) -> None:
        """Replace everything the index holds of one source; ``new``: it holds nothing of it yet."""
        self._writes += 1
        if not new:
            self.remove_source(article.source_id)
        self.connection.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                article.source_row)
        self.connection.execute("INSERT INTO source_texts VALUES (?, ?, ?)", article.text_row)
        self.connection.execute("INSERT INTO source_prints VALUES (?, ?, ?)", article.print_row)
        first = (self.connection.execute("SELECT max(n) FROM excerpts").fetchone()[0] or 0) + 1
        bits = self._bits_of(row[5] for row in article.excerpt_rows)
        self.connection.executemany(
            "INSERT INTO excerpts (n, id, source_id, start, end, text, topics, section, topic_score, section_score, "
            "paragraph, position, origin, published, told, listed_under, strength, tagged, topic_bits) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(first + number, *row, bits[row[5]]) for number, row in enumerate(article.excerpt_rows)])
        # Filled here rather than by a trigger: one statement per source is many times faster.
        self.connection.execute("INSERT INTO excerpt_text (rowid, text) SELECT n, text FROM excerpts WHERE n >= ?",
                                (first,))

    def _bits_of(self, topic_lists: Iterable[str]) -> dict[str, int]:
        """Each space-separated topic list → the topics' bits together (see :meth:`topic_bits`)."""
        lists = dict.fromkeys(topic_lists)  # in order of appearance: new topics get their bits in that order
        bits = self.topic_bits(dict.fromkeys(topic for topics in lists for topic in topics.split()))
        return {topics: sum(bits[t] for t in topics.split()) for topics in lists}

    # --- topics as bits: one integer column answers "any of these topics" and counts per topic ------

    def _topic_order(self) -> list[str]:
        # Read each time: another process may have added a topic since.
        return json.loads(self.info("topic_order") or "[]")

    def topic_bits(self, topics: Iterable[str]) -> dict[str, int]:
        """Topic → its bit; a topic never seen before gets the next free one (kept in the index)."""
        order = self._topic_order()
        added = False
        for topic in topics:
            if topic not in order:
                if len(order) >= MAX_TOPICS:
                    raise IndexUnusable(f"more than {MAX_TOPICS} topics have been used in this index")
                order.append(topic)
                added = True
        if added:
            self.set_info("topic_order", json.dumps(order))
        return {topic: 1 << number for number, topic in enumerate(order)}

    def _known_bits(self, topics: Iterable[str]) -> int:
        order = self._topic_order()
        return sum(1 << order.index(t) for t in topics if t in order)

    # --- reading sources -----------------------------------------------------------------------

    def source_ids(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT id FROM sources ORDER BY id")]

    def dates_in_window(self, start: dt.date | None, end: dt.date | None,
                        sources: frozenset[str] | None = None, not_after: dt.date | None = None
                        ) -> dict[str, dt.date | None]:
        """Source id → date of the sources a window holds, in id order; an open window (no start, no end)
        holds the undated too, and those dated after ``not_after`` not. ``sources`` limits the answer to
        those ids. Its cost follows the window."""
        clauses, arguments = [], []
        if not_after is not None:
            clauses.append("(published IS NULL OR published <= ?)")
            arguments.append(not_after.isoformat())
        if start is not None:
            clauses.append("published >= ?")
            arguments.append(start.isoformat())
        if end is not None:
            clauses.append("published <= ?")
            arguments.append(end.isoformat())
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self.lock:
            rows = self.connection.execute(f"SELECT id, published FROM sources{where} ORDER BY id", arguments)
            return {sid: dt.date.fromisoformat(published) if published else None
                    for sid, published in rows if sources is None or sid in sources}

    def undated_source_ids(self, sources: frozenset[str] | None = None) -> list[str]:
        with self.lock:
            rows = self.connection.execute("SELECT id FROM sources WHERE published IS NULL ORDER BY id")
            return [sid for (sid,) in rows if sources is None or sid in sources]

    def dated_from_below_before(self, day: dt.date, sources: frozenset[str] | None = None
                                ) -> dict[str, tuple[dt.date, int]]:
        """Source id → date and its kind (:data:`DATE_MENTIONED` or :data:`DATE_EARLIEST`) of the sources dated
        before ``day`` that may be of ``day`` or later: dated at most :data:`MAY_BE_LATER_DAYS` before it, and one
        of the earliest it can have appeared written in a year that ``day`` has not left."""
        since = day - dt.timedelta(days=MAY_BE_LATER_DAYS)
        with self.lock:
            rows = self.connection.execute(
                "SELECT id, published, date_guessed FROM sources INDEXED BY sources_newest "
                "WHERE date_guessed > 0 AND published < ? AND published >= ?",
                (day.isoformat(), since.isoformat())).fetchall()
        dated = ((sid, dt.date.fromisoformat(published), kind) for sid, published, kind in sorted(rows))
        return {sid: (date, kind) for sid, date, kind in dated
                if (sources is None or sid in sources) and (kind != DATE_EARLIEST or date.year >= day.year)}

    def newest_date(self, sources: frozenset[str] | None = None) -> dt.date | None:
        """The latest publication date of all sources (or of ``sources``); None when none is dated.

        Dates guessed from the dates a text mentions count only when no source has a better one:
        an undated article that mentions next month's meeting must not move "latest" a month on.
        """
        with self.lock:
            if sources is None:
                rows = self.connection.execute(
                    f"SELECT max(published), 0 FROM sources WHERE date_guessed != {DATE_MENTIONED} UNION ALL "
                    f"SELECT max(published), 1 FROM sources WHERE date_guessed = {DATE_MENTIONED}").fetchall()
                rows = [row for row in rows if row[0] is not None]
            else:
                rows = [(published, kind == DATE_MENTIONED) for chunk in _chunks(sorted(sources), 500)
                        for published, kind in self.connection.execute(
                            f"SELECT published, date_guessed FROM sources WHERE id IN ({','.join('?' * len(chunk))}) "
                            "AND published IS NOT NULL", chunk)]
        newest = max((published for published, guessed in rows if not guessed), default=None) \
            or max((published for published, _ in rows), default=None)
        return dt.date.fromisoformat(newest) if newest else None

    def source_dates(self) -> dict[str, dt.date | None]:
        """Source id → date, in id order. Kept between calls until the index changes (here or elsewhere)."""
        with self.lock:
            version = (self.connection.execute("PRAGMA data_version").fetchone()[0], self._writes)
            if self._dates is None or self._dates[0] != version:
                dates = {sid: dt.date.fromisoformat(published) if published else None
                         for sid, published in self.connection.execute("SELECT id, published FROM sources INDEXED BY sources_dates ORDER BY id")}
                self._dates = (version, dates)
            return dict(self._dates[1])

    def _fetch_text(self, source_id: str) -> tuple[str, tuple[DroppedLine, ...]]:
        with self.lock:
            row = self.connection.execute("SELECT text, dropped FROM source_texts WHERE id = ?", (source_id,)).fetchone()
        if row is None:
            raise KeyError(source_id)
        return row[0], tuple(DroppedLine(*item) for item in json.loads(row[1]))

    def load_sources(self, ids: Iterable[str] | None = None) -> list[Source]:
        """Sources without their text (fetched when first read), in id order."""
        select = ("SELECT id, file, format, content_hash, meta, notes, text_hash, first_line FROM sources")
        with self.lock:
            if ids is None:
                rows = self.connection.execute(select + " ORDER BY id").fetchall()
            else:
                wanted = sorted(set(ids))
                rows = []
                for chunk in _chunks(wanted, 500):
                    marks = ",".join("?" * len(chunk))
                    rows += self.connection.execute(f"{select} WHERE id IN ({marks})", chunk).fetchall()
                rows.sort()
        corpus_root = self.corpus_root
        return [Source(id=sid, path=corpus_root / file, format=fmt, content_hash=content_hash,
                       meta=_meta_from_json(meta), notes=tuple(json.loads(notes)), text_hash=text_hash,
                       first_line=first_line, fetch=self._fetch_text)
                for sid, file, fmt, content_hash, meta, notes, text_hash, first_line in rows]

    def fingerprints(self, ids: Iterable[str]) -> dict[str, SourceFingerprint]:
        """What finding copies needs of each source in ``ids`` that the index holds."""
        found: dict[str, SourceFingerprint] = {}
        with self.lock:
            for chunk in _chunks(sorted(set(ids)), 500):
                marks = ",".join("?" * len(chunk))
                for sid, wire, blob in self.connection.execute(
                        f"SELECT id, wire, sentences FROM source_prints WHERE id IN ({marks})", chunk):
                    found[sid] = SourceFingerprint(sid, frozenset(array("q", blob)), wire)
        return found

    def load_findings(self, kind: str, source_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """What :mod:`brief.findings_cache` kept of ``kind`` for these sources: id → (key, value)."""
        found: dict[str, tuple[str, str]] = {}
        with self.lock:
            for chunk in _chunks(list(source_ids), 500):
                marks = ", ".join("?" * len(chunk))
                for source_id, key, value in self.connection.execute(
                        f"SELECT source_id, key, value FROM findings WHERE kind = ? AND source_id IN ({marks})",
                        [kind, *chunk]):
                    found[source_id] = (key, value)
        return found

    def save_findings(self, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Keep what a brief found; given up at once when another process is writing, or the index is read-only.

        Only for sources the index holds: one removed meanwhile gets no row.
        """
        with self.lock:
            if self.connection.in_transaction:  # inside someone's write: not the place
                return
            patience = self.connection.execute("PRAGMA busy_timeout").fetchone()[0]
            try:
                self.connection.execute("PRAGMA busy_timeout = 100")
                self.connection.execute("BEGIN IMMEDIATE")
                try:
                    self.connection.executemany(
                        "INSERT OR REPLACE INTO findings SELECT ?, ?, ?, ? "
                        "WHERE EXISTS (SELECT 1 FROM sources WHERE id = ?)",
                        [(*row, row[0]) for row in rows])
                    self.connection.execute("COMMIT")
                except BaseException:
                    self.connection.execute("ROLLBACK")
                    raise
            except sqlite3.OperationalError:
                pass  # busy or read-only: worked out again next time
            finally:
                self.connection.execute(f"PRAGMA busy_timeout = {int(patience)}")

    @property
    def corpus_root(self) -> Path:
        return Path(self.info("corpus") or ".")

    def annotation_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        for (text,) in self.connection.execute("SELECT problems FROM sources WHERE problems != '[]' ORDER BY id"):
            problems.extend(problems_from_json(text))
        return problems

    def tagged_counts(self) -> dict[str, int]:
        """Source id → number of excerpts with at least one topic."""
        return dict(self.connection.execute("SELECT id, tagged FROM sources"))

    def counts(self) -> tuple[int, int]:
        """(sources, excerpts) in the index."""
        sources = self.connection.execute("SELECT count(*) FROM sources").fetchone()[0]
        excerpts = self.connection.execute("SELECT count(*) FROM excerpts").fetchone()[0]
        return sources, excerpts

    # --- reading excerpts -----------------------------------------------------------------------

    def _where(self, query: ExcerptQuery, alias: str = "e") -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if query.topics is not None or not query.include_untagged:
            # Any topic implies tagged; saying so lets the (tagged, published, strength) index serve the window.
            clauses.append(f"{alias}.tagged = 1")
        if query.dated_only or query.start or query.end:
            clauses.append(f"{alias}.published IS NOT NULL")
        if query.start:
            # A chronology's passage under an older day's heading is news of that day, not of its article's
            clauses.append(f"coalesce({alias}.told, {alias}.published) >= ?")
            params.append(query.start.isoformat())
        if query.end:
            clauses.append(f"{alias}.published <= ?")
            params.append(query.end.isoformat())
        if query.not_after:
            clauses.append(f"({alias}.published IS NULL OR {alias}.published <= ?)")
            params.append(query.not_after.isoformat())
        if query.sources is not None:
            marks = ",".join("?" * len(query.sources))
            clauses.append(f"{alias}.source_id IN ({marks})")
            params.extend(sorted(query.sources))
        if query.sections is not None:
            clauses.append(f"{alias}.section IN (" + ",".join("?" * len(query.sections)) + ")")
            params.extend(sorted(query.sections))
        if query.topics is not None:
            clauses.append(f"({alias}.topic_bits & ?) != 0")
            params.append(self._known_bits(query.topics))
        if query.ids is not None:
            clauses.append(f"{alias}.id IN (" + ",".join("?" * len(query.ids)) + ")")
            params.extend(sorted(query.ids))
        if query.search:
            wanted, unwanted = search_terms(query.search)
            if wanted:
                clauses.append(f"{alias}.n IN (SELECT rowid FROM excerpt_text WHERE excerpt_text MATCH ?)")
                params.append(" AND ".join(wanted))
            if unwanted:
                clauses.append(f"{alias}.n NOT IN (SELECT rowid FROM excerpt_text WHERE excerpt_text MATCH ?)")
                params.append(" OR ".join(unwanted))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def select(self, query: ExcerptQuery, *, limit: int | None = None, order: str = "source") -> list[Excerpt]:
        """Excerpts matching ``query``: in corpus order, or strongest first (``order="strength"``)."""
        where, params = self._where(query)
        sql = f"SELECT {_EXCERPT_COLUMNS} FROM excerpts e{where}"
        sql += " ORDER BY e.strength DESC, e.source_id, e.start" if order == "strength" else \
            " ORDER BY e.source_id, e.start, e.end"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self.lock:
            return [_excerpt(row) for row in self.connection.execute(sql, params)]

    def select_strongest(self, query: ExcerptQuery, count: int, margin: float, *,
                         recency: tuple[dt.date, float, float] | None = None) -> tuple[list[Excerpt], int]:
        """The excerpts that can rank among the ``count`` strongest, given that a later bonus adds at most ``margin``.

        With ``recency`` = (reference date, span in days, factor) the bonus is worked out here, as
        :func:`brief.ranking.recency_bonus` does, and exactly the ``count`` strongest come back: many
        excerpts of equal strength (templated text) cannot flood the brief. Returns them with the
        number of excerpts the query matches in all.
        """
        where, params = self._where(query)
        with self.lock:
            total = self.connection.execute(f"SELECT count(*) FROM excerpts e{where}", params).fetchone()[0]
            if total <= count:
                return self.select(query), total
            if recency is not None:
                reference, span, factor = recency
                final = ("e.strength + (CASE WHEN e.published IS NULL THEN 0.0 ELSE "
                         "MAX(0.0, 1.0 - MAX(julianday(?) - julianday(coalesce(e.told, e.published)), 0) / ?) "
                         "* ? END)")
                rows = self.connection.execute(
                    f"SELECT {_EXCERPT_COLUMNS} FROM excerpts e{where} ORDER BY {final} DESC, e.source_id, e.start "
                    f"LIMIT {int(count)}", [*params, reference.isoformat(), span, factor]).fetchall()
                return [_excerpt(row) for row in rows], total
            row = self.connection.execute(
                f"SELECT e.strength FROM excerpts e{where} ORDER BY e.strength DESC LIMIT 1 OFFSET ?",
                [*params, count - 1]).fetchone()
            # Strengths are stored rounded to 9 places and the subtraction rounds too (4.4 - 2.5 > 1.9):
            # a little slack keeps an excerpt that sits exactly on the threshold.
            threshold = row[0] - margin - STRENGTH_SLACK
            joiner = " AND " if where else " WHERE "
            rows = self.connection.execute(
                f"SELECT {_EXCERPT_COLUMNS} FROM excerpts e{where}{joiner}e.strength >= ? "
                "ORDER BY e.source_id, e.start, e.end", [*params, threshold]).fetchall()
        return [_excerpt(row) for row in rows], total

    def count(self, query: ExcerptQuery) -> int:
        where, params = self._where(query)
        with self.lock:
            return self.connection.execute(f"SELECT count(*) FROM excerpts e{where}", params).fetchone()[0]

    def topic_counts(self, query: ExcerptQuery) -> dict[str, int]:
        """Topic → number of excerpts carrying it among those ``query`` lets in (its topics ignored)."""
        order = self._topic_order()
        if not order:
            return {}
        # Only tagged excerpts carry topics: counting among them gives the same numbers, by the index.
        where, params = self._where(replace(query, topics=None, include_untagged=False))
        sums = ", ".join(f"total((e.topic_bits >> {number}) & 1)" for number in range(len(order)))
        with self.lock:
            row = self.connection.execute(f"SELECT {sums} FROM excerpts e{where}", params).fetchone()
        return {topic: int(count) for topic, count in zip(order, row, strict=True) if count}

    def excerpts_of(self, source_id: str) -> list[Excerpt]:
        with self.lock:
            return [_excerpt(row) for row in self.connection.execute(
                f"SELECT {_EXCERPT_COLUMNS} FROM excerpts WHERE source_id = ? ORDER BY start, end", (source_id,))]

    def excerpts_by_id(self, ids: Iterable[str]) -> list[Excerpt]:
        wanted = sorted(set(ids))
        found: list[Excerpt] = []
        with self.lock:
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                found += [_excerpt(row) for row in self.connection.execute(
                    f"SELECT {_EXCERPT_COLUMNS} FROM excerpts WHERE id IN ({marks})", chunk)]
        return sorted(found, key=lambda e: (e.source_id, e.start, e.end))

    def all_excerpts(self) -> Iterator[Excerpt]:
        with self.lock:
            rows = self.connection.execute(f"SELECT {_EXCERPT_COLUMNS} FROM excerpts "
                                           "ORDER BY source_id, start, end").fetchall()
        return (_excerpt(row) for row in rows)


def _excerpt(row: tuple) -> Excerpt:
    (excerpt_id, source_id, start, end, text, topics, section, topic_score, section_score, paragraph, position,
     origin, published, told, listed_under) = row
    return Excerpt(id=excerpt_id, source_id=source_id, start=start, end=end, text=text,
                   topics=tuple(topics.split()) if topics else (), section=section, topic_score=topic_score,
                   section_score=section_score, paragraph=paragraph, position=position,
                   published=dt.date.fromisoformat(published) if published else None, origin=origin,
                   told=dt.date.fromisoformat(told) if told else None, listed_under=listed_under)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for begin in range(0, len(items), size):
        yield items[begin:begin + size]
