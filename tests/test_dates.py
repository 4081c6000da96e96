"""Dates as articles and pages write them: which forms are full dates, and which day each stands for."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.dates import FULL_DATE, find_full_date, full_date_of, parse_any_date


@pytest.mark.parametrize(("text", "date"), [
    ("June 12, 2025", dt.date(2025, 6, 12)),
    ("4 December 2025", dt.date(2025, 12, 4)),
    ("Dec. 17, 2025", dt.date(2025, 12, 17)),
    ("27th April 2024", dt.date(2024, 4, 27)),
    ("2025-03-04", dt.date(2025, 3, 4)),
    ("2025-03-04T09:12:00+02:00", dt.date(2025, 3, 4)),
    ("2025-03-04T09:12Z", dt.date(2025, 3, 4)),
    ("2025/03/04", dt.date(2025, 3, 4)),
    ("04.03.2025", dt.date(2025, 3, 4)),
    ("25/03/2025", dt.date(2025, 3, 25)),
    ("03/25/2025", dt.date(2025, 3, 25)),
])
def test_full_dates_in_every_common_form(text, date):
    assert find_full_date(f"Published {text} by the desk") == date


def test_a_slashed_date_that_reads_both_ways_is_a_date_of_no_known_day():
    """"04/03/2025": 4 March in Europe, April 3 in the United States. The line is still a date line."""
    match = FULL_DATE.search("Published 04/03/2025")
    assert match is not None and match.group(0) == "04/03/2025"
    assert full_date_of(match) is None
    assert find_full_date("Published 04/03/2025") is None


@pytest.mark.parametrize("text", ["the 9/11 attacks", "1.5 million people", "31/31/2025", "2025-13-40",
                                  "call 2025-03-0412"])
def test_what_is_not_a_full_date(text):
    assert find_full_date(text) is None


def test_page_and_front_matter_dates():
    assert parse_any_date("2025-03-04T09:12:00Z") == dt.date(2025, 3, 4)
    assert parse_any_date("Tue, 04 Mar 2025 10:00:00 GMT") == dt.date(2025, 3, 4)
    assert parse_any_date(dt.date(2025, 3, 4)) == dt.date(2025, 3, 4)
    assert parse_any_date("8/10/23") is None


@pytest.mark.parametrize(("text", "rest", "date"), [
    ("KYIV, Dec 9 (Meridian Wire) - Ukraine has sent the plan.", "Ukraine has sent the plan.", "Dec 9"),
    ("MOSCOW, 12 December 2025. The Kremlin said so.", "The Kremlin said so.", "12 December 2025"),
    ("WASHINGTON/KYIV, Dec 15 (Reuters) - Envoys met.", "Envoys met.", "Dec 15"),
    ("KYIV, Ukraine, Dec. 3, 2025 — Russia struck.", "Russia struck.", "Dec. 3, 2025"),
    ("LONDON (Reuters) — Talks ended.", "Talks ended.", None),
    ("KYIV, Dec. 22: Envoys met in Miami.", "Envoys met in Miami.", "Dec. 22"),
    ("LONDON (Reuters): Talks ended.", "Talks ended.", None),
    ("BERLIN (dpa): Talks ended.", "Talks ended.", None),
    ("NEW DELHI: Modi spoke with Zelensky.", "Modi spoke with Zelensky.", None),
])
def test_a_leading_dateline_and_its_filing_date(text: str, rest: str, date: str | None) -> None:
    from brief.dates import leading_dateline

    match = leading_dateline(text)
    assert match is not None and text[match.end():] == rest and match.group("date") == date


@pytest.mark.parametrize("text", ["U.S. President Trump said so.", "NATO. The alliance met.",
                                  "BERLIN – talks resumed.", "The talks in KYIV - ended.",
                                  # a transcript's speaker with a role
                                  "DANIEL FERREIRA (analyst): Closer, certainly.",
                                  "OLENA KOVAL (Kyiv School of Economics): It buys time."])
def test_no_dateline(text: str) -> None:
    from brief.dates import leading_dateline

    assert leading_dateline(text) is None


@pytest.mark.parametrize("text", ["ANCHOR: Good evening.", "NEW DELHI: Modi spoke with Zelensky.",
                                  "FERREIRA: It buys Kyiv time."])
def test_a_name_and_a_colon_past_the_opening_paragraph_is_a_speaker_not_a_dateline(text: str) -> None:
    from brief.dates import leading_dateline

    assert leading_dateline(text, opens_article=False) is None
    assert leading_dateline("KYIV, Dec 9: " + text, opens_article=False) is not None  # a date: a dateline
