"""Source metadata with its provenance: stated by a person, inferred by us, or unknown.

Precedence, highest first: ``seeds/sources.yaml`` (an analyst checked it),
the article's own front matter, an HTML page's metadata, then inference from
the text (title line, "Published …" line or dateline, "By …"/"Author: …" byline
and a date on it, a strapline under the title or a dateline opening the first
paragraph, an outlet named in the sign-off; for the date, last of all the latest
date the text mentions). Nothing is invented: what none of these gives stays
unknown and is shown as such.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from brief.cleaning import CleanedArticle
from brief.dates import FULL_DATE, find_full_date, full_date_of, leading_dateline, long_date, parse_any_date
from brief.segmentation import split_blocks

Origin = Literal["stated", "inferred", "unknown"]
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")


MENTIONED_DATE = "latest date the text mentions; no publication date given"
"""How a publication date guessed from the dates an article's text mentions is marked: a guess that
may lie in the future (an announced meeting), so it never decides a brief's "latest" date alone."""


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
        return long_date(self.value) if isinstance(self.value, dt.date) else str(self.value)


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

    @property
    def date(self) -> dt.date | None:
        value = self.published.value
        return value if isinstance(value, dt.date) else None


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
    if "published" not in found and not dated:
        found.update(_header_date(cleaned))
    if "published" not in found and not dated:
        latest = _latest_date_mentioned(cleaned.text)
        if latest:
            found["published"] = MetaValue(latest, "inferred", MENTIONED_DATE)
    return found


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


def normalise_stated(key: str, value: object) -> str | dt.date | None:
    """A stated value in the type the brief uses; None when it cannot be one."""
    if key == "published":
        return parse_any_date(value)
    if key == "reliability":
        text = str(value).strip().upper()
        return text if text in RELIABILITY_GRADES else None
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
