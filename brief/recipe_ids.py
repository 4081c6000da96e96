"""The excerpt ids a recipe names, kept on their passages when an article's text changes.

An excerpt's id is its source and a hash of its text, so a better cleaning rule or
an updated article gives the passage a new id, and the recipe's ``include``,
``exclude``, ``pin``, ``moves`` and ``order`` would no longer find it. So a recipe
also keeps, under ``passages``, the text of each passage it names as it was when
the analyst chose it (the TUI writes it on save). An id that no passage has any
more is re-attached to the passage of the same source whose text is nearest to
the one kept (:data:`REATTACH_SIMILARITY`), when that passage is the only one so
near. ``brief check`` lists each id so re-attached, and reports, with its line,
every id that could not be (:func:`brief.build.unknown_excerpt_problems`): never
dropped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from brief.excerpts import Excerpt
from brief.recipe import RecipeSpec
from brief.workspace import Workspace
from brief.yamlfile import YamlPath

REATTACH_SIMILARITY = 0.8
"""How alike (``difflib`` ratio of the texts, 0–1) a passage must be to the one the recipe kept to take its
place. A changed word, a mended apostrophe or an extra clause in a 30-word passage stays above it; another
sentence of the same paragraph falls far below."""
AMBIGUITY_MARGIN = 0.05
"""A passage re-attaches only when no other passage of its source comes within this of its similarity."""


@dataclass(frozen=True)
class Reattached:
    """An excerpt id of a recipe that now names another passage id, the same passage after its text changed."""

    old_id: str
    new_id: str
    similarity: float


def named_excerpt_ids(spec: RecipeSpec) -> list[tuple[YamlPath, str]]:
    """Every excerpt id the recipe names, with where: ``("include", 0)``, ``("moves", id)``, ``("order", section, 2)``."""
    return [
        *(((key, index), excerpt_id) for key in ("include", "exclude", "pin")
          for index, excerpt_id in enumerate(getattr(spec, key))),
        *((("moves", excerpt_id), excerpt_id) for excerpt_id in spec.moves),
        *((("order", section_id, index), excerpt_id) for section_id, ids in spec.order.items()
          for index, excerpt_id in enumerate(ids))]


def source_of(excerpt_id: str) -> str:
    """The source id an excerpt id begins with (``"000_ab12:9f3c…"`` → ``"000_ab12"``)."""
    return excerpt_id.rpartition(":")[0]


def _flat(text: str) -> str:
    return " ".join(text.split())


def similarity(kept: str, current: str) -> float:
    """How alike two passage texts are, 0–1, whitespace aside."""
    return SequenceMatcher(None, _flat(kept), _flat(current), autojunk=False).ratio()


def nearest_passage(kept: str, excerpts: list[Excerpt]) -> tuple[Excerpt, float] | None:
    """The one passage of ``excerpts`` near enough to the ``kept`` text to be it, and how near; None when none
    is, or when two are about as near (a repeated sentence): guessing between them would mis-cite."""
    scored: list[tuple[float, Excerpt]] = []
    flat = _flat(kept)
    near = REATTACH_SIMILARITY - AMBIGUITY_MARGIN  # a runner-up this near still makes the best ambiguous
    for excerpt in excerpts:
        matcher = SequenceMatcher(None, flat, _flat(excerpt.text), autojunk=False)
        if matcher.real_quick_ratio() >= near and matcher.quick_ratio() >= near:
            scored.append((matcher.ratio(), excerpt))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or scored[0][0] < REATTACH_SIMILARITY:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - AMBIGUITY_MARGIN:
        return None
    return scored[0][1], scored[0][0]


def reattach_ids(workspace: Workspace, spec: RecipeSpec) -> tuple[RecipeSpec, tuple[Reattached, ...]]:
    """``spec`` with each named id that no passage has any more replaced by the id of the passage its kept
    text (``passages``) now is, and what was so replaced. Ids with no kept text, whose passage cannot be told
    (:func:`nearest_passage`), whose passage the recipe names already, or that would become the same id as
    another, stay as they are (and ``brief check`` reports them)."""
    named = {excerpt_id for _, excerpt_id in named_excerpt_ids(spec)}
    if not named:
        return spec, ()
    found = {excerpt.id for excerpt in workspace.excerpts_by_id(named)}
    lost = sorted(excerpt_id for excerpt_id in named - found if excerpt_id in spec.passages)
    if not lost:
        return spec, ()
    known_sources = set(workspace.corpus.ids())
    by_source: dict[str, list[Excerpt]] = {}
    new_ids: dict[str, Reattached] = {}
    for old_id in lost:
        source_id = source_of(old_id)
        if source_id not in known_sources:
            continue
        if source_id not in by_source:
            by_source[source_id] = workspace.excerpts_of(source_id)
        nearest = nearest_passage(spec.passages[old_id], by_source[source_id])
        if nearest is not None and nearest[0].id not in named:
            new_ids[old_id] = Reattached(old_id, nearest[0].id, round(nearest[1], 3))
    # Two ids the recipe tells apart (a sentence the article repeated) must not become one: neither is guessed.
    claimed = Counter(r.new_id for r in new_ids.values())
    new_ids = {old_id: r for old_id, r in new_ids.items() if claimed[r.new_id] == 1}
    if not new_ids:
        return spec, ()

    def renamed(excerpt_id: str) -> str:
        return new_ids[excerpt_id].new_id if excerpt_id in new_ids else excerpt_id

    current = {excerpt.id: excerpt.text for excerpt in workspace.excerpts_by_id(r.new_id for r in new_ids.values())}
    passages = {renamed(excerpt_id): current.get(renamed(excerpt_id), text)
                for excerpt_id, text in spec.passages.items()}
    updated = spec.model_copy(update={
        "include": [renamed(i) for i in spec.include], "exclude": [renamed(i) for i in spec.exclude],
        "pin": [renamed(i) for i in spec.pin], "moves": {renamed(i): s for i, s in spec.moves.items()},
        "order": {s: [renamed(i) for i in ids] for s, ids in spec.order.items()}, "passages": passages}, deep=True)
    return updated, tuple(new_ids[old_id] for old_id in lost if old_id in new_ids)


def with_passages(workspace: Workspace, spec: RecipeSpec) -> RecipeSpec:
    """``spec`` keeping the current text of every passage it names, so that its ids can re-attach later; the
    kept text of an id no passage has stays as it was (it may re-attach yet), that of an id no longer named
    goes."""
    named = {excerpt_id for _, excerpt_id in named_excerpt_ids(spec)}
    current = {excerpt.id: excerpt.text for excerpt in workspace.excerpts_by_id(named)}
    passages = {excerpt_id: current[excerpt_id] if excerpt_id in current else spec.passages[excerpt_id]
                for excerpt_id in sorted(named) if excerpt_id in current or excerpt_id in spec.passages}
    if passages == spec.passages:
        return spec
    return spec.model_copy(update={"passages": passages}, deep=True)
