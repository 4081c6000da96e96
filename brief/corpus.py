"""The corpus: the article files in one folder, each read, cleaned and described.

``seeds/`` (or any folder given with ``--corpus``) holds the articles,
``sources.yaml`` with metadata an analyst checked, and ``annotations/``. A file
that cannot be read is reported and left out; the rest of the corpus still loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from brief.cleaning import DroppedLine, clean_article
from brief.errors import Problem, UserError, did_you_mean, first_few
from brief.metadata import SourceMeta, infer_metadata, merge_metadata, normalise_stated, stated_form
from brief.readers import ARTICLE_SUFFIXES, META_KEYS, read_article
from brief.yamlfile import YamlDocument, load_yaml_file

if TYPE_CHECKING:
    from brief.findings_cache import FindingsStore

SOURCES_FILE = "sources.yaml"
ANNOTATIONS_DIR = "annotations"


class Source:
    """One article of the corpus, cleaned, with its metadata.

    A source read from the index carries its metadata only; its text and
    dropped lines are fetched the first time they are asked for, so that a
    corpus of thousands of articles costs memory only for what is read.
    """

    __slots__ = ("id", "path", "format", "content_hash", "meta", "notes", "_text", "_dropped", "_text_hash",
                 "_first_line", "_fetch")

    def __init__(self, *, id: str, path: Path, format: str, content_hash: str, meta: SourceMeta,
                 text: str | None = None, dropped: tuple[DroppedLine, ...] = (), notes: tuple[str, ...] = (),
                 text_hash: str | None = None, first_line: str | None = None,
                 fetch: Callable[[str], tuple[str, tuple[DroppedLine, ...]]] | None = None) -> None:
        if text is None and fetch is None:
            raise ValueError("a source needs its text or a way to fetch it")
        self.id = id
        """The file name without its extension; stable, and what recipes name."""
        self.path = path
        self.format = format
        self.content_hash = content_hash
        """SHA-256 of the file as given."""
        self.meta = meta
        self.notes = notes
        self._text = text
        self._dropped = dropped if text is not None else None
        self._text_hash = text_hash
        self._first_line = first_line
        self._fetch = fetch

    def _load(self) -> None:
        assert self._fetch is not None
        self._text, self._dropped = self._fetch(self.id)

    @property
    def text(self) -> str:
        """The canonical text: every excerpt offset is taken on it."""
        if self._text is None:
            self._load()
        assert self._text is not None
        return self._text

    @property
    def dropped(self) -> tuple[DroppedLine, ...]:
        if self._dropped is None:
            self._load()
        assert self._dropped is not None
        return self._dropped

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    @property
    def date_is_mentioned(self) -> bool:
        """Whether :attr:`date` is only the latest date the text mentions (:data:`~brief.metadata.MENTIONED_DATE`):
        a guess, shown as one."""
        return self.meta.date_is_mentioned

    @property
    def date_is_earliest(self) -> bool:
        """Whether :attr:`date` is only the earliest the article can have appeared (see :mod:`brief.metadata`)."""
        return self.meta.date_is_earliest

    @property
    def text_hash(self) -> str:
        """Identity of the cleaned content: two copies of an article share it."""
        if self._text_hash is None:
            self._text_hash = normalised_text_hash(self.text)
        return self._text_hash

    @property
    def first_line(self) -> str:
        if self._first_line is None:
            self._first_line = self.text.split("\n", 1)[0]
        return self._first_line

    def display_title(self) -> str:
        if self.meta.title.known:
            return str(self.meta.title.value)
        words = self.first_line.split()
        return "Untitled: “" + " ".join(words[:10]) + ("…" if len(words) > 10 else "") + "”"

    def detached(self) -> Source:
        """The same source with its text in hand and no tie to the index (to send to another process)."""
        return Source(id=self.id, path=self.path, format=self.format, content_hash=self.content_hash,
                      meta=self.meta, text=self.text, dropped=self.dropped, notes=self.notes,
                      text_hash=self._text_hash, first_line=self._first_line)

    def __repr__(self) -> str:
        return f"Source({self.id!r}, {self.path.name!r})"


def normalised_text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()


class SourceCatalog(Protocol):
    """Where a corpus's sources come from when they are not all in memory: the index."""

    def source_ids(self) -> list[str]: ...
    def source_dates(self) -> dict[str, dt.date | None]: ...
    def load_sources(self, ids: Iterable[str] | None = None) -> list[Source]: ...


class Corpus:
    """The sources of one corpus folder, in id order, and what could not be loaded.

    Either held in memory (``load_corpus``) or read from the index on demand
    (``load_workspace``); the questions asked of it are the same.
    """

    def __init__(self, root: Path, sources: list[Source] | None = None, problems: list[Problem] | None = None,
                 *, catalog: SourceCatalog | None = None, findings: FindingsStore | None = None) -> None:
        self.root = root
        self.findings = findings
        """Where the analyst's sections keep what they found in its sources (the index), if anywhere."""
        self.problems: list[Problem] = problems if problems is not None else []
        """Files left out and why; shown as warnings, never fatal."""
        self._sources = sources if sources is not None or catalog is not None else []
        self._catalog = catalog
        self._by_id: dict[str, Source] | None = None

    @property
    def sources(self) -> list[Source]:
        """Every source; from the index this reads the metadata of all of them."""
        if self._sources is None:
            assert self._catalog is not None
            self._sources = self._catalog.load_sources()
        return self._sources

    def __len__(self) -> int:
        return len(self.ids())

    def ids(self) -> list[str]:
        if self._sources is None and self._catalog is not None:
            return self._catalog.source_ids()
        return [source.id for source in self.sources]

    def dates(self) -> dict[str, dt.date | None]:
        """Source id → publication date (None when unknown), without reading any text."""
        if self._sources is None and self._catalog is not None:
            return self._catalog.source_dates()
        return {source.id: source.date for source in self.sources}

    def by_id(self) -> dict[str, Source]:
        if self._by_id is None or len(self._by_id) != len(self.sources):
            self._by_id = {source.id: source for source in self.sources}
        return self._by_id

    def source(self, source_id: str) -> Source:
        """One source by its exact id (KeyError if there is none)."""
        if self._sources is None and self._catalog is not None:
            found = self._catalog.load_sources([source_id])
            if not found:
                raise KeyError(source_id)
            return found[0]
        return self.by_id()[source_id]

    def sources_named(self, ids: Iterable[str]) -> list[Source]:
        """The sources with these ids, in id order; unknown ids are skipped."""
        if self._sources is None and self._catalog is not None:
            return self._catalog.load_sources(ids)
        wanted = set(ids)
        return [source for source in self.sources if source.id in wanted]

    def get(self, reference: str) -> Source:
        """A source by id, or by a prefix that names exactly one source."""
        ids = self.ids()
        known = set(ids)
        if reference in known:
            return self.source(reference)
        stem = Path(reference).stem
        if stem in known:
            return self.source(stem)
        matches = [sid for sid in ids if sid.startswith(reference)]
        if len(matches) == 1:
            return self.source(matches[0])
        if matches:
            raise UserError(f"{reference!r} names several sources: {first_few(matches)}", hint="give more of the id")
        raise UserError(Problem(f"no source {reference!r} in {self.root}",
                                hint=did_you_mean(reference, ids) or "see `brief sources`"))


def article_entries(root: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """The article files in ``root`` and its subfolders, as (path relative to ``root``, entry), in path order.

    A corpus of years is often kept in folders by year or month. Hidden files and
    folders, and the annotations folder, are not articles; links to folders are
    not followed (a link can loop). A source's id is its file name's stem,
    wherever the file sits.
    """
    found: list[tuple[str, os.DirEntry[str]]] = []
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name[0] == ".":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if not (prefix == "" and name == ANNOTATIONS_DIR):
                        folders.append((f"{prefix}{name}/", entry.path))
                    continue
                stem, _, suffix = name.rpartition(".")
                if stem and "." + suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((prefix + name, entry))
    found.sort(key=lambda pair: pair[0])
    return found


def article_paths(root: Path) -> list[Path]:
    """The article files in ``root`` and its subfolders, in path order."""
    if not root.is_dir():
        raise UserError(no_corpus_folder(root))
    return [root / relative for relative, _ in article_entries(root)]


def no_corpus_folder(root: Path) -> Problem:
    """What is wrong with a corpus folder that is not one: missing, or a file (``--corpus briefings/weekly.yaml``)."""
    if root.exists():
        return Problem("the corpus is a file, not a folder", file=root,
                       hint="pass --corpus DIR, the folder that holds the articles")
    return Problem("corpus folder not found", file=root, hint="pass --corpus DIR, or run from the project folder")


def load_stated_metadata(root: Path) -> tuple[dict[str, dict[str, object]], YamlDocument | None]:
    """``sources.yaml``: per-source metadata checked by hand (may be absent)."""
    path = root / SOURCES_FILE
    if not path.exists():
        return {}, None
    document = load_yaml_file(path)
    data = document.data or {}
    if not isinstance(data, dict) or not isinstance(data.get("sources", {}), dict):
        raise UserError(document.problem((), "expected a mapping `sources:` of source ids to metadata"))
    problems: list[Problem] = []
    stated: dict[str, dict[str, object]] = {}
    for key in data:
        if key != "sources":
            problems.append(document.problem((key,), f"unknown key {key!r}", hint="did you mean 'sources'?"))
    for source_id, entry in (data.get("sources") or {}).items():
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            problems.append(document.problem(("sources", source_id), "expected a mapping of metadata",
                                             value=entry))
            continue
        for key, value in entry.items():
            path_ = ("sources", source_id, key)
            if key == "note":
                continue
            if key not in META_KEYS:
                problems.append(document.problem(path_, f"unknown key {key!r}",
                                                 hint=did_you_mean(key, [*META_KEYS, "note"])))
            elif value is not None and normalise_stated(key, value) is None:
                problems.append(document.problem(path_, f"expected {stated_form(key)}", value=value))
        stated[str(source_id)] = entry
    if problems:
        raise UserError(problems)
    return stated, document


def load_source(path: Path, stated: dict[str, object] | None = None) -> Source:
    """Read, clean and describe one article file."""
    article = read_article(path)
    known_title = article.stated.get("title") or article.page_meta.get("title")
    cleaned = clean_article(article.text, known_title=str(known_title) if known_title else None)
    if not cleaned.text.strip():
        raise UserError(_nothing_left(path, cleaned.dropped))
    layers = (("sources.yaml", stated or {}), ("front matter", article.stated), ("page metadata", article.page_meta))
    dated = any(normalise_stated("published", layer["published"]) is not None
                for _, layer in layers if layer.get("published") is not None)
    meta = merge_metadata(*layers, inferred=infer_metadata(cleaned, dated=dated))
    return Source(id=path.stem, path=path, format=article.format, content_hash=article.content_hash,
                  text=cleaned.text, dropped=cleaned.dropped, meta=meta, notes=tuple(article.notes))


def _nothing_left(path: Path, dropped: Sequence[DroppedLine]) -> Problem:
    """Why an article has no text left, with what the cleaner dropped: the article is not loaded, so ``brief show
    --dropped`` cannot show it."""
    if not dropped:  # a Markdown file of only a table or an image
        return Problem("no article text found: brief reads paragraphs, and leaves out data tables and images",
                       file=path, hint="put the article's text in the file")
    lines = [f"line {line.line} ({line.reason})" for line in dropped]
    return Problem("nothing is left of this article once its boilerplate is removed", file=path,
                   hint=f"the cleaner dropped {first_few(lines, 5)}: an article needs at least one paragraph "
                        "of its own text")


def load_corpus(root: Path) -> Corpus:
    """Every article in ``root``; unreadable ones become problems, not failures."""
    root = Path(root)
    stated, document = load_stated_metadata(root)
    corpus = Corpus(root=root, sources=[])
    seen_ids: dict[str, Path] = {}
    resolved_root = root.resolve()
    for path in article_paths(root):
        if path.is_symlink() and resolved_root not in path.resolve().parents:
            corpus.problems.append(Problem("left out: a link to a file outside the corpus folder", file=path,
                                           hint="copy the article in with `brief add` instead"))
            continue
        if path.stem in seen_ids:
            corpus.problems.append(Problem(f"left out: same id as {seen_ids[path.stem].name}", file=path,
                                           hint="rename one of the two files"))
            continue
        try:
            source = load_source(path, stated.get(path.stem))
        except UserError as error:
            corpus.problems.extend(error.problems)
            continue
        seen_ids[path.stem] = path
        corpus.sources.append(source)
    if document is not None:
        for source_id in stated:
            if source_id not in seen_ids:
                corpus.problems.append(document.problem(
                    ("sources", source_id), f"no article file for source {source_id!r}",
                    hint=did_you_mean(source_id, seen_ids)))
    return corpus


@dataclass(frozen=True)
class AddedArticle:
    """The outcome of adding one file to the corpus."""

    source: Source
    copied_to: Path


def add_articles(root: Path, paths: list[Path], *, corpus: Corpus | None = None
                 ) -> tuple[list[AddedArticle], list[Problem]]:
    """Copy new articles into the corpus as given, refusing duplicates of what is there.

    ``corpus`` is the corpus at ``root`` as already loaded (from the index, whose
    hashes need no article read again); without it the folder is read.
    """
    corpus = corpus if corpus is not None else load_corpus(root)
    by_raw = {source.content_hash: source for source in corpus.sources}
    by_text = {source.text_hash: source for source in corpus.sources}
    ids = {source.id for source in corpus.sources}
    added: list[AddedArticle] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        try:
            source = load_source(path)
        except UserError as error:
            problems.extend(error.problems)
            continue
        twin = by_raw.get(source.content_hash) or by_text.get(source.text_hash)
        if twin is not None:
            problems.append(Problem(f"not added: same content as source {twin.id} ({twin.path.name})",
                                    file=path))
            continue
        target = root / path.name
        if target.exists() or path.stem in ids:
            problems.append(Problem(f"not added: the corpus already has a file named {path.stem}.*",
                                    file=path, hint="rename the file and add it again"))
            continue
        tmp = target.with_name(f".{target.name}.adding")
        shutil.copyfile(path, tmp)
        tmp.replace(target)
        copied = load_source(target)
        added.append(AddedArticle(source=copied, copied_to=target))
        by_raw[copied.content_hash] = copied
        by_text[copied.text_hash] = copied
        ids.add(copied.id)
    return added, problems
