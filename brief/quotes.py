"""Key quotes: what people said, verbatim, with who said it and in what role.

Direct quotes are the words between quotation marks (curly or straight, double or
single), of at least four words: scare quotes ("swine", "kill zone") and titles
("Coalition of the Willing") are skipped. The speaker comes from the sentence around
the quote, from the speech verb nearest to it ("…,” said Yuri Ushakov, a Kremlin
aide"; "As U.S. Secretary of State Marco Rubio noted, “…”"; "Kremlin aide Ushakov
described the talks as “…”"; "Zelensky welcomed the decision, calling it “…”" — a
participle speaks for its clause's subject, not for a name the clause mentions).
A "he"/"she" is resolved only when the sentence before names exactly one person
(or names nobody and opens with the same pronoun: then the sentence before that);
a quote that opens its sentence right after a quote attributed to someone
continues that person's words. Anything else keeps speaker None: a speaker is
never guessed — not the person someone speaks for ("a source close to Putin
said"), not one of two speaking together ("Witkoff and Kushner said"), not a
group capitalised because it opens the sentence ("Critics said").

A speaker the article describes without naming ("…,” said a European diplomat briefed
on the talks"; "one European official said") is kept as ``described``, in the article's
words: that is the article's attribution, not a guess. A definite description ("the
official said") points back to someone and is not kept.

A quote's date is one its speech verb carries ("said on Dec. 17") or one opening
the sentence, never one of another clause ("… he set out in June 2024").

Reported speech without quotation marks is kept too, as ``kind="reported"``, in two
clear shapes only: "<statement>, said Yuri Ushakov, an advisor to Putin." and
"Gabrielius Landsbergis suggests that <statement>." Its text is the statement,
verbatim from the article.

:func:`rank_quotes` orders quotes best first (:func:`quote_score`): direct before
reported, named officials first, then longer and clearly attributed ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from brief.dates import MONTH_NAME, leading_dateline
from brief.sentences import Sentence, article_sentences
from brief.speakers import (
    SPEECH_VERB,
    SPEECH_VERBS,
    Mention,
    People,
    governed,
    is_official,
    name_ending_at,
    name_starting_at,
    names_a_function,
    role_after,
    role_before,
)
from brief.timeline import Precision, chronology_days, find_dates

QuoteKind = Literal["direct", "reported"]
Attribution = Literal["named", "pronoun", "continued"]

MIN_QUOTE_WORDS = 4
"""Quoted passages of one to three words are scare quotes or labels, not quotes."""
MIN_REPORTED_WORDS = 6


DatedBy = Literal["sentence", "heading", "published", "published or later"]
"""Where a quote's date comes from: the sentence, the publication date, or the earliest the article can
have appeared (the words were said then or before)."""


@dataclass(frozen=True)
class Quote:
    """Words someone said, as an article gives them."""

    text: str
    """The quoted words exactly as written between the quotation marks (a trailing comma dropped)."""
    speaker: str | None
    """Who said it, in the article's fullest form of the name ("Yuri Ushakov"); None when not clear."""
    role: str | None
    """The speaker's role as the article words it ("a Kremlin aide", "Russian President"), if it gives one."""
    start: int
    """Offset of the first sentence holding the quote in the source's canonical text."""
    end: int
    """Offset just past the last sentence holding the quote (and its attribution)."""
    quote_start: int
    """Offset of the quoted words themselves: ``text == source_text[quote_start:quote_end]``."""
    quote_end: int
    date: dt.date | None
    """When it was said: the date the sentence gives ("said on Dec. 17"), else the publication date."""
    date_precision: Precision | None
    dated_by: DatedBy | None
    """Where ``date`` comes from; None when there is no date at all."""
    source_id: str
    kind: QuoteKind = "direct"
    """"direct": between quotation marks; "reported": a statement attributed without them."""
    attribution: Attribution | None = None
    """How the speaker was found: named in the sentence, a resolved "he"/"she", or a quote continued."""
    date_expression: str | None = None
    """The date as the sentence writes it ("Dec. 17"), kept even when its year cannot be worked out (an
    article without a publication date); None when the sentence gives no date."""
    described: str | None = None
    """When ``speaker`` is None: the speaker as the article describes them without a name, in its words ("a
    European diplomat briefed on the talks")."""

    @property
    def words(self) -> int:
        return len(self.text.split())


def extract_quotes(text: str, source_id: str, published: dt.date | None, *,
                   sentences: list[Sentence] | None = None, reported: bool = True,
                   published_earliest: bool = False) -> list[Quote]:
    """Every quote in ``text`` (direct and, unless ``reported`` is False, reported), in text order.

    ``sentences`` are ``article_sentences(text)`` when the caller has them already;
    ``published_earliest``: ``published`` is only the earliest date the article can have.
    """
    sentences = article_sentences(text) if sentences is None else sentences
    spans = [span for sentence in _paragraph_starts(sentences)
             for span in quote_marks(text, sentence.block_start, sentence.block_end)]
    if not spans and not reported:
        return []
    article = _Article(text, _mask(text, spans), sentences, People.of(text), source_id, published, [],
                       published_earliest)
    for open_at, close_at in spans:
        quote = _direct_quote(article, open_at, close_at)
        if quote is not None:
            article.found.append(quote)
    quoted = {s.index for q in article.found for s in sentences if q.start <= s.start < q.end}
    for sentence in sentences if reported else ():
        if sentence.index not in quoted:
            quote = _reported_quote(article, sentence)
            if quote is not None:
                article.found.append(quote)
    return sorted(_on_their_headings_day(article.found, text, sentences, published, published_earliest),
                  key=lambda q: (q.quote_start, q.quote_end))


def _on_their_headings_day(quotes: list[Quote], text: str, sentences: list[Sentence], published: dt.date | None,
                           published_earliest: bool) -> list[Quote]:
    """``quotes``, those dated only by the article's day given the day their chronology heading names instead
    (:func:`brief.timeline.chronology_days`): "“We are closer than we were …,” says Rubio" under "Nov. 30" of a
    week-in-review of 21 December was said on 30 November."""
    if published is None or published_earliest or not any(q.dated_by == "published" for q in quotes):
        return quotes
    days = chronology_days(text, published)
    if not days:
        return quotes
    dated = []
    for quote in quotes:
        block = next((s.block_start for s in sentences if s.start <= quote.quote_start < s.end), None)
        day = days.get(block) if block is not None else None
        if quote.dated_by == "published" and day is not None and day <= published:
            quote = replace(quote, date=day, date_precision="day", dated_by="heading")
        dated.append(quote)
    return dated


def quote_score(quote: Quote) -> float:
    """How good a quote is for a brief: attributed, an official's, direct, and of some length."""
    score = min(quote.words, 40) / 40 * 2.0
    if quote.speaker:
        score += 2.0 + {"named": 1.0, "pronoun": 0.6, "continued": 0.6}.get(quote.attribution or "", 0.0)
        if is_official(quote.role):
            score += 1.0
        elif quote.role:
            score += 0.5
    elif quote.described:
        score += 1.0  # attributed, but to someone a reader cannot look up
    if quote.kind == "direct":
        score += 1.0
    if quote.words < 6:
        score -= 0.5  # a fragment woven into the reporter's sentence
    return round(score, 4)


def rank_quotes(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` best first; equal scores keep text order."""
    return sorted(quotes, key=lambda q: (-quote_score(q), q.source_id, q.quote_start))


# --- quotation marks -------------------------------------------------------------------------

_OPENING_CONTEXT = set(" \t\n([{—–-/:;“‘«\"'")


def quote_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of (opening mark, closing mark) offsets in ``text[start:end]``, outermost only."""
    pairs: list[tuple[int, int]] = []
    i = start
    while i < end:
        char = text[i]
        close = -1
        if char == "“":
            close = _closing(text, i, end, "”", opener="“")
        elif char == "«":  # guillemets: how many European outlets and their translations quote
            close = _closing(text, i, end, "»", opener="«")
        elif char == '"' and _opens(text, i, start):
            close = _closing(text, i, end, '"')
        elif char in "‘'" and _opens(text, i, start):
            close = _closing_single(text, i, end, "’" if char == "‘" else "'")
        if close > i:
            pairs.append((i, close))
            i = close + 1
        else:
            i += 1
    return pairs


def blank_quotations(text: str) -> str:
    """``text`` with what it puts in quotation marks (:func:`quote_marks`) blanked out, offsets kept: what
    the article says in its own voice."""
    for open_at, close_at in quote_marks(text, 0, len(text)):
        text = text[:open_at] + " " * (close_at + 1 - open_at) + text[close_at + 1:]
    return text


def quoted_words(text: str) -> frozenset[str]:
    """What ``text`` puts in quotation marks, of two words or more and not a name or title, lower-cased with
    its spacing evened: the words an article quotes ("“no compromise”"), to tell when it quotes them twice."""
    found = set()
    for open_at, close_at in quote_marks(text, 0, len(text)):
        words = text[open_at + 1:close_at].split()
        if len(words) >= 2 and not _is_title(words):
            found.add(" ".join(words).lower().strip(" ,.;:!?"))
    return frozenset(found)


def _opens(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in _OPENING_CONTEXT and not after.isspace()


def _closing(text: str, i: int, end: int, mark: str, opener: str | None = None) -> int:
    close = text.find(mark, i + 1, end)
    if close < 0:
        return -1
    if opener is not None and text.find(opener, i + 1, close) >= 0:
        return -1  # unbalanced: another quote opens before this one closes
    if mark == '"':
        while close >= 0 and close + 1 < end and text[close + 1].isalnum():
            close = text.find(mark, close + 1, end)
    return close


def _closing_single(text: str, i: int, end: int, mark: str) -> int:
    """A closing single quote is one not inside a word (so not the apostrophe of "don’t")."""
    j = i + 1
    while True:
        j = text.find(mark, j, end)
        if j < 0:
            return -1
        after = text[j + 1] if j + 1 < end else " "
        if not after.isalpha() and not text[j - 1].isspace():
            return j
        j += 1


def _paragraph_starts(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[int] = set()
    firsts = []
    for sentence in sentences:
        if sentence.block_start not in seen:
            seen.add(sentence.block_start)
            firsts.append(sentence)
    return firsts


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every quoted passage blanked out, same length: quoted words never attribute."""
    chars = list(text)
    for open_at, close_at in spans:
        for k in range(open_at + 1, close_at):
            if not chars[k].isspace():
                chars[k] = "_"
    return "".join(chars)


_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "or", "with", "|",
                          "-", "–", "—", "&", "vs", "vs."})


def _is_title(words: list[str]) -> bool:
    """A name or title in quotation marks: every significant word capitalised ("Coalition of the Willing")."""
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant) \
        and not re.search(r"[.!?]$", words[-1])


# --- direct quotes ---------------------------------------------------------------------------

@dataclass
class _Article:
    """What the attribution rules look at, for one article."""

    text: str
    masked: str
    """The text with every quoted passage blanked out (same offsets): quoted words never attribute."""
    sentences: list[Sentence]
    people: People
    source_id: str
    published: dt.date | None
    found: list[Quote]
    """Quotes found so far, in text order: a "he said" or a continued quote may refer back to them."""
    published_earliest: bool = False
    """Whether ``published`` is only the earliest the article can have appeared."""

    def sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)


@dataclass(frozen=True)
class _Speaker:
    name: str
    role: str | None
    attribution: Attribution


def _direct_quote(article: _Article, open_at: int, close_at: int) -> Quote | None:
    text, masked = article.text, article.masked
    q_start, q_end = open_at + 1, close_at
    while q_start < q_end and text[q_start].isspace():
        q_start += 1
    while q_end > q_start and (text[q_end - 1].isspace() or text[q_end - 1] == ","):
        q_end -= 1
    words = text[q_start:q_end].split()
    if len(words) < MIN_QUOTE_WORDS or _is_title(words):
        return None
    first, last = article.sentence_at(open_at), article.sentence_at(close_at)
    if first is None or last is None:
        return None
    span_end = last.end
    following = article.sentences[last.index + 1] if last.index + 1 < len(article.sentences) else None
    if following is not None and following.paragraph == last.paragraph and _opens_on(text, first.start, open_at) \
            and not masked[close_at + 1:last.end].strip(" .,") and _starts_with_attribution(masked, following):
        # “…do? How will it work?” Zelensky said. Only a sentence that opens on its quotation (after a dateline at
        # most) takes its speaker from the next: after 'calling it “… will not work.”' or 'The resolution reads:
        # “…”', "He said Ukraine had …" is news of its own.
        span_end = following.end
    verb = _speech_verb(article, open_at, close_at, first.start, span_end)
    speaker = _attribute(article, verb, close_at, first.start, span_end) if verb is not None else None
    if speaker is None and not text[first.start:open_at].strip() and not _VERB.search(masked, first.start, span_end):
        speaker = _continued(article, first)  # no speech verb at all: the last speaker goes on
    verb_span = (verb.start() - first.start, verb.end() - first.start) if verb is not None else None
    date, precision, dated_by, expression = _quote_date(masked[first.start:span_end], article.published, verb_span,
                                                        article.published_earliest)
    if speaker is not None and speaker.attribution == "continued" and expression is None:
        said = _continued_quote(article, first)  # “…,” he said on Dec. 18. “…” — the same words, the same day
        if said is not None and said.date_expression is not None:
            date, precision, dated_by, expression = said.date, said.date_precision, said.dated_by, \
                said.date_expression
    described = _described_speaker(article, verb, open_at, close_at, span_end) if speaker is None and verb else None
    return Quote(text=text[q_start:q_end], speaker=speaker.name if speaker else None,
                 role=speaker.role if speaker else None, start=first.start, end=span_end,
                 quote_start=q_start, quote_end=q_end, date=date, date_precision=precision, dated_by=dated_by,
                 source_id=article.source_id, kind="direct", attribution=speaker.attribution if speaker else None,
                 date_expression=expression, described=described)


_VERB = re.compile(r"\b(?:" + SPEECH_VERB + r"|[Aa]ccording to)\b")
"""A speech verb, or "according to" (whose speaker comes after it, wherever the quote is)."""
_SKIPPABLE = frozenset({"has", "have", "had", "also", "reportedly", "later", "then", "once", "recently",
                        "previously", "publicly", "privately", "repeatedly", "himself", "herself", "again",
                        "further", "would", "will", "who", "earlier", "separately", "subsequently"})
"""Words between a subject and its speech verb: "Trump reportedly told", "Putin, who said"."""
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+$")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)$")
_HE_OR_SHE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")


def _starts_with_attribution(masked: str, sentence: Sentence) -> bool:
    head = masked[sentence.start:sentence.end]
    if len(head.split()) > 30:
        return False
    verb = _VERB.search(head)
    return verb is not None and len(head[:verb.start()].split()) <= 5 and "_" not in head[:verb.start()]


def _speech_verb(article: _Article, open_at: int, close_at: int, start: int, end: int) -> re.Match[str] | None:
    """The speech verb in ``[start, end)`` nearest to the quote ``open_at…close_at`` (a passive one left out)."""
    masked = article.masked
    verbs = [m for m in _VERB.finditer(masked, start, end) if not _PASSIVE.search(masked, start, m.start())]
    if not verbs:
        return None

    def distance(verb: re.Match[str]) -> int:
        return verb.start() - close_at if verb.start() > close_at else open_at - verb.end()

    return min(verbs, key=distance)


def _attribute(article: _Article, verb: re.Match[str], close_at: int, start: int, end: int) -> _Speaker | None:
    """The speaker named by ``verb``, the speech verb nearest to the quote in ``[start, end)``, if clear.

    Only the nearest verb counts: when its subject is not a name ("the spokesman
    said, adding that Putin …"), the speaker stays unknown rather than borrowed.
    """
    masked = article.masked
    here = article.sentence_at(verb.start())
    floor = here.start if here is not None else start
    if verb.group(0).lower() == "according to":
        return _subject_after(article, verb.start(), verb.end(), end)
    if verb.start() > close_at and not masked[close_at + 1:verb.start()].strip(" ,"):
        inverted = _subject_after(article, verb.start(), verb.end(), end)
        if inverted is not None:
            return inverted
    return _subject_before(article, verb.start(), floor)


def _opens_on(text: str, start: int, open_at: int) -> bool:
    """Whether the sentence at ``start`` opens on the quotation at ``open_at``, after a dateline at most
    ("KYIV, Dec 4 (Reuters) - “…”")."""
    before = text[start:open_at]
    if not before.strip():
        return True
    dateline = leading_dateline(before)
    return dateline is not None and not before[dateline.end():].strip()


_SOMEONE = (r"(?:official|diplomat|lawmaker|legislator|negotiator|aide|adviser|advisor|source|spokesman|spokeswoman|"
            r"spokesperson|minister|analyst|commander|officer|envoy|person|member|delegate|senator|general)")
_DESCRIBED = (r"(?:[Aa]n?|[Oo]ne)\s+(?P<modifiers>(?:[A-Za-z0-9.’'-]+\s+){0,4}?)" + _SOMEONE + r"\b"
              r"(?:\s+(?:briefed on|familiar with|close to|involved in|with knowledge of|from|in|at)"
              r"(?P<tail>(?:\s+[A-Za-z0-9.’'-]+){1,4}?))?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SAID_HOW = (r"(?:\s+(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|who\s+(?:asked|spoke|requested)\s+not\s+to\s+be\s+named"
             rf"|on\s+{_WEEKDAY}|on\s+{MONTH_NAME}\.?\s+[0-3]?\d|on\s+[0-3]?\d\s+{MONTH_NAME}|(?:this|last)\s+(?:week|month)))?")
"""How or when the described speaker spoke, after the description and outside it: "said a senior official on
condition of anonymity", "… on Dec. 3", "… this week"."""
_DESCRIBED_AFTER = re.compile(r"\s+(" + _DESCRIBED + r")" + _SAID_HOW + r"(?=\s*[,;:]|\.(?:\s|$)|\s*$)")
_ABBREVIATION_GOES_ON = re.compile(r"\.\s+[a-z]")
"""A full stop the sentence goes on after: an abbreviation's ("familiar with the U.S. peace plan")."""
_ANOTHER_AFTER = re.compile(r"\s*,\s*(?:an?|one)\s", re.IGNORECASE)
"""A comma list of people after a description: "said a U.S. official, a European diplomat and …"."""
_CLAUSE_OPENERS = frozenset({"but", "yet", "and", "so", "meanwhile", "however", "still", "now", "later", "earlier",
                             "separately", "also", "then"})
"""Words a description may follow without a comma: "But a senior EU diplomat said"."""
_WHEN = rf"(?:{_WEEKDAY}|week|month)"
"""When a speaker spoke, next to a description of them: "On Tuesday a senior official said", "… on Tuesday"."""
_WHEN_BEFORE = re.compile(r"(?:[Oo]n|[Ll]ast|[Tt]his|[Ll]ater|[Ee]arlier)\s+" + _WHEN)
_DESCRIBED_BEFORE = re.compile(r"(" + _DESCRIBED + r")\s+$")
_NOT_IN_A_DESCRIPTION = frozenset({"and", "or", "nor", "but", "who", "whom", "whose", "that", "which"}) | SPEECH_VERBS
"""Words that end a description: another person ("… and a diplomat"), a clause ("… said the Ukrainian side")."""
_NOT_A_MODIFIER = _NOT_IN_A_DESCRIPTION | {"of", "for", "to", "with", "by", "the", "his", "her", "their", "its"}
"""Words before the noun that make it someone else's: "a spokesman for a senior official", "an aide to one …"."""
_WHEN_AFTER = re.compile(r"\s+(?:on|this|last)\s+" + _WHEN + "$")


def _described_speaker(article: _Article, verb: re.Match[str], open_at: int, close_at: int, end: int) -> str | None:
    """The speaker of ``verb`` when the article describes them without a name: "…,” said a European diplomat
    briefed on the talks" / "one European official said". The description is the verb's whole subject: it
    opens the sentence or follows a comma or the quotation. None for anyone the article names or points back
    to ("the official said"), for one of two ("a Ukrainian official and a European diplomat said"), and for
    "a spokesman for Zelensky", whose words are his office's."""
    masked, text = article.masked, article.text
    here = article.sentence_at(verb.start())
    floor = here.start if here is not None else 0
    found = None
    if verb.group(0).lower() == "according to":
        found = _DESCRIBED_AFTER.match(masked, verb.end(), end)
        if found is None or _goes_on(masked, found):
            return None
        if verb.start() < open_at:  # "According to a senior European diplomat, “…”": it opens the sentence
            opens = not masked[floor:verb.start()].strip() or _opens_on(text, floor, verb.start())
            if not opens or masked[found.end():open_at].strip() != ",":
                return None  # "Trump told Zelensky, according to …: “…”", "… Moscow's answer was blunt: “…”"
        elif verb.group(0) != "according to" or masked[close_at + 1:verb.start()].strip(" ,"):
            return None  # "“…” According to …, Zelensky's position has hardened.", "“…,” read the message, according to"
    elif verb.start() > close_at and not masked[close_at + 1:verb.start()].strip(" ,"):
        found = _DESCRIBED_AFTER.match(masked, verb.end(), end)
        if found is not None and _goes_on(masked, found):
            return None
    if found is None:
        found = _DESCRIBED_BEFORE.search(masked, floor, verb.start())
        before = masked[floor:found.start(1)].rstrip() if found is not None else ""
        words = before.split()
        opener = bool(words) and words[-1].lower() in _CLAUSE_OPENERS \
            and (len(words) == 1 or " ".join(words[:-1]).endswith(","))  # "But a …", "…, and one …"
        if before and not before.endswith((",", "”", '"', "’", "—", "–", ":")) and not opener \
                and not _WHEN_BEFORE.fullmatch(before):
            return None  # "a letter sent to one European official said": the description is not the subject
    if found is None:
        return None
    modifiers, tail = (found.group("modifiers") or "").split(), (found.group("tail") or "").split()
    if any(word.lower() in _NOT_A_MODIFIER for word in modifiers) \
            or any(word.lower().strip(".") in _NOT_IN_A_DESCRIPTION for word in tail):
        return None  # not one person, or not the verb's subject
    described = " ".join(text[found.start(1):found.end(1)].split())
    described = _WHEN_AFTER.sub("", re.sub(r"(?<!\.[A-Z])\.$", "", described))  # "the EU." but "the U.S."
    if len(described.split()) < 3:
        return None  # "a source", "an official": nothing a reader could weigh
    return described[0].lower() + described[1:]  # "A senior U.S. official said" opens its sentence


def _goes_on(masked: str, described: re.Match[str]) -> bool:
    """Whether the text goes on after a description in a way that makes it not the whole speaker: another person
    ("said a U.S. official, a European diplomat and …") or the rest of an abbreviation ("the U.S. peace plan")."""
    return bool(_ANOTHER_AFTER.match(masked, described.end()) or _ABBREVIATION_GOES_ON.match(masked, described.end()))


def _subject_after(article: _Article, verb_start: int, verb_end: int, end: int) -> _Speaker | None:
    """"…,” said Mykhailo Samus, a Ukrainian defense analyst" / "…,” said he"."""
    masked = article.masked
    after = masked[verb_end:end]
    if re.match(r"\s+(?:he|she)\b", after):
        return _resolve_pronoun(article, verb_start)
    if not after.startswith(" "):
        return None
    found = name_starting_at(masked, verb_end + 1, article.people, limit=end)
    if found is None:
        return None
    mention, title = found
    role = title or role_after(masked, mention.end, end)
    return _Speaker(article.people.canonical(mention.name), role, "named")


def _subject_before(article: _Article, verb_start: int, floor: int) -> _Speaker | None:
    """"Zelensky said", "Marco Rubio noted", "Putin, who said", "Kirill Dmitriev, head of …, said", "he said"."""
    masked, people = article.masked, article.people
    cut = verb_start
    relative = False
    while True:
        last = re.search(r"(?:^|\s)(\S+)$", masked[floor:cut].rstrip())
        if last is None or last.group(1).lower() not in _SKIPPABLE:
            break
        relative = relative or last.group(1).lower() == "who"
        cut = floor + last.start(1)
    before = masked[floor:cut].rstrip()
    subject_end = floor + len(before)
    if _PRONOUN.search(before):
        return _resolve_pronoun(article, verb_start)
    if before.endswith(",") and re.match(r"[a-z]+ing\b", masked[verb_start:]):
        return _clause_subject(article, floor, subject_end - 1)
    if before.endswith(","):
        mention = name_ending_at(masked, subject_end - 1, people, floor, antecedent=relative)
        if mention is not None:  # "Putin, who said" / "Minister of Foreign Affairs, Gabrielius Landsbergis, suggests"
            role = role_before(masked, mention.start, floor)
            return _Speaker(people.canonical(mention.name), role, "named")
        comma = masked.rfind(", ", max(floor, subject_end - 120), subject_end - 1)
        if comma < 0:
            return None
        mention = name_ending_at(masked, comma, people, floor)
        appositive = masked[comma + 2:subject_end - 1].strip()
        if mention is None:
            return None
        if re.match(r"(?:[a-z]+ing|who|whose)\b", appositive):
            # "Ms. Kallas, speaking in Brussels, said"; "Friedrich Merz, who hosted the talks, said"
            return _Speaker(people.canonical(mention.name), role_before(masked, mention.start, floor), "named")
        if not names_a_function(appositive):
            return None
        return _Speaker(people.canonical(mention.name), appositive, "named")
    mention = name_ending_at(masked, subject_end, people, floor)
    if mention is None:
        return None
    return _Speaker(people.canonical(mention.name), role_before(masked, mention.start, floor), "named")


def _clause_subject(article: _Article, floor: int, comma: int) -> _Speaker | None:
    """Who speaks in "<clause>, calling it “…”": the participle's subject is the clause's, a name that
    opens the sentence ("Zelensky welcomed the decision, calling it …") or is all the clause is
    ("Yuri Ushakov, describing …"). Not a name it only mentions: "The envoy met Vladimir Putin,
    saying …" quotes the envoy."""
    masked, people = article.masked, article.people
    start = floor + len(masked[floor:comma]) - len(masked[floor:comma].lstrip())
    found = name_starting_at(masked, start, people, limit=comma)
    if found is None:
        return None
    mention, title = found
    rest = masked[mention.end:comma]
    appositive = re.match(r",\s+([^,]+),(?=\s)", rest)  # "Andrii Sybiha, Ukraine’s Foreign Minister, welcomed …"
    if appositive is not None and names_a_function(appositive.group(1)):
        title, rest = appositive.group(1).strip(), rest[appositive.end():]
    if rest.strip() and not re.match(r"\s+(?:[a-z]+ly\s+)?(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s|t)?\b", rest):
        return None
    if rest.strip() and rest.split()[0] in {"and", "or", "of", "in", "on", "at", "for", "with", "to", "by"}:
        return None
    return _Speaker(people.canonical(mention.name), title, "named")


def _resolve_pronoun(article: _Article, at: int, pronoun: str | None = None, hops: int = 2) -> _Speaker | None:
    """"he"/"she" → the one person the previous sentence names; None when it names none or several.

    Names inside quoted words count too: "“Trump knows it,” said Baev. “…,” he said."
    is left unresolved, as a reader could hesitate. A previous sentence that names nobody
    but opens with the same pronoun ("He said Ukraine had done its part.") passes the
    question on to the sentence before it, in the same paragraph, twice at most.
    """
    here = article.sentence_at(at)
    if here is None or here.index == 0:
        return None
    if pronoun is None:
        near = list(_HE_OR_SHE.finditer(article.masked, here.start, here.end))
        pronoun = min(near, key=lambda m: abs(m.start() - at)).group(0).lower() if near else "he"
    previous = article.sentences[here.index - 1]
    people = article.people
    named: dict[str, Mention | None] = {}
    for mention in people.mentions(article.text, previous.start, previous.end):
        possessive = article.text.startswith(("’s", "'s"), mention.end)
        if possessive or governed(article.text, mention.start, mention.end, previous.start):
            return None  # "Putin’s aide spoke…", "talks with Putin…": the person named is not who acts there
        named.setdefault(people.canonical(mention.name), mention)
    roles: dict[str, str | None] = {}
    for quote in article.found:
        if quote.speaker and previous.start <= quote.quote_start < previous.end:
            named.setdefault(quote.speaker, None)
            roles.setdefault(quote.speaker, quote.role)
    if not named and hops > 0 and previous.paragraph == here.paragraph \
            and re.match(rf"\s*{pronoun.capitalize()}\s", article.masked[previous.start:previous.end]) \
            and not people.possible_people(article.text, previous.start, previous.end):
        return _resolve_pronoun(article, previous.start, pronoun, hops - 1)  # "He said …. “…,” he said."
    if len(named) != 1 or people.possible_people(article.text, previous.start, previous.end):
        return None
    ((name, antecedent),) = named.items()
    role = roles.get(name)
    if role is None and antecedent is not None:
        role = role_before(article.masked, antecedent.start, previous.start) \
            or role_after(article.masked, antecedent.end, previous.end)
    return _Speaker(name, role, "pronoun")


def _continued(article: _Article, first: Sentence) -> _Speaker | None:
    """A quote opening its sentence right after a sentence quoting someone continues their words."""
    quote = _continued_quote(article, first)
    return _Speaker(quote.speaker, quote.role, "continued") if quote is not None and quote.speaker else None


def _continued_quote(article: _Article, first: Sentence) -> Quote | None:
    """The attributed direct quote of the sentence just before ``first``, in the same paragraph."""
    if first.index == 0:
        return None
    previous = article.sentences[first.index - 1]
    if previous.paragraph != first.paragraph:
        return None
    for quote in reversed(article.found):
        if quote.kind == "direct" and quote.speaker and quote.start <= previous.start < quote.end:
            return quote
    return None


_STAND_IN = dt.date(2001, 6, 15)
"""A publication date to find the date expressions of an undated article with; their dates are not used."""


def _quote_date(attribution: str, published: dt.date | None, verb: tuple[int, int] | None,
                earliest: bool = False) -> tuple[dt.date | None, Precision | None, DatedBy | None, str | None]:
    """The date the attribution gives ("said on Dec. 17"), else the publication date; and the expression.

    ``attribution`` is the sentence with the quoted words blanked out: a date inside
    the quote is what was talked about, not when it was said. A bare year is not
    taken as the date of a statement either, nor a date of another clause ("… he set
    out in June 2024", "…, a week after the summit on Nov. 20"): only one the speech
    ``verb`` (offsets into ``attribution``) carries, or one opening the sentence,
    dates the words. Without a publication date, a date without a year ("Dec. 17")
    cannot be placed: the expression is kept, the date is not. When ``published`` is only the
    earliest the article can have appeared (``earliest``), a weekday or "yesterday" cannot be
    placed either, and words the sentence does not date were said then or before.
    """
    for mention in find_dates(attribution, published or _STAND_IN, published_earliest=earliest):
        if mention.precision == "year" or not _dates_the_verb(attribution, mention.start, mention.end, verb):
            continue
        if published is None and mention.relative:
            return None, None, None, mention.expression
        return mention.date, mention.precision, "sentence", mention.expression
    if published is not None:
        return published, "day", "published or later" if earliest else "published", None
    return None, None, None, None


_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_JOINED_CLAUSE = re.compile(r"[;—–]|\s-\s|\b(?:and|but|while|whereas|after|before|since|when|as)\b")


def _dates_the_verb(attribution: str, start: int, end: int, verb: tuple[int, int] | None) -> bool:
    """Whether the date expression ``attribution[start:end]`` says when the speech ``verb`` happened.

    It does when it opens the sentence ("On Dec. 2, Putin, speaking at a forum, said"), follows
    the verb within a few words of the same clause ("said in Moscow on Dec. 2", "told reporters on
    Tuesday"), or comes just before it ("Zelensky on Tuesday said"). Quoted words (blanked with
    "_") between them mean the verb and the date belong to different clauses.
    """
    if len(attribution[:start].split()) <= 2 and "_" not in attribution[:start]:
        return True
    if verb is None:
        return False
    verb_start, verb_end = verb
    if start >= verb_end:
        between = attribution[verb_end:start]
        return "_" not in between and not _CLAUSE_BREAK.search(between) and len(between.split()) <= 6
    if end <= verb_start:
        between = attribution[end:verb_start]
        return "_" not in between and not _JOINED_CLAUSE.search(between) and len(between.split()) <= 6
    return False


# --- reported speech -------------------------------------------------------------------------

_TAIL = re.compile(r"^(?P<clause>.+?),\s+(?P<verb>said|says|added|adds|noted|notes|warned|warns|insisted"
                   r"|insists|argued|argues|stated|states)\s+(?P<rest>.+)$", re.DOTALL)
""""<statement>, said Yuri Ushakov, an advisor to Putin." """
_TAIL_SUBJECT_FIRST = re.compile(
    r"^(?P<clause>.+?),\s+(?P<subject>[^,]{2,60}?)\s+(?P<verb>said|says|added|adds)\.?$", re.DOTALL)
""""<statement>, Ukrainian Foreign Minister Andrii Sybiha said." """
_LEAD = re.compile(r"^(?P<subject>.{2,160}?)\s+(?P<verb>said|says|noted|notes|argued|argues|suggested|suggests"
                   r"|posited|posits|warned|warns|insisted|insists|stated|states|believes|believed|maintains"
                   r"|maintained|contends|contended)\s+that\s+(?P<clause>.+)$", re.DOTALL)
"""" Gabrielius Landsbergis suggests that <statement>." """


def _reported_quote(article: _Article, sentence: Sentence) -> Quote | None:
    text, masked = article.text, article.masked
    base = sentence.start
    body = masked[base:sentence.end]
    speaker: _Speaker | None = None
    clause: tuple[int, int] | None = None
    verb: tuple[int, int] | None = None
    if tail := _TAIL.match(body):
        speaker = _subject_after(article, base + tail.start("verb"), base + tail.end("verb"), sentence.end)
        clause, verb = (base + tail.start("clause"), base + tail.end("clause")), tail.span("verb")
    if speaker is None and (tail := _TAIL_SUBJECT_FIRST.match(body)):
        speaker = _subject_before(article, base + tail.start("verb"), base + tail.start("subject"))
        clause, verb = (base + tail.start("clause"), base + tail.end("clause")), tail.span("verb")
    if speaker is None and (lead := _LEAD.match(body)):
        speaker = _subject_before(article, base + lead.start("verb"), base)
        if speaker is not None and not _subject_fills(body[:lead.start("verb")], speaker):
            speaker = None
        clause, verb = (base + lead.start("clause"), sentence.end), lead.span("verb")
    if speaker is None or clause is None:
        return None
    q_start, q_end = clause
    while q_end > q_start and text[q_end - 1] in " .":
        q_end -= 1
    if "_" in masked[q_start:q_end] or len(text[q_start:q_end].split()) < MIN_REPORTED_WORDS:
        return None
    attribution = masked[base:q_start] + " " * (q_end - q_start) + masked[q_end:sentence.end]
    date, precision, dated_by, expression = _quote_date(attribution, article.published, verb, article.published_earliest)
    return Quote(text=text[q_start:q_end], speaker=speaker.name, role=speaker.role, start=sentence.start,
                 end=sentence.end, quote_start=q_start, quote_end=q_end, date=date, date_precision=precision,
                 dated_by=dated_by, source_id=article.source_id, kind="reported", attribution=speaker.attribution,
                 date_expression=expression)


def _subject_fills(subject: str, speaker: _Speaker) -> bool:
    """In "<subject> suggests that …" the subject must be just the speaker (with a title or an appositive)."""
    return len(subject.split()) <= len(speaker.name.split()) + len((speaker.role or "").split()) + 4
