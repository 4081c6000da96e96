"""The analyst's own annotations: excerpts they chose and automatic ones they rejected.

One YAML file per source, ``seeds/annotations/<source id>.yaml``, readable and
diff-friendly. Each annotation is anchored twice: by the quoted text with some
context around it, and by offsets into the canonical text. When the text
changes (better cleaning, an updated article) the quote and context re-attach
it; what cannot be re-attached is reported, never dropped silently.

Annotations always override the rules: an analyst's excerpt replaces the
automatic excerpts it overlaps, and a rejection removes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pydantic
import yaml

from brief.atomic import update_lock, write_atomic
from brief.errors import Problem, UserError, counted, did_you_mean
from brief.taxonomy import Taxonomy
from brief.validation import validate_document
from brief.yamlfile import YamlDocument, load_yaml_file

CONTEXT_CHARS = 40
"""Characters of context kept on each side of a quote."""

Action = Literal["excerpt", "reject"]


class Annotation(pydantic.BaseModel):
    """One analyst decision about a span of a source's canonical text."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)
    action: Action
    """``excerpt``: make this span an excerpt with these tags; ``reject``: drop automatic excerpts here."""
    quote: str = pydantic.Field(min_length=1)
    """The span's text, exactly as in the canonical text."""
    context_before: str = ""
    context_after: str = ""
    start: int = pydantic.Field(ge=0)
    end: int = pydantic.Field(ge=0)
    topics: list[str] = []
    section: str | None = None
    note: str = ""


class AnnotationFile(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    source: str
    annotations: list[Annotation] = []


@dataclass(frozen=True)
class AnchoredAnnotation:
    """An annotation placed on the current canonical text."""

    annotation: Annotation
    start: int
    end: int
    moved: bool
    """True when the offsets were stale and the quote re-attached it elsewhere."""


@dataclass
class SourceAnnotations:
    """What one source's annotation file says, placed on the source's text."""

    source_id: str
    path: Path
    anchored: list[AnchoredAnnotation]
    problems: list[Problem]
    """Annotations that could not be re-attached, and bad tags; reported by ``brief check``."""
    relocated: list[Problem] = field(default_factory=list)
    """Annotations re-attached elsewhere after the text changed: information for ``brief check``, not errors."""


def _short(quote: str) -> str:
    return quote if len(quote) <= 80 else quote[:77] + "…"


def annotations_path(corpus_root: Path, source_id: str) -> Path:
    return Path(corpus_root) / "annotations" / f"{source_id}.yaml"


def make_annotation(text: str, start: int, end: int, action: Action, *, topics: list[str] | None = None,
                    section: str | None = None, note: str = "") -> Annotation:
    """An annotation for ``text[start:end]`` with its context, ready to save."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text")
    return Annotation(action=action, quote=text[start:end],
                      context_before=text[max(0, start - CONTEXT_CHARS):start],
                      context_after=text[end:end + CONTEXT_CHARS], start=start, end=end,
                      topics=list(topics or []), section=section, note=note)


def anchor(annotation: Annotation, text: str) -> tuple[int, int, bool] | None:
    """Where ``annotation`` sits in ``text`` now: (start, end, moved), or None if it is gone."""
    if text[annotation.start:annotation.end] == annotation.quote:
        return annotation.start, annotation.end, False
    candidates = [m.start() for m in re.finditer(re.escape(annotation.quote), text)]
    length = len(annotation.quote)
    if not candidates:
        # Tolerate changed white space: match the quote's words in order.
        words = annotation.quote.split()
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
        matches = list(pattern.finditer(text))
        if not matches:
            return None
        best = max(matches, key=lambda m: _context_score(annotation, text, m.start(), m.end()))
        return best.start(), best.end(), True
    best_start = max(candidates, key=lambda s: (_context_score(annotation, text, s, s + length),
                                                -abs(s - annotation.start)))
    return best_start, best_start + length, True


def _context_score(annotation: Annotation, text: str, start: int, end: int) -> int:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    score = 0
    for mine, theirs in ((annotation.context_before[::-1], before[::-1]), (annotation.context_after, after)):
        for a, b in zip(mine, theirs, strict=False):
            if a != b:
                break
            score += 1
    return score


def load_source_annotations(corpus_root: Path, source_id: str, text: str,
                            taxonomy: Taxonomy) -> SourceAnnotations:
    """Read one source's annotations and place them on ``text``; problems are collected."""
    path = annotations_path(corpus_root, source_id)
    result = SourceAnnotations(source_id=source_id, path=path, anchored=[], problems=[])
    if not path.exists():
        return result
    try:
        document = load_yaml_file(path)
        parsed = validate_document(AnnotationFile, document, what="annotation file")
    except UserError as error:
        result.problems.extend(error.problems)
        return result
    if parsed.source != source_id:
        result.problems.append(document.problem(("source",), f"this file is for source {source_id!r}",
                                                value=parsed.source))
    for index, annotation in enumerate(parsed.annotations):
        bad = _check_tags(document, index, annotation, taxonomy)
        if bad:
            result.problems.extend(bad)
            continue
        placed = anchor(annotation, text)
        if placed is None:
            result.problems.append(document.problem(
                ("annotations", index), f"cannot re-attach this {annotation.action}: its quote is no longer "
                f"in the text of source {source_id}: “{_short(annotation.quote)}”",
                hint="edit the quote to match the article, or delete the annotation"))
            continue
        start, end, moved = placed
        result.anchored.append(AnchoredAnnotation(annotation, start, end, moved))
        if moved:
            result.relocated.append(document.problem(
                ("annotations", index), f"{annotation.action} re-attached after the text of source {source_id} "
                f"changed: “{_short(annotation.quote)}” (was at {annotation.start}–{annotation.end}, "
                f"now at {start}–{end})"))
    return result


@dataclass(frozen=True)
class AnnotationReport:
    """What ``brief check`` says about the annotation files beyond the index's problems."""

    relocated: tuple[Problem, ...]
    """Annotations re-attached elsewhere after their source's text changed (information)."""
    orphaned: tuple[Problem, ...]
    """Annotation files whose source is not in the corpus: none of their annotations applies."""


def report_annotations(corpus_root: Path, source_ids: set[str], text_of: Callable[[str], str],
                       taxonomy: Taxonomy) -> AnnotationReport:
    """Every annotation file placed on its source's current text: which moved, which have no source.

    Reads only the sources that have an annotation file. Annotations that cannot be re-attached
    at all are the index's problems already (``Workspace.problems``), so they are not repeated.
    """
    folder = Path(corpus_root) / "annotations"
    relocated: list[Problem] = []
    orphaned: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if path.stem not in source_ids:
            count = _count_annotations(path)
            orphaned.append(Problem(
                f"annotations for source {path.stem}, which is not in the corpus: "
                f"{counted(count, 'annotation') if count is not None else 'its annotations'} not applied", file=path,
                hint="put the article back, or delete the file if the annotations are no longer wanted"))
            continue
        relocated.extend(load_source_annotations(corpus_root, path.stem, text_of(path.stem), taxonomy).relocated)
    return AnnotationReport(tuple(relocated), tuple(orphaned))


def _count_annotations(path: Path) -> int | None:
    try:
        data = load_yaml_file(path).data
    except UserError:
        return None
    items = data.get("annotations") if isinstance(data, dict) else None
    return len(items) if isinstance(items, list) else None


def _check_tags(document: YamlDocument, index: int, annotation: Annotation,
                taxonomy: Taxonomy) -> list[Problem]:
    problems = []
    for position, topic in enumerate(annotation.topics):
        if topic not in taxonomy.topic_ids():
            problems.append(document.problem(("annotations", index, "topics", position), "unknown topic",
                                             value=topic, hint=did_you_mean(topic, taxonomy.topic_ids())))
    if annotation.section is not None and annotation.section not in taxonomy.section_ids():
        problems.append(document.problem(("annotations", index, "section"), "unknown section",
                                         value=annotation.section,
                                         hint=did_you_mean(annotation.section, taxonomy.section_ids())))
    if annotation.end <= annotation.start:
        problems.append(document.problem(("annotations", index, "end"), "end must be after start",
                                         value=annotation.end))
    return problems


def dump_annotations(source_id: str, annotations: list[Annotation]) -> str:
    """The file text: a header comment, then one block per annotation."""
    header = (f"# Analyst annotations for source {source_id}.\n"
              "# action: excerpt (this span is an excerpt with these tags) or reject (drop the\n"
              "# automatic excerpts here). The quote and its context re-attach an annotation\n"
              "# when the article's text changes; start/end are offsets into the cleaned text.\n")
    body = {"source": source_id,
            "annotations": [annotation.model_dump(exclude_defaults=False) for annotation in annotations]}
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def save_annotations(corpus_root: Path, source_id: str, annotations: list[Annotation]) -> Path:
    """Write one source's annotations atomically; returns the file written."""
    path = annotations_path(corpus_root, source_id)
    write_atomic(path, dump_annotations(source_id, annotations))
    return path


def read_annotations(corpus_root: Path, source_id: str) -> list[Annotation]:
    """The annotations stored for a source, as written (an empty list when there is no file)."""
    path = annotations_path(corpus_root, source_id)
    if not path.exists():
        return []
    document = load_yaml_file(path)
    return list(validate_document(AnnotationFile, document, what="annotation file").annotations)


def add_annotation(corpus_root: Path, source_id: str, annotation: Annotation) -> Path:
    """Append one annotation to the source's file (replacing one on the same span and action).

    The file is re-read under a lock, so a concurrent writer's annotations are kept, not overwritten.
    """
    with update_lock(annotations_path(corpus_root, source_id)):
        existing = [a for a in read_annotations(corpus_root, source_id)
                    if not (a.action == annotation.action and a.start == annotation.start
                            and a.end == annotation.end)]
        return save_annotations(corpus_root, source_id, [*existing, annotation])


def remove_annotations(corpus_root: Path, source_id: str, text: str, start: int, end: int) -> int:
    """Delete the annotations that sit over ``start``–``end`` of ``text``; returns how many went."""
    with update_lock(annotations_path(corpus_root, source_id)):
        return _remove_annotations(corpus_root, source_id, text, start, end)


def _remove_annotations(corpus_root: Path, source_id: str, text: str, start: int, end: int) -> int:
    existing = read_annotations(corpus_root, source_id)

    def overlaps(annotation: Annotation) -> bool:
        placed = anchor(annotation, text)
        return placed is not None and placed[0] < end and start < placed[1]

    kept = [a for a in existing if not overlaps(a)]
    if len(kept) != len(existing):
        save_annotations(corpus_root, source_id, kept)
    return len(existing) - len(kept)
