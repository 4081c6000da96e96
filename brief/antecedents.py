"""Whether a passage points at someone or something it does not name: words a brief cannot show alone.

A passage that opens on "He" or "This" is caught by its first word (:mod:`brief.ranking`). Some lean on
the sentence before further in:

- a third-person pronoun with nobody before it in the passage that it can stand for: "A new round of
  consultations at expert level could be held before the end of the year, he said." (the article's
  sentence before names Yuri Ushakov), "The demand for all of Donetsk … goes beyond anything Ukraine's
  negotiators have discussed with the Americans, and his terms on NATO have not softened." (whose?).
  Someone it can stand for is a person's name ("Zelensky said he …"), or a person named by a role
  after an article ("a senior U.S. official said he …"); an opening clause may name them after the
  pronoun ("Since assuming his second term, President Donald Trump has …");
- "this", "these" or "those" standing alone for what came before: "Moscow calls this unacceptable",
  "treats these as preconditions";
- an event the sentence before names, as "the meeting" with nothing after it to say which ("The meeting
  offered little surprise, as Putin …": in a brief it follows whatever meeting the item before names), or a
  "later" that says after what ("Putin later dismissed the talks as irrelevant": the Istanbul talks of 2022),
  or an opening "Afterwards" ("Afterwards Yuri Ushakov … says …": after the Kremlin meeting the sentence
  before tells of); so is "the deal" or "the decision" with nothing after it to say which;
- a number with no noun after it: "the 27 instead agreed to raise €90bn" (the EU leaders of the sentence
  before);
- an example of what the sentence before says ("Marco Rubio, for instance, led earlier talks …"), or the rest of
  its list ("Other potential elements might involve …").

Shown in a brief, such a passage leaves the principal to guess who spoke or what is refused.
"""

from __future__ import annotations

import re

from brief.speakers import ROLE_HEADS, SPEECH_VERBS, full_names, is_name_word, words_in
from brief.timeline import is_past_verb

PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_PERSON_NOUNS = "|".join(sorted(ROLE_HEADS | {"man", "woman", "person", "soldier", "resident", "mother", "father",
                                              "son", "daughter", "voter", "citizen", "pilot", "wife", "husband",
                                              "interviewer", "guest"}, key=len, reverse=True))
_PERSON_BY_ROLE = re.compile(rf"\b(?:a|an|the|one|another)\s+(?:[\w.’'-]+\s+){{0,4}}?(?:{_PERSON_NOUNS})\b",
                             re.IGNORECASE)
"""Someone named by a role after an article: "a senior U.S. official", "the envoy" (not "at expert level")."""
_NOT_NAMES = frozenset("""first second third fourth fifth finally next last two three four five six seven eight
nine ten""".split())
"""Capitalised words that open a sentence and are not a name, though :func:`is_name_word` would allow them
(nor are words ending in -ly, -ed or -ing there: "Recently", "Described as …")."""
_DEMONSTRATIVE_ALONE = re.compile(
    r"\b(?:(?:accept|accepts|accepted|reject|rejects|rejected|do|does|did|want|wants|wanted|prevent|stop|avoid)\s+that"
    r"\s*[.,;:!?—–)]"  # "If you accept that, you have handed Moscow a veto"
    r"|(?:this|these|those)(?:\s*[.,;:!?—–)]|\s+(?:as|a|an|the|and|but|or|to|unacceptable|acceptable|impossible"
    r"|necessary|essential|untenable|unrealistic|outright|too|either)\b)"
    r"|\b(?:any|all|every)\s+such\b|\bno\s+such\s+(?!thing\b)\w)",  # "any such pledge", "no such documents"
    re.IGNORECASE)
"""A demonstrative that is not followed by the noun it points at ("calls this unacceptable", "rejected this.",
"If you accept that, …"), or a "such" that says the noun after it is like one named before ("any such pledge",
"no such documents"; not "such as", "no such thing as", nor "such a difficult position", "such a large fire
that", where "such" says how much)."""
_OF_THIS_KIND = re.compile(r"\b(?:of|like)\s+(?:this|that|these|those)\s+(?:kinds?|sorts?|types?|nature)\b"
                           r"|\b(?:this|that)\s+kind\s+of\b", re.IGNORECASE)
"""A thing said to be like something named before: "not received any documents of this kind"."""
_UNLIKE_ANY = re.compile(r"\b(?:the\s+)?(?:\w+est|first|only|most\s+\w+)\b[^.;]{0,80}$", re.IGNORECASE)
"""A superlative before "of this kind", which then means of any kind: "the largest drone attack of this kind"."""
_WHAT_WAS_SAID = (r"(?:bargaining|approach|argument|idea|logic|dynamic|pattern|strategy|stance|shift|move|offer"
                  r"|formula|scenario|option|tactic|calculus|reasoning|assessment|message|signal|worldview|view|vision"
                  r"|narrative|mindset|premise)")
_DEMONSTRATIVE_OF_WHAT_WAS_SAID = re.compile(
    rf"\b(?:(?:this|these|those)\s+{_WHAT_WAS_SAID}s?\b"
    rf"|(?:(?P<before>\w+)\s+)?that\s+{_WHAT_WAS_SAID}\b(?!\s+(?:has|have|had|is|are|was|were|will|would|could|can"
    rf"|may|might|must|remains?)\b))",
    re.IGNORECASE)
"""A demonstrative before a noun that sums up what was said before ("translate that bargaining into a
guarantee", "If none of these moves, …"); "that" only before a singular noun, not after a verb of saying
(:data:`brief.speakers.SPEECH_VERBS`) and not before a verb: the "that" of a clause ("highlights that
positions have hardened", "said that offers of guarantees were not enough") is no demonstrative."""


def refers_to_someone_unnamed(text: str) -> bool:
    """Whether ``text`` has a he/his/she/her that nobody in ``text`` can be (see the module's docstring)."""
    match = PERSON_PRONOUN.search(text)
    if match is None:
        return False
    before = text[:match.start()]
    if names_someone(before):
        return False
    # An opening clause that names them after the pronoun: "Since assuming his second term, President …".
    comma = text.find(",", match.end())
    sentence_end = re.search(r"[.!?]\s", text[match.end():])
    if comma != -1 and (sentence_end is None or comma < match.end() + sentence_end.start()):
        after = text[comma + 1:]
        first = re.match(r"\s*(?:[\w.’'-]+\s+){0,4}", after)
        if first is not None and names_someone(after[:first.end() + 30], opening=False):
            return False
    return True


def names_someone(text: str, *, opening: bool = True) -> bool:
    """Whether ``text`` names a person, by name or by a role after an article ("a senior official");
    ``opening``: it starts a sentence, whose first word may be capitalised without being a name ("Second, …")."""
    if full_names(text) or _PERSON_BY_ROLE.search(text):
        return True
    for word in words_in(text, 0, len(text)):
        if not is_name_word(word.text):
            continue
        starts_sentence = (word.start == 0 and opening) or bool(re.search(r"[.!?:]\s+$", text[:word.start]))
        lower = word.text.lower()
        if not starts_sentence or (lower not in _NOT_NAMES and not lower.endswith(("ly", "ed", "ing"))):
            return True
    return False


def points_at_what_came_before(text: str) -> bool:
    """Whether ``text`` has a "this", "these" or "those" with no noun after it: it stands for something said
    before the passage ("Moscow calls this unacceptable"); or one before a noun that sums up what was said
    ("translate that bargaining into a guarantee", "If none of these moves, …"); or a thing it says is like one
    named before ("any such pledge", "documents of this kind")."""
    kind = _OF_THIS_KIND.search(text)
    if kind is not None and not _UNLIKE_ANY.search(text[:kind.start()]):
        return True
    return bool(_DEMONSTRATIVE_ALONE.search(text)) or any(
        (match.group("before") or "").lower() not in SPEECH_VERBS
        for match in _DEMONSTRATIVE_OF_WHAT_WAS_SAID.finditer(text))


_ASKS_OF_A_PRONOUN = re.compile(
    r"^(?:[A-Z][\w’'-]*,\s+)?(?:(?:what|why|how|when|where|who)\s+)?"  # "Daniel, why does …"
    r"(?:does|do|did|can|could|will|would|should|might|may|is|was|has|had)\s+(?:that|this|it)\b"
    r"(?!\s+(?:week|year|month|time|morning|evening|weekend|winter|spring|summer|autumn)\b)"
    r"(?!\s+(?:\w+\s+){0,2}?(?:that|to|whether|if)\b)"  # "Is it likely that …", "Is it too late to …"
    r"[^?]*\?\s*$", re.IGNORECASE)
"""A question about a "that", "this" or "it" it does not name: "Does that change the picture?" asks of what
the anchor said just before it ("Europe has also found 90 billion euros …")."""


def asks_of_what_came_before(question: str) -> bool:
    """Whether ``question``, one sentence, asks about something only a sentence before it names: "Does that
    change the picture?", "Is that meaningful?", "Can it last?". Not "Is it likely that Moscow agrees?", "Will
    this week's meeting help?", nor "Europe found the money. Does that change the picture?"."""
    return bool(_ASKS_OF_A_PRONOUN.search(question.strip()))


OPENING_PHRASE = r"(?:(?:according\s+to|for|to|in)\s+[^,;:.—–]{1,50}(?:,\s+|\s*[—–][^—–]{1,60}[—–]\s*))?"
"""What may come before a sentence's subject and leave it leaning all the same: "According to the RAND
Corporation, this is compounded …", "For donor countries—especially in the EU and U.S.—this could lead …"."""
_OPENS_ON_DEMONSTRATIVE = re.compile(rf"[\"“‘']?{OPENING_PHRASE}(?:this|these|those|that)\b", re.IGNORECASE)


IT_NAMES_NOTHING = (r"(?:is|was|remains|seems|appears|(?:has|had)\s+been|becomes|became)\s+(?:[\w-]+\s+){0,3}?"
                    r"(?:that|to|since|whether|unclear|likely|unlikely|possible|clear)\b"
                    r"|emerged\b|(?:(?:will|would|may|might|could|can)\s+)?(?:takes?|took|taken)\b")
"""What follows an "it" that names nothing: "it is unclear whether …", "it has been a year since …", "it emerged on
Monday that …", "it took a phone call from Trump to …", "it will take months for …". Not "it is not hopeless" or
"it will be fragile": that "it" is what the sentence before names. Shared by :data:`_TURNS_ON_IT` and
:data:`brief.ranking._DANGLING_START`, so that a passage is given the sentence before exactly when it is ranked as
leaning on it."""
_TURNS_ON_IT = re.compile(rf"[\"“‘']?(?:But|Yet|However,?|Still,?)\s+it\s+(?!{IT_NAMES_NOTHING})")
"""A sentence that turns against the one before and says "it" of what that one names: "For Washington, the back
channel has produced a process where none existed a year ago. But it has also looped back on itself: …", "… but it
is not hopeless" (not "But it is unclear whether …", "But it emerged on Monday that …", "However, it took a phone
call from Trump to …" or "But it will take months for …", whose "it" names nothing: :data:`IT_NAMES_NOTHING`)."""


_UNNAMED_EVENT = re.compile(
    rf"^[\"“‘']?{OPENING_PHRASE}the\s+(?:meeting|visit|call|summit|session|encounter|conversation|trip|talk"
    r"|deal|decision|agreement|accord)\s+"
    r"(?!(?:of|with|between|in|at|on|to|for|by|from|that|which|where|among|last|next|this|held|hosted|scheduled"
    r"|planned|set|due|proposed|requested|and|or)\b)", re.IGNORECASE)
"""A sentence whose subject is "the meeting" (a visit, a call, a deal …) with no word after it to say which: "The
deal sets aside, for now, the “reparations loan” …" (the EU's loan, which the paragraph before tells of)."""
_LATER_THAN_WHAT = re.compile(
    r"^(?:(?!\band\b|\bbut\b)[^,;:.]){0,60}?(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)\blater\s+(?P<verb>\w+)",
    re.IGNORECASE)
"""A "later" in a sentence's first clause before a verb in the past (:func:`brief.timeline.is_past_verb`): "Putin
later dismissed …", "Kyiv later said" (not "negotiate protection later", "later this month", "would later need",
"was later revised", nor "met Putin and later briefed …", which says after what)."""


_AFTER_WHAT = re.compile(
    r"^[\"“‘']?(?:afterwards?|soon\s+after(?:wards?)?|shortly\s+after(?:wards?)?|later|hours\s+later|days\s+later"
    r"|the\s+(?:next|following)\s+day)\b(?!\s+(?:this|on|in|today|tonight|next|last)\b)", re.IGNORECASE)
"""A sentence that opens on after what came before: "Afterwards Yuri Ushakov … says …" (not "Later this month",
"Later on Tuesday", which say when)."""


_COUNT_ALONE = re.compile(
    r"\b[Tt]he\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?P<next>[a-z]+)\b(?P<after>\W+\w*)?")
"""A number with no noun after it as the subject of a verb: "the 27 instead agreed to raise €90bn" (the 27 EU
leaders the sentence before names), "the two met for five hours" (not "the two sides agreed", nor "the 20
proposed points", where the verb's form is an adjective)."""
_COUNT_VERBS = frozenset("instead also then still all both together have has had will would could can may must "
                         "should are were did do".split())
_AFTER_A_VERB = frozenset("to for in on at with that the a an their its and by after before again from over late "
                          "into".split())


def counts_whom_it_does_not_name(text: str) -> bool:
    """Whether ``text`` says "the 27" or "the two" of people or countries it does not name (see
    :data:`_COUNT_ALONE`)."""
    for match in _COUNT_ALONE.finditer(text):
        following = (match.group("after") or "").strip().lower()
        if match.group("next").lower() in _COUNT_VERBS or is_past_verb(match.group("next")) and (
                not following[:1].isalnum() or following in _AFTER_A_VERB):
            return True
    return False


def refers_to_an_unnamed_event(text: str) -> bool:
    """Whether ``text`` opens on "the meeting" (a call, a summit …) that it does not say which, or tells what
    happened "later" than something it does not name (see the module's docstring)."""
    later = _LATER_THAN_WHAT.match(text)
    return bool(_UNNAMED_EVENT.match(text) or (later and is_past_verb(later.group("verb")))) or follows_on(text)


_SAID_AFTERWARDS = re.compile(
    r"^(?:[^.;:!?]|(?<=\b[A-Z])\.|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.){0,80}?"
    r"\b(?:said|says|told(?:\s+(?:the\s+)?[\w.]+){1,2}?|added|wrote|announced)\s+(?:shortly\s+|soon\s+)?"
    r"(?:afterwards?|later)\b"
    r"(?!\s*,?\s*(?:on|in|this|today|tonight|next|last|at|that\s+(?:day|week|month|evening|morning|night))\b)",
    re.IGNORECASE)
"""A first clause that says someone spoke afterwards, with no day of its own: "Kremlin aide Yuri Ushakov said afterwards
that no compromise had been found" (after the Kremlin meeting the sentence before tells of), "Rubio told the BBC
later that …"; not "said afterwards, on Dec. 14," or "said later this week"."""


def follows_on(text: str) -> bool:
    """Whether ``text`` opens on "Afterwards" (or "Later", "The next day") with no day of its own, or says in its
    first clause that someone spoke afterwards: it tells what came after what the sentence before tells."""
    return bool(_AFTER_WHAT.match(text) or _SAID_AFTERWARDS.match(text))


_ILLUSTRATES = re.compile(
    r"^[\"“‘']?(?:for\s+(?:instance|example)\b|other\s+(?!than\b)(?=\w)"
    r"|(?:[^,;:.!?]|(?<=\b[A-Z])\.|(?<=\bM[rs])\.|(?<=\bMrs)\.|(?<=\bDr)\.){1,80},\s+for\s+(?:instance|example),)",
    re.IGNORECASE)
"""A sentence that gives an example of what the sentence before says, or goes on with its list: "Secretary of State
Marco Rubio, for instance, led earlier talks but was absent …", "Other potential elements might involve …"."""


def illustrates_what_came_before(text: str) -> bool:
    """Whether ``text`` is an example of a claim the sentence before makes ("Secretary of State Marco Rubio, for
    instance, led earlier talks but was absent for the critical Moscow discussions." shows that "leadership roles
    were unclear"; alone, it loses the point), or the rest of a list that sentence began ("Other potential elements
    might involve sanctions relief …" after "A comprehensive agreement could include …": elements of what?)."""
    return bool(_ILLUSTRATES.match(text))


def lacks_who_or_what(text: str, *, any_pronoun: bool = True) -> bool:
    """Whether ``text`` says "he"/"she" of someone or "this" of something that the sentence before it may say:
    a person pronoun anywhere, a demonstrative it opens on ("This would give the Kremlin a veto"), an "it" after
    a turn it opens on (:data:`_TURNS_ON_IT`: "But it has also looped back on itself"), or a demonstrative with
    no noun after it; an event it does not say which, or what came after what it says ("The meeting offered
    little surprise", "Afterwards …": :func:`refers_to_an_unnamed_event`); or "the 27" of whom it does not
    name (:func:`counts_whom_it_does_not_name`); or it is an example of what that sentence says, or the rest of its
    list (:func:`illustrates_what_came_before`). (Whether it then cannot stand alone is
    :func:`brief.ranking.leans_on_what_came_before`'s to say.) Not ``any_pronoun``: a "he" or "his" only when
    nobody ``text`` names can be them (:func:`refers_to_someone_unnamed`)."""
    pronoun = PERSON_PRONOUN.search(text) if any_pronoun else refers_to_someone_unnamed(text)
    return bool(pronoun or _OPENS_ON_DEMONSTRATIVE.match(text) or _TURNS_ON_IT.match(text)) \
        or points_at_what_came_before(text) or refers_to_an_unnamed_event(text) or counts_whom_it_does_not_name(text) \
        or illustrates_what_came_before(text)
