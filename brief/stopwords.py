"""Function words that passages are not compared on: one core list, and the few more each comparison leaves out.

Each comparison keeps its own reach, because each weighs words for another purpose: copy detection
(:mod:`brief.independence`) keeps most words, since two copies of a wire text share them all;
matching what two figures measure (:mod:`brief.differences`) and what two claims are about
(:mod:`brief.contradictions`) leaves out quantifiers and negation, which the number or the polarity
already carries; ranking and repeat detection (:mod:`brief.ranking`) keep content words only.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset("""the a an and or of to in on at for with by from as is are was were be been has have had
that this it its their which who said says""".split())
"""Articles, prepositions, auxiliaries, pronouns that only point, and the reporting verb: in every list."""
QUANTIFIERS = frozenset("than more over some about around".split())
"""Words of a quantity that the number itself says: left out where figures are compared."""
COPY_STOPWORDS = FUNCTION_WORDS | {"but"}
MEASURE_STOPWORDS = FUNCTION_WORDS | QUANTIFIERS
CLAIM_STOPWORDS = MEASURE_STOPWORDS | frozenset("his her any all into not no".split())
CONTENT_STOPWORDS = CLAIM_STOPWORDS | frozenset("""but these those there whom whose what when where while then also
after before between during under against such only most very can could would should will may might must do does did
say he she they them our we you""".split())
"""Everything but content words (:func:`brief.ranking.content_words`)."""
