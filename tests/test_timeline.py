"""Dated events: each sentence's own date, resolved against the publication date and kept apart from it."""

from __future__ import annotations

import datetime as dt

import pytest

from brief.briefing import span_label
from brief.timeline import Event, chronological, extract_events, find_dates, spans_to
from brief.workspace import Workspace

D = dt.date


def events_of(workspace: Workspace, source_id: str, published: dt.date | None = None) -> list[Event]:
    source = workspace.corpus.get(source_id)
    return extract_events(source.text, source.id, published or source.date)


def by_expression(events: list[Event], expression: str) -> list[Event]:
    return [e for e in events if e.expression == expression]


# --- the shipped articles ----------------------------------------------------------------------

def test_events_point_into_their_source(shipped_workspace: Workspace) -> None:
    total = 0
    for source in shipped_workspace.corpus.sources:
        for event in extract_events(source.text, source.id, source.date):
            total += 1
            assert source.text[event.start:event.end] == event.text
            assert source.text[event.expression_start:event.expression_end] == event.expression
            assert event.start <= event.expression_start < event.expression_end <= event.end
            assert event.published == source.date
    assert total >= 8


def test_dec_17_in_a_december_2025_article(shipped_workspace: Workspace) -> None:
    # The analysis has no date in its text; sources.yaml says it appeared after 18 December 2025.
    events = events_of(shipped_workspace, "000_0207c4399900d62a", D(2025, 12, 20))
    (goals,) = by_expression(events, "Dec. 17")
    assert (goals.date, goals.precision, goals.relative) == (D(2025, 12, 17), "day", True)
    assert goals.text.startswith("“The goals of the special military operation")
    (brussels,) = by_expression(events, "Dec. 18")
    assert brussels.date == D(2025, 12, 18)
    # "Between March and August, …" and "British defense analysts assessed in August …"; not "… derailing what
    # he claims he agreed with Trump at their … Alaska summit in August", which tells of December's blame
    assert [e.date for e in by_expression(events, "August")] == [D(2025, 8, 1)] * 2
    assert not any(e.text.startswith("Putin instead cast Europe") for e in events)


def test_against_the_earliest_publication_date_only_what_needs_no_day_is_placed() -> None:
    text = ("Zelensky said on Dec. 9 that the talks had stalled. The envoys met on Tuesday. Officials spoke "
            "yesterday. This year has been hard. The summit in August failed.")
    events = extract_events(text, "s", D(2025, 12, 18), published_earliest=True)
    assert [(e.expression, e.date) for e in events] == [
        ("Dec. 9", D(2025, 12, 9)), ("This year", D(2025, 1, 1)), ("August", D(2025, 8, 1))]
    assert all(e.published_earliest for e in events)
    # with the day known, the weekday and "yesterday" are placed too
    known = extract_events(text, "s", D(2025, 12, 18))
    assert {"Tuesday", "yesterday"} <= {e.expression for e in known}


def test_without_a_publication_date_only_written_years_count(shipped_workspace: Workspace) -> None:
    source = shipped_workspace.corpus.get("000_0207c4399900d62a")
    events = extract_events(source.text, source.id, None)
    assert events, "the article names 2025 and 2022"
    assert not by_expression(events, "Dec. 17")
    assert all(not e.relative for e in events)


def test_the_kremlin_meeting(shipped_workspace: Workspace) -> None:
    events = events_of(shipped_workspace, "003_5b825d6438a3e144")
    (meeting,) = by_expression(events, "December 2, 2025")
    assert (meeting.date, meeting.precision, meeting.relative) == (D(2025, 12, 2), "day", False)
    assert meeting.text.startswith("On December 2, 2025, Russian President Vladimir Putin met")
    (anchorage,) = by_expression(events, "August")
    (budapest,) = by_expression(events, "October")
    assert (anchorage.date, anchorage.precision) == (D(2025, 8, 1), "month")
    assert budapest.date == D(2025, 10, 1)
    assert anchorage.text == budapest.text


def test_this_week_is_the_week_of_publication(shipped_workspace: Workspace) -> None:
    (talks,) = by_expression(events_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "this week")
    assert (talks.date, talks.precision) == (D(2025, 12, 1), "week")  # Monday of the week of Thu 4 Dec
    assert talks.published == D(2025, 12, 4)


def test_earlier_wars_keep_their_own_years(shipped_workspace: Workspace) -> None:
    events = events_of(shipped_workspace, "004_1ae0d73ebc0c7739")
    (istanbul,) = by_expression(events, "March 2022")
    assert (istanbul.date, istanbul.precision) == (D(2022, 3, 1), "month")


# --- resolution, on small texts ----------------------------------------------------------------

def resolve(text: str, published: dt.date | None) -> list[tuple[str, dt.date, str]]:
    return [(e.expression, e.date, e.precision) for e in extract_events(text, "t", published)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a month and day later in the year than publication, in the past tense: the year before
    ("The envoys met on Dec. 17 in Moscow.", D(2025, 6, 12), [("Dec. 17", D(2024, 12, 17), "day")]),
    ("The envoys will meet on Dec. 17 in Moscow.", D(2025, 6, 12), [("Dec. 17", D(2025, 12, 17), "day")]),
    ("On November 30 the delegation flew to Florida.", D(2025, 12, 4), [("November 30", D(2025, 11, 30), "day")]),
    ("Talks resume on Jan. 5 and will run for a week.", D(2025, 12, 20), [("Jan. 5", D(2026, 1, 5), "day")]),
    # weekdays: the last one on or before publication, or the next one for the future
    ("Witkoff met Zelensky on Tuesday in Berlin.", D(2025, 12, 4), [("Tuesday", D(2025, 12, 2), "day")]),
    ("Witkoff will meet Zelensky on Tuesday in Berlin.", D(2025, 12, 4), [("Tuesday", D(2025, 12, 9), "day")]),
    ("Witkoff met Zelensky on Thursday morning.", D(2025, 12, 4), [("Thursday", D(2025, 12, 4), "day")]),
    ("The talks collapsed yesterday after a walkout.", D(2025, 12, 4), [("yesterday", D(2025, 12, 3), "day")]),
    ("A ceasefire was agreed last week and talks resume next month.", D(2025, 12, 4),
     [("last week", D(2025, 11, 24), "week"), ("next month", D(2026, 1, 1), "month")]),
    ("Leaders met in Alaska in August and may meet again in May.", D(2025, 12, 4),
     [("August", D(2025, 8, 1), "month"), ("May", D(2026, 5, 1), "month")]),
    ("Talks stalled in mid-November and resumed earlier this month.", D(2025, 12, 4),
     [("November", D(2025, 11, 1), "month"), ("earlier this month", D(2025, 12, 1), "month")]),
    ("Putin met Witkoff in Moscow on Dec 2 and again on Thursday.", D(2025, 12, 4),
     [("Dec 2", D(2025, 12, 2), "day"), ("Thursday", D(2025, 12, 4), "day")]),
    ("The ministry said two days ago that a deal was close.", D(2025, 12, 4),
     [("two days ago", D(2025, 12, 2), "day")]),
    # a month or a day without a year and without a tense to go by: its nearest occurrence
    ("Officials expect a quiet holiday period followed by another push in January.", D(2025, 12, 22),
     [("January", D(2026, 1, 1), "month")]),
    ("The question is whether Putin answers before the holidays or lets the matter drift into January.",
     D(2025, 12, 22),
     [("January", D(2026, 1, 1), "month")]),
    ("A truce in January remains the hope of the mediators.", D(2025, 12, 22), [("January", D(2026, 1, 1), "month")]),
    ("Russia's gains in November were the largest of the year.", D(2025, 12, 12),
     [("November", D(2025, 11, 1), "month")]),
    ("A plan backed by Europe in March is the basis of the talks.", D(2025, 12, 4), [("March", D(2025, 3, 1), "month")]),
    ("The Dec. 17 speech is the text everyone quotes.", D(2025, 12, 20), [("Dec. 17", D(2025, 12, 17), "day")]),
    ("The Jan. 5 deadline is the one that counts.", D(2025, 12, 20), [("Jan. 5", D(2026, 1, 5), "day")]),
    # a span of days starts on its first (its last is the mention's until); either month of "July or August"
    ("Talks were held in Geneva on 22-23 November.", D(2025, 12, 4), [("22-23 November", D(2025, 11, 22), "day")]),
    ("Talks were held in Geneva on November 22-23.", D(2025, 12, 4), [("November 22-23", D(2025, 11, 22), "day")]),
    ("A third round could take place in July or August.", D(2025, 6, 12),
     [("July", D(2025, 7, 1), "month"), ("August", D(2025, 8, 1), "month")]),
    # absolute dates need no publication date
    ("Russia annexed Crimea in 2014, and the summit was held on 22 November 2025.", None,
     [("2014", D(2014, 1, 1), "year"), ("22 November 2025", D(2025, 11, 22), "day")]),
])
def test_dates_resolve_against_publication(text, published, expected) -> None:
    assert resolve(text, published) == expected


def test_relative_dates_are_skipped_without_a_publication_date() -> None:
    text = "Talks began on Tuesday, a day after the Dec. 17 meeting, and resumed yesterday and last week."
    assert resolve(text, None) == []
    assert len(resolve(text, D(2025, 12, 20))) == 4


def test_page_furniture_and_headings_are_not_events() -> None:
    text = "Ukraine War 2025: talks falter\n\nUpdated 3 hours ago\n\nNothing of note happened in the talks at all."
    assert extract_events(text, "t", D(2025, 12, 4)) == []


@pytest.mark.parametrize("text", [
    "MOSCOW, 12 December 2025. The Kremlin has said that a settlement is possible.",
    "KYIV, Dec 9 (Meridian Wire) - Ukraine has sent the United States a revised draft.",
    "BERLIN, December 15 (Reuters) — Envoys met at the Chancellery.",
    "WASHINGTON/KYIV, Dec 15 (Reuters) - Envoys met at the Chancellery.",
])
def test_a_dateline_is_the_publication_not_an_event(text: str) -> None:
    assert extract_events(text, "t", D(2025, 12, 9)) == []


def test_a_dateline_leaves_the_events_of_its_sentence() -> None:
    text = "KYIV, Dec 9 (Meridian Wire) - Ukraine has sent a revised draft, officials in Kyiv said on Tuesday."
    assert resolve(text, D(2025, 12, 9)) == [("Tuesday", D(2025, 12, 9), "day")]


@pytest.mark.parametrize("text", ["That's it for today.", "That's all from us for today.",
                                  "Thank you for following us today.",
                                  "We will be back tomorrow with the latest from the Miami talks.",
                                  "The Eastfield Policy Newsletter will return on 5 January.",
                                  "Here is what you need to know about the Ukraine negotiations this week."])
def test_a_sign_off_is_not_an_event(text: str) -> None:
    assert extract_events(text, "t", D(2025, 12, 19)) == []


@pytest.mark.parametrize("text", [
    "Whether Putin answers the U.S. documents before the New Year holidays, or lets the matter drift into January.",
    "Expect a quiet holiday period followed by another push in January.",
    "Do not expect a ceasefire before the spring talks in March.",
    "Watch for the European Council's decision on Thursday.",
    "Our view: the distance between the parties on land is no smaller than it was in August.",
    "Bottom line: nothing agreed in Berlin on Monday binds Moscow.",
])
def test_a_watch_list_question_an_order_or_an_opinion_is_not_an_event(text: str) -> None:
    assert extract_events(text, "t", D(2025, 12, 22)) == []


@pytest.mark.parametrize(("text", "expression"), [
    ("Mark Rutte met Zelensky in Berlin on Monday.", "Monday"),
    ("Watchdogs reported the strike on Tuesday.", "Tuesday"),
    ("The view from Kyiv changed in November.", "November"),
    ("Analysts said on Monday that whether talks resume is unclear.", "Monday"),
    ("Expect more strikes on the grid this winter, Zelensky warned on Monday.", "Monday"),
    ("Whether the U.S. would accept monitors remained doubtful after the talks on Monday.", "Monday"),
])
def test_a_statement_that_opens_like_one_is_still_an_event(text: str, expression: str) -> None:
    assert [e.expression for e in extract_events(text, "t", D(2025, 12, 22))] == [expression]


@pytest.mark.parametrize(("text", "expressions"), [
    # seed 000: the blame is December's; August is when the summit was (and another source's row says so)
    ("Putin instead cast Europe as the spoiler, accusing EU leaders—whom he recently derided as “swine”—of "
     "derailing what he claims he agreed with Trump at their brief, inconclusive Alaska summit in August.", []),
    ("Russia rejected what was agreed in Geneva in November.", []),
    ("What was agreed in Geneva in November fell apart.", ["November"]),  # the clause is the sentence's subject
    ("Zelensky repeated on Monday what he had said in March.", ["Monday"]),  # the act's own date stays
    ("Nobody knows what comes next; talks resume in January.", ["January"]),  # a new clause after the semicolon
])
def test_a_date_in_a_what_clause_after_the_act_dates_the_clause_not_the_act(text: str, expressions: list[str]) -> None:
    assert [e.expression for e in extract_events(text, "t", D(2025, 12, 18))] == expressions


@pytest.mark.parametrize(("text", "expressions"), [
    # seed 000: months of European effort up to now; February is only when the encounter was
    ("European governments and Kyiv have spent months trying to bend the process away from Russian priorities, "
     "especially after a fraught Oval Office encounter between Trump and President Volodymyr Zelensky in "
     "February.", []),
    ("Moscow has for years refused talks since the invasion of 24 February 2022.", []),
    ("Ukraine agreed the text after talks in Geneva on Nov. 23.", ["Nov. 23"]),  # one act, dated by the talks
    ("Kyiv has waited weeks for an answer; after the call on Monday, Witkoff flew to Moscow.", ["Monday"]),
    ("The envoys have met twice in Miami after the summit in March.", ["March"]),  # no months of it: two acts
])
def test_a_date_after_an_act_going_on_for_months_dates_only_the_since_clause(text: str,
                                                                           expressions: list[str]) -> None:
    assert [e.expression for e in extract_events(text, "t", D(2025, 12, 18))] == expressions


@pytest.mark.parametrize(("text", "expressions"), [
    # w10: the annex was drawn up on none of the days of the Berlin meetings, and no day of its own is given
    ("The annex, about a dozen pages long, was drawn up in the days after Sunday and Monday's meetings in Berlin "
     "and has not yet been shown to Moscow.", []),
    ("Shelling intensified in the weeks leading up to the summit on Dec. 18.", []),
    ("On Friday, in the days before the summit, Kyiv sent its draft.", ["Friday"]),  # the act's own day stays
    ("Kyiv answered in the days after the vote; the envoys met on Dec. 9.", ["Dec. 9"]),  # a new clause
    ("The envoys met on Dec. 9, days after the vote.", ["Dec. 9"]),
])
def test_a_date_that_an_act_came_days_after_or_before_does_not_date_the_act(text: str,
                                                                           expressions: list[str]) -> None:
    assert [e.expression for e in extract_events(text, "t", D(2025, 12, 18))] == expressions


@pytest.mark.parametrize(("text", "expressions"), [
    # w4: the editor's hope on 19 December, not an event of the weekend
    ("The best that can be hoped for this weekend is agreement on a timetable for further talks.", []),
    ("At best, the envoys will agree a timetable on Monday.", []),
    ("The envoys will meet in Miami on Saturday to agree a timetable.", ["Saturday"]),  # a schedule stays
    ("At best, the talks of Dec. 2 produced a timetable.", ["Dec. 2"]),  # a past day is told, not hoped for
])
def test_a_hope_for_a_day_to_come_is_no_event(text: str, expressions: list[str]) -> None:
    assert [e.expression for e in extract_events(text, "t", D(2025, 12, 19))] == expressions


def test_chronological_order() -> None:
    text = ("The summit was held on 22 November 2025. Russia annexed Crimea in 2014. "
            "Envoys met on Tuesday to prepare the next round.")
    events = extract_events(text, "t", D(2025, 12, 4))
    assert [e.expression for e in chronological(events)] == ["2014", "22 November 2025", "Tuesday"]
    assert [e.expression for e in events] == ["22 November 2025", "2014", "Tuesday"]


@pytest.mark.parametrize(("sentence", "span"), [
    ("Between March and August, Russia rejected a cease-fire-first proposal from Washington.", True),
    ("Talks ran from Dec. 2 to Dec. 5 in Miami with both teams present.", True),
    ("The offensive lasted from March 2024 until January 2025 in the east of the country.", True),
    ("The freeze held from March through August along most of the front line.", True),
    ("Shelling eased in March 2025–August 2025 along most of the front line.", True),
    ("Talks ran 28 November – 5 December in Miami with both teams present.", True),
    # Two events of one sentence, or two dates no word joins into a span.
    ("Earlier efforts, such as the Anchorage summit in August and the Budapest summit in October, failed.", False),
    ("Talks in March and August produced nothing that either side would sign.", False),
    ("Talks moved from Geneva in March to Miami in August, and nothing was signed.", False),
    ("Surveys from March and August showed support for talks falling.", False),
    # A date moved to another, or an end inside the start's own period.
    ("The summit was postponed from Dec. 2 to Dec. 9 at Moscow's request.", False),
    ("The deadline was pushed back from Oct. 1 to Nov. 15 after the Geneva round.", False),
    ("The deadline was extended from Nov. 27 to Dec. 4 after the talks in Geneva.", False),
    ("The summit was postponed by a week, from Dec. 2 to Dec. 9, at Moscow's request.", False),
    ("Fighting raged between March and March 15 in the east of the country.", False),
    ("It was heavy on Dec. 2 — Dec. 5 was calmer along the whole front.", False),
])
def test_two_dates_of_a_sentence_are_a_span_only_when_the_sentence_joins_them(sentence: str, span: bool) -> None:
    first, second = extract_events(sentence, "s", dt.date(2025, 12, 18))
    assert spans_to(first, second, sentence) is span


@pytest.mark.parametrize(("start", "end", "label"), [
    ((dt.date(2025, 3, 1), "month"), (dt.date(2025, 8, 1), "month"), "March–August 2025"),
    ((dt.date(2025, 12, 2), "day"), (dt.date(2025, 12, 5), "day"), "2–5 December 2025"),
    ((dt.date(2025, 11, 28), "day"), (dt.date(2025, 12, 5), "day"), "28 November – 5 December 2025"),
    ((dt.date(2024, 3, 1), "month"), (dt.date(2025, 1, 1), "month"), "March 2024 – January 2025"),
])
def test_a_span_is_written_sharing_what_both_ends_share(start, end, label: str) -> None:
    assert span_label(*start, *end) == label


_D = dt.date


@pytest.mark.parametrize(("first", "dates", "label"), [
    (None, [(_D(2025, 12, 14), "day"), (_D(2025, 12, 15), "day")], "14 and 15 December 2025"),
    (None, [(_D(2025, 11, 28), "day"), (_D(2025, 12, 3), "day"), (_D(2025, 12, 9), "day")],
     "28 November, 3 December and 9 December 2025"),
    (None, [(_D(2025, 8, 1), "month"), (_D(2025, 10, 1), "month")], "August and October 2025"),
    (None, [(_D(2025, 12, 14), "day"), (_D(2026, 1, 15), "day")], "14 December 2025 and 15 January 2026"),
    (None, [(_D(2025, 12, 1), "week"), (_D(2025, 12, 8), "week")], "week of 1 December 2025 and week of 8 December 2025"),
    (None, [(_D(2025, 12, 14), "day"), (_D(2025, 12, 1), "month")], "14 December 2025 and December 2025"),
    # a span first: its own label, then the later dates in full
    ("2–5 December 2025", [(_D(2025, 12, 2), "day"), (_D(2025, 12, 9), "day")], "2–5 December 2025 and 9 December 2025"),
])
def test_a_sentences_dates_are_written_sharing_what_they_share(first, dates, label: str) -> None:
    from brief.briefing import date_label, dates_label

    (day, precision), *more = dates
    assert dates_label(first or date_label(day, precision), day, precision, tuple(more)) == label


@pytest.mark.parametrize(("sentence", "expression", "first", "last"), [
    ("Talks ran from 1 to 10 March in Geneva.", "1 to 10 March", D(2025, 3, 1), D(2025, 3, 10)),
    ("Between March 1 and 10, Russia fired more drones than in any ten days before.", "March 1 and 10",
     D(2025, 3, 1), D(2025, 3, 10)),
    ("Talks were held in Geneva on 22-23 November.", "22-23 November", D(2025, 11, 22), D(2025, 11, 23)),
    ("Talks were held in Geneva on November 22–23.", "November 22–23", D(2025, 11, 22), D(2025, 11, 23)),
    ("The talks from December 12 through 14 ended without a text.", "December 12 through 14",
     D(2025, 12, 12), D(2025, 12, 14)),
    ("Talks ran Dec. 2–5, 2024 in Miami.", "Dec. 2–5, 2024", D(2024, 12, 2), D(2024, 12, 5)),
    ("Talks ran from 22 to 23 November 2024 in Geneva.", "22 to 23 November 2024", D(2024, 11, 22), D(2024, 11, 23)),
])
def test_a_span_of_days_written_once_is_one_date_from_its_first_day_to_its_last(
        sentence: str, expression: str, first: dt.date, last: dt.date) -> None:
    """Before, "from 1 to 10 March" was dated 10 March (its end: the "1" was no date) and "between March 1 and
    10" 1 March with no end."""
    [mention] = find_dates(sentence, D(2025, 12, 18))
    assert (mention.expression, mention.date, mention.until) == (expression, first, last)


@pytest.mark.parametrize(("sentence", "expressions"), [
    # "and" joins a span only after "between"; a count after the second number is no day
    ("On March 1 and 10 soldiers were killed near the river.", ["March 1"]),
    ("Prices rose from March 1 to 10 per cent of the budget.", ["March 1"]),
    # a date moved to another is no span, nor days in the wrong order or a day the month lacks
    ("The meeting was postponed from 1 to 10 March at Moscow's request.", ["1", "10 March"]),
    ("The vote was moved from March 1 to 10 at Kyiv's request.", ["March 1", "10"]),
    ("It was due on 10 to 5 March, the ministry said.", ["5 March"]),
    ("Talks were planned for 30-31 February, a date that does not exist.", []),
    # an aside after a dash, and two months: each date alone (the sentence may still join them, see spans_to)
    ("Witkoff met Putin on Dec. 2 — 12 hours after Zelensky spoke to Trump.", ["Dec. 2"]),
    ("The talks ran from November 2 to 5 December.", ["November 2", "5 December"]),
    # days joined by "and" without "between" are two dates, each of its own ("spent 19 and 20 December")
    ("Dmitriev spent 19 and 20 December in Miami.", ["19", "20 December"]),
    # but not after a month written first: a count may follow ("On December 3 and 4 civilians were killed")
    ("On December 3 and 4 civilians were killed in Kherson.", ["December 3"]),
])

def test_numbers_near_a_month_are_no_span_of_days_unless_they_read_as_one(sentence: str, expressions) -> None:
    mentions = find_dates(sentence, D(2025, 12, 18))
    assert [m.expression for m in mentions] == expressions
    assert all(m.until is None for m in mentions)


@pytest.mark.parametrize(("sentence", "first", "last"), [
    # a span under way at publication is this year's, though its first day is past and the verb future
    ("Talks will continue from 15 to 20 December in Geneva.", D(2025, 12, 15), D(2025, 12, 20)),
    ("Talks will take place from 5 to 9 January in Geneva.", D(2026, 1, 5), D(2026, 1, 9)),
    # a future passive is future: "will be held" was read as the past "held", and dated the January before
    ("Talks will be held from 5 to 9 January in Geneva.", D(2026, 1, 5), D(2026, 1, 9)),
    ("Talks will be held on 5 January in Geneva.", D(2026, 1, 5), None),
    ("A deal is expected to be signed on 5 January in Geneva.", D(2026, 1, 5), None),
    ("Talks were held on 5 January in Geneva.", D(2025, 1, 5), None),
    # a passive that was to come, or that reported speech puts in the future, is past
    ("The meeting was due to be held on 3 December in Istanbul.", D(2025, 12, 3), None),
    ("The deal was to be signed on 10 December, but Kyiv balked.", D(2025, 12, 10), None),
    ("The summit had to be postponed on 5 December.", D(2025, 12, 5), None),
    ("The exchange would be completed on 15 December, officials said.", D(2025, 12, 15), None),
])
def test_the_year_of_a_day_follows_the_tense_of_its_verb(sentence: str, first: dt.date, last: dt.date | None) -> None:
    [mention] = find_dates(sentence, D(2025, 12, 18))
    assert (mention.date, mention.until) == (first, last)


@pytest.mark.parametrize(("sentence", "month"), [
    # "said" is when it was said: the event's time is left open by "would", "could", "can" or an aim, and the
    # month meant is the nearest one (these were all read as the January of the year of publication)
    ("Zelensky said talks would resume in January.", D(2026, 1, 1)),
    ("Zelensky said a meeting of leaders could come in January if the territorial question is settled first.",
     D(2026, 1, 1)),
    ("Negotiators hope to agree the annex before Christmas so that it can go to leaders in January, one of the "
     "people familiar with the talks said.", D(2026, 1, 1)),
    ("Zelensky said he hoped to meet Putin in January.", D(2026, 1, 1)),
    ("The document is almost agreed, and the next round is expected in early January.", D(2026, 1, 1)),
    # an "-ed" word after a determiner is an adjective, not a verb in the past
    ("The Americans hope to put one consolidated text to both sides, and leaders gather in Paris in January.",
     D(2026, 1, 1)),
    # what looks back stays in the past
    ("Zelensky had hoped to meet Putin in October.", D(2025, 10, 1)),
    ("Russia could not take the city in October.", D(2025, 10, 1)),
    ("The talks were held in January.", D(2025, 1, 1)),
])
def test_the_month_of_an_open_or_aimed_event_is_the_nearest(sentence: str, month: dt.date) -> None:
    [mention] = find_dates(sentence, D(2025, 12, 18))
    assert (mention.date, mention.precision) == (month, "month")


def test_two_months_with_their_own_days_are_joined_by_the_sentence() -> None:
    sentence = "The talks ran from November 2 to 5 December."
    first, second = extract_events(sentence, "s", D(2025, 12, 18))
    assert spans_to(first, second, sentence)
    assert span_label(first.date, first.precision, second.date, second.precision) == "2 November – 5 December 2025"


@pytest.mark.parametrize(("sentence", "label"), [
    # the year written after a span's last end is the first end's too, whatever the article's date
    ("Elections were held between 28 November and 3 December 2023.", "28 November – 3 December 2023"),
    ("Talks will run between November 28 and December 3, 2026.", "28 November – 3 December 2026"),
    ("Fighting raged between March and August 2026.", "March–August 2026"),
    ("The truce held from 28 December to 3 January 2026.", "28 December 2025 – 3 January 2026"),  # the year before
])
def test_a_span_takes_its_year_from_its_last_end(sentence: str, label: str) -> None:
    first, second = extract_events(sentence, "s", D(2024, 12, 1))
    assert spans_to(first, second, sentence)
    assert span_label(first.date, first.precision, second.date, second.precision) == label


@pytest.mark.parametrize("sentence", [
    "The vote was moved from March 1 to 10, 2026, officials said.",
    "The summit was moved from March 1 to March 10, 2026.",
    "The summit was moved from 1 March to 10 March 2026.",
])
def test_a_moved_date_takes_the_year_written_after_the_date_it_moved_to(sentence: str) -> None:
    assert [m.date for m in find_dates(sentence, D(2024, 12, 1))] == [D(2026, 3, 1), D(2026, 3, 10)]


def test_a_date_moved_back_keeps_the_year_written_after_the_new_date() -> None:
    dates = [m.date for m in find_dates("The summit was brought forward from March 10 to March 1, 2026.",
                                        D(2026, 2, 1))]
    assert dates == [D(2026, 3, 10), D(2026, 3, 1)]


def test_a_year_after_a_second_date_that_is_no_span_end_stays_its_own() -> None:
    # two events of a list, not the ends of a span: the first keeps the year nearest the article
    assert [m.date for m in find_dates("Talks held in March and August 2026 failed.", D(2024, 12, 1))] \
        == [D(2024, 3, 1), D(2026, 8, 1)]


TUESDAY, SUNDAY, MONDAY = D(2025, 12, 9), D(2025, 12, 14), D(2025, 12, 15)


@pytest.mark.parametrize(("text", "published", "saturday"), [
    ("Envoys are expected to meet in Berlin at the weekend.", TUESDAY, D(2025, 12, 13)),
    ("Envoys will meet in Berlin this weekend.", TUESDAY, D(2025, 12, 13)),
    ("The best that can be hoped for this weekend is a timetable.", D(2025, 12, 19), D(2025, 12, 20)),
    ("Envoys met in Berlin over the weekend.", TUESDAY, D(2025, 12, 6)),
    ("Envoys met in Berlin this weekend.", MONDAY, D(2025, 12, 13)),  # a Monday looking back
    ("Envoys are meeting in Berlin this weekend.", SUNDAY, D(2025, 12, 13)),  # the weekend under way
    ("Talks last weekend ended without a deal.", TUESDAY, D(2025, 12, 6)),
    ("Talks last weekend ended without a deal.", SUNDAY, D(2025, 12, 6)),
    ("Envoys met in Berlin this weekend.", TUESDAY, D(2025, 12, 6)),  # the tense looks back
    ("Envoys will meet next weekend.", TUESDAY, D(2025, 12, 20)),  # the one after this weekend
    ("Envoys will meet next weekend.", SUNDAY, D(2025, 12, 20)),
    ("Envoys meet over the coming weekend in Miami.", TUESDAY, D(2025, 12, 13)),
])
def test_a_weekend_is_saturday_to_sunday(text: str, published: dt.date, saturday: dt.date) -> None:
    [mention] = find_dates(text, published)
    assert (mention.date, mention.until, mention.precision) == (saturday, saturday + dt.timedelta(days=1), "day")
    assert span_label(mention.date, "day", saturday + dt.timedelta(days=1), "day") == \
        f"{saturday.day}–{saturday.day + 1} December 2025"


@pytest.mark.parametrize("text", [
    "The weekend is when the grid is under least strain.",  # no tense says which
    "The weekend's meetings in Miami produced a statement.",  # a weekend named only as a possessive: no date
    "Envoys met in Berlin on the weekend of their choosing.",
    "Talks will resume after the weekend.",  # a day beside a weekend, not the weekend
    "Markets fell ahead of the weekend.",
    "Envoys met the weekend before last in Geneva.",
    "The truce should hold through the last weekend before Christmas.",
])
def test_a_weekend_without_a_tense_or_a_which_is_no_date(text: str) -> None:
    assert find_dates(text, TUESDAY) == []


def test_this_weekend_and_next_weekend_are_two_weekends() -> None:
    this, following = find_dates("Envoys meet in Berlin this weekend and again in Miami next weekend.", TUESDAY)
    assert (this.date, following.date) == (D(2025, 12, 13), D(2025, 12, 20))


def test_a_weekend_needs_the_day_of_publication() -> None:
    assert find_dates("Envoys will meet in Berlin this weekend.", TUESDAY, published_earliest=True) == []
    assert find_dates("Envoys will meet in Berlin this weekend.", None) == []


@pytest.mark.parametrize(("sentence", "dates"), [
    # a date moved to another, written once: both days, each a date of its own
    ("The summit was postponed from 1 to 10 March.", [D(2025, 3, 1), D(2025, 3, 10)]),
    ("The vote was moved from March 1 to 10.", [D(2025, 3, 1), D(2025, 3, 10)]),
    # the verb says when it was moved, not when the new date is: the year nearest publication
    ("The vote was postponed until 10 March.", [D(2025, 3, 10)]),
    ("The summit was postponed from Dec. 2 to Dec. 9.", [D(2024, 12, 2), D(2024, 12, 9)]),
    ("The vote was postponed until 10 March, officials said.", [D(2025, 3, 10)]),  # a speech verb tells no past
    ("The vote was postponed from Feb. 28 to Mar. 7.", [D(2025, 2, 28), D(2025, 3, 7)]),  # past an abbreviation
    # an event that was held keeps its past, and so does a moved date the sentence goes on to tell in the past
    ("The summit was held on 10 March.", [D(2024, 3, 10)]),
    ("The trial, postponed until 10 March, ended in a conviction.", [D(2024, 3, 10)]),
    ("The exchange was postponed to 1 May, when 300 prisoners were freed.", [D(2024, 5, 1)]),
    ("The talks were moved to 10 March last year and collapsed.", [D(2024, 3, 10), D(2024, 1, 1)]),
    ("Russian forces pushed from Avdiivka to Pokrovsk until 1 June.", [D(2024, 6, 1)]),  # no move of a date
    # days in the wrong order for one month: the first day is no date of that month
    ("The session was moved from 30 to 2 April.", [D(2025, 4, 2)]),
])
def test_a_moved_date_is_placed_nearest_the_article(sentence: str, dates: list[dt.date]) -> None:
    mentions = find_dates(sentence, D(2025, 2, 20))
    assert [m.date for m in mentions] == dates and all(m.until is None for m in mentions)


CHRONOLOGY = """The talks, day by day

A chronology of the month's diplomacy, from the Moscow meeting to the Miami round, told day by day.

Tuesday 2 December

Witkoff and Kushner meet Putin in the Kremlin for five hours; no compromise on territory emerges. Ushakov calls \
the talks useful.

Peskov says Moscow will study the text.

Dec. 14-15

Envoys and Ukrainian negotiators meet in Berlin for two days of talks on security guarantees.

On Tuesday the Kremlin repeats its demand for Donetsk.

Where this leaves us

The sides remain far apart on territory, and the Kremlin has not answered the revised draft.
"""


def test_a_chronologys_date_headings_date_the_paragraphs_under_them() -> None:
    """Each paragraph's first sentence under a heading that is only a date tells what happened that day; a
    sentence with a date of its own keeps it, and another heading ends the dating."""
    events = extract_events(CHRONOLOGY, "c", D(2025, 12, 21))
    dated = {e.text[:20]: (e.date, e.until, e.expression) for e in events}
    assert dated == {
        "Witkoff and Kushner ": (D(2025, 12, 2), None, "2 December"),  # the day of the month, not "Tuesday"
        "Peskov says Moscow w": (D(2025, 12, 2), None, "2 December"),
        "Envoys and Ukrainian": (D(2025, 12, 14), D(2025, 12, 15), "Dec. 14-15"),
        "On Tuesday the Kreml": (D(2025, 12, 16), None, "Tuesday"),
    }  # not "Ushakov calls …" (no paragraph's first), nor "The sides remain …" (under another heading)
    for event in events:
        assert CHRONOLOGY[event.expression_start:event.expression_end] == event.expression


def test_two_days_joined_by_and_share_one_year() -> None:
    """The first day, written without its month, takes the year the second takes by the sentence's tense."""
    first, second = find_dates("Negotiators spent 30 and 31 December in Berlin.", D(2026, 1, 5))
    assert (first.date, second.date) == (D(2025, 12, 30), D(2025, 12, 31))
    first, second = find_dates("Talks will be held on 1 and 2 January in Geneva.", D(2025, 6, 12))
    assert (first.date, second.date) == (D(2026, 1, 1), D(2026, 1, 2))


def test_one_date_line_under_a_title_is_no_chronology() -> None:
    """"Wednesday, December 17" under a title says when the page appeared: the paragraphs below keep no date."""
    text = ("Talks stall in Berlin\n\nWednesday, December 17\n\n"
            "Ukraine's negotiators left Berlin without agreement on the territorial question.\n\n"
            "Russia repeated its demand for the whole of the Donbas.\n")
    assert extract_events(text, "p", D(2025, 12, 17)) == []
    assert len(extract_events(CHRONOLOGY, "c", D(2025, 12, 21))) == 4  # two date headings make a chronology
