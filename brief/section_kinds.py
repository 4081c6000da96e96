"""The analyst's section kinds: sections a recipe may list that brief fills itself, not with excerpts.

Their ids are reserved: the taxonomy may not define a section of the same name.
"""

from __future__ import annotations

import re

EXTRA_SECTIONS: dict[str, str] = {
    "key-quotes": "Key quotes",
    "key-figures": "Key figures",
    "timeline": "Timeline",
    "sources-differ": "Where sources differ",
}
"""Section id → default title. Key quotes, key figures and the timeline are drawn from the sources the
brief cites and the window's strongest sources; "where sources differ" lists figures they disagree on."""

RESERVED_TITLES = frozenset({"key points", "sources", "about this brief"})
"""Headings of the brief's own parts. A section under one of them would be taken for that part: by `brief
verify`, which reads the sources list under "Sources", and by the PDF's style for the closing note."""


RESERVED_TITLE_PROBLEM = "a heading brief writes itself (key points, the sources list, the note about the brief)"
"""What a recipe's or the taxonomy's error says of a reserved title."""


def takes_a_reserved_title(title: str) -> bool:
    """Whether ``title`` would make the same heading as one of the brief's own parts: case, spacing and a
    closing run of "#" (which Markdown drops from a heading) aside."""
    heading = re.sub(r"(?:^|\s+)#+\s*$", "", " ".join(title.split()))
    return heading.casefold() in RESERVED_TITLES
