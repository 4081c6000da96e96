"""Keep the corpus index in step with the files, doing only the work that changed.

A sync compares the corpus folder with what the index remembers:

- a new or changed article (by size and time, then by content hash) is read,
  cleaned, split and tagged again; a file touched without a change is not;
- changed rules in ``topics.yaml`` re-tag every source from its stored
  canonical text, without reading or cleaning any file again (the rules the
  sync tags with are compared, so an edited comment changes nothing);
- a changed annotation file re-applies that source's annotations;
- a changed entry in ``sources.yaml`` re-reads that source;
- a deleted file leaves the index.

An index that cannot be read, was made by another version of brief, or whose
code has changed since, is rebuilt from scratch with a message: never trusted.
Large syncs run in worker processes (one per core) and report progress; they
can be cancelled between articles, and what was done by then is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from brief.annotations import load_source_annotations
from brief.atomic import update_lock
from brief.corpus import ANNOTATIONS_DIR, Source, article_entries, load_source, load_stated_metadata, no_corpus_folder
from brief.errors import Problem, UserError, did_you_mean
from brief.excerpts import Excerpt, source_excerpts
from brief.independence import source_fingerprint
from brief.index import (
    INDEX_DIR_ENV,
    CorpusIndex,
    FileStamp,
    IndexedArticle,
    IndexUnusable,
    engine_fingerprint,
    index_location,
    is_damage,
)
from brief.ranking import static_strength
from brief.taxonomy import Taxonomy

PARALLEL_FROM = 48
"""Below this many articles to read or re-tag, worker processes cost more than they save."""
COMMIT_EVERY_S = 1.0
_SETTLED_SCAN = "settled scan"
"""Info key: the digest of the folder scan after which the last sync left nothing to do (empty while working)."""
_MIXED_TAGS = "mixed"
"""Stored as the taxonomy's hash while a re-tagging of every source is under way."""


class Cancelled(Exception):
    """The user stopped a sync; the articles done before it are kept."""


ProgressCallback = Callable[[int, int, str], None]
"""``progress(done, total, what)``: called as articles are done."""


@dataclass
class SyncReport:
    """What one sync did."""

    read: int = 0
    """Articles read and cleaned (new or changed)."""
    retagged: int = 0
    """Sources re-tagged from their stored text (taxonomy or annotations changed)."""
    removed: int = 0
    unchanged: int = 0
    failed: int = 0
    rebuilt_because: str | None = None
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.read} read", f"{self.retagged} re-tagged", f"{self.removed} removed",
                 f"{self.unchanged} unchanged"]
        if self.failed:
            parts.append(f"{self.failed} left out")
        return ", ".join(parts) + f" in {self.seconds:.1f} s"


@dataclass(frozen=True)
class _ReadTask:
    path: Path
    stated: dict[str, object] | None
    stamp: FileStamp


@dataclass(frozen=True)
class _RetagTask:
    source: Source
    stamp: FileStamp


@dataclass(frozen=True)
class _Failed:
    stamp: FileStamp
    problems: list[Problem]


@dataclass
class _Plan:
    reads: list[_ReadTask] = field(default_factory=list)
    retags: list[str] = field(default_factory=list)
    retag_stamps: dict[str, FileStamp] = field(default_factory=dict)
    touched: dict[str, FileStamp] = field(default_factory=dict)
    removals: list[str] = field(default_factory=list)
    forgotten_failures: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unchanged: int = 0


def _hash_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _stated_hash(entry: dict[str, object] | None) -> str:
    return hashlib.sha256(json.dumps(entry or {}, sort_keys=True, default=str).encode()).hexdigest()[:16]


def taxonomy_fingerprint(taxonomy: Taxonomy) -> str:
    """A hash of the rules that tag excerpts, as they were compiled (comments and labels aside).

    Taken from the taxonomy the sync tags with, not from the file, which may
    have changed since a long-running program (the TUI) loaded it.
    """
    rules = [[kind, category.id, category.min_score,
              [[rule.weight, [[key, expression.pattern, int(expression.flags)] for key, expression in rule.expressions],
                sorted(rule.with_topics)]
               for rule in category.rules]]
             for kind, categories in (("topic", taxonomy.topics), ("section", taxonomy.sections))
             for category in categories]
    return hashlib.sha256(json.dumps(rules).encode()).hexdigest()[:20]


def _annotation_signatures(corpus_root: Path) -> dict[str, str]:
    folder = corpus_root / ANNOTATIONS_DIR
    signatures: dict[str, str] = {}
    if not folder.is_dir():
        return signatures
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.endswith(".yaml") and entry.is_file():
                stat = entry.stat()
                signatures[entry.name[:-5]] = f"{stat.st_mtime_ns}:{stat.st_size}"
    return signatures


@dataclass
class _Scan:
    """One look at the corpus folder: its article files with their stat, and a digest of all the sync depends on."""

    entries: list[tuple[str, str, os.DirEntry[str], os.stat_result]]
    """(path relative to the corpus folder, source id, entry, stat), in path order."""
    annotations: dict[str, str]
    stated_hashes: dict[str, str]
    digest: str
    """Changes whenever any article's name, size or time, an annotation file, an entry of
    ``sources.yaml``, the taxonomy or the engine changes: equal digests mean nothing to do."""


def _scan(corpus_root: Path, stated: dict[str, dict[str, object]], taxonomy_hash: str) -> _Scan:
    # This loop runs on every command over every file: plain tuples and strings, no Path per file.
    annotations = _annotation_signatures(corpus_root)
    stated_hashes = {sid: _stated_hash(entry) for sid, entry in stated.items()}
    entries: list[tuple[str, str, os.DirEntry[str], os.stat_result]] = []
    for name, entry in article_entries(corpus_root):
        try:
            entries.append((name, entry.name.rpartition(".")[0], entry, entry.stat()))
        except OSError:  # a dangling link, or gone since the listing: not an article
            continue
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([str(corpus_root), engine_fingerprint(), taxonomy_hash, sorted(annotations.items()),
                              sorted(stated_hashes.items())]).encode())
    digest.update("\n".join([f"{name}\t{stat.st_size}\t{stat.st_mtime_ns}\t{stat.st_mode}\t{entry.is_symlink()}"
                              for name, _, entry, stat in entries]).encode())
    return _Scan(entries, annotations, stated_hashes, digest.hexdigest())


def _plan(index: CorpusIndex, corpus_root: Path, scan: _Scan, stated_entries: dict[str, dict[str, object]],
          retag_all: bool) -> _Plan:
    plan = _Plan()
    resolved_root = corpus_root.resolve()
    stamps = index.stamp_rows()
    failures = index.failure_stamps()
    annotations = scan.annotations
    unstated = _stated_hash(None)
    stated_hashes = scan.stated_hashes
    seen: dict[str, str] = {}
    for name, source_id, entry, stat in scan.entries:
        if not entry.is_file():
            if not entry.is_dir():  # reading a named pipe would wait for a writer for ever
                plan.problems.append(Problem("left out: not a regular file (a named pipe, socket or device)",
                                             file=corpus_root / name, hint="save the article as a plain file"))
            continue
        if entry.is_symlink() and resolved_root not in (corpus_root / name).resolve().parents:
            plan.problems.append(Problem("left out: a link to a file outside the corpus folder",
                                         file=corpus_root / name, hint="copy the article in with `brief add` instead"))
            continue
        if source_id in seen:
            plan.problems.append(Problem(f"left out: same id as {seen[source_id]}", file=corpus_root / name,
                                         hint="rename one of the two files"))
            continue
        seen[source_id] = name
        stated_hash = stated_hashes.get(source_id, unstated)
        annotations_sig = annotations.get(source_id, "")
        old = stamps.get(source_id)
        if old is not None and old[0] == name and old[4] == stated_hash and old[2] == stat.st_size:
            if old[1] == stat.st_mtime_ns and old[5] == annotations_sig and not retag_all:
                plan.unchanged += 1
                continue
            if old[1] == stat.st_mtime_ns or old[3] == _hash_file(corpus_root / name):
                stamp = FileStamp(name, stat.st_mtime_ns, stat.st_size, old[3], stated_hash, annotations_sig)
                if retag_all or old[5] != annotations_sig:
                    plan.retags.append(source_id)
                    plan.retag_stamps[source_id] = stamp
                else:
                    plan.touched[source_id] = stamp
                continue
        failure = failures.get(name)
        if old is None and failure == (stat.st_mtime_ns, stat.st_size, stated_hash):
            continue  # known to fail, unchanged: its stored problems are reported
        if failure is not None:
            plan.forgotten_failures.append(name)
        plan.reads.append(_ReadTask(corpus_root / name, stated_entries.get(source_id),
                                    FileStamp(name, stat.st_mtime_ns, stat.st_size, "", stated_hash,
                                              annotations_sig)))
    present = set(seen)
    plan.removals = sorted(sid for sid in stamps if sid not in present)
    plan.forgotten_failures += [name for name in failures if Path(name).stem not in present
                                or seen.get(Path(name).stem) != name]
    return plan


# --- the work on one article (in a worker process or in this one) ------------------------------------

_worker_state: dict[str, object] = {}


def _init_worker(taxonomy: Taxonomy, corpus_root: Path) -> None:
    _worker_state["taxonomy"] = taxonomy
    _worker_state["corpus_root"] = corpus_root


def _excerpts_with_annotations(corpus_root: Path, source: Source, taxonomy: Taxonomy
                               ) -> tuple[list[Excerpt], list[Problem]]:
    annotations = load_source_annotations(corpus_root, source.id, source.text, taxonomy)
    return source_excerpts(source, taxonomy, annotations.anchored), annotations.problems


def _finish(source: Source, stamp: FileStamp, corpus_root: Path, taxonomy: Taxonomy) -> IndexedArticle:
    excerpts, problems = _excerpts_with_annotations(corpus_root, source, taxonomy)
    return IndexedArticle.of(source, stamp, excerpts, [round(static_strength(e), 9) for e in excerpts], problems,
                             source_fingerprint(source))


def _do(task: _ReadTask | _RetagTask) -> IndexedArticle | _Failed:
    taxonomy = _worker_state["taxonomy"]
    corpus_root = _worker_state["corpus_root"]
    assert isinstance(taxonomy, Taxonomy) and isinstance(corpus_root, Path)
    if isinstance(task, _RetagTask):
        return _finish(task.source, task.stamp, corpus_root, taxonomy)
    try:
        source = load_source(task.path, task.stated)
        stamp = FileStamp(task.stamp.file, task.stamp.mtime_ns, task.stamp.size, source.content_hash,
                          task.stamp.stated_hash, task.stamp.annotations_sig)
    except UserError as error:
        return _Failed(task.stamp, error.problems)
    return _finish(source, stamp, corpus_root, taxonomy)


def _worker_context():
    """Fork where there is fork: the workers start at once, without importing anything again.

    What the workers run is loaded first, so that a child never needs the import
    lock that another thread of the parent (the TUI's) might hold at the fork.
    "spawn" elsewhere; it re-imports the program, which is guarded.
    """
    import multiprocessing

    import trafilatura  # noqa: F401

    import brief.readers  # noqa: F401

    return get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _do_batch(tasks: list[_ReadTask | _RetagTask]) -> list[IndexedArticle | _Failed]:
    return [_do(task) for task in tasks]


# --- the sync --------------------------------------------------------------------------------------


def open_index(corpus_root: Path, notices: list[str]) -> CorpusIndex:
    """The corpus's index, made afresh (with a notice) when the one on disk cannot be trusted.

    Opened under the index's update lock: two briefs started at once on a corpus with no index yet (a scheduled
    weekly build and the analyst's TUI) would otherwise both make its tables, and the second, finding them half
    made or already there, would throw the first one's index away."""
    path = index_location(corpus_root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        where = f"{INDEX_DIR_ENV}={os.environ[INDEX_DIR_ENV]}" if os.environ.get(INDEX_DIR_ENV) else str(path.parent)
        raise UserError(Problem(f"the corpus index cannot be kept in {where}: {error.strerror or error}",
                                file=path.parent, hint=f"set {INDEX_DIR_ENV} to a folder you can write to")) from None
    with update_lock(path):
        return _open_or_remake(path, notices)


def _open_or_remake(path: Path, notices: list[str]) -> CorpusIndex:
    try:
        index = CorpusIndex.open(path)
    except IndexUnusable as why:
        notices.append(f"the index {path} could not be used ({why}): rebuilding it from the corpus files")
        delete_index(path)
        index = CorpusIndex.open(path)
    fingerprint = engine_fingerprint()
    try:
        stored = index.info("engine")
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            raise
        index.close()
        notices.append(f"the index {path} is damaged ({error}): rebuilding it from the corpus files")
        delete_index(path)
        return CorpusIndex.open(path)
    if stored is not None and stored != fingerprint:
        index.close()
        notices.append("the index was made by a different version of brief's reading and tagging code: "
                       "rebuilding it from the corpus files")
        delete_index(path)
        index = CorpusIndex.open(path)
    return index


def delete_index(path: Path) -> None:
    """Remove the index file at ``path`` and SQLite's companions; the next sync makes it again."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(str(path) + suffix).unlink()
        except FileNotFoundError:
            pass


def sync_index(corpus_root: Path, topics_file: Path, taxonomy: Taxonomy, *,
               progress: ProgressCallback | None = None, cancel: Callable[[], bool] | None = None,
               workers: int | None = None, index: CorpusIndex | None = None
               ) -> tuple[CorpusIndex, SyncReport, list[Problem]]:
    """Bring the index of ``corpus_root`` up to date; returns it, what was done, and the corpus's problems.

    ``index`` is an index already open for this corpus, to reuse.
    """
    started = time.perf_counter()
    corpus_root = Path(corpus_root)
    if not corpus_root.is_dir():  # before anything is made beside it
        raise UserError(no_corpus_folder(corpus_root))
    report = SyncReport()
    stated, document = load_stated_metadata(corpus_root)
    opened_here = index is None
    if index is None:
        index = open_index(corpus_root, report.notices)
    try:
        try:
            with update_lock(index.path):
                problems = _sync_locked(index, corpus_root, topics_file, taxonomy, stated, report,
                                        progress=progress, cancel=cancel, workers=workers)
        except sqlite3.DatabaseError as error:
            if not (opened_here and is_damage(error)):
                raise
            # A damaged page can go unnoticed when the file is opened: rebuild once, never trust it.
            index.close()
            report = SyncReport(notices=[*report.notices, f"the index {index.path} is damaged ({error}): "
                                         "rebuilding it from the corpus files"])
            delete_index(index.path)
            index = CorpusIndex.open(index.path)
            with update_lock(index.path):
                problems = _sync_locked(index, corpus_root, topics_file, taxonomy, stated, report,
                                        progress=progress, cancel=cancel, workers=workers)
    except BaseException:
        index.rollback()
        if opened_here:
            index.close()
        raise
    if document is not None:
        known = set(index.source_ids())
        for source_id in stated:
            if source_id not in known and not any(Path(str(p.file)).stem == source_id for p in problems if p.file):
                problems.append(document.problem(("sources", source_id), f"no article file for source {source_id!r}",
                                                 hint=did_you_mean(source_id, known)))
    report.seconds = time.perf_counter() - started
    return index, report, problems


def _sync_locked(index: CorpusIndex, corpus_root: Path, topics_file: Path, taxonomy: Taxonomy,
                 stated: dict[str, dict[str, object]], report: SyncReport, *, progress: ProgressCallback | None,
                 cancel: Callable[[], bool] | None, workers: int | None) -> list[Problem]:
    taxonomy_hash = taxonomy_fingerprint(taxonomy)
    tagged_with = index.info("taxonomy")
    retag_all = tagged_with not in (None, taxonomy_hash)
    if retag_all:
        why = "the last re-tagging was stopped" if tagged_with == _MIXED_TAGS else f"{topics_file.name} changed"
        report.notices.append(f"{why}: re-tagging every source from its stored text")
    scan = _scan(corpus_root, stated, taxonomy_hash)
    if index.info(_SETTLED_SCAN) == scan.digest:
        # Nothing changed since a sync that left the index complete: no stamp needs comparing.
        report.unchanged = index.source_count()
        index.probe_sources()  # make sure the table itself reads
        return index.failures()
    plan = _plan(index, corpus_root, scan, stated, retag_all)
    report.unchanged = plan.unchanged
    settled = (not plan.removals and not plan.forgotten_failures and not plan.touched and not plan.reads
               and not plan.retags and index.info("engine") == engine_fingerprint()
               and index.info("corpus") == str(corpus_root) and tagged_with == taxonomy_hash)
    if settled:  # nothing to write but the digest: a re-run or a brief on an unchanged corpus only reads
        index.probe_sources()  # the stamps came from an index: make sure the table itself reads
        if not plan.problems:
            index.begin()
            index.set_info(_SETTLED_SCAN, scan.digest)
            index.commit()
        return plan.problems + index.failures()
    index.begin()
    index.set_info(_SETTLED_SCAN, "")
    index.set_info("engine", engine_fingerprint())
    index.set_info("corpus", str(corpus_root))
    # Which taxonomy tagged what is stored must be true even if this sync is cancelled: a new index is
    # tagged with this one from its first source on; while every source is re-tagged, the index holds a
    # mix, which no taxonomy file matches, so the next sync re-tags them all again.
    index.set_info("taxonomy", taxonomy_hash if tagged_with is None else _MIXED_TAGS if retag_all else tagged_with)
    for source_id in plan.removals:
        index.remove_source(source_id)
    report.removed = len(plan.removals)
    for name in plan.forgotten_failures:
        index.forget_failure(name)
    for source_id, stamp in plan.touched.items():
        index.update_stamp(source_id, stamp)
    report.unchanged += len(plan.touched)
    index.commit()

    tasks: list[_ReadTask | _RetagTask] = list(plan.reads)
    if plan.retags:
        for source in index.load_sources(plan.retags):
            tasks.append(_RetagTask(source.detached(), plan.retag_stamps[source.id]))
    total = len(tasks)
    if total:
        _run(index, tasks, corpus_root, taxonomy, report, progress=progress, cancel=cancel,
             workers=workers)
    index.begin()
    index.set_info("taxonomy", taxonomy_hash)
    if not plan.problems:  # the index now holds the files as this scan saw them
        index.set_info(_SETTLED_SCAN, scan.digest)
    index.commit()
    return plan.problems + index.failures()


def _run(index: CorpusIndex, tasks: list[_ReadTask | _RetagTask], corpus_root: Path, taxonomy: Taxonomy,
         report: SyncReport, *, progress: ProgressCallback | None,
         cancel: Callable[[], bool] | None, workers: int | None) -> None:
    total = len(tasks)
    done = 0
    cores = workers if workers is not None else (os.cpu_count() or 1)
    if progress:
        progress(0, total, "indexing")

    def results():
        if cores <= 1 or total < PARALLEL_FROM:
            _worker_state["taxonomy"] = taxonomy
            _worker_state["corpus_root"] = corpus_root
            for task in tasks:
                yield [_do(task)]
            return
        batch = max(4, min(32, total // (cores * 8)))
        batches = [tasks[i:i + batch] for i in range(0, total, batch)]
        with ProcessPoolExecutor(max_workers=cores, mp_context=_worker_context(), initializer=_init_worker,
                                 initargs=(taxonomy, corpus_root)) as pool:
            pending: list[Future] = []
            try:
                ahead = cores * 3
                queue = iter(batches)
                for chunk in queue:
                    pending.append(pool.submit(_do_batch, chunk))
                    if len(pending) >= ahead:
                        break
                while pending:
                    first = pending.pop(0)
                    yield first.result()
                    nxt = next(queue, None)
                    if nxt is not None:
                        pending.append(pool.submit(_do_batch, nxt))
            finally:
                for future in pending:
                    future.cancel()

    last_commit = time.perf_counter()
    empty = index.source_count() == 0  # a first ingest: nothing stored to replace
    outcomes = results()
    index.begin()
    try:
        for outcome_batch in outcomes:
            for outcome in outcome_batch:
                if isinstance(outcome, _Failed):
                    index.remove_source(Path(outcome.stamp.file).stem)
                    index.record_failure(outcome.stamp.file, outcome.stamp.mtime_ns, outcome.stamp.size,
                                         outcome.stamp.stated_hash, outcome.problems)
                    report.failed += 1
                else:
                    index.store(outcome, new=empty)
                    if isinstance(tasks[done], _ReadTask):
                        report.read += 1
                    else:
                        report.retagged += 1
                done += 1
            if progress:
                progress(done, total, "indexing")
            if time.perf_counter() - last_commit > COMMIT_EVERY_S:
                index.commit()
                index.begin()
                last_commit = time.perf_counter()
            if cancel is not None and cancel():
                index.commit()
                raise Cancelled(f"indexing stopped after {done} of {total} articles; what was done is kept")
        index.commit()
    except BaseException:
        index.rollback()
        raise
    finally:
        outcomes.close()
