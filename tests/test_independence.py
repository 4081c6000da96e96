"""Independent sources: wire credits, whole-article copies, and which cited sources of an item are copies."""

from __future__ import annotations

import pytest

from brief.independence import CopyFinder, SourceFingerprint, fingerprint, near_identical, same_text, wire_credit

STORY = [
    "Moscow demands that Ukraine withdraw its forces from the rest of the Donbas region before any cease-fire.",
    "Negotiators from both sides met for six hours in Geneva on Tuesday without agreeing on the front line.",
    "European governments insisted that any settlement must come with security guarantees from Washington.",
    "The Kremlin said further talks could take place next month if the United States presents a new proposal.",
    "Ukraine's parliament would have to approve any change to the country's borders, officials said again.",
]
OTHER = [
    "Drone strikes on the Kharkiv region left thousands without power overnight, the regional governor said.",
    "The European Union agreed on a new package of sanctions targeting Russian oil exports to Asia.",
    "Analysts said the odds of a deal before the end of the year were low as fighting continued.",
    "Prisoner exchanges resumed after a pause of several weeks, mediated by the United Arab Emirates.",
]


def text(*sentences: str) -> str:
    return "\n\n".join(sentences)


@pytest.mark.parametrize(("article", "dropped", "outlet", "wire"), [
    (text("KYIV, Ukraine (AP) — " + STORY[0], *STORY[1:]), [], None, "AP"),
    (text("MOSCOW (Reuters) - " + STORY[0], *STORY[1:]), [], None, "Reuters"),
    (text("PARIS (AFP) – " + STORY[0], *STORY[1:]), [], None, "AFP"),
    (text(*STORY), [("sign-off", "Copyright 2025 The Associated Press. All rights reserved.")], None, "AP"),
    (text(*STORY), [("credits", "© 2025 Agence France-Presse")], None, "AFP"),
    (text(*STORY), [], "The Associated Press", "AP"),
    (text(*STORY), [], "Reuters", "Reuters"),
    # Not wire credits: a photo's credit, a story that cites a wire, an outlet of its own.
    (text(*STORY), [("photo caption", "Negotiators in Istanbul, on June 2, 2025. [Adem Altan/AFP)")], None, None),
    (text("According to the Associated Press, " + STORY[0], *STORY[1:]), [], None, None),
    (text("Recent reporting from Reuters highlights that positions have hardened.", *STORY), [], None, None),
    (text(*STORY), [], "Alpha Post", None),
])
def test_wire_credit(article: str, dropped: list[tuple[str, str]], outlet: str | None, wire: str | None) -> None:
    assert wire_credit(article, dropped, outlet) == wire


def test_a_copy_under_another_outlets_name_is_the_same_text() -> None:
    original = fingerprint("a", text(*STORY))
    copy = fingerprint("b", text("Beta News — exclusive", *STORY, "Follow Beta News for more."))
    trimmed = fingerprint("c", text(*STORY[:4]))  # a copy cut short is still a copy
    assert same_text(original, copy) and same_text(original, trimmed)
    other = fingerprint("d", text(STORY[0], *OTHER))  # one shared sentence is a quotation, not a copy
    assert not same_text(original, other)
    tiny = fingerprint("e", STORY[0])
    assert not same_text(fingerprint("f", STORY[0]), tiny)  # too short to judge by text alone


def test_near_identical_passages() -> None:
    assert near_identical(STORY[0], STORY[0].replace("before any cease-fire", "before any cease-fire on Monday"))
    assert not near_identical(STORY[0], "Moscow wants Kyiv to give up the Donbas, which Ukraine refuses.")


def _finder(articles: dict[str, SourceFingerprint]) -> CopyFinder:
    return CopyFinder(list(articles), lambda source_id: articles[source_id])


def test_copies_among_an_items_sources() -> None:
    claim = STORY[0]
    edited = claim.replace("before any cease-fire", "before any cease-fire, officials said")
    articles = {
        "ap1": fingerprint("ap1", text("KYIV (AP) — " + claim, *STORY[1:])),
        "ap2": fingerprint("ap2", text("MOSCOW (AP) — " + edited, *OTHER)),   # same wire, same passage
        "own": fingerprint("own", text(edited, *OTHER[:2], *STORY[3:])),      # no credit: independent
        "rtr": fingerprint("rtr", text("LONDON (Reuters) - " + claim, *OTHER[2:])),  # another wire
        "dup": fingerprint("dup", text(*STORY)),                               # the AP story, word for word
    }
    cited = [("ap1", claim), ("ap2", edited), ("own", edited), ("rtr", claim), ("dup", claim)]
    assert _finder(articles).copies_among(cited) == {"ap2": "ap1", "dup": "ap1"}


def test_the_same_wire_with_different_passages_is_not_a_copy() -> None:
    articles = {"a": fingerprint("a", text("KYIV (AP) — " + STORY[0], *STORY[1:])),
                "b": fingerprint("b", text("KYIV (AP) — " + OTHER[0], *OTHER[1:]))}
    assert _finder(articles).copies_among([("a", STORY[0]), ("b", OTHER[0])]) == {}
