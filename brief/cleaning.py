"""Turn an article's raw text into its one canonical text, and say what was dropped.

The canonical text is computed once per source; every excerpt offset is taken on
it. Cleaning repairs broken encodings (ftfy, fixed configuration so the result
is stable), normalises newlines and spaces, and removes site furniture line by
line: advertisements, comment prompts, share buttons, "Popular / Related"
blocks with the headlines under them, reading-time and view-count lines,
breadcrumbs, repeated titles, empty labels, bylines and datelines (kept as
metadata), photo captions and credits, "Read more: …" links, newsletter and
cookie prompts, "Follow us on …" lines, wire credits ("Reporting by …; Editing
by …") and standards notices, source lists and sign-offs.

The rules look at the shape and wording of lines that news sites share, never at
one site's text. Every dropped line is kept with its line number and the rule's
reason, so ``brief show SOURCE --dropped`` lets an analyst audit the cleaner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

import ftfy
import ftfy.badness
import ftfy.chardata

from brief.dates import FULL_DATE
from brief.reader_address import talks_to_reader

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=True,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
"""Fixed so that the canonical text, and so every offset, never drifts between runs."""


@dataclass(frozen=True)
class DroppedLine:
    """A line of the original file that is not part of the article's text."""

    line: int
    """1-based line number in the file as given (after newline normalisation)."""
    text: str
    """The line as it read after encoding repair."""
    reason: str
    """Which rule dropped it, e.g. ``advertisement`` or ``byline``."""


@dataclass(frozen=True)
class CleanedArticle:
    """The canonical text of one article and what cleaning took out of it."""

    text: str
    """Blocks (title, headings, paragraphs) separated by one blank line."""
    dropped: tuple[DroppedLine, ...]
    title: str | None
    """The first heading-like line, when the article starts with one."""


# --- line rules ----------------------------------------------------------------------------

_FURNITURE = " \t•·|*-–—>»›◦▪"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

_AD = re.compile(r"(advertisement|advertising|sponsored(?: content)?|ad|promoted|paid content)",
                 re.IGNORECASE)
_COMMENT = re.compile(
    r"(leave a (?:reply|comment)|post a comment|add a comment|write a comment"
    r"|please enter your (?:comment|name|email)(?: (?:here|address))?!?"
    r"|be the first to comment(?: on this article)?|no comments(?: yet)?|\d+ comments?|comments?"
    r"|join the (?:conversation|discussion)|show comments|view comments|load comments"
    r"|you must be logged in to post a comment.*|cancel reply|save my name.*for the next time i comment\.?)"
    r"[.!:]*", re.IGNORECASE)
_SHARE_WORD = (r"(?:share(?: (?:this(?: (?:article|story|post|page))?|post|article|story|on \w+))?"
               r"|tweet|print|e-?mail|copy link"
               r"|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|messenger|flipboard)")
_SHARE = re.compile(rf"{_SHARE_WORD}(?:[\s|/,]+{_SHARE_WORD})*\s*:?", re.IGNORECASE)
_RELATED = re.compile(
    r"(popular(?: (?:posts|stories|now))?|most (?:popular|read|viewed)|more like this|more (?:stories|news)"
    r"|related(?: (?:posts|articles|stories|news|content|coverage))?|read (?:more|next|also)|also read"
    r"|you (?:may|might) (?:also )?like|recommended(?: for you)?|trending(?: now)?|latest(?: news| posts)?"
    r"|see also|editor'?s picks|top stories|don'?t miss)\s*:?", re.IGNORECASE)
_READ_TIME = re.compile(r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s*read(?:ing time)?"
                        r"|reading time:?\s*\d+\s*min(?:ute)?s?", re.IGNORECASE)
_VIEWS = re.compile(r"[\d,.]+\s*[kKmM]?\s*(?:views?|reads?|shares?|likes?)", re.IGNORECASE)
_RELATIVE_TIME = re.compile(
    r"(?:(?:last )?updated?:?\s*|posted:?\s*|published:?\s*)?(?:an?|\d+)\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago", re.IGNORECASE)
_LAST_UPDATE = re.compile(r"(?:last )?updated?(?: on| at)?\s*:.*", re.IGNORECASE)
_BREADCRUMB_HOME = re.compile(r"(?:\d+\.\s*)?home", re.IGNORECASE)
_BREADCRUMB_INLINE = re.compile(r"home\s*[>/»›|]\s*\S.*", re.IGNORECASE)
_EMPTY_LABEL = re.compile(
    r"(?:date|time|posted|published|updated|author|authors|by|tags?|categor(?:y|ies)|filed under"
    r"|source|sources|share post|topics?|keywords?|photo|image|caption|credit|written by)\s*:",
    re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|da|del|der|la|le))*"
# Only the label is case-blind: a name starts with a capital, or "By the end of the day, …"
# would be a byline.
_BYLINE = re.compile(
    rf"(?i:by|author:|authors:|written by|words by|reporting by|story by)\s+(?P<name>{_NAME}"
    rf"(?:\s*(?:,|and|AND|&)\s*{_NAME})*)(?P<tail>\s*[,|–—-]\s*.{{0,60}})?")
_PUBLISHED = re.compile(
    r"(?:published|posted|first published|updated|date)\s*(?:on|at)?\s*:?\s*.{0,20}?" + FULL_DATE.pattern
    + r".{0,30}", re.IGNORECASE)
_DATELINE = re.compile(r"[A-Z][\w .,'’()-]{1,50}?\s+[–—-]\s+" + FULL_DATE.pattern + r"\.?")
# "GDAŃSK, Feb. 19, 2025 —": the place in capitals (checked apart: [A-Z] knows no "Ń"), then the date.
_CAPITAL_DATELINE = re.compile(r"(?P<place>[^\W\d_][^\W\d_ .'’()-]*(?:[ .'’()-]+[^\W\d_]+){0,4}),\s+"
                               + FULL_DATE.pattern + r"\.?")
_BARE_DATE = re.compile(r"(?:[A-Z][a-z]+day,?\s+)?" + FULL_DATE.pattern + r"(?:\s*[|,]?\s*\d{1,2}:\d{2}.*)?")
_CAPTION_LABEL = re.compile(r"(?:photo|image|picture|photograph|caption|credit|file photo)s?\s*(?:credit)?\s*:",
                            re.IGNORECASE)
_AGENCY = r"(?:AFP|AP|Reuters|Getty(?: Images)?|EPA(?:-EFE)?|Anadolu(?: Agency)?|Xinhua|TASS|Sputnik|Shutterstock|Bloomberg|Pool|Handout|[A-Z]{2,6})"
_CREDIT_TAIL = re.compile(rf"[\[(]\s*[^\[\]()]{{0,60}}/\s*{_AGENCY}[^\[\]()]{{0,20}}[\])]\s*$")
_CREDIT_ALONE = re.compile(rf"[\[(]?(?:photo:?\s*)?[A-Z][\w .'’-]{{1,40}}\s*/\s*{_AGENCY}[\])]?")
_POSITION_MARK = re.compile(r"\((?:L|R|C|left|right|centre|center|front|back|2nd [LR])\)")
_SOURCES_HEADER = re.compile(r"(?:sources?|references|further reading|bibliography)\s*:.*", re.IGNORECASE)
_ASSISTANT = re.compile(
    r".*(?:drawn from your sources|based on your sources|as an ai\b|i hope this helps|let me know if you"
    r"|here (?:are|is) (?:the|a|some) [^.]{0,160}:$).*", re.IGNORECASE)
_PUNCT_ONLY = re.compile(r"[\W_]*")
_CLOCK_STAMP = re.compile(
    r"(?:(?:last )?updated?|posted|published)(?: on| at)?\s*:?\s*(?:[A-Z][a-z]+day,?\s+)?"
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*\(?(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|ET|EST|EDT|PT|PST|PDT)"
    r"(?:\s*[+-]\s*\d{1,2})?\)?)?", re.IGNORECASE)
_RELATED_LINK = re.compile(
    r"(?:read (?:more|also|next)|also read|see also|more on this(?: story)?|related(?: story| article)?"
    r"|recommended|watch|listen)\s*[:|»›>]\s*\S.*", re.IGNORECASE)
_NEWSLETTER = re.compile(
    r"(?:sign up|subscribe|register)(?: now| here| today| free)?"
    r"(?:\s+(?:for|to)\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:newsletters?|briefings?|digest|alerts|updates|mailing list))?(?:\s*[:.!]|\s+[–—-].{0,60})?"
    r"|.{0,120}\b(?:delivered |sent )?(?:straight |directly )?to your inbox\b.{0,60}"
    r"|.{0,150}\b(?:newsletter|briefing|digest)\b.{0,150}[.!?:]\s+(?:sign up|subscribe)(?: now| here| today| free)?"
    r"\s*[.!]?", re.IGNORECASE)
_SUBSCRIPTION = re.compile(
    r"(?=.*(?:\bfirst (?:month|year|\d+ (?:weeks|months))\b|\bper (?:month|week)\b|\bfree trial\b"
    r"|\bunlimited (?:digital )?access\b|\bcancel (?:at )?any ?time\b|[€£$]\s?\d))"
    r"(?:.{0,150}[.!?:]\s+)?(?:subscribe|start your (?:free )?(?:trial|subscription))\b.{0,150}", re.IGNORECASE)
""""Read everything from Strasbourg. Subscribe to Europa Tribune Digital: first month for €1": an offer, which
bids the reader at a sentence's start and names its terms ("Kyiv does not subscribe to that view" is none)."""
_AUTHOR_NOTE = re.compile(
    r"(?:.{0,250}[.!?]\s+)?(?:the )?(?:views|opinions) expressed (?:here |in this (?:article|commentary|piece|column) )?"
    r"are (?:his|her|their|the author[’']?s?[’']?) own\.?"
    r"|(?:.{0,250}[.!?]\s+)?(?:this (?:article|commentary|column|piece)|the (?:opinions|views) expressed"
    r"(?: here| in this (?:article|commentary|column|piece))?) (?:does|do) not necessarily (?:reflect|represent)\b.{0,120}",
    re.IGNORECASE)
""""Dr. Katarzyna Wolska is a senior fellow …. The views expressed are her own.": about the author, not the talks."""
_TRANSLATION_NOTE = re.compile(
    r"(?:this (?:article|text|story|report) (?:was|has been|is) )?(?:translated|machine-translated) from "
    r"(?:the )?[A-Z][a-z]+(?: (?:by|with) [^.]{1,60})?\."
    r"(?:\s+(?:the|an?) original(?: version| text| article)?\b[^.]{0,120}\.)?", re.IGNORECASE)
"""A translation's notice: "Translated from Ukrainian. The original version of this article is available in
Ukrainian."."""
_CORRECTION = re.compile(
    r"(?:correction|clarification|editor[’']?s note)?\s*[:.–—-]?\s*"
    r"(?:this (?:story|article|report|piece) (?:has been|was) (?:corrected|updated|amended|clarified) to\b"
    r"|an? (?:earlier|previous) version of this (?:story|article|report|piece)\b).{0,300}", re.IGNORECASE)
""""This story has been corrected to show that the strip would be 15 km wide, not 50 km, in paragraph 6.": the
text above is already the corrected one; the notice would put the wrong figure back into a brief."""
_COOKIES = re.compile(
    r".*\b(?:we|this (?:site|website)|our (?:site|website)s?) uses? cookies\b.*"
    r"|.*\byou (?:agree|consent) to (?:our|the) use of cookies\b.*"
    r"|(?:accept|reject|allow|decline|manage)(?: all| necessary)?(?: cookies)?(?: settings| preferences)?"
    r"|cookie (?:settings|preferences|policy|notice)", re.IGNORECASE)
_SOCIAL = (r"(?:facebook|twitter|x|instagram|telegram|threads|bluesky|linkedin|youtube|tiktok|whatsapp"
           r"|mastodon|social media|google news)")
_FOLLOW = re.compile(
    rf"(?:follow|find|like|join|connect with) us (?:on|at|via)\s+.{{0,40}}\b{_SOCIAL}\b.{{0,60}}"
    rf"|follow (?:[\w@.'’-]+\s+){{1,4}}on {_SOCIAL}\b.{{0,60}}", re.IGNORECASE)
_CREDITS = re.compile(
    # Wire-service credits name two jobs or more ("Reporting by …; Editing by …"); a lone
    # "Reporting by X" is a byline, and "Reporting by Reuters showed …" is a sentence.
    r"\(?(?:additional |further )?(?:reporting|writing|editing|research|graphics?|fact-checking)"
    r"(?: and (?:writing|editing|reporting))? by\b[^;]*(?:;\s*[^;]*\bby\b[^;]*)+\)?\.?"
    r"|.{0,80}\bcontributed (?:to )?this (?:report|story|article)\.?"
    r"|.{0,80}\bcontributed reporting(?: from .{0,60})?\.?", re.IGNORECASE)
_SKIP_LINK = re.compile(r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer|article)",
                        re.IGNORECASE)
_LISTEN = re.compile(r"listen to (?:this )?(?:article|story)(?:\s*[·|:,-]?\s*\d+\s*(?:min(?:ute)?s?|m))?",
                     re.IGNORECASE)
_KICKER = re.compile(r"breaking(?: news)?|just in|developing(?: story)?|live(?: updates)?|exclusive",
                     re.IGNORECASE)
"""A label above a headline; only dropped in the header, before the first paragraph of prose."""
_COPYRIGHT_LINE = re.compile(r"(?:copyright\s*)?(?:©|\(c\))\s*.{0,100}|copyright\s+\d{4}\b.{0,100}", re.IGNORECASE)
""""© 2025 The Northern Ledger": a sign-off wherever it stands, even on a page with no paragraph of prose."""
_STANDARDS = re.compile(r"our (?:editorial )?(?:standards|ethics policy|corrections policy)\s*:.{0,80}",
                        re.IGNORECASE)


def _core(line: str) -> str:
    """The line without bullets, bars and dashes around it."""
    return line.strip(_FURNITURE).strip()


def _words(text: str) -> int:
    return len(text.split())


def _is_prose(line: str) -> bool:
    """A line that reads as body text: a real sentence of some length."""
    return _words(line) >= 18 and bool(_SENTENCE_END.search(line.strip()))


def _is_headline_like(line: str) -> bool:
    core = _core(line)
    return 0 < _words(core) <= 25 and not _SENTENCE_END.search(core.rstrip("…."))


_NON_WORD_RUN = re.compile(r"[\W_]+")


def _comparable(text: str) -> str:
    return _NON_WORD_RUN.sub(" ", text).strip().casefold()


_LINE_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("advertisement", _AD),
    ("comment prompt", _COMMENT),
    ("share buttons", _SHARE),
    ("reading time", _READ_TIME),
    ("view count", _VIEWS),
    ("timestamp", _RELATIVE_TIME),
    ("empty label", _EMPTY_LABEL),
    ("breadcrumb", _BREADCRUMB_INLINE),
    ("photo caption", _CAPTION_LABEL),
    ("photo credit", _CREDIT_ALONE),
    ("timestamp", _CLOCK_STAMP),
    ("related link", _RELATED_LINK),
    ("newsletter prompt", _NEWSLETTER),
    ("subscription offer", _SUBSCRIPTION),
    ("author's note", _AUTHOR_NOTE),
    ("translation notice", _TRANSLATION_NOTE),
    ("correction notice", _CORRECTION),
    ("cookie notice", _COOKIES),
    ("social links", _FOLLOW),
    ("standards notice", _STANDARDS),
    ("navigation", _SKIP_LINK),
    ("audio player", _LISTEN),
)
"""Rules that drop a line of up to 40 words when the whole line matches, tried in this order."""


def _line_rule(line: str, *, in_header: bool) -> str | None:
    """The reason to drop one line on its own, or None to keep it."""
    core = _core(line)
    if not core:
        return "empty" if line.strip() else None
    if _PUNCT_ONLY.fullmatch(core) and not any(ch.isalnum() for ch in core):
        return "punctuation only"
    if _CREDIT_TAIL.search(core) or (_POSITION_MARK.search(core) and _words(core) <= 80):
        return "photo caption"
    words = _words(core)
    if words > 40:
        return None
    for reason, pattern in _LINE_CHECKS:
        if pattern.fullmatch(core):
            return reason
    if _CAPTION_LABEL.match(core):
        return "photo caption"
    # The word limits are tested first: they are cheap, and rule out most lines of prose.
    byline = _BYLINE.fullmatch(core) if words <= 12 else None
    # "By Monday, the talks had collapsed." is a sentence: a byline's tail (a job, an
    # outlet, a date) does not end like one.
    if byline and not (byline.group("tail") and _SENTENCE_END.search(core)):
        return "byline"
    if words <= 20 and _COPYRIGHT_LINE.fullmatch(core):
        return "sign-off"
    if _CREDITS.fullmatch(core):
        return "credits"
    if words <= 14 and _PUBLISHED.fullmatch(core):
        return "publication date"
    if _DATELINE.fullmatch(core) or (words <= 8 and _BARE_DATE.fullmatch(core)):
        return "dateline"
    capital = _CAPITAL_DATELINE.fullmatch(core)
    if capital and capital.group("place").isupper():
        return "dateline"
    if words <= 10 and _LAST_UPDATE.fullmatch(core):
        return "timestamp"
    if _ASSISTANT.fullmatch(core):
        return "assistant residue"
    if in_header and words <= 3 and core.isupper() and not any(ch.isdigit() for ch in core):
        return "section label"
    if in_header and _KICKER.fullmatch(core):
        return "section label"
    return None

# What ftfy with FTFY_CONFIG can change in a line that is not mojibake (``is_bad``): C1 and other
# control characters, terminal escapes, surrogates, Latin ligatures; and the NFC normalisation.
_FTFY_TOUCHES = re.compile("[" + "".join(
    re.escape(chr(code)) for code in sorted({*ftfy.chardata.CONTROL_CHARS, *ftfy.chardata.LIGATURES, 0x1B}))
    + "\x80-\x9f\ud800-\udfff]")


def _mojibake_gate() -> re.Pattern[str]:
    """What a line must hold for ftfy's mojibake test (``is_bad``, 25 µs a line) to find anything.

    Read from ftfy's own expression: each of its alternatives needs two non-ASCII
    characters side by side, or else one of a few characters ("Â", "Ã", "œ", C1
    controls). Should a later ftfy have an alternative that needs neither, every
    non-ASCII line is tested, as before.
    """
    from re import _constants as constants  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    def non_ascii(item: tuple) -> set[int] | None:
        op, argument = item
        if op is constants.LITERAL:
            return {argument} if argument > 127 else None
        if op is not constants.IN:
            return None
        chars: set[int] = set()
        for kind, value in argument:
            if kind is constants.LITERAL:
                chars.add(value)
            elif kind is constants.RANGE:
                chars.update(range(value[0], value[1] + 1))
            else:
                return None
        return chars if chars and min(chars) > 127 else None

    anything = re.compile(r"[^\x00-\x7f]")
    pattern = ftfy.badness.BADNESS_RE
    top = list(parser.parse(pattern.pattern, pattern.flags))
    if len(top) != 1 or top[0][0] is not constants.BRANCH:
        return anything
    alone: set[int] = set()
    for alternative in top[0][1][1]:
        sets = [non_ascii(item) for item in alternative]
        if any(a is not None and b is not None for a, b in pairwise(sets)):
            continue
        needed = [chars for chars in sets if chars is not None]
        if not needed:
            return anything
        alone |= min(needed, key=len)
    return re.compile(r"[^\x00-\x7f]{2}|[" + "".join(re.escape(chr(code)) for code in sorted(alone)) + "]")


_MOJIBAKE_GATE = _mojibake_gate()


def fix_encoding_by_line(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, without calling ftfy on the lines it would leave alone.

    ftfy fixes each line on its own, and costs some 40 µs a line even when there is
    nothing to fix: most of the cleaning time of a long article. A line with none of
    the characters its fixes act on, no mojibake by ftfy's own test and already in NFC
    comes out as it went in, so it is kept as it is; every other line goes through ftfy.
    """
    if len(text) > FTFY_CONFIG.max_decode_length:
        return ftfy.fix_text(text, FTFY_CONFIG)  # ftfy would cut a line this long: let it
    out = []
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        segment = text[start:end]  # as ftfy cuts them: a line with its newline
        fix = _FTFY_TOUCHES.search(segment) is not None
        if not fix and not segment.isascii():
            fix = not unicodedata.is_normalized("NFC", segment) or (
                _MOJIBAKE_GATE.search(segment) is not None and ftfy.badness.is_bad(segment))
        out.append(ftfy.fix_text(segment, FTFY_CONFIG) if fix else segment)
        start = end
    return "".join(out)


_LONE_NO_BREAK_SPACE = re.compile(r"(?<![\u00c2\u00e2\u00c3])\xa0")
_ODD_SPACE = re.compile(r"[\t\xa0\u2000-\u200a\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r" {2,}")


def repair_text(raw: str) -> str:
    """Encoding repair and whitespace normalisation that keep one line per input line."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    # A lone no-break space next to mojibake makes ftfy give up on the whole
    # run ("\xa0â€¢"), so plain ones become spaces first; "Â\xa0" pairs stay for ftfy.
    if "\xa0" in text:
        text = _LONE_NO_BREAK_SPACE.sub(" ", text)
    text = fix_encoding_by_line(text)
    text = _ODD_SPACE.sub(" ", text).replace("\x00", "")
    return _SPACE_RUN.sub(" ", text) if "  " in text else text


def clean_article(raw: str, *, known_title: str | None = None) -> CleanedArticle:
    """Clean one article's raw text (already decoded) into its canonical text."""
    lines = [line.strip() for line in repair_text(raw).split("\n")]
    reasons: list[str | None] = [None] * len(lines)

    hard_wrapped = _looks_hard_wrapped(lines)
    prose = _prose_lines(lines, hard_wrapped=hard_wrapped)
    first_prose = min(prose, default=len(lines))
    last_prose = max(prose, default=-1)

    for index, line in enumerate(lines):
        reasons[index] = _line_rule(line, in_header=index < first_prose)

    _drop_breadcrumbs(lines, reasons, first_prose)
    _drop_trailing_blocks(lines, reasons)
    title = _find_title(lines, reasons, first_prose, known_title)
    if title:
        seen_title = False
        wanted = _comparable(title)
        # A copy of the title holds its longest word: a cheap test before the costly comparison.
        longest = max(wanted.split(" "), key=len)
        for index, line in enumerate(lines):
            if (reasons[index] is None and line and longest in line.casefold()
                    and _comparable(line) == wanted):
                if seen_title:
                    reasons[index] = "repeated title"
                seen_title = True
    _drop_tail_fragments(lines, reasons, last_prose)

    dropped = tuple(
        DroppedLine(line=index + 1, text=lines[index], reason=reason)
        for index, reason in enumerate(reasons)
        if reason is not None and reason != "empty" and lines[index]
    )
    kept = [line if reasons[index] is None else "" for index, line in enumerate(lines)]
    return CleanedArticle(text=_join_blocks(kept, hard_wrapped=hard_wrapped),
                          dropped=dropped, title=title)


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Plain-text files wrapped at a fixed width: a paragraph's lines, all but its last, fill the width.

    Judged on the lines that another line follows, so that titles, bylines and the short
    last line of each paragraph do not count; such lines that mostly end a sentence are
    paragraphs written one per line, not wrapped ones. A few long lines standing alone
    (a title or a standfirst the wrapping left as it was) do not hide the wrapping.
    """
    lengths = [len(line) for line in lines if line]
    if len(lengths) < 5:
        return False
    continued = [line for line, after in pairwise(lines) if line and after]
    if len(continued) < 3:
        return False
    long_lines = sum(1 for length in lengths if length > 100)
    if long_lines:
        # A title, standfirst or link left unwrapped above a wrapped body: a few long lines that
        # stand alone. Judged as unwrapped otherwise, as it was before any line passed 100.
        if (long_lines > 0.1 * len(lengths) or any(len(line) > 100 for line in continued)
                or len(continued) < 0.5 * len(lengths)):
            return False
        width = max(length for length in lengths if length <= 100)
    else:
        width = max(lengths)
    full = sum(1 for line in continued if len(line) >= 0.6 * width)
    ending = sum(1 for line in continued if _SENTENCE_END.search(line))
    return full >= 0.8 * len(continued) and ending < 0.5 * len(continued)


def _prose_lines(lines: list[str], *, hard_wrapped: bool) -> set[int]:
    """Indexes of the lines that are body text.

    A hard-wrapped paragraph is judged as a whole: each of its lines is too short
    to read as prose, and judging them one by one took the article for furniture.
    """
    if not hard_wrapped:
        return {index for index, line in enumerate(lines) if _is_prose(line)}
    prose: set[int] = set()
    group: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line:
            group.append(index)
            continue
        if group and _is_prose(" ".join(lines[member] for member in group)):
            prose.update(group)
        group = []
    return prose


def _drop_breadcrumbs(lines: list[str], reasons: list[str | None], first_prose: int) -> None:
    """A "Home" line in the header starts a trail of short (often numbered) links."""
    for index in range(min(first_prose, len(lines))):
        if reasons[index] is None and _BREADCRUMB_HOME.fullmatch(_core(lines[index])):
            reasons[index] = "breadcrumb"
            follow = index + 1
            while follow < first_prose and (not lines[follow] or re.match(r"\d+\.\s", _core(lines[follow]))
                                            or (_core(lines[follow]).isupper() and _words(lines[follow]) <= 4)):
                if lines[follow]:
                    reasons[follow] = "breadcrumb"
                follow += 1


def _drop_trailing_blocks(lines: list[str], reasons: list[str | None]) -> None:
    """"Related"/"Popular" blocks and source lists take the headlines under them along."""
    index = 0
    while index < len(lines):
        core = _core(lines[index])
        block = None
        if reasons[index] is None and _RELATED.fullmatch(core):
            block = "related headlines"
        elif reasons[index] is None and _SOURCES_HEADER.fullmatch(core) and _words(core) <= 30:
            block = "source list"
        if block is None:
            index += 1
            continue
        reasons[index] = block
        follow = index + 1
        while follow < len(lines):
            line = lines[follow]
            if line and _is_prose(line) and not line.rstrip().endswith(("...", "…")):
                break
            if line and reasons[follow] is None:
                reasons[follow] = block
            follow += 1
        index = follow


def _find_title(lines: list[str], reasons: list[str | None], first_prose: int,
                known_title: str | None) -> str | None:
    if known_title:
        return known_title
    for index in range(min(first_prose, len(lines))):
        if reasons[index] is None and lines[index]:
            return _core(lines[index]) if _is_headline_like(lines[index]) else None
    return None


def _drop_tail_fragments(lines: list[str], reasons: list[str | None], last_prose: int) -> None:
    """After the last paragraph of prose, short leftovers are sign-offs, not text.

    An article without any long paragraph (a short news flash) has no "after": it keeps its lines. Nor is a
    sentence that goes on from a kept line with no blank line between them a leftover: the last item of a list
    ("- Russia's budget figures for December, due in early January.") unless it talks to the reader ("That's it
    for today."), nor the one heading just above such sentences ("What to watch"; not "From our partners" above
    the headlines of related links).
    """
    if last_prose < 0:
        return
    for index in range(last_prose + 1, len(lines)):
        if reasons[index] is None and lines[index] and _words(lines[index]) <= 12:
            goes_on = lines[index - 1].strip() and reasons[index - 1] is None \
                and _SENTENCE_END.search(lines[index].strip()) and not talks_to_reader(lines[index])
            if not goes_on:
                reasons[index] = "sign-off"
    next_kept = False  # whether the next line that is not blank is a sentence kept
    for index in range(len(lines) - 1, last_prose, -1):
        line = lines[index].strip()
        if not line:
            continue
        heading = reasons[index] == "sign-off" and next_kept and not _SENTENCE_END.search(line)
        if heading:
            reasons[index] = None  # the heading of the list after it ("What to watch")
        next_kept = not heading and reasons[index] is None and bool(_SENTENCE_END.search(line))


_LIST_MARKER = re.compile(r"[-*•]\s+(?=[A-Z0-9\"“‘'(])")
"""A plain-text list item's bullet ("- Russia demands …", "• The plan …"), before the words of the item: a
mark of layout, like the one Markdown's list syntax makes and its conversion drops."""


def _join_blocks(kept: list[str], *, hard_wrapped: bool) -> str:
    """Kept lines → blocks separated by one blank line; hard-wrapped lines are re-joined. A list item's bullet is
    left out (:data:`_LIST_MARKER`), and the item is a block of its own. In hard-wrapped text a dash opens an
    item only after a blank line or another item: else it is a dash in a sentence that the wrapping put first
    on its line."""
    blocks: list[str] = []
    current: list[str] = []
    in_list = False  # the current block is a list's item
    for line in kept + [""]:
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        bullet = _LIST_MARKER.match(line)
        if bullet and hard_wrapped and current and not in_list:
            bullet = None  # a dash the wrapping put at the start of a line: "… a quick deal\n- Kyiv's allies say …"
        if bullet:
            line = line[bullet.end():]
        if current and (bullet or not (hard_wrapped or line[:1].islower())):
            blocks.append(" ".join(current))
            current = []
        if not current:
            in_list = bool(bullet)
        current.append(line)
    return "\n\n".join(blocks) + "\n" if blocks else ""


