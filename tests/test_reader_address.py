"""brief.reader_address: the page talking to its reader, and watch-list questions."""

from __future__ import annotations

import pytest

from brief.ranking import leans_on_what_came_before
from brief.reader_address import asks_without_saying, notes_own_reporting, talks_to_reader, tells_no_event


@pytest.mark.parametrize(("text", "talks"), [
    ("Good morning. Here is what you need to know about the Ukraine negotiations this week.", True),
    ("That's all from us for today.", True),
    ("The Eastfield Policy Newsletter will return on 5 January.", True),
    ("Anna Berg served as Sweden's envoy. We asked her where the negotiations stand.", True),
    # Someone quoted, or reported, in the same words.
    ("“We asked them for guarantees,” Zelensky said on Monday.", False),
    ("I spoke to them in Kyiv on Tuesday, and they said the front line was collapsing.", False),
    ("Welcome to the new reality, a Kremlin official said of the sanctions.", False),
    ("Kremlin spokesman Dmitry Peskov said the daily briefing will resume next week.", False),
    ("That's all we are asking for, Zelensky said.", False),
    ("", False),
])
def test_the_page_talking_to_its_reader(text: str, talks: bool) -> None:
    assert talks_to_reader(text) is talks


@pytest.mark.parametrize(("text", "asks"), [
    ("Whether Putin answers the U.S. documents before the holidays, or lets the matter drift into January.", True),
    ("Whether the EU starts paying out the loan agreed last week, which would cover Kyiv's budget gap.", True),
    ("What to watch: Whether the Kremlin answers before the holidays.", True),
    ("Whether the U.S. would accept monitors remains doubtful.", False),
    ("Whether the U.S. agrees or not, Kyiv will press ahead.", False),
    ("Whether in back-channel talks or through UN appeals, each attempt has stalled.", False),
    ("Whether Russia will agree is not clear.", False),
    ("Whether talks resume depends on Moscow.", False),
])
def test_a_watch_list_question_asks_without_saying(text: str, asks: bool) -> None:
    assert asks_without_saying(text) is asks


def test_an_order_to_the_reader_is_no_event_but_a_warning_someone_gave_may_be() -> None:
    assert tells_no_event("Expect a quiet holiday period followed by another push in January.")
    assert not tells_no_event("Expect more strikes on the grid this winter, Zelensky warned on Monday.")


@pytest.mark.parametrize(("text", "notes"), [
    ("Larkspur Wire could not establish what the draft says should happen if the commission finds that one side "
     "has broken the truce.", True),
    ("The figures could not be independently verified.", True),
    ("Reuters was unable to verify the claim.", True),
    ("We could not confirm the report.", True),
    ("Russia said it downed 40 drones, a claim that could not be independently verified.", False),  # a claim
    ("Kyiv could not confirm the strike on Monday.", False),  # a government, not the newsroom
    ("The Kremlin could not say when the talks would resume.", False),
])
def test_the_newsrooms_note_on_its_own_reporting_is_no_event_and_no_item(text: str, notes: bool) -> None:
    assert notes_own_reporting(text) is notes
    assert tells_no_event(text) is notes
    assert leans_on_what_came_before(text) is notes
