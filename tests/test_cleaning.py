"""Cleaning: site furniture leaves the canonical text, is recorded with its line, and the body stays.

The expected line numbers are not written down: each test finds the line in the
file itself and checks that the cleaner reports that line, with that text.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brief.cleaning import CleanedArticle, DroppedLine, clean_article
from brief.readers import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def clean_file(path: Path) -> CleanedArticle:
    article = read_article(path)
    known = article.stated.get("title") or article.page_meta.get("title")
    return clean_article(article.text, known_title=known)


def file_lines(path: Path) -> list[str]:
    """The file's lines as a person counts them in an editor (1-based via index + 1)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    return text.replace("\r\n", "\n").split("\n")


def lines_containing(path: Path, needle: str, *, exact: bool = False) -> list[int]:
    """1-based numbers of the lines holding ``needle`` (or being exactly it, once stripped)."""
    found = [number for number, line in enumerate(file_lines(path), start=1)
             if (line.strip() == needle if exact else needle in line)]
    assert found, f"test data changed: {needle!r} is not in {path.name}"
    return found


def canonical_lines(cleaned: CleanedArticle) -> list[str]:
    return cleaned.text.split("\n")


def assert_dropped(path: Path, cleaned: CleanedArticle, needle: str, reasons: set[str], *,
                   exact: bool = False) -> None:
    """Every line of ``path`` holding ``needle`` is dropped for one of ``reasons``, at its own line."""
    by_line = {dropped.line: dropped for dropped in cleaned.dropped}
    raw_lines = file_lines(path)
    for number in lines_containing(path, needle, exact=exact):
        assert number in by_line, f"line {number} ({raw_lines[number - 1].strip()!r}) was kept"
        dropped = by_line[number]
        assert dropped.reason in reasons, f"line {number}: dropped as {dropped.reason!r}"
        assert dropped.text == raw_lines[number - 1].strip()
        assert dropped.text not in canonical_lines(cleaned)


# --- the shipped seeds ---------------------------------------------------------------------

SEED_DROPS: dict[str, list[tuple[str, set[str], bool]]] = {
    "000": [
        ("- Advertisement -", {"advertisement"}, True),
        ("By Abdiwahab Ahmed", {"byline"}, True),
        ("Axadle Times international", {"sign-off"}, False),
    ],
    "001": [
        ("3 hours ago", {"timestamp"}, True),
        ("6 min read", {"reading time"}, True),
        ("Leave a Comment", {"comment prompt"}, True),
        ("Source: Trump’s struggle to deliver peace", {"source list"}, False),
    ],
    "002": [
        ("Date:", {"empty label"}, True),
        ("London, UK – December 4, 2025", {"dateline"}, True),
        ("LEAVE A REPLY", {"comment prompt"}, True),
        ("Please enter your comment!", {"comment prompt"}, True),
        ("Please enter your name here", {"comment prompt"}, True),
        ("Share post:", {"share buttons", "empty label"}, True),
        ("Popular", {"related headlines"}, True),
        ("More like this", {"related headlines"}, True),
        ("Related", {"related headlines"}, True),
        ("Netflix Pitches Warner Bros", {"related headlines"}, False),
        ("Jack Smith", {"related headlines"}, False),
        ("Maduro Confirms", {"related headlines"}, False),
        ("Trump Pardons Controversial", {"related headlines"}, False),
    ],
    "003": [
        ("1. HOME", {"breadcrumb"}, True),
        ("2. POLITICS", {"breadcrumb"}, True),
        ("3. Reasons for the Failure", {"breadcrumb"}, False),
        ("Last update: 33 minutes ago", {"timestamp"}, False),
        ("3 min read", {"reading time"}, False),
        ("329 Views", {"view count"}, False),
        ("• POLITICS", {"section label", "breadcrumb"}, True),
        ("Author: Jackson Miller", {"byline"}, True),
        ("Share", {"share buttons"}, True),
    ],
    "004": [
        ("Rustem Umerov (L) speaks", {"photo caption"}, False),
        ("[Adem Altan/AFP)", {"photo caption"}, False),
        ("| Published June 12, 2025", {"publication date"}, True),
        ("drawn from your sources", {"assistant residue"}, False),
        ("SOURCES: AL JAZEERA", {"source list"}, False),
        ("REUTERS – Russia sets out punitive terms", {"source list"}, False),
        ("AP NEWS – Putin’s tough stance", {"source list"}, False),
        ("FOREIGN AFFAIRS – Why Peace Talks Fail", {"source list"}, False),
        ("RAND – Why Peace Talks Fail", {"source list"}, False),
        ("Be the first to comment", {"comment prompt"}, True),
    ],
}

SEED_KEPT: dict[str, list[str]] = {
    "000": [
        "Ten months into a U.S.-led effort to halt the war in Ukraine, talks have lurched from promise to paralysis.",
        "The core impasse is unchanged.",
        "“The goals of the special military operation will be achieved unconditionally,” he said on Dec. 17.",
        "Kirill Dmitriev, head of Russia’s sovereign investment fund, has become a key interface with Witkoff.",
        "The year ends where it began:",
    ],
    "001": [
        "One year of U.S.-led peace talks between Ukraine and Russia has yielded little progress",
        "KYIV – It has been one year since then-U.S. President Donald Trump reportedly told",
        "Lithuania’s former Minister of Foreign Affairs, Gabrielius Landsbergis, suggests",
        "While the odds of a peace deal in 2026 are not zero, optimism is reportedly low in Ukraine.",
    ],
    "002": [
        "with a senior Kremlin aide confirming that “no compromise”",
        "Russia’s demand for the legal recognition of its annexed territories versus Ukraine’s constitutional "
        "commitment to its 1991 borders.",
        "The current stalemate confirms that while the diplomatic channels remain open, a genuine compromise "
        "remains elusive.",
        "The outcome of the meeting in the Ukrainian capital will be decisive",
    ],
    "003": [
        "On December 2, 2025, Russian President Vladimir Putin met with U.S. Special Envoy Steve Witkoff at the "
        "Kremlin in Moscow.",
        "Putin, who initiated the conflict, remains the main barrier to ending the war.",
    ],
    "004": [
        "As the war in Ukraine drags into its third year, a diplomatic resolution remains elusive",
        "Recent reporting from Reuters highlights that positions have only hardened since then.",
        "The ongoing failure of Ukraine-Russia peace talks reflects more than just stalled diplomacy",
    ],
}

SEED_HEADINGS_KEPT = {
    "001": ["The Genesis of U.S.-Led Peace Initiatives", "The Road Ahead: Uncertainty and Contingencies"],
    "002": ["Kyiv’s Resolve and Western Backing", "The Revised Proposal and Competing Interests"],
    "003": ["Background and Context", "Next Steps for the U.S."],
    "004": ["Talks Without Traction", "Diplomatic Channels and Their Limits"],
}


@pytest.fixture(scope="module")
def cleaned_seeds() -> dict[str, CleanedArticle]:
    return {prefix: clean_file(seed_path(prefix)) for prefix in SEED_DROPS}


@pytest.mark.parametrize(("prefix", "needle", "reasons", "exact"),
                         [(prefix, *row) for prefix, rows in SEED_DROPS.items() for row in rows],
                         ids=lambda value: value if isinstance(value, str) else None)
def test_seed_boilerplate_is_dropped_at_its_line(cleaned_seeds, prefix, needle, reasons, exact):
    assert_dropped(seed_path(prefix), cleaned_seeds[prefix], needle, reasons, exact=exact)


@pytest.mark.parametrize(("prefix", "sentence"),
                         [(prefix, sentence) for prefix, rows in SEED_KEPT.items() for sentence in rows])
def test_seed_body_stays(cleaned_seeds, prefix, sentence):
    assert sentence in cleaned_seeds[prefix].text


@pytest.mark.parametrize(("prefix", "heading"),
                         [(prefix, heading) for prefix, rows in SEED_HEADINGS_KEPT.items() for heading in rows])
def test_seed_subheadings_stay_as_their_own_block(cleaned_seeds, prefix, heading):
    assert heading in canonical_lines(cleaned_seeds[prefix])


def test_every_dropped_line_is_the_line_of_the_file(cleaned_seeds):
    """Whatever the rule, the recorded text is the file's line at the recorded number."""
    for prefix, cleaned in cleaned_seeds.items():
        lines = file_lines(seed_path(prefix))
        assert cleaned.dropped, prefix
        for dropped in cleaned.dropped:
            assert 1 <= dropped.line <= len(lines)
            assert dropped.text == lines[dropped.line - 1].strip(), (prefix, dropped)
        numbers = [dropped.line for dropped in cleaned.dropped]
        assert numbers == sorted(set(numbers))


def test_seed_002_title_is_kept_once(cleaned_seeds):
    path = seed_path("002")
    title = file_lines(path)[0].strip()
    cleaned = cleaned_seeds["002"]
    assert cleaned.title == title
    assert canonical_lines(cleaned)[0] == title
    assert cleaned.text.count(title) == 1
    first, repeat = lines_containing(path, title, exact=True)
    assert first == 1
    assert {d.line: d.reason for d in cleaned.dropped}[repeat] == "repeated title"


def test_seed_003_title_is_kept_once_and_breadcrumb_copy_dropped(cleaned_seeds):
    cleaned = cleaned_seeds["003"]
    title = "Reasons for the Failure of U.S.-Russia Ukraine Talks"
    assert cleaned.title == title
    assert canonical_lines(cleaned)[0] == title
    assert cleaned.text.count(title) == 1


def test_seed_002_unrelated_headlines_are_gone(cleaned_seeds):
    text = cleaned_seeds["002"].text
    for word in ("Netflix", "Warner Bros", "Jack Smith", "Maduro", "Pardons", "LEAVE A REPLY", "More like this"):
        assert word not in text


def test_seed_002_mojibake_bullets_are_repaired(cleaned_seeds):
    path = seed_path("002")
    assert "â€¢" in path.read_text(encoding="utf-8")  # the file really is broken
    cleaned = cleaned_seeds["002"]
    assert "â€" not in cleaned.text and "â" not in cleaned.text
    lines = canonical_lines(cleaned)
    for label in ("Territorial Integrity:", "Security Guarantees:", "Economic Reintegration:"):
        assert label in lines  # the repaired bullet ("•") is a list's mark, left out like Markdown's


def test_a_plain_text_list_item_loses_its_bullet_and_is_a_block_of_its_own() -> None:
    raw = ("KYIV, Dec 22 (Wire) - Envoys met in Miami on Saturday, and both sides called the talks constructive.\n\n"
           "TERRITORY\n\n"
           "- Russia demands that Ukraine withdraw from the part of Donetsk it still holds.\n"
           "* \"The station is Russian,\" said a spokesman for the plant.\n"
           "• 28 points were cut to 20.\n"
           "- a lower-case line after a dash stays as written\n\n"
           "Officials in Kyiv said the revised text would go to Washington this week, and that they expected an "
           "answer from Moscow before the end of the year.\n")
    blocks = clean_article(raw).text.split("\n\n")
    assert "Russia demands that Ukraine withdraw from the part of Donetsk it still holds." in blocks
    assert "\"The station is Russian,\" said a spokesman for the plant." in blocks
    assert "28 points were cut to 20." in blocks
    assert not any(block.startswith(("- R", "* \"", "• ")) for block in blocks)
    assert "- a lower-case line after a dash stays as written" in blocks


def test_a_hard_wrapped_list_keeps_its_items_apart() -> None:
    paragraph = textwrap.wrap("Negotiators in Berlin worked through the draft line by line on Sunday and said "
                              "that the remaining questions were few but hard, and that the question of "
                              "territory in the east was still open after two days of talks.", 60)
    items = ["- Russia wants all of Donetsk before any ceasefire can be agreed by", "  the parties.",
             "- Ukraine wants the guarantees ratified by the U.S. Senate before it", "  signs anything."]
    raw = "\n".join(paragraph + [""] + items + [""] + paragraph) + "\n"
    blocks = clean_article(raw).text.strip().split("\n\n")
    assert blocks[1:3] == ["Russia wants all of Donetsk before any ceasefire can be agreed by the parties.",
                           "Ukraine wants the guarantees ratified by the U.S. Senate before it signs anything."]


def test_a_dash_that_hard_wrapping_puts_first_on_a_line_stays_in_its_sentence() -> None:
    paragraph = textwrap.wrap("Negotiators in Berlin worked through the draft line by line on Sunday and said "
                              "that the remaining questions were few but hard, and that the question of "
                              "territory in the east was still open after two days of talks.", 60)
    wrapped = ["Officials in Washington cautioned against expecting a quick deal", "- Kyiv's allies say the "
               "Kremlin has shown no sign of moving - and said the next round", "would come in January."]
    raw = "\n".join(paragraph + [""] + wrapped + [""] + paragraph) + "\n"
    blocks = clean_article(raw).text.strip().split("\n\n")
    assert blocks[1] == ("Officials in Washington cautioned against expecting a quick deal - Kyiv's allies say the "
                         "Kremlin has shown no sign of moving - and said the next round would come in January.")


def test_seed_004_has_no_title_and_starts_with_its_lead(cleaned_seeds):
    cleaned = cleaned_seeds["004"]
    assert cleaned.title is None
    assert cleaned.text.startswith("As the war in Ukraine drags into its third year")
    for gone in ("Adem Altan", "(L)", "Published June 12", "drawn from your sources", "SOURCES:",
                 "Be the first to comment"):
        assert gone not in cleaned.text


def test_seed_000_ends_with_its_last_paragraph(cleaned_seeds):
    text = cleaned_seeds["000"].text
    assert canonical_lines(cleaned_seeds["000"])[-2].startswith("The year ends where it began")
    assert "Abdiwahab" not in text and "Axadle" not in text and "Advertisement" not in text


# --- shape of the canonical text -----------------------------------------------------------

ALL_ARTICLES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in ARTICLES.iterdir() if p.is_file())


def assert_canonical_shape(text: str) -> None:
    assert "\r" not in text
    assert not re.search(r"\n{3,}", text), "more than one blank line between blocks"
    if not text:
        return
    assert text.endswith("\n") and not text.endswith("\n\n")
    for line in text[:-1].split("\n"):
        assert line == line.strip(), repr(line)
    blocks = text[:-1].split("\n\n")
    assert all(block and "\n" not in block for block in blocks)
    assert "  " not in text


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_canonical_text_has_one_shape(path):
    cleaned = clean_file(path)
    assert cleaned.text.strip()
    assert_canonical_shape(cleaned.text)


@pytest.mark.parametrize("path", ALL_ARTICLES, ids=lambda p: p.name)
def test_cleaning_is_deterministic_and_stable_on_its_own_output(path):
    first = clean_file(path)
    assert clean_file(path) == first
    again = clean_article(first.text, known_title=first.title)
    assert again.text == first.text
    assert again.dropped == ()
    # Without the title hint too: nothing of the body is taken for furniture.
    blocks = set(clean_article(first.text).text.split("\n\n"))
    assert all(block in blocks for block in first.text.split("\n\n"))


def test_windows_newlines_give_the_same_text_and_line_numbers():
    path = seed_path("002")
    unix = clean_article(path.read_text(encoding="utf-8"))
    windows = clean_article(path.read_text(encoding="utf-8").replace("\n", "\r\n"))
    old_mac = clean_article(path.read_text(encoding="utf-8").replace("\n", "\r"))
    assert windows == unix
    assert old_mac == unix


# --- the rules are general: other sites' furniture ------------------------------------------

def test_wire_story_loses_byline_credits_and_standards_line():
    path = ARTICLES / "wire_story.txt"
    cleaned = clean_file(path)
    assert_dropped(path, cleaned, "By Anna Keller and Tomas Brandt", {"byline"}, exact=True)
    assert_dropped(path, cleaned, "Reporting by Anna Keller in Vienna", {"credits"})
    assert_dropped(path, cleaned, "Our Standards:", {"standards notice"})
    assert "Editing by" not in cleaned.text and "Our Standards" not in cleaned.text
    assert cleaned.title == "Veloria and Kestrava agree to resume river border talks in Vienna"
    for sentence in ("Veloria and Kestrava agreed on Monday to resume talks on their disputed river border",
                     "The dispute centres on a 40-km stretch of the Orel river",
                     "European Union officials have offered to fund a joint survey of the river bed"):
        assert sentence in cleaned.text


def test_portal_story_loses_every_piece_of_site_furniture():
    path = ARTICLES / "portal_story.txt"
    cleaned = clean_file(path)
    assert_dropped(path, cleaned, "Home > World > Europe", {"breadcrumb"}, exact=True)
    assert_dropped(path, cleaned, "Updated 14:32 GMT", {"timestamp"}, exact=True)
    assert_dropped(path, cleaned, "Share on Facebook Twitter Email", {"share buttons"}, exact=True)
    assert_dropped(path, cleaned, "By Lena Ostrova, Europe correspondent", {"byline"}, exact=True)
    assert_dropped(path, cleaned, "Photo: Marta Lind/Reuters", {"photo caption", "photo credit"}, exact=True)
    assert_dropped(path, cleaned, "Read more: Fishermen in Halvik", {"related link"})
    assert_dropped(path, cleaned, "We use cookies", {"cookie notice"})
    assert_dropped(path, cleaned, "Accept cookies", {"cookie notice"}, exact=True)
    assert_dropped(path, cleaned, "Sign up for our newsletter", {"newsletter prompt"}, exact=True)
    assert_dropped(path, cleaned, "delivered to your inbox", {"newsletter prompt"})
    assert_dropped(path, cleaned, "Follow us on Facebook", {"social links", "sign-off"})
    assert_dropped(path, cleaned, "© 2025 The Northern Ledger", {"sign-off"}, exact=True)
    # What is left is the headline and the five paragraphs of the story, in order.
    lines = [line for line in canonical_lines(cleaned) if line]
    body = [line.strip() for line in file_lines(path) if len(line.split()) >= 18 and "cookies" not in line]
    assert lines == ["Marevia and Ostland sign coastguard pact after two days of talks in Oslo", *body]


def test_markdown_article_keeps_headings_and_list_items():
    cleaned = clean_file(ARTICLES / "geneva_exchange.md")
    lines = canonical_lines(cleaned)
    assert lines[0] == "Geneva talks on prisoner exchange end with a partial deal"
    assert cleaned.text.count("Geneva talks on prisoner exchange end with a partial deal") == 1
    for block in ("What was agreed", "What was left open",
                  "Each side hands over 60 detainees, most of them conscripts captured last winter.",
                  "Red Cross delegates will be allowed to visit the remaining detainees once a month."):
        assert block in lines
    # Links are kept by their text, emphasis marks go.
    assert "hosted by the International Committee of the Red Cross, which" in cleaned.text
    assert "](" not in cleaned.text and "**" not in cleaned.text and "# " not in cleaned.text


def test_mojibake_article_is_repaired():
    path = ARTICLES / "mojibake_story.txt"
    assert "â€™" in path.read_text(encoding="utf-8")
    cleaned = clean_file(path)
    assert "â" not in cleaned.text and "\x9d" not in cleaned.text
    assert "a two-page “road map” that commits" in cleaned.text
    assert "Farmers’ unions in the lower valley" in cleaned.text
    assert "A panel of hydrologists from all four states will check the figures." in canonical_lines(cleaned)
    assert cleaned.dropped == ()


PROSE_BEFORE = ("Delegations from the two governments met for six hours in the old town hall on Tuesday "
                "and agreed to meet again before the end of the month.")
PROSE_AFTER = ("Officials on both sides said the next round would deal with the return of displaced families "
               "and the reopening of the rail link between the two capitals.")


@pytest.mark.parametrize(("line", "reasons"), [
    ("Sign up for our daily newsletter", {"newsletter prompt"}),
    ("Subscribe to our free morning briefing", {"newsletter prompt"}),
    ("Sign up here.", {"newsletter prompt"}),
    ("The best of our journalism, delivered straight to your inbox.", {"newsletter prompt"}),
    ("We use cookies to give you the best experience. By using this site you agree to our use of cookies.",
     {"cookie notice"}),
    ("Accept all cookies", {"cookie notice"}),
    ("Cookie settings", {"cookie notice"}),
    ("Follow us on Twitter and Facebook", {"social links"}),
    ("Follow The Harbour Gazette on Instagram", {"social links"}),
    ("Read more: Ceasefire monitors arrive in the border town", {"related link"}),
    ("READ MORE: Why the grain corridor matters", {"related link"}),
    ("See also: Five things to know about the summit", {"related link"}),
    ("Reporting by Ana Gomez; Editing by Mark Hill", {"credits"}),
    ("(Reporting by Ana Gomez in Lisbon; Writing by Tom Berg; Editing by Mark Hill)", {"credits"}),
    ("Associated Press writer Jan Novak in Prague contributed to this report.", {"credits"}),
    ("Our Standards: The Trust Principles.", {"standards notice"}),
    ("Updated 09:05 GMT", {"timestamp"}),
    ("Last updated 9.05am BST", {"timestamp"}),
    ("Published 14:32", {"timestamp"}),
    ("Updated 14:32 GMT, 3 March 2025", {"publication date", "timestamp"}),
    ("Advertisement", {"advertisement"}),
    ("- Sponsored content -", {"advertisement"}),
    ("Share on Facebook Twitter Email", {"share buttons"}),
    ("Photo: Jane Roe/AFP", {"photo caption", "photo credit"}),
    ("Ministers arrive for the talks in Lisbon on Tuesday. [Jane Roe/AFP]", {"photo caption"}),
    ("Home > World > Europe", {"breadcrumb"}),
    ("5 min read", {"reading time"}),
    ("1,204 views", {"view count"}),
    ("2 hours ago", {"timestamp"}),
    ("Leave a comment", {"comment prompt"}),
    ("By Lena Ostrova, Europe correspondent", {"byline"}),
    ("BY ANNA KELLER", {"byline"}),
    ("By Jane Roe | Reuters", {"byline"}),
    ("Share this article", {"share buttons"}),
    ("Share this story", {"share buttons"}),
    ("Skip to main content", {"navigation"}),
    ("Listen to this article · 6 min", {"audio player"}),
    ("Listen to this story", {"audio player"}),
    ("GDAŃSK, Feb. 19, 2025 —", {"dateline"}),
    ("KYIV, 27th April 2024", {"dateline"}),
    ("Published 2025-03-04T09:12:00+02:00", {"publication date"}),
    ("Posted: 04.03.2025", {"publication date"}),
    ("© 2025 The Northern Ledger", {"sign-off"}),
    ("Copyright 2025 Coastal Herald Media Group. All rights reserved.", {"sign-off"}),
    ("Read everything from Lisbon and Brussels. Subscribe to the Tribune Digital: first month for €1.",
     {"subscription offer"}),
    ("Subscribe now: unlimited digital access for €1 a week.", {"subscription offer"}),
    ("Dr. Ana Lopes is a senior fellow at the Atlantic Institute. The views expressed are her own.",
     {"author's note"}),
    ("The opinions expressed in this column do not necessarily reflect those of the newspaper.", {"author's note"}),
    ("Translated from Ukrainian. The original version of this article is available in Ukrainian.",
     {"translation notice"}),
    ("This article was translated from Portuguese by Ana Lopes.", {"translation notice"}),
])
def test_furniture_is_dropped_wherever_it_stands(line, reasons):
    """Mid-article, so the rule itself drops the line, not its position after the last paragraph."""
    raw = f"Talks resume in Lisbon\n\n{PROSE_BEFORE}\n\n{line}\n\n{PROSE_AFTER}\n"
    cleaned = clean_article(raw)
    assert cleaned.dropped == (DroppedLine(line=5, text=line, reason=cleaned.dropped[0].reason),)
    assert cleaned.dropped[0].reason in reasons
    assert cleaned.text == f"Talks resume in Lisbon\n\n{PROSE_BEFORE}\n\n{PROSE_AFTER}\n"


@pytest.mark.parametrize("line", [
    "Like us, the Europeans want the talks to continue, the minister said.",
    "Reporting by Reuters showed that the ministry had known about the plan for weeks.",
    "Experts from three universities contributed to the report.",
    "Our standards are higher than theirs, the envoy said.",
    "The minister said she would accept the proposal.",
    "Follow-up talks are planned for June.",
    "Related issues, such as the return of prisoners, were left for later.",
    "Watch the border closely, he warned.",
    "By the end of the day, no agreement had been reached.",
    "By Monday, the talks had collapsed.",
    "By contrast, Moscow rejected the plan.",
    "Lisbon does not subscribe to that view of the $300bn in frozen assets, the minister said.",
    "Translated from the Russian, the phrase means a special military operation.",
    "The statement does not necessarily reflect the views of the government, the spokesman said on Friday.",
    "Peskov told reporters that the former president's views are his own.",
    "Washington's offer to Kyiv was blunt: become a member of the EU by 2027 and receive €90 billion.",
    "The draft gives Moscow a choice: get full access to frozen assets worth $5 billion, or none.",
    "Breaking news rarely reaches the villages, the mayor said.",
    "Share this article's concern, the envoy urged his colleagues.",
    "Listen to this, the minister told the chamber.",
    "Kyiv, Moscow, 27 April 2024 and the weeks after it were hard for both.",
    "Copyright law was changed in 2019, the minister said.",
])
def test_body_lines_that_resemble_furniture_stay(line):
    raw = f"{PROSE_BEFORE}\n\n{line}\n\n{PROSE_AFTER}\n"
    cleaned = clean_article(raw)
    assert cleaned.dropped == ()
    assert line in cleaned.text.split("\n")


def test_an_article_of_short_paragraphs_is_kept():
    """No paragraph is long enough to count as prose: nothing is a sign-off then."""
    raw = ("Ceasefire holds on first day\n\n"
           "The ceasefire held through Monday night.\n\n"
           "Both armies reported no shelling.\n\n"
           "Monitors will travel to the front on Wednesday.\n")
    cleaned = clean_article(raw)
    assert cleaned.dropped == ()
    assert "Monitors will travel to the front on Wednesday." in cleaned.text.split("\n")


def test_a_lists_short_last_item_is_no_sign_off():
    """A list at the end of an article: its short last item is one of the list, not a leftover after it."""
    raw = ("Markets cut their bets on an early ceasefire on Friday after the EU agreed to lend Ukraine "
           "90 billion euros through joint borrowing instead of the frozen assets.\n\n"
           "What to watch\n\n"
           "- Russia's reply to the 20-point framework after the expected meeting with the U.S. envoys in Miami.\n"
           "- Russia's budget figures for December, due in early January.\n\n"
           "Follow us\n")
    cleaned = clean_article(raw)
    assert "Russia's budget figures for December, due in early January." in cleaned.text.split("\n")
    assert [line.text for line in cleaned.dropped] == ["Follow us"]


def test_an_html_pages_closing_list_keeps_its_short_last_item(tmp_path):
    """The page's list items are read one under the other, as a plain-text list is: the short last item goes on
    from the one before it, while the link after the list is still a leftover."""
    lead = ("Markets cut their bets on an early ceasefire on Friday after the EU agreed to lend Ukraine 90 billion "
            "euros through joint borrowing instead of the frozen assets, traders and analysts said.")
    path = tmp_path / "markets.html"
    path.write_text(f"<html><body><article><h1>Markets</h1><p>{lead}</p><h2>What to watch</h2><ul>"
                    "<li>Russia's reply to the 20-point framework after the meeting with the U.S. envoys.</li>"
                    "<li>Russia's budget figures, due in January.</li></ul><p>Follow us</p></article></body></html>",
                    encoding="utf-8")
    cleaned = clean_file(path)
    assert cleaned.text.split("\n\n")[-3:] == [
        "What to watch", "Russia's reply to the 20-point framework after the meeting with the U.S. envoys.",
        "Russia's budget figures, due in January.\n"]
    assert [line.text for line in cleaned.dropped][-1:] == ["Follow us"]


def test_sign_offs_on_lines_of_their_own_are_dropped_after_paragraphs_one_per_line():
    """A newsletter with no blank lines: its sign-offs go on from a kept line, but they talk to the reader."""
    raw = ("Good morning. Here is the week in the Ukraine talks.\n"
           "The weekend's meetings in Miami between Kirill Dmitriev and the American envoys produced a statement but "
           "no breakthrough, and the Russian side asked for more time.\n"
           "That's it for today.\n"
           "The newsletter will return on 5 January.\n")
    assert [line.text for line in clean_article(raw).dropped] == [
        "That's it for today.", "The newsletter will return on 5 January."]


def test_only_the_heading_of_kept_sentences_comes_back_after_the_last_paragraph():
    raw = ("Negotiators from Ukraine, the United States and Europe ended two days of talks in Berlin on Monday "
           "without agreement on the territorial question, officials said.\n\n"
           "Support independent journalism\n\n"
           "From our partners\n\n"
           "Russia launches 470 drones at Ukraine's power grid as Miami talks resume for a second day\n")
    dropped = [line.text for line in clean_article(raw).dropped]
    assert dropped == ["Support independent journalism", "From our partners"]


HARD_WRAPPED_PARAGRAPHS = [
    "The foreign ministers of the four states met in Lausanne on Tuesday and agreed a timetable for the "
    "water accord, which they hope to sign before the summer.",
    "Officials said the drought had concentrated minds in every capital, and that the monitoring station at "
    "the dam would be running by the spring, if the money arrives in time.",
    "Environmental groups said the plan did not say how much water would stay in the river during the dry "
    "months, the question that broke up the last round.",
]


@pytest.mark.parametrize("width", [60, 72, 100])
def test_hard_wrapped_text_is_rejoined_into_paragraphs(width):
    """Plain-text files wrapped at a fixed width: short lines, but prose all the same."""
    body = "\n\n".join(textwrap.fill(paragraph, width) for paragraph in HARD_WRAPPED_PARAGRAPHS)
    raw = f"Ministers agree water timetable\n\n{body}\n\nBy Jane Roe\n\nLakeside Wire Service\n"
    assert all(len(line) <= width for line in raw.split("\n"))
    cleaned = clean_article(raw)
    assert cleaned.title == "Ministers agree water timetable"
    assert cleaned.text == "\n\n".join(["Ministers agree water timetable", *HARD_WRAPPED_PARAGRAPHS]) + "\n"
    lines = raw.split("\n")
    assert [(d.line, d.text) for d in cleaned.dropped] == [
        (lines.index("By Jane Roe") + 1, "By Jane Roe"),
        (lines.index("Lakeside Wire Service") + 1, "Lakeside Wire Service"),
    ]


def test_hard_wrapped_body_under_an_unwrapped_title_and_standfirst_is_rejoined():
    """Only the body was wrapped: a long standfirst above it no longer hides the wrapping."""
    standfirst = ("Ministers of the four states agreed a timetable for the water accord on Tuesday, after a "
                  "drought that concentrated minds in every capital.")
    body = "\n\n".join(textwrap.fill(paragraph, 72) for paragraph in HARD_WRAPPED_PARAGRAPHS)
    raw = f"Ministers agree water timetable\n\n{standfirst}\n\nBy Jane Roe\n\n{body}\n"
    cleaned = clean_article(raw)
    assert cleaned.text == "\n\n".join(["Ministers agree water timetable", standfirst,
                                         *HARD_WRAPPED_PARAGRAPHS]) + "\n"
    assert [d.reason for d in cleaned.dropped] == ["byline"]


def test_kickers_above_the_headline_are_dropped():
    raw = f"Breaking News\n\nExclusive\n\nTalks resume in Lisbon\n\n{PROSE_BEFORE}\n\n{PROSE_AFTER}\n"
    cleaned = clean_article(raw)
    assert [(d.text, d.reason) for d in cleaned.dropped] == [("Breaking News", "section label"),
                                                             ("Exclusive", "section label")]
    assert cleaned.title == "Talks resume in Lisbon"


def test_one_short_paragraph_per_line_is_not_taken_for_wrapping():
    """Paragraphs written one per line, without blank lines, stay separate blocks."""
    paragraphs = [
        "The envoys met for three hours on Monday in the old palace.",
        "They agreed to exchange lists of detainees by the end of the week.",
        "A second meeting is planned in Oslo, officials said on Tuesday.",
        "Neither side commented on the talks after they ended.",
        "Observers from the Red Cross were present at the meeting.",
    ]
    cleaned = clean_article("\n".join(paragraphs) + "\n")
    assert cleaned.text.split("\n\n") == [*paragraphs[:-1], paragraphs[-1] + "\n"]


# --- properties ----------------------------------------------------------------------------

FURNITURE_LINES = st.sampled_from([
    "Advertisement", "Share", "Home > World", "1. HOME", "Popular", "Related", "By Jane Roe", "Author:",
    "Date:", "3 min read", "2 hours ago", "Leave a Reply", "SOURCES: X", "Photo: A B/AFP", "Read more: X",
    "We use cookies.", "Sign up for our newsletter", "• ", "|", "—", "© 2025 Herald", "â€¢ Item", "Ã©",
    PROSE_BEFORE, PROSE_AFTER, "", " ", "\t", "\r", "\u2028", "\ufeff", "\xa0", "\x00",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.one_of(FURNITURE_LINES, st.text(max_size=40)), max_size=25)
                 .map("\n".join)))
def test_clean_article_never_raises_and_keeps_its_shape(raw):
    cleaned = clean_article(raw)
    assert_canonical_shape(cleaned.text)
    line_count = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    numbers = [dropped.line for dropped in cleaned.dropped]
    assert numbers == sorted(set(numbers))
    assert all(1 <= number <= line_count + raw.count("\u2028") + raw.count("\u2029") for number in numbers)
    assert all(dropped.text and dropped.reason for dropped in cleaned.dropped)


# --- encoding repair, line by line ----------------------------------------------------------

def _ftfy(text: str) -> str:
    import ftfy

    from brief.cleaning import FTFY_CONFIG

    return ftfy.fix_text(text, FTFY_CONFIG)


@pytest.mark.parametrize("text", [
    "Plain ASCII line\nand another\n",
    "Talks in Malmö resumed “on time” — officials said’s\n",
    "It was a â€œfirst stepâ€\u009d, he said\nand Ã©tÃ© too\n",
    "ok\nÂ test at the start of a later line\nÃ  la carte\n",  # ftfy's one anchored rule (^[ÃÂ][ ])
    "C1 \u0085 control and \x1b[31mred\x1b[0m escape\n",
    "ﬁnal ligature and e\u0301 decomposed\n",
    "control \x07 bell and \ufeff mark\n",
    "no newline at the end Ã©",
    "\n\n\n",
    "",
])
def test_encoding_repair_by_line_is_ftfys(text):
    from brief.cleaning import fix_encoding_by_line

    assert fix_encoding_by_line(text) == _ftfy(text)


_MOJIBAKE_ALPHABET = st.sampled_from(list("aeiou AEIOU.,!?\n’“”–—…éöüßłŃČ€£°·«»") + [
    "Ã", "Â", "â", "€", "™", "Å", "¡", "Ð", "œ", "Œ", "ž", "\xa0", "\xad", "\u0085", "\u0301", "ﬁ", "\x1b[0m",
    "Гў", "вЂ", "√", "×²", "Ø£", "â€™", "â€œ", "Ã©", "Ã¨", "Â·", "\u2028", "İ", "\ud800"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MOJIBAKE_ALPHABET, max_size=60).map("".join))
def test_encoding_repair_by_line_is_ftfys_on_any_text(text):
    """Skipping ftfy on the lines it would leave alone must never change a line it would fix."""
    from brief.cleaning import fix_encoding_by_line

    assert fix_encoding_by_line(text) == _ftfy(text)
