"""Dates as articles write them: "June 12, 2025", "4 December 2025", "Dec. 17", ISO, "04.03.2025".

One place for the date patterns, shared by the cleaner (to recognise
publication lines and datelines), metadata inference and recipe validation.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
              r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
"""A month's name or its abbreviation (without the full stop), capitalised."""
_MDY = rf"(?P<m1>{MONTH_NAME})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
_DMY = rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_NAME})\.?,?\s+(?P<y2>\d{{4}})"
# ISO, with the time a page's metadata or a CMS adds ("2025-03-04T09:12:00+02:00").
_ISO = (r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
        r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_YMD_SLASH = r"(?P<y4>\d{4})/(?P<m4>\d{1,2})/(?P<d4>\d{1,2})"
_DMY_DOT = r"(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?P<y5>\d{4})"
# "04/03/2025" is 4 March in Europe and April 3 in the United States: only a part over 12 says which.
_SLASHED = r"(?P<a6>\d{1,2})/(?P<b6>\d{1,2})/(?P<y6>\d{4})"

_DATELINE_DAY = (rf"(?:{MONTH_NAME}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"          # Dec 9, Dec. 9, 2025, December 15
                 rf"|\d{{1,2}}\s+{MONTH_NAME}\.?(?:\s+\d{{4}})?)")             # 12 December 2025
LEADING_DATELINE = re.compile(
    r"[A-Z]{2}[A-Z’'.-]*(?:[ /][A-Z]{2}[A-Z’'.-]*)*"                       # KYIV, NEW YORK, WASHINGTON/KYIV
    r"(?:,\s+[A-Z][a-z’'.-]+(?:\s+[A-Z][a-z’'.-]+)*)?"                    # , Ukraine
    rf"(?:,?\s+(?P<date>{_DATELINE_DAY}))?"
    r"(?:\s*\([^()\n]{1,60}\))?"                                          # (Reuters)
    r"\s*(?:[-–—:]+\s*|(?P<stop>\.)(?:\s+|$))(?=[A-Z“\"]|$)")
"""A wire story's dateline at the start of a paragraph: "KYIV, Dec 9 (Meridian Wire) - ", "MOSCOW, 12
December 2025. ", "WASHINGTON/KYIV, Dec 15 (Reuters) - ", "LONDON (Reuters) — ". It ends with a dash
before a capital; with a full stop only after a date (:func:`leading_dateline`)."""


def leading_dateline(text: str, *, opens_article: bool = True) -> re.Match[str] | None:
    """The dateline ``text`` opens with (its ``date`` group the filing date, if it gives one), or None.

    Names in capitals and a colon with no date are also how a transcript labels its speakers
    (:mod:`brief.transcripts`). They are a dateline ("NEW DELHI: ") only in the paragraph that opens the
    article (``opens_article``), and not when a role in brackets follows them ("DANIEL FERREIRA (analyst): ",
    "OLENA KOVAL (Kyiv School of Economics): "), unlike an agency ("(Reuters)", "(Crossbridge Wire)").
    """
    match = LEADING_DATELINE.match(text)
    if match is None or (match.group("stop") and not match.group("date")):
        return None
    if not match.group("date") and match.group().rstrip().endswith(":"):
        brackets = _BRACKETS.search(match.group())
        if not opens_article or (brackets and not _AGENCY.fullmatch(brackets.group(1))):
            return None
    return match


_BRACKETS = re.compile(r"\(([^()]*)\)")
_AGENCY = re.compile(r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*|[a-z]{2,4}")
"""An agency or outlet in a dateline's brackets: capitalised words ("Reuters", "Crossbridge Wire") or a short
lower-case name ("dpa"). "analyst", "Kyiv School of Economics", "former NATO official" are a speaker's role."""


FULL_DATE = re.compile(rf"\b(?:{_MDY}|{_DMY}|{_ISO}|{_YMD_SLASH}|{_DMY_DOT}|{_SLASHED})\b", re.IGNORECASE)
"""A date with day, month and year, in any of the common newspaper and web forms.

A match of a slashed date that could be read either way (``04/03/2025``) stands for
no date: :func:`full_date_of` gives None, as for a date that does not exist.
"""


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    try:
        if groups["y1"]:
            return dt.date(int(groups["y1"]), MONTHS[groups["m1"][:3].lower()], int(groups["d1"]))
        if groups["y2"]:
            return dt.date(int(groups["y2"]), MONTHS[groups["m2"][:3].lower()], int(groups["d2"]))
        if groups["y3"]:
            return dt.date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        if groups["y4"]:
            return dt.date(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))
        if groups["y5"]:
            return dt.date(int(groups["y5"]), int(groups["m5"]), int(groups["d5"]))
        first, second, year = int(groups["a6"]), int(groups["b6"]), int(groups["y6"])
        if first > 12 >= second:
            return dt.date(year, second, first)
        if second > 12 >= first:
            return dt.date(year, first, second)
        return None
    except ValueError:
        return None


def full_date_of(match: re.Match[str]) -> dt.date | None:
    """The date a :data:`FULL_DATE` match stands for, or None when it is not a real date (31 June)."""
    return _from_match(match)


def find_full_date(text: str) -> dt.date | None:
    """The first valid full date written in ``text``, or None."""
    for match in FULL_DATE.finditer(text):
        date = _from_match(match)
        if date is not None:
            return date
    return None


def parse_iso_date(value: object) -> dt.date | None:
    """``YYYY-MM-DD`` (string or date) → date; None when it is not a real date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_any_date(value: object) -> dt.date | None:
    """ISO or newspaper form, as found in front matter or HTML metadata."""
    date = parse_iso_date(value)
    if date is not None:
        return date
    if isinstance(value, str):
        iso_prefix = re.match(r"\s*(\d{4}-\d{2}-\d{2})[T ]", value)
        if iso_prefix:
            return parse_iso_date(iso_prefix.group(1))
        return find_full_date(value)
    return None


def long_date(date: dt.date) -> str:
    """4 December 2025 — the unambiguous form used in briefs."""
    return f"{date.day} {date.strftime('%B')} {date.year}"
