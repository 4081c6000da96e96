"""Who gives a figure, as its sentence says: "according to X", "X estimates …", "…, X said"."""

from __future__ import annotations

import pytest

from brief.figure_sources import given_by
from brief.figures import extract_figures


@pytest.mark.parametrize(("sentence", "who"), [
    ("Mediazona and the BBC’s Russian service put Russian military deaths in 2025 at around 19,000.",
     "Mediazona and the BBC’s Russian service"),
    ("The Institute for the Study of War estimates Russia has gained 0.77% of Ukrainian territory this year.",
     "the Institute for the Study of War"),
    ("Overnight Russia launched 410 drones and 38 missiles at Ukraine, the Ukrainian air force said.",
     "the Ukrainian air force"),
    ("Ukraine's air force says Russia launched 135 drones and four ballistic missiles overnight.",
     "Ukraine's air force"),
    ("Russia launched about 650 drones overnight, according to Ukraine's air force.", "Ukraine's air force"),
    ("Officials said 12 civilians were killed in the strike.", "officials"),
])
def test_who_gives_a_figure_is_read_from_its_sentence(sentence: str, who: str) -> None:
    assert given_by(sentence) == who


@pytest.mark.parametrize("sentence", [
    "He said 12 civilians were killed in the strike.",  # a pronoun says not who
    "Russia launched 410 drones and 38 missiles at Ukraine overnight.",
    "The draft would cap Ukraine's armed forces at 800,000 personnel in peacetime.",
    "Most estimates put Russian losses at around 19,000 this year.",  # whose?
    "Russia controls nearly all of Luhansk and about three-quarters of Donetsk.",
])
def test_a_sentence_that_does_not_say_who_gives_nobody(sentence: str) -> None:
    assert given_by(sentence) is None


def test_only_a_count_or_an_estimate_is_given_by_someone() -> None:
    """"British defense analysts assessed … nearly 2 million Russian casualties … all four eastern Ukrainian
    regions": the casualties are their estimate; the four regions are no one's count."""
    text = ("British defense analysts assessed in August that it would take more than four years—and potentially "
            "cost nearly 2 million Russian casualties—to occupy all four eastern Ukrainian regions claimed by the "
            "Kremlin.")
    read = {f.unit: f.given_by for f in extract_figures(text, "a")}
    assert read == {"casualties": "British defense analysts", "regions": None}
