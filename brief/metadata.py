"""Source metadata with its provenance: stated by a person, inferred by us, or unknown.

Precedence, highest first: ``seeds/sources.yaml`` (an analyst checked it),
the article's own front matter, an HTML page's metadata, then inference from
the text (title line, "Published …" line or dateline, "By …"/"Author: …" byline
and a date on it, a strapline under the title or a dateline opening the first
paragraph, an outlet named in the sign-off; for the date, last of all the latest
date the text mentions, or the earliest it can have been published). Nothing is
invented: what none of these gives stays unknown and is shown as such.

The earliest date an article can have appeared comes from a text that says which
year it is written in ("as 2025 closes", "2025 so far", a title naming the year
that no later year in the text contradicts) and reports days of that year without
one ("Zelensky said on Dec. 18"): it was published on the latest of them or later.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from brief.cleaning import CleanedArticle
from brief.dates import FULL_DATE, find_full_date, full_date_of, leading_dateline, long_date, parse_any_date
from brief.segmentation import split_blocks
from brief.sentences import article_sentences
from brief.timeline import find_dates, tense_near

Origin = Literal["stated", "inferred", "unknown"]
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
OPINION = "opinion"
"""The kind of an opinion piece (:data:`SOURCE_KINDS`), whose view a brief marks as its author's."""
SOURCE_KINDS = ("news", "analysis", OPINION)
"""What a source is: news reports events; an analysis reads them, its author's judgement woven in; an opinion
piece (a commentary, a column, an op-ed) argues a view. A brief names the kind of an analysis or an opinion
piece in its list of sources, and marks what it takes from an opinion piece alone as such."""
_KIND_SYNONYMS = {"report": "news", "news analysis": "analysis", "commentary": "opinion", "comment": "opinion",
                  "op-ed": "opinion", "oped": "opinion", "column": "opinion", "editorial": "opinion"}


MENTIONED_DATE = "latest date the text mentions; no publication date given"
"""How a publication date guessed from the dates an article's text mentions is marked: a guess that
may lie in the future (an announced meeting), so it never decides a brief's "latest" date alone."""

EARLIEST_DATE = "no earlier than"
"""How the start of an inferred publication date's ``how`` marks it as the earliest the article can have
appeared, not the day it did: the latest day of the year it is written in that it reports."""


@dataclass(frozen=True)
class MetaValue:
    """One metadata value and where it came from."""

    value: str | dt.date | None
    origin: Origin
    how: str = ""
    """For inferred values: what it was inferred from, e.g. "byline, line 20"."""

    @property
    def known(self) -> bool:
        return self.value is not None

    def display(self) -> str:
        if self.value is None:
            return "unknown"
        if isinstance(self.value, dt.date):
            return long_date(self.value) + (" or later" if self.is_earliest else "")
        return str(self.value)

    @property
    def is_earliest(self) -> bool:
        """Whether this date is only the earliest possible (see :data:`EARLIEST_DATE`)."""
        return self.how.startswith(EARLIEST_DATE)


UNKNOWN = MetaValue(None, "unknown")


@dataclass(frozen=True)
class SourceMeta:
    """What a brief says about a source in its list of sources."""

    title: MetaValue = UNKNOWN
    outlet: MetaValue = UNKNOWN
    author: MetaValue = UNKNOWN
    published: MetaValue = UNKNOWN
    url: MetaValue = UNKNOWN
    reliability: MetaValue = UNKNOWN
    """Admiralty-scale source grade, A (reliable) to F (cannot be judged)."""
    kind: MetaValue = UNKNOWN
    """One of :data:`SOURCE_KINDS`."""

    @property
    def date(self) -> dt.date | None:
        value = self.published.value
        return value if isinstance(value, dt.date) else None

    @property
    def date_is_earliest(self) -> bool:
        """Whether :attr:`date` is only the earliest the article can have appeared."""
        return self.published.is_earliest

    @property
    def date_is_mentioned(self) -> bool:
        """Whether :attr:`date` is only the latest the text mentions (:data:`MENTIONED_DATE`): a guess."""
        return self.published.how == MENTIONED_DATE

    @property
    def day_is_known(self) -> bool:
        """Whether :attr:`date` is the article's own day: given or read, neither guessed from the days its text
        mentions nor only the earliest it can have appeared."""
        return self.date is not None and not self.date_is_earliest and not self.date_is_mentioned


_OUTLET_WORDS = (r"Times|Post|News|Herald|Journal|Tribune|Telegraph|Guardian|Gazette|Chronicle|Monitor"
                 r"|Observer|Review|Daily|Express|Standard|Insider|Wire|Today|Weekly|Press|Independent"
                 r"|Mirror|Star|Sun|Dispatch|Reporter|Agency|Magazine|Network|Media|Radio|TV")
_OUTLET = re.compile(rf"\b((?:[A-Z][\w&'’.-]*\s+){{0,3}}(?:{_OUTLET_WORDS}))\b")
# The holder's name is its capitalised words: it stops before "All rights reserved", a URL or a period.
_COPYRIGHT = re.compile(r"(?i:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                        r"([A-Z][\w&'’-]*(?:(?:\s+(?:of|and|&|for|on|the))?\s+(?!All\b)[A-Z][\w&'’-]*){0,5})")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_BYLINE_NAME = re.compile(r"^(?:by|author:|authors:|written by|words by|reporting by|story by)\s+(.+)$",
                          re.IGNORECASE)


def infer_metadata(cleaned: CleanedArticle, *, dated: bool = False) -> dict[str, MetaValue]:
    """What the cleaned text and its dropped lines tell about the source.

    ``dated``: the source has a stated publication date, which wins over any inferred
    one, so the dates of its whole text are not read for one (a long article's costliest step).
    """
    found: dict[str, MetaValue] = {}
    byline_date: MetaValue | None = None
    if cleaned.title:
        found["title"] = MetaValue(cleaned.title, "inferred", "first line")
    for dropped in cleaned.dropped:
        core = dropped.text.strip(" |•·-–—")
        where = f"line {dropped.line}"
        if dropped.reason in ("publication date", "dateline") and "published" not in found:
            date = find_full_date(core)
            if date:
                found["published"] = MetaValue(date, "inferred", f"{dropped.reason}, {where}")
        elif dropped.reason == "byline":
            match = _BYLINE_NAME.match(core)
            if match and "author" not in found:
                name = re.split(r"\s*[,|–—]\s*", match.group(1))[0].strip()
                found["author"] = MetaValue(name, "inferred", f"byline, {where}")
            # "By Maria Lund | 22 December 2025": a date on the byline is when the article appeared;
            # a "Published …" line or a dateline, more explicit, wins wherever it stands.
            date = find_full_date(core) if byline_date is None else None
            if date:
                byline_date = MetaValue(date, "inferred", f"byline, {where}")
        if dropped.reason in ("sign-off", "byline", "source list") and "outlet" not in found:
            outlet = _COPYRIGHT.search(core) or _OUTLET.search(core)
            if outlet and dropped.reason != "source list":
                found["outlet"] = MetaValue(outlet.group(1).strip(" .,"), "inferred", f"sign-off, {where}")
        if dropped.reason in ("sign-off", "byline") and "url" not in found:
            url = _URL.search(core)
            if url:
                found["url"] = MetaValue(url.group(0).rstrip(".,"), "inferred", f"{where}")
    if "published" not in found and byline_date is not None:
        found["published"] = byline_date
    kind = _kind_declared(cleaned)
    if kind is not None:
        found["kind"] = kind
    if "published" not in found and not dated:
        found.update(_header_date(cleaned))
    if "published" not in found and not dated:
        latest = _latest_date_mentioned(cleaned.text)
        earliest = _earliest_publication(cleaned)
        if earliest and (latest is None or earliest.value > latest):  # type: ignore[operator]
            found["published"] = earliest
        elif latest:
            found["published"] = MetaValue(latest, "inferred", MENTIONED_DATE)
    return found


_KIND_LABEL = re.compile(r"^(opinion|op-ed|commentary|comment|column|editorial|analysis|news analysis)"
                         r"(?:\s*$|\s*[·|:—–]|\s+-\s)", re.IGNORECASE)
"""A label of the page's kind, over or in its title: "Commentary · Eastern Europe Programme", "Opinion: …",
"Analysis | Europe"; not "Opinion-poll shows …", nor a menu of sections ("Opinion | Sport | Culture")."""
_LABEL_BLOCKS = 3
"""How far into the text a label of the kind may stand: the title, a kicker under it, a strapline."""


def _kind_declared(cleaned: CleanedArticle) -> MetaValue | None:
    """The kind of source the page declares itself (:data:`SOURCE_KINDS`): a label over or in its title
    ("Commentary · …", "Opinion: …"), or a note that the views are its author's own, which cleaning takes out
    (:mod:`brief.cleaning`); None when it does not say (a page of news rarely labels itself so)."""
    for number, block in enumerate(split_blocks(cleaned.text)[:_LABEL_BLOCKS]):
        text = cleaned.text[block.start:block.end]
        label = _KIND_LABEL.match(text.strip(" *_#"))
        if label and (number == 0 or len(text.split()) <= 8) and text.count("|") < 2:
            kind = normalise_stated("kind", label.group(1))
            return MetaValue(kind, "inferred", f"labelled “{label.group(1)}”")
    for dropped in cleaned.dropped:
        if dropped.reason == "author's note":  # "The views expressed are her own."
            return MetaValue(OPINION, "inferred", f"author's note, line {dropped.line}")
    return None


_YEAR = r"(?:19|20)\d\d"
_YEAR_WRITTEN_IN = re.compile(
    rf"\bas (?P<a>{_YEAR}) (?:closes|ends|draws to (?:a|its) close|comes to (?:a close|an end)|winds down"
    rf"|nears (?:its|an) end)\b|\b(?P<b>{_YEAR}) so far\b|\bso far (?:in|this year,?) (?P<c>{_YEAR})\b"
    rf"|\b(?:in|for) (?P<d>{_YEAR}) to date\b|\bthis year,? (?P<e>{_YEAR})\b", re.IGNORECASE)
"""Words that say which year a text is written in: "as 2025 closes", "2025 so far", "in 2025 to date"."""
_BARE_YEAR = re.compile(rf"(?<![\d/.-])\b(?P<y>{_YEAR})\b(?![\d/.-])")


def _year_written_in(cleaned: CleanedArticle) -> tuple[int, str] | None:
    """The year the text says it is written in, and the words that say so; None when it does not say.

    A title naming a year ("Ukraine War 2025: …") says so too when the text names no later year
    outside announcements ("talks due in 2026"). Cues that disagree give no year.
    """
    said: dict[int, str] = {}  # year → the first words that say it
    for match in _YEAR_WRITTEN_IN.finditer(cleaned.text):
        said.setdefault(int(next(y for y in match.groups() if y)), match.group(0))
    title_years = {int(match.group("y")) for match in _BARE_YEAR.finditer(cleaned.title or "")}
    if len(title_years) == 1:
        year = title_years.pop()
        if not any(int(match.group("y")) > year and not _AHEAD.search(cleaned.text, max(0, match.start() - 100),
                                                                       match.start())
                   for match in _BARE_YEAR.finditer(cleaned.text)):
            said.setdefault(year, f"the title, “{cleaned.title}”")
    return next(iter(said.items())) if len(said) == 1 else None


def _earliest_publication(cleaned: CleanedArticle) -> MetaValue | None:
    """The earliest date the article can have appeared, as an inferred publication date, or None.

    The text says which year it is written in, and reports days of that year without naming it
    ("said on Dec. 18"): the latest of them, in the past tense, is the earliest it can be from.
    """
    written = _year_written_in(cleaned)
    if written is None:
        return None
    year, cue = written
    end_of_year = dt.date(year, 12, 31)
    latest: tuple[dt.date, str] | None = None
    for sentence in article_sentences(cleaned.text):
        body = cleaned.text[sentence.start:sentence.end]
        for mention in find_dates(body, end_of_year, published_earliest=True):
            if mention.precision != "day" or not mention.relative or mention.date.year != year:
                continue
            if tense_near(body, mention.start, mention.end) != "past":
                continue  # "talks on Dec. 20" may be ahead of the writing
            if latest is None or mention.date > latest[0]:
                latest = (mention.date, mention.expression)
    if latest is None:
        return None
    return MetaValue(latest[0], "inferred",
                     f"{EARLIEST_DATE} the latest day it reports ({latest[1]}) of {year}, the year it is written in"
                     f" ({cue})")


_FIELD_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+[–—]\s+")
_DATE_FIELD = re.compile(rf"(?:[A-Z][a-z]+day,?\s+)?(?:{FULL_DATE.pattern})"
                         r"(?:,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?", re.IGNORECASE)
"""One field of a strapline that is a date and nothing else: "Monday 22 December 2025", "22 December 2025, 07:00"."""


def _header_date(cleaned: CleanedArticle) -> dict[str, MetaValue]:
    """The publication date the head of the canonical text gives, as ``{"published": …}`` or nothing.

    A strapline under the title ("The Eastfield Policy Newsletter | Monday 22 December 2025": fields
    apart, one of them a date alone) or a dateline opening the first paragraph ("MOSCOW, 12 December
    2025. The Kremlin …") dates the article itself. The cleaner keeps both in the text (the strapline
    reads as a heading, the dateline is part of a paragraph), so without this they passed for dates
    the text mentions, which never decide a brief's "latest" date. A dateline without a year gives none.
    """
    blocks = split_blocks(cleaned.text, cleaned.title)
    for block in blocks:
        body = cleaned.text[block.start:block.end]
        if block.kind == "paragraph":
            dateline = leading_dateline(body)
            date = find_full_date(dateline.group("date") or "") if dateline else None
            return {"published": MetaValue(date, "inferred", "dateline opening the first paragraph")} if date else {}
        if block.kind != "heading":
            continue
        for line in body.split("\n"):
            fields = _FIELD_SEPARATOR.split(line.strip())
            dates = [find_full_date(field) for field in fields if _DATE_FIELD.fullmatch(field)]
            if len(fields) > 1 and dates and dates[0] is not None:
                return {"published": MetaValue(dates[0], "inferred", "strapline under the title")}
    return {}


_AHEAD = re.compile(
    r"(?:\b(?:will|won[’']t|shall|could|would|(?-i:may|might)|due|set to|expected|plann(?:ed|ing)|plans? to"
    r"|scheduled|upcoming|next)\b(?:[^.,;!?]|(?<=day),|(?<=\d)[.,](?=\d)){0,80}|\b(?:by|until|before)\s+(?:[a-z]+day,?\s+)?)$", re.IGNORECASE)
"""Words before a date, in its clause, that put it ahead of the telling: "talks could resume on 12 March".

The clause ends at a stop or a comma, but not at one inside a number ("30,387", "8.3%")
nor at the comma after a weekday ("on Sunday, 10 August").
"""


def _latest_date_mentioned(text: str) -> dt.date | None:
    """The latest full date (day, month, year) the article's text gives for something that happened.

    A date announced for later ("could resume on 12 March", "due by 1 May") comes
    after the article was written and says nothing more about when: a text that
    gives only such dates leaves the publication date unknown (nothing is invented),
    rather than set it weeks ahead, where ``as_of: latest`` would follow it.
    """
    told: list[dt.date] = []
    for match in FULL_DATE.finditer(text):
        date = full_date_of(match)
        if date is not None:
            window = max(0, match.start() - 100)  # as far back as a cue can be, and no further
            if not _AHEAD.search(text, window, match.start()):
                told.append(date)
    return max(told, default=None)


def stated_form(key: str) -> str:
    """What a stated value of ``key`` must be, for a message about one that is not: "a date as YYYY-MM-DD"."""
    return {"published": "a date as YYYY-MM-DD", "reliability": "a grade " + "–".join(RELIABILITY_GRADES[::5]),
            "kind": "one of " + ", ".join(SOURCE_KINDS)}.get(key, "text")


def normalise_stated(key: str, value: object) -> str | dt.date | None:
    """A stated value in the type the brief uses; None when it cannot be one."""
    if key == "published":
        return parse_any_date(value)
    if key == "reliability":
        text = str(value).strip().upper()
        return text if text in RELIABILITY_GRADES else None
    if key == "kind":
        kind = " ".join(str(value).split()).lower()
        kind = _KIND_SYNONYMS.get(kind, kind)
        return kind if kind in SOURCE_KINDS else None
    text = str(value).strip()
    return text or None


def merge_metadata(*layers: tuple[str, dict[str, object]], inferred: dict[str, MetaValue]) -> SourceMeta:
    """Combine stated layers (highest first, each named for messages) with inferences."""
    values: dict[str, MetaValue] = {}
    for key in SourceMeta.__dataclass_fields__:
        for layer_name, layer in layers:
            if key in layer and layer[key] is not None:
                value = normalise_stated(key, layer[key])
                if value is not None:
                    origin: Origin = "inferred" if layer_name == "page metadata" else "stated"
                    values[key] = MetaValue(value, origin, layer_name)
                    break
        else:
            if key in inferred:
                values[key] = inferred[key]
    return SourceMeta(**values)
