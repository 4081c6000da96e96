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
HEAD_OF_STATE_TITLES = frozenset({"president", "russian", "ukrainian", "u.s.", "american", "us"})
"""Words that may stand before a head of state's name ("President Vladimir Putin", "Ukrainian President Volodymyr
Zelensky"); another word makes another person ("Melania Trump")."""
