"""The analyst's sections of a brief: key quotes, key figures, the timeline, where sources differ.

Their material is the sources the brief's items cite plus the window's strongest
sources, at most :data:`MAX_MATERIAL_SOURCES` in all, so the cost follows the
brief, not the corpus. Each source's quotes, figures and events are extracted once
per process (a small cache keyed by the file's content hash and date): the TUI
rebuilds the brief on every change without extracting again. The index keeps them
between commands too (:mod:`brief.findings_cache`): a weekly brief reads them back.

- **Key quotes**: direct quotations whose speaker the article makes clear; a
  quote without one is never a key quote (speakers are not guessed). Best first
  (:func:`brief.quotes.quote_score`: officials, named in the sentence, of some
  length), one speaker giving way to others after a first quote; the same words
  quoted by several sources are one entry citing them all.
- **Key figures**: numbers with a unit and what they measure
  (:mod:`brief.figures`); the same figure in several sources is one entry. Losses,
  territory and forces come first, then plan points, countries, money, distances;
  a handful of people or villages ("one person injured") is a local detail and
  ranks lower.
- **Timeline**: dated sentences (:mod:`brief.timeline`), one row per sentence at
  its first date (its later dates beside it), events of the window first, then
  shown oldest first. A bare year ("in 2025", "Russia’s 2022 invasion") says when,
  not what happened: too coarse for a timeline. A date without a year in an
  article whose publication date is unknown cannot be placed: the section says
  which were left out.
- **Where sources differ**: figures of different sources for one measure that
  cannot all be right (:mod:`brief.differences`), and statements of different
  sources that contradict each other in words (:mod:`brief.contradictions`),
  read from the excerpts the brief holds (its candidates), not from whole articles.

Entries are built with source numbers left at 0; :func:`number_section` fills
them in once the brief has numbered its sources.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from brief.antecedents import lacks_who_or_what, refers_to_someone_unnamed
from brief.briefing import (
    Contradiction,
    ExtraEntry,
    ExtraSection,
    FigureDifference,
    FigureReading,
    KeyFigure,
    KeyQuote,
    Passage,
    Precision,
    QuotedDifferently,
    SourceDifference,
    StatementReading,
    TimelineEntry,
    published_label,
)
from brief.contradictions import Claim, Conflict, Statement, find_contradictions, names_and_places, statements_of
from brief.corpus import Source
from brief.differences import SAME_MEASURE, SourcedFigure, find_differences, measure_scope, specific_words
from brief.event_clauses import event_clause, without_elision
from brief.excerpts import Excerpt
from brief.figures import Figure, extract_figures, figures_in_passage, night_named, out_of_its_sentence
from brief.findings_cache import FindingsStore, decode, encode, findings_key
from brief.passages import normalise
from brief.quoted_differently import QuotedWords, QuotingPassage, SpeakerOf, comparison_key, quoted_differently
from brief.quotes import Quote, quote_score
from brief.quotes import extract_quotes as _extract_quotes
from brief.recipe import Window
from brief.sentences import Sentence, article_sentences
from brief.speakers import is_official, role_in_article
from brief.timeline import Event, event_words, extract_events, find_dates, last_day, span_end, tell_one_event

MAX_MATERIAL_SOURCES = 12
"""The analyst's sections draw on at most this many sources: those the items cite, then the window's strongest."""
MAX_QUOTE_WORDS = 70
"""A longer quotation is a speech, not a key quote."""
MAX_EVENT_WORDS = 70
"""A longer sentence makes a poor timeline row; it ranks last."""
CACHE_SIZE = 512
"""Sources whose extractions are kept in memory (per kind)."""

CATEGORY_ORDER = ("casualties", "territory", "troops", "prisoners", "strikes", "plan", "countries", "money",
                  "people", "distance", "share")
_CATEGORY_WEIGHT = {"casualties": 3.0, "territory": 3.0, "troops": 2.5, "prisoners": 2.5, "plan": 2.0,
                    "money": 2.0, "strikes": 2.0, "countries": 1.5, "people": 1.5, "distance": 1.0, "share": 1.0}
MINOR_COUNT = 10
"""Fewer people or places than this ("one person injured", "two villages") is a local detail of one strike or
one advance: such a figure ranks :data:`MINOR_COUNT_PENALTY` lower than its category would put it."""
MINOR_COUNT_PENALTY = 1.5
_COUNTED_LOCALLY = frozenset({"casualties", "deaths", "civilians", "children", "people", "prisoners", "villages",
                              "towns", "settlements"})
_PRECISION_WEIGHT = {"day": 3.0, "week": 2.0, "month": 2.0, "year": 0.5}
_SOME_DAY = dt.date(2001, 6, 15)
"""A stand-in publication date, only to find which date expressions of an undated article need one."""
_WORD = re.compile(r"[a-z0-9]+")


# --- material ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Material:
    """One source's findings, as the analyst's sections use them."""

    source: Source
    cited: bool
    """Whether the brief's items cite this source (it then ranks first)."""
    quotes: tuple[Quote, ...] = ()
    """Direct quotes only: key quotes are never reported speech."""
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def source_id(self) -> str:
        return self.source.id


class _ExtractionCache:
    """Per (kind, source id, content hash, date): what an extractor found. Bounded, thread-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: OrderedDict[tuple[object, ...], tuple[object, ...]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, kind: str, source: Source, compute: Callable[[], tuple[object, ...]]) -> tuple[object, ...]:
        key = (kind, source.id, source.content_hash, source.date, source.date_is_earliest)
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = compute()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size * 4:
                self.entries.popitem(last=False)
        return value


_cache = _ExtractionCache(CACHE_SIZE)


_EXTRACTED: dict[str, tuple[type, frozenset[str]]] = {
    "quotes": (Quote, frozenset({"key-quotes"})),
    "figures": (Figure, frozenset({"key-figures", "sources-differ"})),
    "events": (Event, frozenset({"timeline"})),
}
"""What is extracted from a source, what it is made of, and the sections that need it."""


def gather_material(sources: Sequence[Source], kinds: Iterable[str], cited: set[str],
                    store: FindingsStore | None = None) -> list[Material]:
    """Extract what the sections ``kinds`` need from ``sources`` (in the order given).

    ``store`` keeps what was found between commands (the index): what it holds
    under the right key is read back, the rest extracted and handed to it.
    """
    wanted = set(kinds)
    needed = [kind for kind, (_, sections) in _EXTRACTED.items() if wanted & sections]
    keys = {source.id: findings_key(source.content_hash, source.date, source.date_is_earliest) for source in sources} if needed else {}
    kept: dict[tuple[str, str], tuple[object, ...]] = {}
    if store is not None and keys:
        for kind in needed:
            for source_id, (key, value) in store.load_findings(kind, list(keys)).items():
                found = decode(_EXTRACTED[kind][0], value) if key == keys.get(source_id) else None
                if found is not None:
                    kept[kind, source_id] = found
    fresh: list[tuple[str, str, str, str]] = []
    material = [_findings(source, needed, source.id in cited, kept, fresh, keys.get(source.id, ""))
                for source in sources]
    if store is not None and fresh:
        store.save_findings(fresh)
    return material


def _findings(source: Source, kinds: list[str], cited: bool, kept: dict[tuple[str, str], tuple[object, ...]],
              fresh: list[tuple[str, str, str, str]], key: str) -> Material:
    """What ``kinds`` find in ``source``: from memory, from ``kept`` (the store), or extracted now and
    added to ``fresh`` under ``key``."""
    sentences: list[Sentence] | None = None

    def shared() -> list[Sentence]:
        nonlocal sentences
        if sentences is None:
            found = _cache.get("sentences", source, lambda: tuple(article_sentences(source.text)))
            sentences = [sentence for sentence in found if isinstance(sentence, Sentence)]
        return sentences

    extractors: dict[str, Callable[[], tuple[object, ...]]] = {
        "quotes": lambda: tuple(_extract_quotes(source.text, source.id, source.date, sentences=shared(),
                                                reported=False, published_earliest=source.date_is_earliest)),
        "figures": lambda: tuple(extract_figures(
            source.text, source.id, None if source.date_is_earliest else source.date, sentences=shared())),
        "events": lambda: tuple(extract_events(source.text, source.id, source.date, sentences=shared(),
                                               published_earliest=source.date_is_earliest)),
    }
    found: dict[str, tuple[object, ...]] = {}
    for kind in kinds:
        def extract(kind: str = kind) -> tuple[object, ...]:
            if (kind, source.id) in kept:
                return kept[kind, source.id]
            value = extractors[kind]()
            fresh.append((source.id, kind, key, encode(value)))
            return value

        found[kind] = _cache.get(kind, source, extract)
    return Material(source, cited, found.get("quotes", ()), found.get("figures", ()),  # type: ignore[arg-type]
                    found.get("events", ()))  # type: ignore[arg-type]


def quote_speakers(source_of: Callable[[str], Source], store: FindingsStore | None = None) -> SpeakerOf:
    """Who said quoted words, as the key quotes read their source (each source read once, when first asked)."""
    quotes: dict[str, tuple[Quote, ...]] = {}

    def speaker_of(words: QuotedWords) -> str | None:
        if words.source_id not in quotes:
            quotes[words.source_id] = gather_material([source_of(words.source_id)], ["key-quotes"], set(),
                                                      store)[0].quotes
        return next((q.speaker for q in quotes[words.source_id]
                     if q.quote_start < words.end and words.start < q.quote_end), None)

    return speaker_of


def item_quoted_differently(lead: Excerpt, excerpts: Sequence[Excerpt], shown: str, speaker_of: SpeakerOf
                            ) -> tuple[QuotedDifferently, ...]:
    """Quotations an item shows (``shown``, of its ``lead``) that another of its merged ``excerpts`` words
    otherwise."""
    if len({e.source_id for e in excerpts}) < 2:
        return ()
    return quoted_differently(_quoting(lead), [_quoting(e) for e in excerpts], speaker_of, showing=shown)


def _quoting(excerpt: Excerpt) -> QuotingPassage:
    return QuotingPassage(excerpt.source_id, excerpt.text, excerpt.start)


def timeline_quoted_differently(section: ExtraSection, sources: Mapping[str, Source], speaker_of: SpeakerOf
                                ) -> tuple[QuotedDifferently, ...]:
    """Quotations of the timeline's rows that another source of the same row words otherwise: a row shows one
    source's sentence (or a clause of it) and cites every source reporting the event."""
    found: list[QuotedDifferently] = []
    for entry in section.entries:
        if not isinstance(entry, TimelineEntry) or len({p.source_id for p in entry.citations}) < 2:
            continue
        passages = [QuotingPassage(p.source_id, sources[p.source_id].text[p.start:p.end], p.start)
                    for p in entry.citations if p.source_id in sources]
        shown_text = without_elision(entry.text)
        shown = next((p for p in passages if normalise(shown_text) in normalise(p.text)), None)
        if shown is not None:
            found.extend(quoted_differently(shown, passages, speaker_of, showing=shown_text))
    return tuple(found)


def material_source_ids(cited: Sequence[str], strongest: Sequence[str], cap: int = MAX_MATERIAL_SOURCES) -> list[str]:
    """The sources the items cite, then the window's strongest others, at most ``cap`` in all."""
    return list(dict.fromkeys([*cited, *strongest]))[:cap]


def _passage(source_id: str, start: int, end: int) -> Passage:
    return Passage(0, source_id, start, end)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# --- key quotes ----------------------------------------------------------------------------------

@dataclass
class _QuoteGroup:
    quotes: list[Quote]
    roles: list[str | None]
    words: tuple[str, ...]
    score: float
    date_text: str | None

    @property
    def who(self) -> str:
        """The speaker the group's line names: one a source names wins over one another only describes."""
        return _who(next((q for q in self.quotes if q.speaker), self.quotes[0]))


def _said_before(quote: Quote, since: dt.date | None) -> bool:
    """Whether the quote's article dates it (not by the article's own day) to before ``since``."""
    return since is not None and quote.date is not None and quote.date_precision is not None \
        and quote.dated_by in ("sentence", "heading") and last_day(quote.date, quote.date_precision) < since


@lru_cache(maxsize=4096)
def _points_back(quote: str) -> bool:
    """Whether a quotation's words point at what its article said before it
    (:func:`brief.antecedents.lacks_who_or_what`, a "he" only when nobody it names can be him). Worked out once per
    quotation: :func:`key_quotes` reads the same material again on each fill of a build and each preview."""
    return lacks_who_or_what(quote, any_pronoun=False)


def key_quotes(material: Sequence[Material], cap: int, shown: Sequence[str] = (), *,
               since: dt.date | None = None) -> tuple[KeyQuote, ...]:
    """Up to ``cap`` direct quotations with a clear speaker, best first: one the article names, or one it
    describes without a name ("a European diplomat briefed on the talks"), which ranks lower.

    A speaker's role is the one the quote's own article gives them (in the sentence, or
    wherever it names them in full). For ranking only, a speaker other articles of the
    material call an official ("Russian President") counts as one.

    A quotation one of the brief's items already shows (``shown``: the items' texts) is not
    repeated here: the reader has just read it, with its context. Nor is one whose words point at what the
    article said before it (:func:`brief.antecedents.lacks_who_or_what`; a "he" only when nobody it names can be
    him): "not received any documents of this kind", "This is a serious offer" leave the reader to guess of what.

    A quotation its article dates (by its sentence or its chronology's heading) before ``since``, the window's
    first day, is not the window's: a week-in-review of 21 December quotes Rubio on 30 November, which is no key
    quote of the week of 16 to 22 December.
    """
    already = [" " + " ".join(_words(text)) + " " for text in shown]
    speakers_named = {q.speaker for found in material for q in found.quotes if q.speaker and " " in q.speaker}
    officials = {name for found in material for name in _officials(found, speakers_named)}
    groups: list[_QuoteGroup] = []
    for found in material:
        roles: dict[str, str | None] = {}
        for quote in found.quotes:
            if quote.speaker and quote.role:
                roles.setdefault(quote.speaker, quote.role)
        for quote in found.quotes:
            if quote.speaker and quote.speaker not in roles:
                roles[quote.speaker] = role_in_article(found.source.text, quote.speaker)
        for quote in found.quotes:
            if quote.kind != "direct" or not (quote.speaker or quote.described) or quote.words > MAX_QUOTE_WORDS \
                    or _finishes_the_reporters_clause(quote, found.source.text) or _said_before(quote, since) \
                    or _points_back(quote.text):
                continue
            role = quote.role or (roles.get(quote.speaker) if quote.speaker else None)
            words = tuple(_words(quote.text))
            if words and any(" " + " ".join(words) + " " in text for text in already):
                continue
            home = next((g for g in groups if _same_words(g.words, words)), None)
            if home is not None:
                if all(q.source_id != quote.source_id for q in home.quotes):
                    home.quotes.append(quote)
                    home.roles.append(role)
                continue
            ranked_role = role or ("official" if quote.speaker in officials else None)
            score = quote_score(replace(quote, role=ranked_role)) + (0.5 if found.cited else 0.0) \
                + (0.3 if quote.date_expression else 0.0) - (WOVEN_QUOTE_PENALTY if _woven_in(quote) else 0.0)
            groups.append(_QuoteGroup([quote], [role], words, score, quote.date_expression))
    for group in groups:
        group.score += 0.75 * (len(group.quotes) - 1)
    chosen: list[_QuoteGroup] = []
    speakers: dict[str, int] = {}
    sources: dict[str, int] = {}
    pool = sorted(groups, key=lambda g: (-g.score, g.quotes[0].source_id, g.quotes[0].quote_start))
    texts = {found.source.id: found.source.text for found in material}
    while pool and len(chosen) < cap:
        best = max(pool, key=lambda g: g.score - 1.5 * speakers.get(g.who, 0)
                   - 0.3 * sources.get(g.quotes[0].source_id, 0))
        pool.remove(best)
        if any(_one_statement(best, group, texts[best.quotes[0].source_id]) for group in chosen):
            continue
        chosen.append(best)
        speakers[best.who] = speakers.get(best.who, 0) + 1
        sources[best.quotes[0].source_id] = sources.get(best.quotes[0].source_id, 0) + 1
    entries = []
    for group in chosen:
        lead = group.quotes[0]
        role = next((r for q, r in zip(group.quotes, group.roles, strict=True) if r and _who(q) == group.who), None)
        entries.append(KeyQuote(
            text=lead.text, speaker=group.who, role=role, date=lead.date,
            date_precision=lead.date_precision, dated_by=lead.dated_by,
            date_text=group.date_text if lead.date is None else None,
            citations=tuple(_passage(q.source_id, q.start, q.end) for q in group.quotes)))
    return tuple(entries)


_VERB_PHRASE = re.compile(r"(?:could|would|will|should|may|might|must|can|cannot|to|is|are|was|were|be|has|have|"
                          r"had|(?:do|does|did|wo|ca|is|are|was|were|has|have)n[’']t)\b")
"""What a quotation woven into the reporter's sentence opens on when it is a verb phrase ("could form …")."""
_VERB_BEFORE = re.compile(r"(?:could|would|will|should|may|might|must|can|to)")
"""The word before a quotation that makes it the rest of a verb phrase ("Russia would “liberate …”")."""
_NEGATION_BEFORE = re.compile(r"(?:\b(?:not|never|no|nor)|n[’']t)\s*$", re.IGNORECASE)
"""The word just before a quotation that turns it around: Ushakov said the changes do not, in his words, “improve
the chances of peace”. Under his name alone, the quotation would say the opposite of what he said. Not a "no"
that a colon or a dash ends ("Peskov said no: “We will never agree to that.”")."""
_COPULA_BEFORE = re.compile(r"(?:is|are|was|were|be|been|being|remains?|remained|seems?|seemed|looks?|looked)")
"""A verb before a quotation that makes it a characterisation: the talks were “at a dead end”."""
_GERUND = re.compile(r"[a-z]+ing\b")
"""A quotation that opens on a verb in -ing, in lower case: the rest of the reporter's "of …" or "by …"."""
_CONCEDED = re.compile(r"\b(?:while|whereas|although|though)\b(?![^.;:,]*[.;:,])", re.IGNORECASE)
"""A clause that concedes what the sentence goes on to counter, open where the quotation starts (no comma
between: "Though the talks stalled, Zelensky said …" quotes the main clause): a short quotation in it is the
lesser half of what the speaker said."""
_COUNTERED_AFTER = re.compile(r"[”\"’']?\s*,?\s*(?:but|yet|though|although|however|whereas|while)\b", re.IGNORECASE)
"""A clause right after a quotation that counters it: Ushakov described the discussions as “constructive, very
useful, and substantive”, but his caveat that a compromise option had not been found speaks volumes. Alone, the
short quotation gives the opposite of the sentence's tone."""
_PREPOSITION_OPENING = re.compile(r"(?:within|without|from|into|in|on|at|by|under|over|for|of|with|after|before"
                                  r"|until|beyond|inside|outside)\b")
"""What a quotation woven into the reporter's sentence opens on when it is an adverbial phrase ("must leave
the four regions “within their administrative borders”")."""
_ASIDE = re.compile(r"\s*,?\s*(?:in\s+(?:his|her|their|its)\s+(?:own\s+)?words|as\s+(?:he|she|they|it)\s+put\s+it)\s*,?\s*$",
                    re.IGNORECASE)
"""An aside between the reporter's clause and the quotation ("do not, in his words, “…”"): it says whose words
follow, and is passed over to find the word that leads into them."""
SHORT_QUOTE_WORDS = 10
"""A verb phrase the reporter's sentence finishes is no key quote up to this many words."""
WOVEN_QUOTE_PENALTY = 1.0
"""Rank a key quote loses for opening in lower case, inside the reporter's sentence: "calling it “a strong signal
to Moscow that waiting for Europe to grow tired will not work.”" Alone, under the speaker's name, it does not
say what "it" is; a quotation of whole sentences by the same speaker ("“We need an answer from Russia, not more
questions,” he said") reads alone."""


def _woven_in(quote: Quote) -> bool:
    """Whether the quotation opens in lower case: a phrase of the reporter's sentence (:data:`WOVEN_QUOTE_PENALTY`)."""
    first = next((char for char in quote.text if char.isalpha()), "")
    return first.islower()


def _finishes_the_reporters_clause(quote: Quote, text: str) -> bool:
    """Whether a short quotation is a verb phrase of the reporter's sentence: it opens on one ("… said it
    “could form the basis” for talks") or follows a modal or "to" in its sentence ("he vowed Russia would
    “liberate its historical lands” on the battlefield"). Alone, under a speaker's name, it says nothing. So is
    one that opens on a preposition ("“within their administrative borders”"), unless a verb such as "were"
    makes it a characterisation ("the talks were “at a dead end”"), and one right after a negation ("do not,
    in his words, “improve the chances of peace”"), which it would turn into its opposite, and one the sentence
    counters right after it ("described the discussions as “constructive, very useful, and substantive”, but his
    caveat that a compromise option had not been found speaks volumes"): alone, it gives the sentence's opposite
    tone. A short characterisation ("said the meeting was “a very productive step toward peace”") stays."""
    if len(_words(quote.text)) >= SHORT_QUOTE_WORDS:
        return False
    lead_in = text[max(quote.start, quote.quote_start - 60):quote.quote_start].rstrip(" “\"‘'")
    aside = _ASIDE.search(lead_in)
    lead_in = lead_in[:aside.start()] if aside else lead_in
    before = _words(lead_in)
    if before and (_VERB_BEFORE.fullmatch(before[-1]) or _NEGATION_BEFORE.search(lead_in)):
        return True
    if before and before[-1].lower() == "of" and _GERUND.match(quote.text):
        return True  # accusing Russia of “wasting the world’s time”: whom he accused is the reporter's part
    if _CONCEDED.search(text, max(quote.start, quote.quote_start - 120), quote.quote_start):
        return True  # while some formulations were “more or less acceptable,” key points were “unacceptable”
    if _COUNTERED_AFTER.match(text, quote.quote_end, quote.end):
        return True  # “constructive, very useful, and substantive”, but his caveat that … speaks volumes
    if _PREPOSITION_OPENING.match(quote.text):  # in lower case: inside the reporter's sentence
        return not (before and _COPULA_BEFORE.fullmatch(before[-1]))
    return _VERB_PHRASE.match(quote.text) is not None


def _who(quote: Quote) -> str:
    """The speaker as a key quote names them: by name, else as the article describes them."""
    return quote.speaker or quote.described or ""


def _one_statement(group: _QuoteGroup, other: _QuoteGroup, text: str) -> bool:
    """Whether two quotations are parts of one statement: the same speaker in one paragraph of one article
    (``text``): "“There’s a question I still can’t get an answer to,” Zelensky said. “What will the United
    States do …?”". One part, the best, is a key quote; two would read as a stutter."""
    quote, other_quote = group.quotes[0], other.quotes[0]
    if quote.source_id != other_quote.source_id or group.who != other.who:
        return False
    first, second = sorted((quote, other_quote), key=lambda q: q.start)
    return first.end >= second.start or "\n\n" not in text[first.end:second.start]


def _officials(found: Material, speakers: set[str]) -> set[str]:
    """Those of ``speakers`` this article gives an official's role (a president, minister, aide, envoy…)."""
    names = {quote.speaker for quote in found.quotes if quote.speaker and is_official(quote.role)}
    text = found.source.text
    for name in speakers - names:
        if name in text and is_official(role_in_article(text, name)):
            names.add(name)
    return names


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same quotation: equal words, or one quoting a stretch of the other (six words or more)."""
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < 6:
        return False
    joined, part = " " + " ".join(longer) + " ", " " + " ".join(shorter) + " "
    return part in joined


# --- key figures ---------------------------------------------------------------------------------

@dataclass
class _FigureGroup:
    members: list[SourcedFigure]
    score: float


def _sourced(found: Material, figure: Figure, related: bool = False) -> SourcedFigure:
    return SourcedFigure(figure, found.source.text[figure.start:figure.end], found.source_id, figure.start,
                         figure.end, related)


def key_figures(material: Sequence[Material], cap: int) -> tuple[KeyFigure, ...]:
    """Up to ``cap`` figures that matter, grouped by what they count (losses, territory, forces first)."""
    groups: list[_FigureGroup] = []
    by_number: dict[tuple[object, ...], list[_FigureGroup]] = {}
    for found in material:
        for figure in found.figures:
            if not figure.measure:
                continue  # a number whose measure the sentence does not say is no key figure
            item = _sourced(found, figure)
            number = (figure.unit, figure.category, figure.value, figure.upper, figure.qualifier)
            home = next((g for g in by_number.get(number, []) if _same_figure(g.members[0], item)), None)
            if home is not None:
                if all(m.source_id != item.source_id for m in home.members):
                    home.members.append(item)
                continue
            specific = min(len(_words(figure.measure)), 3)
            score = _CATEGORY_WEIGHT.get(figure.category, 1.0) + 0.25 * specific + (0.5 if found.cited else 0.0) \
                - (MINOR_COUNT_PENALTY if figure.unit in _COUNTED_LOCALLY and figure.value < MINOR_COUNT else 0.0)
            group = _FigureGroup([item], score)
            groups.append(group)
            by_number.setdefault(number, []).append(group)
    for group in groups:
        group.score += 0.75 * (len(group.members) - 1)
    chosen: list[_FigureGroup] = []
    taken: dict[str, int] = {}
    pool = list(groups)
    while pool and len(chosen) < cap:
        best = max(pool, key=lambda g: g.score - 0.3 * taken.get(g.members[0].source_id, 0)
                   - 0.3 * taken.get(g.members[0].figure.category, 0))
        pool.remove(best)
        chosen.append(best)
        for key in (best.members[0].source_id, best.members[0].figure.category):
            taken[key] = taken.get(key, 0) + 1
    rank = {id(group): index for index, group in enumerate(chosen)}
    chosen.sort(key=lambda g: (_category_rank(g.members[0].figure.category), rank[id(g)]))
    entries = []
    called = {id(g): _commonest_measure(g.members) for g in chosen}
    rows_of = Counter((g.members[0].figure.unit, called[id(g)].lower()) for g in chosen)
    for group in chosen:
        lead = group.members[0].figure
        alike = rows_of[(lead.unit, called[id(group)].lower())] > 1  # another row would read the same
        entries.append(KeyFigure(text=lead.text, value=lead.value, upper=lead.upper, unit=lead.unit,
                                 category=lead.category, qualifier=lead.qualifier,
                                 measure=_fullest_measure(group.members, called[id(group)]) if alike
                                 else called[id(group)],
                                 citations=tuple(_passage(m.source_id, m.start, m.end) for m in group.members),
                                 given_by=lead.given_by))
    return tuple(entries)


def _commonest_measure(members: Sequence[SourcedFigure]) -> str:
    """What a row of one figure from several sources says it measures: what most of them call it, the first
    source's word on a tie. The 28-point plan is a "leaked 28-point outline" in one article and an "earlier 28-point
    plan" and "a 28-point plan" in two others: the row says "plan"."""
    said = Counter(m.figure.measure.lower() for m in members)
    most = max(said.values())
    return next(m.figure.measure for m in members if said[m.figure.measure.lower()] == most)


def _fullest_measure(members: Sequence[SourcedFigure], called: str) -> str:
    """What a row of one figure from several sources says it measures when another row reads the same: what most
    sources call it (``called``, :func:`_commonest_measure`), or another's measure that says all of it and more. "The original
    28-point U.S. plan capped Ukraine's armed forces at 600,000" is read as "Ukraine's armed forces cap", as is the
    revised draft's 800,000; "a ceiling above the 600,000 figure in the original U.S. plan" says whose cap the
    600,000 was."""
    words = set(_words(called))
    fuller = [m.figure.measure for m in members if set(_words(m.figure.measure)) > words]
    return max(fuller, key=lambda measure: len(set(_words(measure))), default=called)


def _category_rank(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)


def _same_figure(a: SourcedFigure, b: SourcedFigure) -> bool:
    """One figure given twice: same number, unit and qualifier, and the same measure (in other words, in
    different sources), or measures that name nothing more specific than "plan" or "area"."""
    fa, fb = a.figure, b.figure
    if (fa.unit, fa.category, fa.value, fa.upper, fa.qualifier) != (fb.unit, fb.category, fb.value, fb.upper,
                                                                    fb.qualifier):
        return False
    words_a, words_b = specific_words(fa.measure), specific_words(fb.measure)
    if fa.measure.lower() == fb.measure.lower() or (not words_a and not words_b):
        return True
    nights = night_named(fa.measure), night_named(fb.measure)
    if all(nights) and nights[0] != nights[1]:
        return False  # "missiles launched in the night to 9 December 2025" and "… to 22 December 2025": two nights
    if a.source_id == b.source_id or measure_scope(fa.measure) != measure_scope(fb.measure):
        return False
    if fa.category == "money" and words_a & _FUNDING and words_b & _FUNDING:
        return True  # "loan to Ukraine" and "funding raised through joint borrowing": one sum, said two ways
    return bool(words_a | words_b) and len(words_a & words_b) / len(words_a | words_b) >= SAME_MEASURE


_FUNDING = frozenset({"loan", "funding", "financing", "aid", "borrowing", "credit", "grant", "assistance"})
"""Words of a sum that funds someone: the same sum of money so measured in two sources is one figure."""


# --- timeline ------------------------------------------------------------------------------------

@dataclass
class _EventGroup:
    events: list[Event]
    words: frozenset[str]
    score: float


@dataclass(frozen=True)
class Unplaced:
    """Date expressions of an article without a publication date: their year is not known."""

    source_id: str
    expressions: tuple[str, ...]


def timeline(material: Sequence[Material], cap: int, window: Window, shown: Sequence[str] = ()
             ) -> tuple[tuple[TimelineEntry, ...], tuple[Unplaced, ...]]:
    """Up to ``cap`` dated events, oldest first, and what could not be placed for want of a year.

    A row whose sentence an item already shows (``shown``: the items' texts, whitespace made single) says only
    what happened when: the reader has the rest a few lines up."""
    groups: list[_EventGroup] = []
    mentioned = {found.source.id: found.source.date_is_mentioned for found in material}
    more: dict[tuple[str, int], list[Event]] = {}
    until: dict[tuple[str, int], tuple[dt.date, Precision]] = {}
    for found in material:
        by_sentence: dict[int, list[Event]] = {}
        for event in found.events:
            if event.precision != "year":  # "in 2025", "Russia’s 2022 invasion": when, not what happened
                by_sentence.setdefault(event.start, []).append(event)
        for events in by_sentence.values():
            ordered = sorted(events, key=lambda e: (e.date, e.expression_start))
            event = ordered[0]
            later = [e for e in ordered[1:] if e.date != event.date]
            in_text = sorted(events, key=lambda e: e.expression_start)
            after = in_text[in_text.index(event) + 1] if event is not in_text[-1] else None
            following = after if after in later else None
            end = span_end(event, following, found.source.text) if following or event.until else None
            if end is not None:
                until[(event.source_id, event.start)] = end
                if following is not None and (following.date, following.precision) == end:
                    later.remove(following)  # one span, not two dates
            more[(event.source_id, event.start)] = list({(e.date, e.precision): e for e in later}.values())
            words = event_words(event.text)
            home = next((g for g in groups if tell_one_event(g.events[0].date, g.events[0].precision, g.words,
                                                             event.date, event.precision, words)), None)
            if home is not None:
                if all(e.source_id != event.source_id for e in home.events):
                    home.events.append(event)
                continue
            if refers_to_someone_unnamed(event.text):
                continue  # "“The goals … will be achieved,” he said on Dec. 17.": a row must say who acted
            score = _PRECISION_WEIGHT[event.precision] + _window_bonus(event.date, window) \
                + (0.5 if found.cited else 0.0) - (1.0 if len(event.text.split()) > MAX_EVENT_WORDS else 0.0)
            groups.append(_EventGroup([event], words, score))
    groups = [_told_after_the_day(g) for g in _days_of_a_meeting_joined(_vaguer_tellings_joined(groups), until, more)]
    for group in groups:
        group.score += 0.75 * (len(group.events) - 1)
    chosen: list[_EventGroup] = []
    taken: dict[str, int] = {}
    pool = list(groups)
    while pool and len(chosen) < cap:
        best_group = max(pool, key=lambda g: g.score - 0.3 * taken.get(g.events[0].source_id, 0))
        pool.remove(best_group)
        chosen.append(best_group)
        taken[best_group.events[0].source_id] = taken.get(best_group.events[0].source_id, 0) + 1
    chosen.sort(key=lambda g: (g.events[0].date, g.events[0].source_id, g.events[0].start))
    entries = tuple(TimelineEntry(
        date=g.events[0].date, precision=g.events[0].precision, expression=g.events[0].expression,
        relative=g.events[0].relative, text=_row_text(g.events[0], shown), published=g.events[0].published,
        published_earliest=g.events[0].published_earliest, published_mentioned=mentioned[g.events[0].source_id],
        citations=tuple(_passage(e.source_id, e.start, e.end) for e in g.events),
        more_dates=tuple((e.date, e.precision) for e in more[(g.events[0].source_id, g.events[0].start)]),
        until=until.get((g.events[0].source_id, g.events[0].start)),
        published_by=_published_by(g.events, mentioned))
        for g in chosen)
    return entries, _unplaced(material)


def _told_in_advance(event: Event) -> bool:
    """Whether the article told the event before its day: published (on a known day) before it."""
    return event.published is not None and not event.published_earliest and event.published < event.date


def _told_after_the_day(group: _EventGroup) -> _EventGroup:
    """``group`` without the tellings of its event published before its day, when a source tells it after: "Dmitriev
    is expected to meet Witkoff and Kushner at the weekend" (18 December) says what was planned, not that "the US
    envoys met Russian envoy Kirill Dmitriev in Miami on Saturday and Sunday" (20 and 21 December). A row of what
    happened cites the sources that report it; a row of what was only announced keeps them all."""
    after = [event for event in group.events if not _told_in_advance(event)]
    if not after or len(after) == len(group.events):
        return group
    return _EventGroup(after, group.words, group.score)  # its words have told which rows tell one event already


def _published_by(events: Sequence[Event], mentioned: dict[str, bool]) -> tuple[tuple[str, str], ...]:
    """(source id, publication date as written) of each source telling the event, when they were not all published
    on the same day: a row that joins a report of the 2nd and one of the 4th must not give the 2nd for both."""
    written = {event.source_id: published_label(event.published, event.published_earliest,
                                                mentioned[event.source_id]) for event in events}
    return tuple(written.items()) if len(set(written.values())) > 1 else ()


SAME_EVENT_NAMES = 2
"""Names (places, people, institutions; :func:`brief.contradictions.names_and_places`) a week's row and a day's row
must share to tell one event."""
_MEETING = re.compile(r"\b(?:met|meets?|meeting|talks|summit|discussions|negotiations|received|hosted|visit(?:ed)?)\b",
                      re.IGNORECASE)
"""Words of a meeting: only a meeting told by its week is joined to the day another source gives it."""


def _vaguer_tellings_joined(groups: list[_EventGroup]) -> list[_EventGroup]:
    """``groups`` less the rows of a week that tell an event another source dates to a day of that week: "marathon
    talks in Moscow this week" with a senior Kremlin aide (the week of 1 December) and "Putin met with … Witkoff at
    the Kremlin in Moscow" (2 December) are one meeting, which two rows would tell as two. The week's row joins the
    day's as a source of it when both tell a meeting and share :data:`SAME_EVENT_NAMES` names (not the parties' own,
    nor months or titles), and no other day's meeting of that week does: which meeting it was would be a guess."""
    days = [g for g in groups if g.events[0].precision == "day" and _MEETING.search(g.events[0].text)]
    kept: list[_EventGroup] = []
    for group in groups:
        event = group.events[0]
        if event.precision == "week" and _MEETING.search(event.text):
            names = _names(event)
            homes = [day for day in days if event.date <= day.events[0].date <= last_day(event.date, "week")
                     and all(e.source_id != event.source_id for e in day.events)
                     and len(names & _names(day.events[0])) >= SAME_EVENT_NAMES]
            if len(homes) == 1:
                homes[0].events.extend(group.events)
                continue
        kept.append(group)
    return kept


_ENDED = re.compile(r"\b(?:ended|concluded|wrapped\s+up|broke\s+up|closed)\b"
                    r"|\b(?:two|three|four|five|several|\d)\s+days\s+of\b", re.IGNORECASE)
"""How a day's row says it tells the end of a meeting of several days: "Two days of talks in Berlin … ended on
Monday"."""
_ARRIVED = re.compile(r"\b(?:arriv(?:es|ed|ing)|lands?|landed|landing|(?:flies|flew|travels|travelled|traveled)\s+to)\b"
                     r"[^.;]*?\bfor\b[^.;]*?\b(?:talks|meetings?|negotiations|discussions|a\s+summit)\b",
                     re.IGNORECASE)
"""How a day's row says it tells the start of a meeting of several days: "Kirill Dmitriev … arrives in Miami for
talks with Witkoff and Kushner"."""


def _days_of_a_meeting_joined(groups: list[_EventGroup], until: dict[tuple[str, int], tuple[dt.date, Precision]],
                              more: dict[tuple[str, int], list[Event]]) -> list[_EventGroup]:
    """``groups`` less the rows that tell, by its days, a meeting another row dates to the span of days it took:
    "In Berlin, Witkoff and Kushner hold two days of talks with Zelensky" (14–15 December) is the meeting of "Two
    days of talks in Berlin … ended on Monday" (15 December) and of "The U.S. delegation … met President Volodymyr
    Zelensky and his team at the Chancellery … on Sunday and again on Monday morning" (14 and 15 December).

    A span is a row dated from one day to another, or to days in a row ("on Saturday and Sunday"). A row joins a
    span's (its sources as sources of it) when both tell a meeting, at a place both name after "in" or "at" or
    sharing :data:`SAME_EVENT_NAMES` names; and when it gives all the span's days, or its last and says the meeting
    ended or took days (:data:`_ENDED`), or its first and says someone came for it (:data:`_ARRIVED`: "Kirill
    Dmitriev … arrives in Miami for talks with Witkoff and Kushner" of 20 December is the meeting of "the US envoys
    met Russian envoy Kirill Dmitriev in Miami on Saturday and Sunday"); and when no other meeting is such a home
    for it. A day inside the span alone may be another meeting at the same place. A span given as a span ("14–15
    December") is never joined to another; one given by its days joins an earlier span of the same days.
    ``until`` is the last day of each span row and ``more`` the further dates of a row, keyed by its first
    event's source and sentence."""
    told: dict[int, tuple[frozenset[dt.date], frozenset[str], frozenset[str]]] = {}
    spans: list[_EventGroup] = []
    for group in groups:
        event = group.events[0]
        key = (event.source_id, event.start)
        last = until.get(key)
        if event.precision != "day" or not _MEETING.search(event.text) or (last is not None and last[1] != "day"):
            continue
        days = frozenset(event.date + dt.timedelta(days=n) for n in range((last[0] - event.date).days + 1)) \
            if last is not None else \
            frozenset({event.date} | {e.date for e in more.get(key, ()) if e.precision == "day"})
        told[id(group)] = (days, *_names_and_places(event))
        if len(days) > 1 and (max(days) - min(days)).days == len(days) - 1:
            spans.append(group)
    spans.sort(key=lambda g: (g.events[0].source_id, g.events[0].start) not in until)  # spans as spans first
    span_ids = {id(span) for span in spans}
    home_of: dict[int, _EventGroup] = {}

    def final(group: _EventGroup) -> _EventGroup:
        while id(group) in home_of:
            group = home_of[id(group)]
        return group

    def one_home(group: _EventGroup, candidates: Sequence[_EventGroup], *, by_an_end: bool) -> None:
        """Joins ``group`` to the one of ``candidates`` it tells, if one: by all its days, or (``by_an_end``)
        by its last day and an end or its first day and an arrival."""
        days, names, places = told[id(group)]
        text = group.events[0].text
        homes = {id(final(home)): final(home) for home, (span_days, span_names, span_places)
                 in ((home, told[id(home)]) for home in candidates)
                 if (days == span_days or by_an_end and (days == {max(span_days)} and _ENDED.search(text)
                                                         or days == {min(span_days)} and _ARRIVED.search(text)))
                 and (places & span_places or len(names & span_names) >= SAME_EVENT_NAMES)}
        if len(homes) == 1:
            home_of[id(group)] = next(iter(homes.values()))

    for index, group in enumerate(spans):
        if (group.events[0].source_id, group.events[0].start) not in until:
            one_home(group, spans[:index], by_an_end=False)
    for group in groups:
        if id(group) in told and id(group) not in span_ids:
            one_home(group, spans, by_an_end=True)
    for group in groups:
        if id(group) in home_of:
            home = final(group)
            cited = {e.source_id for e in home.events}
            home.events.extend(e for e in group.events if e.source_id not in cited)
    return [group for group in groups if id(group) not in home_of]


def _names(event: Event) -> frozenset[str]:
    """The names ``event``'s sentence gives (:func:`brief.contradictions.names_and_places`)."""
    return _names_and_places(event)[0]


def _names_and_places(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """The names ``event``'s sentence gives and the places it names after "in" or "at"
    (:func:`brief.contradictions.names_and_places`)."""
    return names_and_places(Statement(event.text, event.source_id, event.start, event.published))


def _row_text(event: Event, items: Sequence[str]) -> str:
    """What the event's row shows of its sentence (:func:`brief.event_clauses.event_clause`), shorter when one
    of ``items`` shows the sentence (their whitespace made single)."""
    start, end = event.expression_start - event.start, event.expression_end - event.start
    row = event_clause(event.text, start, end)
    told = " ".join(without_elision(row).split())
    if not any(told in item for item in items):
        return row
    return event_clause(event.text, start, end, told_elsewhere=True)


def _window_bonus(date: dt.date, window: Window) -> float:
    """Events of the window come first in a dated brief; those just before it or ahead of it next."""
    if window.start is None or window.end is None:
        return 0.0
    if window.start <= date <= window.end:
        return 2.0
    if date > window.end or (window.start - date).days <= 60:
        return 1.0
    return 0.0


def _unplaced(material: Sequence[Material]) -> tuple[Unplaced, ...]:
    """Per source without a publication date: its dates that need one ("Dec. 17", "in August"), days first."""
    found = []
    for item in material:
        if item.source.date is not None:
            continue
        days: list[str] = []
        months: list[str] = []
        for sentence in article_sentences(item.source.text):
            for mention in find_dates(item.source.text[sentence.start:sentence.end], _SOME_DAY):
                kept = days if mention.precision == "day" else months if mention.precision == "month" else None
                if mention.relative and kept is not None and mention.expression not in kept:
                    kept.append(mention.expression)
        if days or months:
            found.append(Unplaced(item.source_id, tuple(days + months)))
    return tuple(found)


# --- where sources differ ------------------------------------------------------------------------

def sources_differ(material: Sequence[Material], cap: int, excerpts: Sequence[Excerpt] = ()
                   ) -> tuple[SourceDifference, ...]:
    """Up to ``cap`` matters on which the sources differ: measures on which the material's sources give
    figures that cannot all be right, and statements of ``excerpts`` (the brief's candidates) that
    contradict each other. Those touching the sources the items cite come first; figures before words
    where they touch as many."""
    figures = [_sourced(found, figure) for found in material for figure in found.figures if figure.measure]
    cited = {found.source_id for found in material if found.cited}
    ranked: list[tuple[int, int, int, SourceDifference]] = []
    for position, difference in enumerate(find_differences(figures)):
        touching = sum(1 for r in difference.readings for f in r if f.source_id in cited)
        ranked.append((-touching, 0, position, _difference_entry(difference.measure, difference.unit,
                                                                 difference.category, difference.readings)))
    for position, conflict in enumerate(_conflicts(excerpts)):
        touching = sum(1 for side in conflict.sides for c in side if c.source_id in cited)
        ranked.append((-touching, 1, position, _contradiction_entry(conflict)))
    ranked.sort(key=lambda entry: entry[:3])
    return tuple(entry for *_, entry in ranked[:cap])


def item_contradictions(excerpts: Sequence[Excerpt]) -> tuple[Contradiction, ...]:
    """Statements of the merged excerpts of one item (from different sources) that contradict each other."""
    if len({e.source_id for e in excerpts}) < 2:
        return ()
    return tuple(_contradiction_entry(conflict) for conflict in _conflicts(excerpts))


def _conflicts(excerpts: Sequence[Excerpt]) -> list[Conflict]:
    ordered = sorted(excerpts, key=lambda e: (e.source_id, e.start))
    return find_contradictions(statements_of((e.text, e.source_id, e.start, e.published) for e in ordered))


def _contradiction_entry(conflict: Conflict) -> Contradiction:
    def reading(claims: Sequence[Claim]) -> StatementReading:
        return StatementReading(text=claims[0].clause,
                                citations=tuple(_passage(c.source_id, *c.absolute) for c in claims))

    return Contradiction(question=conflict.question, readings=tuple(reading(side) for side in conflict.sides))


def item_differences(excerpts: Sequence[Excerpt], earliest: Mapping[str, bool] | None = None
                     ) -> tuple[FigureDifference, ...]:
    """Figures on which the merged excerpts of one item (from different sources) disagree. ``earliest``: the
    sources whose date is only the earliest possible (their attack counts carry no night)."""
    if len({e.source_id for e in excerpts}) < 2:
        return ()
    figures = []
    for excerpt in excerpts:
        night_known = not (earliest or {}).get(excerpt.source_id)
        for figure in figures_in_passage(excerpt.text, excerpt.source_id, excerpt.published if night_known else None):
            if figure.measure:
                figures.append(SourcedFigure(figure, excerpt.text, excerpt.source_id, excerpt.start, excerpt.end, True))
    return tuple(_difference_entry(d.measure, d.unit, d.category, d.readings) for d in find_differences(figures))


def with_item_differences(section: ExtraSection, differences: Iterable[SourceDifference], cap: int) -> ExtraSection:
    """The "where sources differ" section with the differences noted under items first, so that the
    section never says the sources agree where an item says they do not; at most ``cap`` in all.

    Two contradictions are one when they show a passage in common (an item's and the section's
    reading of the same sentences)."""
    entries: dict[object, ExtraEntry] = {}
    shown: set[tuple[str, int, int]] = set()
    for entry in (*differences, *section.entries):
        if isinstance(entry, FigureDifference):
            entries.setdefault((entry.measure.lower(), entry.unit), entry)
        elif isinstance(entry, Contradiction):
            passages = {(p.source_id, p.start, p.end) for r in entry.readings for p in r.citations}
            if not passages & shown:
                entries[("wording", len(entries))] = entry
                shown |= passages
        elif isinstance(entry, QuotedDifferently):  # an item's and a timeline row's note on the same words
            entries.setdefault(("quoted", frozenset(comparison_key(r.text) for r in entry.readings)), entry)
    return replace(section, entries=tuple(entries.values())[:cap])


def _difference_entry(measure: str, unit: str, category: str,
                      readings: Sequence[Sequence[SourcedFigure]]) -> FigureDifference:
    return FigureDifference(measure=measure, unit=unit, category=category, readings=tuple(
        FigureReading(text=out_of_its_sentence(reading[0].figure.written), value=reading[0].figure.value,
                      citations=tuple(dict.fromkeys(_passage(f.source_id, f.start, f.end) for f in reading)))
        for reading in readings))


# --- numbering -----------------------------------------------------------------------------------

def section_source_ids(section: ExtraSection) -> list[str]:
    """The sources an analyst's section cites, in the order it shows them."""
    ids: list[str] = []
    for entry in section.entries:
        passages = [p for r in entry.readings for p in r.citations] \
            if isinstance(entry, (FigureDifference, Contradiction, QuotedDifferently)) else list(entry.citations)
        ids.extend(p.source_id for p in passages)
    return list(dict.fromkeys(ids))


def number_differences(differences: Iterable[SourceDifference], numbers: dict[str, int]
                       ) -> tuple[SourceDifference, ...]:
    """``differences`` with their sources' numbers filled in, as :func:`number_section` numbers a section's."""
    numbered = number_section(ExtraSection("sources-differ", "", tuple(differences)), numbers).entries
    return numbered  # type: ignore[return-value]  # entries of a "sources-differ" section are differences


def number_section(section: ExtraSection, numbers: dict[str, int]) -> ExtraSection:
    """``section`` with each passage's source number filled in, citations in number order per entry."""

    def numbered(passages: Iterable[Passage]) -> tuple[Passage, ...]:
        unique = {p.source_id: replace(p, number=numbers[p.source_id]) for p in passages}
        return tuple(sorted(unique.values(), key=lambda p: p.number))

    entries: list[ExtraEntry] = []
    for entry in section.entries:
        if isinstance(entry, FigureDifference):
            figures = sorted((replace(r, citations=numbered(r.citations)) for r in entry.readings),
                             key=lambda r: r.citations[0].number)
            entries.append(replace(entry, readings=tuple(figures)))
        elif isinstance(entry, (Contradiction, QuotedDifferently)):
            sides = sorted((replace(r, citations=numbered(r.citations)) for r in entry.readings),
                           key=lambda r: r.citations[0].number)
            entries.append(replace(entry, readings=tuple(sides)))
        else:
            entries.append(replace(entry, citations=numbered(entry.citations)))
    return replace(section, entries=tuple(entries))
