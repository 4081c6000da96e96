"""The manifest of an edition: what one build of a recipe used and what it put in the brief.

Every build writes ``<out>/<recipe>-<as-of>.manifest.json`` beside its outputs,
atomically and after them, so a manifest only ever describes files that exist.
It holds the recipe's text as used (so the edition can be rebuilt after the
recipe file changed), the as-of date and window, the template, the content
hash of every source the brief cites and of the window's sources (up to
:data:`MAX_WINDOW_SOURCES`), the excerpt ids of every item per section, the
Markdown's hash, and the previous edition it was compared with — enough to mark
the next edition's new items, list what dropped out, and rebuild this one.

The manifest is plain JSON written by brief, read back with the same checks as
any input: a damaged file is reported with its place, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import pydantic

from brief import __version__
from brief.annotations import annotations_path
from brief.atomic import write_atomic
from brief.briefing import Briefing, BriefItem
from brief.corpus import Corpus
from brief.errors import Problem, UserError
from brief.recipe import Recipe, Window
from brief.validation import validate_document
from brief.yamlfile import YamlDocument

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_KIND: Final = "brief edition manifest"
MANIFEST_VERSION = 1
KEY_POINTS = "key-points"
"""The section id under which the manifest records the key points."""
MAX_WINDOW_SOURCES = 2000
"""The window's uncited sources are recorded up to this many (a whole-archive window of a
10,000-article corpus would otherwise read every source's record on every build)."""
MAX_MANIFEST_BYTES = 50_000_000


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_hash(path: Path) -> str | None:
    """SHA-256 of a file's bytes; None when there is no such file."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def first_file_hash(folders: list[Path], name: str) -> str | None:
    """SHA-256 of the first ``folder/name`` that exists (how templates are looked up)."""
    for folder in folders:
        if (folder / name).is_file():
            return file_hash(folder / name)
    return None


class _Record(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class ItemRecord(_Record):
    """One item of an edition."""

    section: str
    """The section it stood in (``key-points`` for a key point)."""
    excerpt_ids: list[str]
    """Every excerpt merged into the item; the first is the one whose text is shown."""
    text: str
    sources: list[str]
    """The ids of the sources it cited, in citation order."""
    new: bool = False
    """Marked new in that edition."""
    new_sources: list[str] = []
    """Of an item not marked new, the sources it cited for the first time in that edition."""
    restates: list[str] = []
    """The excerpt ids of the previous edition's item whose claim it made under other excerpts."""


class SourceRecord(_Record):
    """A source as the edition found it."""

    content_hash: str
    """SHA-256 of the article file as it was read."""
    title: str
    published: str | None = None
    """The publication date as the brief shows it, when known."""
    annotations_hash: str | None = None
    """SHA-256 of the analyst's annotation file for the source, when there was one."""
    cited: bool = False

    def label(self) -> str:
        """How a brief names it: "title, date" ("title" when its date was unknown)."""
        return f"{self.title}, {self.published}" if self.published else self.title


def source_label(source_id: str, record: SourceRecord | None) -> str:
    """How a brief names a source an edition recorded (its id when the edition did not record it)."""
    return record.label() if record is not None else source_id


class RecipeRecord(_Record):
    name: str
    """The recipe's name (its file name without ``.yaml``): the editions' file names start with it."""
    path: str
    """The recipe file, relative to the project folder when inside it."""
    text: str
    """The recipe as used, in full: the file's text, or the composition's when it was unsaved."""


class WindowRecord(_Record):
    start: dt.date | None = None
    end: dt.date | None = None
    label: str
    not_after: dt.date | None = None
    """The whole corpus as of this day: sources dated later were not in the window."""


class PreviousEdition(_Record):
    """The edition a build was compared with: enough to redo the comparison without its files."""

    manifest: str
    """Its manifest's file name."""
    markdown_file: str
    as_of: dt.date
    markdown_sha256: str
    reported_ids: list[str]
    """Excerpt ids it reported: those of its items and those it held back as already reported."""
    items: list[ItemRecord]
    sources: dict[str, SourceRecord]
    """Its cited sources, so that dropped items can name theirs."""
    window_sources: dict[str, str] | None = None
    """Every source in its window, id → content hash: an item all of whose sources it had, unchanged, is not news
    since then. None in a manifest written before this was recorded, or when its window was too large to record."""


class Manifest(_Record):
    """Everything one build of a recipe used and made."""

    kind: Literal["brief edition manifest"] = MANIFEST_KIND
    version: Literal[1] = 1
    brief_version: str
    recipe: RecipeRecord
    as_of: dt.date
    window: WindowRecord
    template: str
    template_sha256: str | None = None
    """SHA-256 of the Markdown template the brief was rendered with."""
    rules_sha256: str | None = None
    """SHA-256 of the topics file (the tagging rules) in force."""
    formats: list[str]
    markdown_file: str
    markdown_sha256: str
    window_source_count: int
    """Sources inside the window and the recipe's source filter."""
    window_sources_complete: bool
    """Every source of the window is in ``sources``; false past :data:`MAX_WINDOW_SOURCES`."""
    sources: dict[str, SourceRecord]
    """The cited sources and the window's, by id."""
    items: list[ItemRecord]
    """Key points first, then each section's items, in the brief's order."""
    held_back: list[str] = []
    """Excerpt ids ``only_new`` left out as reported by an earlier edition."""
    previous: PreviousEdition | None = None
    """The edition this one was compared with; None for a first edition."""

    @property
    def reported_ids(self) -> frozenset[str]:
        """What the next edition counts as already reported."""
        return frozenset(i for item in self.items for i in item.excerpt_ids) | frozenset(self.held_back)

    def as_previous(self, file_name: str) -> PreviousEdition:
        """This edition as the basis of the next one's comparison."""
        return PreviousEdition(manifest=file_name, markdown_file=self.markdown_file, as_of=self.as_of,
                               markdown_sha256=self.markdown_sha256, reported_ids=sorted(self.reported_ids),
                               items=list(self.items),
                               sources={sid: record for sid, record in self.sources.items() if record.cited},
                               window_sources={sid: record.content_hash for sid, record in self.sources.items()}
                               if self.window_sources_complete else None)


def manifest_path(out_dir: Path, stem: str) -> Path:
    return Path(out_dir) / f"{stem}{MANIFEST_SUFFIX}"


def _item_record(item: BriefItem, section: str) -> ItemRecord:
    return ItemRecord(section=section, excerpt_ids=list(item.excerpt_ids), text=item.text,
                      sources=[citation.source_id for citation in item.citations], new=item.new,
                      new_sources=list(item.new_sources), restates=list(item.restates))


def item_records(briefing: Briefing) -> list[ItemRecord]:
    records = [_item_record(item, KEY_POINTS) for item in briefing.key_points]
    return records + [_item_record(item, section.id) for section in briefing.sections for item in section.items]


def _recipe_path_text(recipe: Recipe, root: Path) -> str:
    path = Path(recipe.path)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def make_manifest(*, briefing: Briefing, recipe: Recipe, recipe_text: str, project_root: Path,
                  window: Window, window_ids: list[str], sources: dict[str, SourceRecord], template_sha256: str | None,
                  rules_sha256: str | None, formats: list[str], markdown: str, markdown_file: str,
                  previous: PreviousEdition | None) -> Manifest:
    return Manifest(
        brief_version=__version__,
        recipe=RecipeRecord(name=recipe.name, path=_recipe_path_text(recipe, project_root), text=recipe_text),
        as_of=briefing.as_of, window=WindowRecord(start=window.start, end=window.end, label=window.label,
                                                        not_after=window.not_after),
        template=recipe.spec.template, template_sha256=template_sha256, rules_sha256=rules_sha256,
        formats=list(formats), markdown_file=markdown_file, markdown_sha256=sha256_text(markdown),
        window_source_count=len(window_ids), window_sources_complete=all(sid in sources for sid in window_ids),
        sources=sources, items=item_records(briefing), held_back=list(briefing.held_back_ids), previous=previous)


def source_records(corpus: Corpus, corpus_root: Path, cited: list[str], window_ids: list[str]) -> dict[str, SourceRecord]:
    """Records of the cited sources, and of the window's while they are few enough to read."""
    recorded = set(cited) | (set(window_ids) if len(window_ids) <= MAX_WINDOW_SOURCES else set())
    records: dict[str, SourceRecord] = {}
    for source in corpus.sources_named(recorded):
        published = source.meta.published
        records[source.id] = SourceRecord(
            content_hash=source.content_hash, title=source.display_title(),
            published=published.display() if published.known else None,
            annotations_hash=file_hash(annotations_path(corpus_root, source.id)), cited=source.id in cited)
    return dict(sorted(records.items()))


def write_manifest(path: Path, manifest: Manifest) -> None:
    """Write the manifest atomically, keys in model order, Unicode as is."""
    text = json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"
    write_atomic(path, text)


def read_manifest(path: Path) -> Manifest:
    """Read and check a manifest; every problem is a :class:`UserError` naming the file (and line)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(Problem("manifest not found", file=path,
                                hint="a build writes OUT/RECIPE-DATE.manifest.json beside the brief")) from None
    except OSError as exc:
        raise UserError(Problem(f"cannot read the manifest: {exc.strerror}", file=path)) from None
    if len(raw) > MAX_MANIFEST_BYTES:
        raise UserError(Problem(f"too large for a manifest ({len(raw):,} bytes)", file=path))
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(Problem("not a UTF-8 text file", file=path)) from None
    except json.JSONDecodeError as exc:
        raise UserError(Problem(f"not valid JSON: {exc.msg}", file=path, line=exc.lineno)) from None
    if not isinstance(data, dict) or data.get("kind") != MANIFEST_KIND:
        raise UserError(Problem("not a brief manifest", file=path,
                                hint="give the .manifest.json file that `brief build` wrote beside the brief"))
    if data.get("version") != MANIFEST_VERSION:
        raise UserError(Problem(f"manifest version {data.get('version')!r}: this brief reads version "
                                f"{MANIFEST_VERSION} only", file=path, field="version",
                                hint="rebuild it with the version of brief that wrote it"))
    return validate_document(Manifest, YamlDocument(file=path, data=data), what="manifest")


_EDITION_NAME = re.compile(r"^(?P<name>.+)-(?P<date>\d{4}-\d{2}-\d{2})" + re.escape(MANIFEST_SUFFIX) + "$")


@dataclass(frozen=True)
class PreviousLookup:
    """The previous edition found in an output folder, and the manifests passed over on the way."""

    path: Path | None
    manifest: Manifest | None
    skipped: tuple[Problem, ...] = ()
    """Problems of newer manifests that could not be read, so were not compared with."""


def find_previous_edition(out_dir: Path, recipe_name: str, as_of: dt.date) -> PreviousLookup:
    """The newest readable manifest of ``recipe_name`` in ``out_dir`` dated strictly before ``as_of``.

    Strictly before: building the same date again replaces that edition and compares it with the
    same earlier one, so a re-run gives the same brief and an edition is never compared with itself.
    """
    skipped: list[Problem] = []
    for date, path in _earlier_manifests(out_dir, recipe_name, as_of):
        try:
            manifest = read_manifest(path)
        except UserError as error:
            skipped.extend(Problem(f"{p.message}; this edition was not compared with it", file=p.file,
                                   line=p.line, field=p.field, value=p.value) for p in error.problems)
            continue
        if manifest.recipe.name == recipe_name and manifest.as_of == date:
            return PreviousLookup(path, manifest, tuple(skipped))
    return PreviousLookup(None, None, tuple(skipped))


def _earlier_manifests(out_dir: Path, recipe_name: str, as_of: dt.date) -> list[tuple[dt.date, Path]]:
    """Manifests of ``recipe_name`` in ``out_dir`` dated before ``as_of``, newest first."""
    found: list[tuple[dt.date, Path]] = []
    folder = Path(out_dir)
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{glob_escape(recipe_name)}-*{MANIFEST_SUFFIX}"):
        match = _EDITION_NAME.match(path.name)
        if not match or match.group("name") != recipe_name:
            continue
        try:
            date = dt.date.fromisoformat(match.group("date"))
        except ValueError:
            continue
        if date < as_of:
            found.append((date, path))
    return sorted(found, reverse=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)
