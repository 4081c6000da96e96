"""Recipes: the saved YAML description of a brief in ``briefings/``.

A recipe names the brief's title, its time window, the topics and sources it
draws on, its sections with their caps, the template and output formats, and the
analyst's composition (excerpts included, excluded, pinned as key points, moved
to another section, and their order). Loading reports every problem at once,
each with file:line, the value given and the nearest valid name for a typo.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pydantic

from brief.atomic import write_atomic
from brief.dates import parse_iso_date
from brief.errors import Problem, did_you_mean
from brief.section_kinds import EXTRA_SECTIONS, RESERVED_TITLE_PROBLEM, takes_a_reserved_title
from brief.taxonomy import Taxonomy
from brief.validation import validate_with_checks
from brief.yamlfile import YamlDocument, load_yaml_file

if TYPE_CHECKING:
    from brief.recipe_ids import Reattached

Format = Literal["md", "pdf"]
WHAT_CHANGED = "what-changed"
"""The section kind that compares the brief with the previous edition instead of listing items."""
_DAYS = re.compile(r"^\s*(\d{1,5})\s*d\s*$")


class DateRange(pydantic.BaseModel):
    """An explicit window, both ends included."""

    model_config = pydantic.ConfigDict(extra="forbid", populate_by_name=True)
    from_: str = pydantic.Field(alias="from")
    to: str

    @pydantic.field_validator("from_", "to", mode="before")
    @classmethod
    def _is_date(cls, value: object) -> str:
        if parse_iso_date(value) is None:
            raise ValueError("expected a real date written YYYY-MM-DD")
        return str(value)


class SectionRef(pydantic.BaseModel):
    """A section of the brief, in the order the recipe lists them: a taxonomy section (excerpts) or
    one of the analyst's section kinds (:data:`brief.section_kinds.EXTRA_SECTIONS`)."""

    model_config = pydantic.ConfigDict(extra="forbid")
    id: str
    title: str | None = None
    """Heading in the brief; the taxonomy's label (or the kind's default title) when left out."""
    max_items: int = pydantic.Field(default=6, ge=0, le=100, strict=True)

    @pydantic.field_validator("title")
    @classmethod
    def _not_the_briefs_own(cls, value: str | None) -> str | None:
        if value is not None and takes_a_reserved_title(value):
            raise ValueError(f"{' '.join(value.split())!r} is {RESERVED_TITLE_PROBLEM}; give this section another "
                             "title")
        return value

    @pydantic.model_validator(mode="after")
    def _what_changed_title(self) -> SectionRef:
        # The taxonomy knows no "what-changed" section, so its default heading is given here.
        if self.id == WHAT_CHANGED and self.title is None:
            self.title = "What changed"
        return self


class RecipeSpec(pydantic.BaseModel):
    """The keys of a recipe file, as written."""

    model_config = pydantic.ConfigDict(extra="forbid")
    title: str = pydantic.Field(min_length=1)
    subtitle: str | None = None
    classification: str | None = None
    """Banner text printed at the top and bottom of every page, e.g. UNCLASSIFIED."""
    as_of: str = "latest"
    """``latest`` (the newest source date) or a date YYYY-MM-DD."""
    window: str | DateRange = "7d"
    """``Nd`` (N days up to as_of), ``all``, or ``{from: DATE, to: DATE}``."""
    topics: Literal["all"] | list[str] = "all"
    sources: Literal["all"] | list[str] = "all"
    sections: list[SectionRef] = pydantic.Field(default_factory=lambda: [
        SectionRef(id="state-of-talks", max_items=6), SectionRef(id="sticking-points", max_items=6),
        SectionRef(id="outlook", max_items=5)])
    key_points: int = pydantic.Field(default=4, ge=0, le=20, strict=True)
    """How many of the strongest items lead the brief as key points (0: no key points)."""
    max_words: int = pydantic.Field(default=1800, ge=100, le=50_000, strict=True)
    """Word budget for the whole brief; an item that does not fit the words left gives way to the next
    strongest that does. The analyst's sections (key quotes, figures, timeline) count in it, but leave
    the items at least half of it."""
    template: str = "standard"
    formats: list[Format] = ["md", "pdf"]
    paper: Literal["A4", "Letter"] = "A4"
    include: list[str] = []
    """Excerpt ids to put in even if the filters or caps would leave them out."""
    exclude: list[str] = []
    """Excerpt ids never to use."""
    pin: list[str] = []
    """Excerpt ids that are key points."""
    moves: dict[str, str] = {}
    """Excerpt id → section id, overriding the rules' section."""
    order: dict[str, list[str]] = {}
    """Section id → excerpt ids in the order they are to appear (others follow by rank)."""
    only_new: bool = False
    """Keep only the items that the previous edition of this recipe did not report (see "Editions")."""
    passages: dict[str, str] = {}
    """Excerpt id → the text of its passage when the analyst chose it (written by the TUI): an id whose
    passage's text has since changed re-attaches to it by this text (:mod:`brief.recipe_ids`)."""

    @pydantic.field_validator("as_of", mode="before")
    @classmethod
    def _as_of(cls, value: object) -> str:
        if value == "latest":
            return "latest"
        if parse_iso_date(value) is None:
            raise ValueError("expected 'latest' or a real date written YYYY-MM-DD")
        return str(value)

    @pydantic.field_validator("sections", "formats")
    @classmethod
    def _not_empty(cls, value: list[object], info: pydantic.ValidationInfo) -> list[object]:
        if not value:
            what = "section" if info.field_name == "sections" else "output format (md, pdf)"
            raise ValueError(f"list at least one {what}: an empty list would make an empty brief")
        return value

    @pydantic.field_validator("window", mode="before")
    @classmethod
    def _window(cls, value: object) -> object:
        if isinstance(value, int):
            raise ValueError("write the window as Nd (e.g. 7d), 'all', or {from: DATE, to: DATE}")
        if isinstance(value, str) and value != "all" and not _DAYS.match(value):
            raise ValueError("expected Nd (e.g. 7d), 'all', or {from: DATE, to: DATE}")
        if isinstance(value, str) and (days := _DAYS.match(value)) and int(days.group(1)) == 0:
            raise ValueError("a window of 0 days holds no day: write 1d for the as-of day alone, or 7d for a week")
        return value


@dataclass(frozen=True)
class Window:
    """The resolved time window of a brief."""

    start: dt.date | None
    """First day included; None for the whole corpus."""
    end: dt.date | None
    label: str
    not_after: dt.date | None = None
    """For the whole corpus (no start, no end): the brief's date. Sources dated after it are left out
    (a brief as of 4 December does not cite an article of the 18th); undated ones stay in."""

    def contains(self, date: dt.date | None) -> bool:
        if self.start is None and self.end is None:
            return date is None or self.not_after is None or date <= self.not_after
        if date is None:
            return False
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Recipe:
    """A checked recipe and the file it came from."""

    path: Path
    spec: RecipeSpec
    text: str | None = None
    """The text the spec was read from; None when it was made in memory (an unsaved composition)."""
    reattached: tuple[Reattached, ...] = ()
    """Ids of the text that the spec names by their passage's new id (:func:`brief.recipe_ids.reattach_ids`)."""

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def excerpt_sections(self) -> list[SectionRef]:
        """The recipe's sections that hold excerpts (the taxonomy's), in order."""
        return excerpt_sections(self.spec)

    def resolve_window(self, as_of: dt.date) -> Window:
        window = self.spec.window
        if isinstance(window, DateRange):
            start, end = parse_iso_date(window.from_), parse_iso_date(window.to)
            return Window(start, end, f"{start.isoformat()} to {end.isoformat()}")  # type: ignore[union-attr]
        if window == "all":
            return Window(None, None, "all sources", not_after=as_of)
        days = int(_DAYS.match(window).group(1))  # type: ignore[union-attr]
        start = as_of - dt.timedelta(days=days - 1)
        return Window(start, as_of, f"{days} days to {as_of.isoformat()}")


def recipe_text(recipe: Recipe) -> str:
    """The recipe as used, in full: the text it was read from, or the spec written out."""
    return recipe.text if recipe.text is not None else dump_recipe(recipe.spec)


def excerpt_sections(spec: RecipeSpec) -> list[SectionRef]:
    """The sections of ``spec`` that hold excerpts: every one but the analyst's section kinds."""
    return [section for section in spec.sections if section.id not in EXTRA_SECTIONS]


def load_recipe(path: Path, taxonomy: Taxonomy, *, source_ids: list[str] | None = None,
                templates_roots: list[Path] | None = None) -> Recipe:
    """Read and check a recipe: its types and the names it uses, every problem at once."""
    document = load_yaml_file(path)
    spec = validate_with_checks(RecipeSpec, document, what="recipe",
                                checks=lambda: check_names(document, taxonomy, source_ids, templates_roots))
    return Recipe(path=Path(path), spec=spec, text=document.text)


def _listed_twice(document: YamlDocument, key: str, listed: list[tuple[int, str]]) -> list[Problem]:
    """A topic or source the list names again: most likely a copy of the line above left unedited, so that the
    one meant is missing; the brief would quietly be of one fewer."""
    what = key.removesuffix("s")
    first: dict[str, int] = {}
    problems = []
    for index, name in listed:
        if name in first:
            problems.append(document.problem(
                (key, index), f"{what} listed twice", value=name,
                hint=f"{key}[{first[name]}] (line {document.line_of((key, first[name]))}) names it already: "
                     f"remove one, or name the {what} you meant"))
        else:
            first[name] = index
    return problems


def _all_unlisted(key: str, value: str) -> str | None:
    """The hint for "all" written as a name in a list (``sources: [all]``): it is a value of its own."""
    if value.strip().lower() != "all":
        return None
    return f"to take every one, write '{key}: all' (a word, not a list), or leave '{key}' out"


def check_names(document: YamlDocument, taxonomy: Taxonomy, source_ids: list[str] | None,
                templates_roots: list[Path] | None) -> list[Problem]:
    """Problems with the topic, source, section and template names a recipe uses.

    Read from the data as written (not the validated spec) so that a typo in a
    name is reported together with any type error elsewhere in the file.
    """
    data = document.data if isinstance(document.data, dict) else {}
    problems: list[Problem] = []

    def names(key: str) -> list[tuple[int, str]]:
        value = data.get(key)
        return [(i, v) for i, v in enumerate(value) if isinstance(v, str)] if isinstance(value, list) else []

    for index, topic in names("topics"):
        if topic not in taxonomy.topic_ids():
            problems.append(document.problem(("topics", index), "unknown topic", value=topic,
                                             hint=_all_unlisted("topics", topic)
                                             or did_you_mean(topic, taxonomy.topic_ids())))
    if source_ids is not None:
        for index, source in names("sources"):
            if source not in source_ids:
                problems.append(document.problem(("sources", index), "unknown source", value=source,
                                                 hint=_all_unlisted("sources", source)
                                                 or did_you_mean(source, source_ids)))
    for key in ("topics", "sources"):
        problems.extend(_listed_twice(document, key, names(key)))
    section_ids = taxonomy.section_ids()
    listable = section_ids + list(EXTRA_SECTIONS) + [WHAT_CHANGED]
    seen: set[str] = set()
    raw_sections = data.get("sections")
    sections: list[Any] = raw_sections if isinstance(raw_sections, list) else []
    for index, section in enumerate(sections):
        section_id = section.get("id") if isinstance(section, dict) else None
        if not isinstance(section_id, str):
            continue
        if section_id not in listable:
            problems.append(document.problem(("sections", index, "id"), "unknown section", value=section_id,
                                             hint=did_you_mean(section_id, listable)))
        elif section_id in seen:
            problems.append(document.problem(("sections", index, "id"), "section listed twice",
                                             value=section_id))
        seen.add(section_id)

    def excerpt_section_problem(path: tuple[str | int, ...], section_id: str) -> Problem:
        if section_id in EXTRA_SECTIONS:
            return document.problem(path, "not a section excerpts can go to", value=section_id,
                                    hint=f"{section_id} is filled by brief itself; use one of: "
                                    + ", ".join(section_ids))
        return document.problem(path, "unknown section", value=section_id,
                                hint=did_you_mean(section_id, section_ids))

    raw_moves = data.get("moves")
    moves: dict[Any, Any] = raw_moves if isinstance(raw_moves, dict) else {}
    for excerpt_id, section_id in moves.items():
        if isinstance(section_id, str) and section_id not in section_ids:
            problems.append(excerpt_section_problem(("moves", str(excerpt_id)), section_id))
    raw_order = data.get("order")
    order: dict[Any, Any] = raw_order if isinstance(raw_order, dict) else {}
    for section_id in order:
        if section_id not in section_ids:
            problems.append(excerpt_section_problem(("order", str(section_id)), str(section_id)))
    window = data.get("window")
    if isinstance(window, dict):
        start, end = parse_iso_date(window.get("from")), parse_iso_date(window.get("to"))
        if start and end and start > end:
            problems.append(document.problem(("window", "from"), "the window starts after it ends",
                                             value=window.get("from")))
    template = data.get("template", RecipeSpec.model_fields["template"].default)
    if (templates_roots is not None and isinstance(template, str) and template
            and not any((root / template).is_dir() for root in templates_roots)):
        available = sorted({p.name for root in templates_roots if root.is_dir() for p in root.iterdir()
                            if p.is_dir()})
        problems.append(document.problem(("template",), "no such template", value=template,
                                         hint=did_you_mean(template, available)))
    return problems


def dump_recipe(spec: RecipeSpec) -> str:
    """YAML text for a recipe, keys in the documented order, defaults left out."""
    import yaml

    data = spec.model_dump(by_alias=True, exclude_defaults=True)
    data.setdefault("title", spec.title)
    for key in ("as_of", "window", "topics", "sources", "sections", "formats"):
        value = getattr(spec, key)
        data[key] = value.model_dump(by_alias=True) if isinstance(value, pydantic.BaseModel) else (
            [s.model_dump(exclude_none=True) for s in value] if key == "sections" else value)
    ordered = {key: data[key] for key in RecipeSpec.model_fields if key in data}
    return yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)


def save_recipe(path: Path, spec: RecipeSpec) -> None:
    """Write a recipe atomically."""
    write_atomic(path, dump_recipe(spec))
