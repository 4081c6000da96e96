"""The corpus: the article files in one folder, each read, cleaned and described.

``seeds/`` (or any folder given with ``--corpus``) holds the articles,
``sources.yaml`` with metadata an analyst checked, and ``annotations/``. A file
that cannot be read is reported and left out; the rest of the corpus still loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from brief.cleaning import DroppedLine, clean_article
from brief.errors import Problem, UserError, did_you_mean
from brief.metadata import RELIABILITY_GRADES, SourceMeta, infer_metadata, merge_metadata, normalise_stated
from brief.readers import META_KEYS, article_format, read_article
from brief.yamlfile import YamlDocument, load_yaml_file

SOURCES_FILE = "sources.yaml"
ANNOTATIONS_DIR = "annotations"


@dataclass(frozen=True)
class Source:
    """One article of the corpus, cleaned, with its metadata."""

    id: str
    """The file name without its extension; stable, and what recipes name."""
    path: Path
    format: str
    content_hash: str
    """SHA-256 of the file as given."""
    text: str
    """The canonical text: every excerpt offset is taken on it."""
    dropped: tuple[DroppedLine, ...]
    meta: SourceMeta
    notes: tuple[str, ...] = ()

    @property
    def date(self) -> dt.date | None:
        return self.meta.date

    @property
    def text_hash(self) -> str:
        """Identity of the cleaned content: two copies of an article share it."""
        return hashlib.sha256(" ".join(self.text.split()).casefold().encode()).hexdigest()

    def display_title(self) -> str:
        if self.meta.title.known:
            return str(self.meta.title.value)
        first = self.text.split("\n", 1)[0]
        words = first.split()
        return "Untitled: “" + " ".join(words[:10]) + ("…" if len(words) > 10 else "") + "”"


@dataclass
class Corpus:
    """All sources of one corpus folder, in id order, and what could not be loaded."""

    root: Path
    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)
    """Files left out and why; shown as warnings, never fatal."""

    def by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    def get(self, reference: str) -> Source:
        """A source by id, or by a prefix that names exactly one source."""
        sources = self.by_id()
        if reference in sources:
            return sources[reference]
        stem = Path(reference).stem
        if stem in sources:
            return sources[stem]
        matches = [sid for sid in sources if sid.startswith(reference)]
        if len(matches) == 1:
            return sources[matches[0]]
        if matches:
            raise UserError(f"{reference!r} names several sources: {', '.join(matches)}",
                            hint="give more of the id")
        raise UserError(Problem(f"no source {reference!r} in {self.root}",
                                hint=did_you_mean(reference, sources) or "see `brief sources`"))



def article_paths(root: Path) -> list[Path]:
    """The article files directly in ``root``, in name order."""
    if not root.is_dir():
        raise UserError(Problem("corpus folder not found", file=root,
                                hint="pass --corpus DIR, or run from the project folder"))
    return sorted(path for path in root.iterdir()
                  if article_format(path) and not path.name.startswith("."))


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
                expected = {"published": "a date as YYYY-MM-DD",
                            "reliability": "a grade " + "–".join(RELIABILITY_GRADES[::5])}.get(key, "text")
                problems.append(document.problem(path_, f"expected {expected}", value=value))
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
        raise UserError(Problem("nothing is left of this article once its boilerplate is removed",
                                file=path, hint=f"see what was dropped: brief show {path.stem} --dropped"))
    meta = merge_metadata(("sources.yaml", stated or {}), ("front matter", article.stated),
                          ("page metadata", article.page_meta), inferred=infer_metadata(cleaned))
    return Source(id=path.stem, path=path, format=article.format, content_hash=article.content_hash,
                  text=cleaned.text, dropped=cleaned.dropped, meta=meta, notes=tuple(article.notes))


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


def add_articles(root: Path, paths: list[Path]) -> tuple[list[AddedArticle], list[Problem]]:
    """Copy new articles into the corpus as given, refusing duplicates of what is there."""
    corpus = load_corpus(root)
    by_raw = {source.content_hash: source for source in corpus.sources}
    by_text = {source.text_hash: source for source in corpus.sources}
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
        if target.exists() or any(s.id == path.stem for s in corpus.sources):
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
        corpus.sources.append(copied)
    return added, problems
