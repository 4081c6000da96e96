"""The parties to the talks, whatever an article calls them: Moscow and the Kremlin are Russia.

Shared by the contradiction finder (whose claim it is) and the ranking (whether two passages say
the same thing), so that both read "the Kremlin" and "Russia" as one actor.
"""

from __future__ import annotations

PARTY_WORDS = {
    "russia": "Russia", "russian": "Russia", "russians": "Russia", "moscow": "Russia", "kremlin": "Russia",
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine",
    "u.s.": "U.S.", "us": "U.S.", "usa": "U.S.", "washington": "U.S.", "america": "U.S.", "american": "U.S.",
    "americans": "U.S.",
    "europe": "Europe", "european": "Europe", "europeans": "Europe", "eu": "Europe", "e.u.": "Europe",
    "brussels": "Europe",
    "nato": "NATO",
}
"""Lower-case word → the party it names."""

HEADS_OF_STATE = {
    "putin": ("Russia", "vladimir"), "zelensky": ("Ukraine", "volodymyr"), "zelenskiy": ("Ukraine", "volodymyr"),
    "zelenskyy": ("Ukraine", "volodymyr"), "trump": ("U.S.", "donald"),
}
"""Lower-case surname → the party whose position the head of state states ("Putin wants the rest of Donetsk
handed over" is Russia's demand), and his first name."""
HEAD_OF_STATE_TITLE = "president"
"""The title that may stand before a head of state's name ("President Vladimir Putin"), as may his first name and
a word of his own party (:func:`names_head_of_state`)."""


def names_head_of_state(words: list[str]) -> str | None:
    """The party whose head of state ``words`` name: a surname of :data:`HEADS_OF_STATE` after nothing but his
    title, his first name and his own party's word ("Ukrainian President Volodymyr Zelensky" is Ukraine). Another
    word makes another person ("Melania Trump"); so does another party's ("Ukrainian President Putin")."""
    if not words or words[-1].lower() not in HEADS_OF_STATE:
        return None
    party, first_name = HEADS_OF_STATE[words[-1].lower()]
    before = [word.lower() for word in words[:-1]]
    return party if all(word in (HEAD_OF_STATE_TITLE, first_name) or party in (PARTY_WORDS.get(word),
                                                                                   PARTY_WORDS.get(f"{word}."))
                        for word in before) else None  # "U.S" with its last stop read off as a sentence's
