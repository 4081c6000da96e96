"""The analyst's section kinds: sections a recipe may list that brief fills itself, not with excerpts.

Their ids are reserved: the taxonomy may not define a section of the same name.
"""

from __future__ import annotations

EXTRA_SECTIONS: dict[str, str] = {
    "key-quotes": "Key quotes",
    "key-figures": "Key figures",
    "timeline": "Timeline",
    "sources-differ": "Where sources differ",
}
"""Section id → default title. Key quotes, key figures and the timeline are drawn from the sources the
brief cites and the window's strongest sources; "where sources differ" lists figures they disagree on."""
