"""People in an article: who is named, who speaks, and in what role the article presents them.

Plain heuristics over capitalised words, no language model. A person's full name is
a run of two to four capitalised words ("Yuri Ushakov", "Pavel K. Baev") once titles
("Russian President", "Special Envoy") are set aside, none of which is a function
word, a place, an organisation or a month. A lone surname ("Ushakov") counts as a
person when the article names that person in full somewhere, follows "Mr."/"Ms.",
or stands right beside a speech verb ("Samus said"). Roles are taken as the
article words them: before the name ("Kremlin aide Yuri Ushakov" → "Kremlin aide")
or in apposition after it ("Yuri Ushakov, an advisor to Putin" → "an advisor to
Putin").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = frozenset("""
said says say told tells added adds noted notes stated states warned warns argued argues insisted insists
explained explains wrote writes asked asks declared declares announced announces claimed claims suggested
suggests posited posits vowed vows described describes accused accuses accusing saying telling adding warning
insisting confirming confirmed confirms urged urges urging stressed stresses stressing recalled recalls
acknowledged acknowledges admitted admits replied replies remarked remarks observed observes predicted predicts
indicated indicates describing noting arguing declaring announcing claiming suggesting asserted asserts
asserting maintained maintains contended contends countered counters tweeted posted responded responds
concluded concludes cautioned cautions complained complains promised promises calling
""".split())
"""Verbs that introduce what someone said."""
SPEECH_VERB = "(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + ")"
"""A regular expression matching any of :data:`SPEECH_VERBS` (longest first; put ``\\b`` around it)."""

_FUNCTION_WORDS = frozenset("""
the a an this that these those it its he she they we i you his her their our my in on at as if when while
meanwhile yet still moreover furthermore but and or so there some many most after before since however also
although though despite following during under over between among according to for with by from of not no
even only just both either neither every each all any such what which who whom whose where why how then thus
analysis update read more watch whether unless until because everyone everybody someone somebody anyone anybody
nobody one others another many few several none
""".split())
"""Words that may be capitalised at the start of a sentence but never belong to a name or a role."""

_CALENDAR = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec christmas easter
""".split())

_PLACES_AND_BODIES = frozenset("""
ukraine ukrainian ukrainians russia russian russians kyiv kiev moscow kremlin washington europe european
europeans america american americans u.s u.k us uk eu nato un usa britain british france french germany german
berlin paris london brussels beijing china chinese turkey turkish istanbul ankara geneva florida alaska
anchorage budapest oslo poland polish lithuania lithuanian crimea donbas donetsk luhansk zaporizhzhia kherson
kharkiv belarus georgia moldova transnistria soviet west western east eastern north south africa african asia
middle white black red oval united states nations union kingdom republic federation office house institute
center centre service services council court corporation press agency ministry administration summit
coalition party forces army navy fund bank affairs committee commission university research study studies
times post news week journal review group foundation company corp inc ltd assembly parliament congress
senate government department bureau network channel media radio television tv reuters bloomberg jazeera
guardian telegraph economist bbc cnn cbs nbc abc fox axios politico mediazona willing peace war talks plan deal
state god staff command pentagon headquarters directorate intelligence police navy guard guards embassy
mission delegation team side camp spokesperson statement
""".split())
"""Capitalised words naming places, peoples and organisations: never part of a person's name."""

TITLE_WORDS = frozenset("""
president presidents minister ministers secretary secretaries aide aides envoy envoys adviser advisers advisor
advisors spokesman spokeswoman spokesperson official officials analyst analysts ambassador ambassadors
chancellor general gen commander commanders chief head leader leaders negotiator negotiators diplomat diplomats
senator sen lawmaker lawmakers governor mayor director expert experts researcher fellow professor prof economist
journalist correspondent editor chairman chairwoman chair premier prime vice deputy special senior top foreign
defense defence policy security national military former king queen prince pope colonel col lieutenant lt
major maj captain capt admiral adm sergeant sgt representative rep speaker mr mrs ms dr emissary mediator
strategist historian scholar officer commissioner ceo founder host
""".split())
"""Words of a title or role ("Foreign Minister", "Kremlin aide"); never part of a person's name."""

ROLE_HEADS = frozenset("""
president minister secretary aide envoy adviser advisor spokesman spokeswoman spokesperson official analyst
ambassador chancellor general commander chief head leader negotiator diplomat senator lawmaker governor mayor
director expert researcher fellow professor economist journalist correspondent editor chairman chairwoman chair
premier colonel lieutenant major captain admiral sergeant representative speaker emissary mediator strategist
historian scholar officer commissioner ceo founder host king queen prince pope
""".split())
"""A role must name a function: one of these words (or its plural) somewhere in it."""

_ROLE_LOWERCASE = frozenset("""
aide aides envoy adviser advisor spokesman spokeswoman spokesperson official analyst ambassador chief head
leader negotiator diplomat lawmaker expert researcher fellow professor economist journalist correspondent
editor commander top senior former foreign defense defence policy security national military deputy special
presidential peace intelligence economic press veteran longtime long-time acting interim prime vice
minister president secretary chancellor governor mayor senator director general
""".split())
"""Lowercase words that may belong to a title before a name ("top Kremlin foreign policy aide")."""

OFFICIAL_TITLES = frozenset("""
president minister secretary aide envoy adviser advisor spokesman spokeswoman spokesperson official
ambassador chancellor general commander chief negotiator diplomat senator lawmaker governor mayor premier
king queen prince pope colonel admiral representative commissioner emissary
""".split())
"""Role words of someone who speaks for a government or an institution (they rank first among quotes)."""

_PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "into", "via", "across", "toward", "towards",
                                 "outside", "inside", "around", "through", "throughout", "over", "visit", "visited"})
_PREPOSITIONS = frozenset({"to", "for", "of", "with", "from", "near", "by", "about", "behind", "against", "toward",
                           "towards", "under", "among", "including", "alongside", "beside", "besides", "unlike", "on",
                           "at", "in", "into", "over", "between", "without", "within", "around", "through", "via",
                           "upon"})
"""Words that make the name after them their object ("a source close to Putin"), not a verb's subject."""
_ARTICLES = frozenset({"the", "a", "an"})
_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "el", "ibn"})
_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col."})
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w’'.-]*")
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass(frozen=True)
class Mention:
    """A person named in a piece of text."""

    start: int
    end: int
    name: str
    """The name as written, a possessive ’s removed: "Yuri Ushakov", "Ushakov"."""


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    possessive: bool


def words_in(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text[start:end]``, a sentence's final period and a possessive ’s split off."""
    found: list[Word] = []
    for match in _WORD.finditer(text, start, end):
        word = match.group(0)
        if word.endswith(".") and not _INITIAL.fullmatch(word) and word.lower() not in _HONORIFICS \
                and not re.fullmatch(r"(?:[A-Za-z]\.)+", word) and not word.lower().startswith(("then-", "ex-")):
            word = word[:-1]
        possessive = False
        for suffix in ("’s", "'s"):
            if word.endswith(suffix) and len(word) > 3:
                word, possessive = word[:-2], True
        found.append(Word(match.start(), match.start() + len(word), word, possessive))
    return found


def is_name_word(word: str) -> bool:
    """A capitalised word that may be part of a person's name (initials such as "K." included)."""
    if _INITIAL.fullmatch(word):
        return True
    if not word[:1].isupper() or "." in word or (word.isupper() and len(word) > 1):
        return False
    lower = word.lower()
    return lower not in _FUNCTION_WORDS and lower not in _CALENDAR and lower not in _PLACES_AND_BODIES \
        and lower not in TITLE_WORDS


def _adjacent(text: str, left: Word, right: Word) -> bool:
    return text[left.end:right.start] == " " and not left.possessive


def _valid_run(run: list[Word]) -> bool:
    return bool(run) and not _INITIAL.fullmatch(run[0].text) and not _INITIAL.fullmatch(run[-1].text) \
        and run[0].text not in _PARTICLES and run[-1].text not in _PARTICLES


def full_names(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every full name (two to four name words) in ``text[start:end]``, in order."""
    words = words_in(text, start, len(text) if end is None else end)
    mentions: list[Mention] = []
    run: list[Word] = []

    def close() -> None:
        while run and run[-1].text in _PARTICLES:
            run.pop()
        if 2 <= len(run) <= 4 and _valid_run(run):
            mentions.append(Mention(run[0].start, run[-1].end, text[run[0].start:run[-1].end]))
        run.clear()

    for word in words:
        fits = is_name_word(word.text) or (bool(run) and word.text in _PARTICLES)
        if run and (not fits or not _adjacent(text, run[-1], word)):
            close()
        if fits and (run or word.text not in _PARTICLES):
            run.append(word)
    close()
    return mentions


@dataclass(frozen=True)
class People:
    """The people an article names in full, to recognise them again by surname."""

    names: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> People:
        return cls(tuple(dict.fromkeys(m.name for m in full_names(text))))

    def canonical(self, name: str) -> str:
        """The article's full form of ``name`` when exactly one full name ends with it; else ``name``."""
        if " " in name:
            return name
        matches = [full for full in self.names if full.split()[-1] == name]
        return matches[0] if len(matches) == 1 else name

    def is_known_surname(self, word: str) -> bool:
        return any(full.split()[-1] == word for full in self.names)

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """The people named in ``text[start:end]``: full names, known surnames and "Mr. X"."""
        found = full_names(text, start, end)
        for word in words_in(text, start, end):
            if any(m.start <= word.start < m.end for m in found):
                continue
            if is_name_word(word.text) and (self.is_known_surname(word.text) or _after_honorific(text, word.start)):
                found.append(Mention(word.start, word.end, word.text))
        return sorted(found, key=lambda m: m.start)


    def possible_people(self, text: str, start: int, end: int) -> list[str]:
        """Capitalised words in ``text[start:end]`` that may name someone the article never names in full.

        "Witkoff and Trump see…" in an article that only ever writes their surnames. The
        first word of the passage is left out (a sentence's first word is capitalised anyway),
        and so are places after a preposition of place ("flew to Miami", "talks in Geneva").
        """
        known = self.mentions(text, start, end)
        words = words_in(text, start, end)
        return [w.text for previous, w in zip(words, words[1:], strict=False)
                if is_name_word(w.text) and not _INITIAL.fullmatch(w.text)
                and previous.text.lower() not in _PLACE_PREPOSITIONS
                and not any(m.start <= w.start < m.end for m in known)]


def _after_honorific(text: str, start: int) -> bool:
    before = text[max(0, start - 6):start].split()
    return bool(before) and before[-1].lower() in _HONORIFICS


def governed(text: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the name ``text[start:end]`` is the object of a preposition: "a source close to Putin", "a
    spokesman for the Ukrainian President Volodymyr Zelensky", "an aide to Russia’s Putin".

    Such a name is not the subject of the verb after it: "…,” an aide to Zelensky said" quotes the aide.
    Titles, possessives and articles between the preposition and the name are passed over; a place
    that is not part of a title ends the search ("In Kyiv Zelensky said"). "With" before a name and an
    -ing form after it make an absolute clause whose subject the name is: "with Foreign Minister
    Andrii Sybiha accusing Russia of …".
    """
    if re.match(r"\s+\w+ing\b", text[end:end + 30]):
        prepositions = _PREPOSITIONS - {"with", "without"}
    else:
        prepositions = _PREPOSITIONS
    found = _word_before_title(text, start, floor)
    return found is not None and found[0].text.lower() in prepositions


def joined(text: str, start: int, floor: int = 0) -> bool:
    """Whether the name at ``start`` is the second of two joined by "and": "Witkoff and Kushner said",
    "Zelensky and U.S. President Donald Trump told reporters" — words said together are neither's alone."""
    found = _word_before_title(text, start, floor)
    if found is None or found[0].text.lower() not in {"and", "&"}:
        return False
    word, earlier = found
    return bool(earlier) and earlier[-1].text[:1].isupper() and text[earlier[-1].end:word.start].strip() == ""


def _word_before_title(text: str, start: int, floor: int) -> tuple[Word, list[Word]] | None:
    """The word before the name at ``start`` and its title ("an aide |to| Ukrainian President …"), with
    the words before it; None when the name or its title opens the text, or punctuation comes first."""
    words = words_in(text, max(floor, start - 100), start)
    after, title_after = start, False
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        gap = text[word.end:after]
        if gap != (gap[:2] + " " if word.possessive else " "):
            return None
        lower = word.text.lower()
        if lower in TITLE_WORDS or lower in _ROLE_LOWERCASE:
            title_after = True
        elif word.possessive or lower in _ARTICLES or (word.text[:1].isupper() and title_after):
            title_after = False
        else:
            return word, words[:index]
        after = word.start
    return None


def _opens_sentence(text: str, start: int, floor: int) -> bool:
    return not text[floor:start].strip(" \t\n\"“‘'(")


def _lone_name_ok(word: Word, text: str, people: People) -> bool:
    """A lone capitalised word beside a speech verb is a surname unless it is a known non-name."""
    return people.is_known_surname(word.text) or _after_honorific(text, word.start) or (
        is_name_word(word.text) and len(word.text) > 2)


def name_ending_at(text: str, end: int, people: People, floor: int = 0, *, antecedent: bool = False
                   ) -> Mention | None:
    """The person's name whose last word ends exactly at ``end`` (the subject of a speech verb).

    A name governed by a preposition ("a source close to Putin") is no subject, unless it is the
    ``antecedent`` of a relative pronoun that is ("too thin for Putin, who said …").
    """
    words = [w for w in words_in(text, max(floor, end - 80), end)]
    if not words or words[-1].end != end or words[-1].possessive:
        return None
    run: list[Word] = []
    for word in reversed(words):
        if run and not _adjacent(text, word, run[0]):
            break
        if is_name_word(word.text) or (run and word.text in _PARTICLES):
            run.insert(0, word)
            if len(run) == 4:
                break
            continue
        break
    while run and run[0].text in _PARTICLES:
        run.pop(0)
    if not _valid_run(run) or (len(run) == 1 and not _lone_name_ok(run[0], text, people)):
        return None
    lone = len(run) == 1 and not people.is_known_surname(run[0].text) and not _after_honorific(text, run[0].start)
    if lone:
        before = [w for w in words if w.end <= run[0].start]
        if before and (before[-1].possessive or before[-1].text.lower() in _ARTICLES):
            return None  # "the Pentagon said", "Ukraine’s Staff said": a body, not a person
        if run[0].text.endswith("s") and _opens_sentence(text, run[0].start, floor):
            return None  # "Critics said", "Residents told": capitalised only because the sentence starts there
    if not antecedent and governed(text, run[0].start, run[-1].end, floor):
        return None  # "…,” a source close to Putin said": the source speaks, not Putin
    if joined(text, run[0].start, floor):
        return None  # "Witkoff and Kushner said": both, not Kushner
    return Mention(run[0].start, run[-1].end, text[run[0].start:run[-1].end])


def name_starting_at(text: str, start: int, people: People, limit: int | None = None) -> tuple[Mention, str | None] | None:
    """The name that starts at ``start`` (after "said"), a title before it skipped; with that title.

    ``said Kremlin aide Yuri Ushakov`` → (Yuri Ushakov, "Kremlin aide").
    """
    words = words_in(text, start, min(len(text), start + 120) if limit is None else limit)
    if not words or words[0].start != start:
        return None
    index = 0
    while index < len(words) and not is_name_word(words[index].text) and _role_word(words[index]) \
            and (index == 0 or _adjacent(text, words[index - 1], words[index])):
        index += 1
    run: list[Word] = []
    for word in words[index:]:
        if run and not _adjacent(text, run[-1], word):
            break
        if is_name_word(word.text) or (run and word.text in _PARTICLES):
            run.append(word)
            if word.possessive or len(run) == 4:
                break
            continue
        break
    while run and run[-1].text in _PARTICLES:
        run.pop()
    if not _valid_run(run) or (len(run) == 1 and not _lone_name_ok(run[0], text, people)):
        return None
    if run[-1].possessive or re.match(r",?\s+(?:and|&)\s+(?:[A-Z]|U\.S\.)", text[run[-1].end:run[-1].end + 12]):
        return None  # "said Witkoff and Kushner": both, not Witkoff
    role = text[words[0].start:words[index - 1].end] if index else None
    mention = Mention(run[0].start, run[-1].end, text[run[0].start:run[-1].end])
    return mention, (role if role and names_a_function(role) else None)


def _role_word(word: Word) -> bool:
    lower = word.text.lower()
    if lower in _FUNCTION_WORDS or lower in _CALENDAR:
        return False
    if word.text[:1].isupper() or lower.startswith(("then-", "ex-")):
        return True
    return lower in _ROLE_LOWERCASE


_INSIDE_A_TITLE = frozenset({"of", "the", "and"})
"""Small words inside a title before a name: "Secretary of the National Security and Defence Council of Ukraine"."""


def _title_of_a_body(kept: list[Word]) -> list[Word]:
    """The words of a title read backwards from a name, from its first word that may open one: "the" only
    after "of" and "and" only inside the body an "of" names ("Secretary of the National Security and Defence
    Council"), so "Zelensky and Defence Minister" keeps "Defence Minister"."""
    start = 0
    for index, word in enumerate(kept):
        if word.text == "the" and (index == 0 or kept[index - 1].text != "of") \
                or word.text == "and" and not any(w.text == "of" for w in kept[start:index]):
            start = index + 1
    kept = kept[start:]
    while kept and kept[0].text in _INSIDE_A_TITLE:
        kept.pop(0)
    return kept


def role_before(text: str, name_start: int, floor: int) -> str | None:
    """The title the article puts right before a name: "Russian President", "top Kremlin foreign policy aide".

    "Lithuania’s former Minister of Foreign Affairs, Gabrielius Landsbergis, …": a title
    that fills the sentence up to a comma before the name counts too.
    """
    gap_end = name_start
    before_comma = False
    if text[max(floor, name_start - 2):name_start] == ", ":
        gap_end, before_comma = name_start - 2, True
    words = words_in(text, floor, gap_end)
    kept: list[Word] = []
    for word in reversed(words):
        gap = text[word.end:kept[0].start if kept else gap_end]
        space = "" if before_comma and not kept else " "
        if gap != (gap[:2] + space if word.possessive else space):
            break
        if word.text in _INSIDE_A_TITLE and kept and (word.text == "of" or kept[0].text[:1].isupper()):
            kept.insert(0, word)
            continue
        if not _role_word(word):
            break
        kept.insert(0, word)
    kept = _title_of_a_body(kept)
    if not kept or (before_comma and text[floor:kept[0].start].strip().lower() not in {"", "the", "a", "an"}):
        return None
    role = text[kept[0].start:kept[-1].end]
    return role if names_a_function(role) else None


_APPOSITIVE = re.compile(r",\s+(?P<role>[^,.;:“”\"()—]{2,100}?)(?=,|\.\s|\.$|;|—|$)")
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?(?P<role>[A-Z][^,.;:“”\"()—]{2,80}?)(?=,|\.\s|\.$|;|—|\s+(?:said|says)\b|$)")
_NOT_APPOSITIVE = frozenset({"who", "which", "whose", "and", "but", "or", "according", "as", "while", "he", "she",
                             "they", "it", "this", "that", "in", "on", "at", "for", "with", "if", "when"})


def role_after(text: str, name_end: int, limit: int) -> str | None:
    """The role in apposition after a name: ", a Ukrainian defense analyst," / " of the Peace Research Institute"."""
    window = text[name_end:limit]
    match = _APPOSITIVE.match(window)
    if match:
        role = match.group("role").strip()
        first = role.split()[0].lower()
        if first not in _NOT_APPOSITIVE and not first.endswith(("ing", "ed")) and len(role.split()) <= 12 \
                and names_a_function(role) and not any(w in SPEECH_VERBS for w in role.split()) \
                and not _plural_head(first):
            return role
    match = _OF_BODY.match(window)
    if match:
        return match.group("role").strip()
    return None


def _plural_head(word: str) -> bool:
    """Whether ``word`` is a function in the plural ("negotiators"): after one person's name and a comma, it opens
    a clause of its own ("…, said Jürgen Weber, negotiators from both sides rejected the plan"), not their role."""
    return word.endswith("s") and word[:-1] in ROLE_HEADS


def names_a_function(role: str) -> bool:
    """Whether ``role`` names a function ("aide", "Foreign Minister", "analysts")."""
    words = [w.lower().strip("’'.,") for w in role.split()]
    return any(w in ROLE_HEADS or (w.endswith("s") and w[:-1] in ROLE_HEADS) for w in words)


def is_official(role: str | None) -> bool:
    """Whether ``role`` is an official's: a president, minister, aide, envoy, spokesperson…"""
    if not role:
        return False
    words = [w.lower().strip("’'.,") for w in role.split()]
    return any(w in OFFICIAL_TITLES or (w.endswith("s") and w[:-1] in OFFICIAL_TITLES) for w in words)


def role_in_article(text: str, name: str) -> str | None:
    """The role an article gives ``name`` wherever it names them in full ("President Volodymyr Zelensky",
    "Yuri Ushakov, a Kremlin aide,"): the first one found, or None."""
    if " " not in name:
        return None
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not text[end:end + 1].isalpha() and not text[at - 1:at].isalpha():
            floor = max(text.rfind("\n", 0, at) + 1, at - 100)
            role = role_before(text, at, floor)
            if role is None and not text.startswith(("’s", "'s"), end):
                stop = min(i for i in (text.find(". ", end), text.find("\n", end), len(text)) if i >= 0)
                role = role_after(text, end, stop)
            if role:
                return role
        at = text.find(name, end)
    return None
