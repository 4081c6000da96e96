"""Generate a corpus of news articles that looks like the real world, not like brief's own fixtures.

``python bench/make_foreign_corpus.py N DIR [--seed 11]`` writes N articles into DIR,
reproducibly from the seed. It is written apart from ``bench/make_corpus.py`` on
purpose: that one repeats sixteen sentences; this one checks that brief copes,
and stays fast, with what an archive of scraped and exported articles holds:

- prose from a small phrase grammar over several news beats (talks, economy,
  sport, culture, science, local), generated names and towns, numbers and
  money in many forms, quotes with their speakers, dates written a dozen ways;
- ``.html`` pages of 30–150 KB, mostly page chrome: inline CSS, analytics and
  framework state scripts (the article again, as JSON), JSON-LD, mega-menus,
  cookie banners, share bars, reader comments, related-story lists, footers,
  in four site layouts (one of them a table-and-``<br>`` legacy page);
- ``.md`` with the front matter of other tools (Jekyll, Hugo, Astro, TOML
  ``+++``): ``date:``, ``pubDate:``, ``authors:`` lists, ``tags:``, ``draft:`` …;
- ``.txt`` with site furniture, sometimes hard-wrapped;
- a sprinkling of awkward files: CRLF, a BOM, Windows-1252 and Latin-1 bytes,
  mojibake, empty and blank files, pages that are only boilerplate, broken
  front matter, binary junk, duplicates, very short and 20,000-word articles,
  names with spaces, accents or upper-case extensions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
from pathlib import Path

# --- vocabulary ----------------------------------------------------------------------------------

FIRST = ["Łukasz", "Oksana", "Hélène", "Mehmet", "Ingrid", "Tomás", "Zuzana", "Dmytro", "Aoife", "Kwame",
         "Søren", "Marta", "Yusuf", "Chiara", "Rasmus", "Nguyen", "Aleksandra", "Pedro", "Émile", "Fatima",
         "Jürgen", "Olena", "Bartosz", "Leila", "Grzegorz", "Ana", "Henrik", "Iryna", "Mariusz", "Beatriz",
         "Kofi", "Annika", "Raúl", "Taras", "Signe", "Dorota", "Björn", "Nadia", "Vasyl", "Camille"]
SYLLABLES = ["ko", "var", "en", "ski", "lin", "dr", "mo", "ček", "ber", "ga", "nov", "tal", "ri", "son", "hav",
             "ø", "ez", "mi", "ła", "gren", "ul", "to", "vić", "sch", "ne", "da", "por", "ik", "wald", "ru"]
ROLES = ["foreign minister", "deputy prime minister", "chief negotiator", "defence minister", "special envoy",
         "presidential adviser", "spokeswoman for the ministry", "spokesman for the government", "mayor",
         "central bank governor", "senior fellow at the Institute for Strategic Studies", "head coach",
         "festival director", "lead researcher", "council leader", "trade union leader", "opposition leader",
         "economist at Nordbank", "UN humanitarian coordinator", "retired general"]
PLACES = ["Kyiv", "Geneva", "Istanbul", "Warsaw", "Brussels", "Vilnius", "Chișinău", "Kraków", "Tallinn",
          "Odesa", "Kharkiv", "Dnipro", "Riyadh", "Doha", "Vienna", "Helsinki", "Bucharest", "Budapest",
          "Zürich", "Ankara", "Rzeszów", "Lviv", "Košice", "Gdańsk", "Tbilisi", "Valletta", "Oslo", "Porto"]
REGIONS = ["Donetsk", "Zaporizhzhia", "Kherson", "the Donbas", "Crimea", "Luhansk", "the Black Sea coast",
           "the Kursk border area", "Sumy", "Kharkiv region"]
OUTLETS = ["The Morning Ledger", "Vistula Review", "Nordic Wire Service", "Ostrava Daily", "The Carpathian Post",
           "Baltic Signal", "Lagoon News", "Riverside Gazette", "Corridor Magazine", "Eastern Desk",
           "The Civic Bulletin", "Halvard Media", "Quarterdeck", "Pulse24", "Le Petit Continental"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

COMMON = {
    "said": ["said", "told reporters", "said in a statement", "wrote on social media", "insisted",
             "warned", "acknowledged", "told a news conference", "said late on <weekday>", "argued"],
    "hedge": ["officials cautioned that nothing was final", "no date has been set", "several details remain open",
              "the agreement still needs parliamentary approval", "both sides have said as much before"],
    "connector": ["Meanwhile,", "Separately,", "At the same time,", "Earlier,", "Still,", "In a sign of the mood,",
                  "By contrast,", "Even so,", "For now,", "In private,"],
    "when": ["on <weekday>", "late on <weekday>", "early on <weekday>", "last week", "earlier this month",
             "on <date>", "over the weekend", "in the early hours of <weekday>", "after <small> hours of talks"],
    "future": ["next week", "before the end of the month", "by <date_future>", "in the spring", "on <date_future>",
               "within <small> weeks", "after the summer recess"],
    "quote": ["we will not accept <object>, and <subject> know it", "nobody in this room believes <subject> will "
              "move before <future>", "this is the closest we have come to <object>", "I have seen plans like this "
              "before, and they died in <place>", "the question of <region> cannot be settled by people in <place>",
              "our people are tired, but they are not ready for <object>", "give us <small> weeks and we will "
              "know whether <subject> mean it", "frankly, <object> is the least we can ask for"],
}

BEATS = {
    "talks": {
        "weight": 5,
        "subject": ["the delegations", "negotiators from both sides", "the mediators", "European foreign ministers",
                    "the Kremlin", "Kyiv", "Washington", "the envoys", "the two governments", "Ukraine's allies",
                    "the Coalition of the Willing", "Moscow's negotiators", "the Turkish hosts", "Gulf mediators"],
        "verb": ["agreed on", "rejected", "put forward", "postponed talks on", "signed", "walked away from",
                 "welcomed", "floated", "watered down", "demanded", "pushed back against", "quietly revived"],
        "object": ["a <adj> ceasefire along the front line", "a draft framework for security guarantees",
                   "the exchange of <num> prisoners", "new sanctions on <commodity> exports",
                   "a timetable for withdrawing troops from <region>", "a monitoring mission for the contact line",
                   "the <small>-point peace plan", "talks on the status of <region>",
                   "humanitarian corridors out of <place>", "Ukraine's bid for NATO membership",
                   "limits on the size of Ukraine's armed forces", "the return of deported children",
                   "the reopening of grain ports on the Black Sea", "using frozen assets for reconstruction",
                   "a European reassurance force", "a freeze of the fighting in <region>"],
        "adj": ["limited", "partial", "30-day", "energy", "unconditional", "phased", "internationally monitored",
                "fragile", "open-ended"],
        "commodity": ["oil", "gas", "steel", "fertiliser", "aluminium", "diamond", "grain"],
        "detail": ["Drone and missile strikes on <region> killed <num> civilians overnight, according to regional "
                   "authorities.", "The proposal would leave the question of <region> to a later stage, which "
                   "<actor> described as a red line.", "Russia has so far refused any foreign troops on Ukrainian "
                   "soil, a position it repeated <when>.", "A referendum on any territorial deal would be required "
                   "under the constitution, lawyers in <place> noted.", "Energy infrastructure in <place> was "
                   "hit again, leaving <num> homes without electricity.", "The European Union is preparing its "
                   "<ordinal> sanctions package, diplomats in Brussels said."],
    },
    "economy": {
        "weight": 2,
        "subject": ["the central bank", "the finance ministry", "exporters", "bond investors", "the statistics office",
                    "retailers", "the country's largest lender", "small manufacturers", "the IMF mission"],
        "verb": ["cut", "raised", "revised", "warned about", "reported", "forecast", "questioned", "absorbed"],
        "object": ["its key interest rate by <pct>", "the inflation outlook to <pct>", "a <money> budget gap",
                   "growth of <pct> for the year", "record grain exports", "the cost of imported energy",
                   "a <pct> fall in industrial output", "wage growth of <pct>", "a <money> credit line"],
        "detail": ["Consumer prices rose <pct> in <month> from a year earlier.", "The currency weakened to <rate> "
                   "per euro before recovering.", "Analysts at <outlet> expect another cut in <month>.",
                   "Unemployment held at <pct>, the lowest since <year>."],
    },
    "sport": {
        "weight": 1,
        "subject": ["the home side", "the visitors", "the league leaders", "the national team",
                    "the newly promoted club", "the defending champions"],
        "verb": ["beat", "drew with", "lost to", "signed", "sacked", "overtook"],
        "object": ["<town> United <score>", "a striker from <place> for <money>", "their coach after <small> defeats",
                   "the favourites <score> in extra time", "<town> Rovers on penalties"],
        "detail": ["A crowd of <num> watched in driving rain.", "The return leg is in <place> on <date_future>.",
                   "It was their <ordinal> win in a row."],
    },
    "culture": {
        "weight": 1,
        "subject": ["the national museum", "a touring orchestra", "the film festival", "the city library",
                    "a collective of young painters", "the opera house"],
        "verb": ["opened", "cancelled", "announced", "restored", "unveiled", "sold out"],
        "object": ["an exhibition of icons from <town>", "its season <when>", "a retrospective of <person_name>",
                   "a programme of <small> premieres", "a mural damaged in the war"],
        "detail": ["Tickets cost <money_small>.", "Organisers expect <num> visitors.",
                   "The building reopened after <small> years of repairs."],
    },
    "science": {
        "weight": 1,
        "subject": ["a team at the University of <place>", "researchers in <place>", "the space agency",
                    "a consortium of <small> hospitals"],
        "verb": ["published", "tested", "reported", "launched", "mapped"],
        "object": ["a study of <num> patients", "a satellite built in <town>", "soil samples from <region>",
                   "a cheaper test for tuberculosis", "the genome of a rare beetle"],
        "detail": ["The results appear in the journal Nature Regional.", "Funding of <money> came from the EU.",
                   "Independent experts called the sample size small."],
    },
    "local": {
        "weight": 1,
        "subject": ["the city council", "residents of <town>", "the water utility", "the regional hospital",
                    "volunteers", "the school board"],
        "verb": ["approved", "protested against", "delayed", "repaired", "closed", "reopened"],
        "object": ["a new bus line to <town>", "the bridge over the <river>", "a shelter for displaced families",
                   "plans for <num> flats", "the old tram depot"],
        "detail": ["Work is due to finish <future>.", "The project will cost <money>.",
                   "A public meeting is planned for <date_future>."],
    },
}
RIVERS = ["Dnipro", "Vistula", "Danube", "Prut", "Oder", "Daugava", "Neman"]
TAGS = ["Ukraine", "Europe", "Diplomacy", "Economy", "Sanctions", "Energy", "Sport", "Culture", "Science", "Local",
        "Security", "Analysis", "Live", "Opinion", "World"]


class Writer:
    """Expands the phrase grammar for one article; the cast and the date stay the same throughout."""

    def __init__(self, rng: random.Random, beat: str, date: dt.date):
        self.rng, self.beat, self.date = rng, BEATS[beat], date
        self.cast = [(self.person_name(), rng.choice(ROLES)) for _ in range(rng.randint(2, 6))]

    def person_name(self) -> str:
        rng = self.rng
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        return f"{rng.choice(FIRST)} {surname}"

    def town(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize() + \
            self.rng.choice(["", "ivka", "ów", "sk", "borg", "ville", "grad"])

    def expand(self, symbol: str) -> str:
        rng = self.rng
        dynamic = {
            "place": lambda: rng.choice(PLACES), "region": lambda: rng.choice(REGIONS),
            "town": self.town, "river": lambda: rng.choice(RIVERS), "outlet": lambda: rng.choice(OUTLETS),
            "person_name": self.person_name, "weekday": lambda: rng.choice(WEEKDAYS),
            "month": lambda: rng.choice(MONTHS), "year": lambda: str(rng.randint(1998, self.date.year - 1)),
            "small": lambda: rng.choice(["two", "three", "four", "five", "six", "12", "20", "28"]),
            "num": lambda: f"{rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 90000)]):,}",
            "pct": lambda: rng.choice([f"{rng.uniform(0.1, 19):.1f}%", f"{rng.uniform(0.1, 9):.1f} per cent",
                                       f"{rng.randint(1, 60)} percent"]),
            "money": lambda: rng.choice([f"${rng.uniform(1, 90):.1f}bn", f"€{rng.randint(2, 900)} million",
                                         f"£{rng.randint(1, 40)},{rng.randint(0, 999):03d},000",
                                         f"{rng.randint(2, 500)} billion hryvnias", f"US$ {rng.randint(5, 80)}m"]),
            "money_small": lambda: rng.choice([f"€{rng.randint(5, 60)}", f"{rng.randint(50, 900)} zł",
                                               f"£{rng.randint(4, 40)}.50"]),
            "rate": lambda: f"{rng.uniform(1, 50):.2f}", "score": lambda: f"{rng.randint(0, 5)}-{rng.randint(0, 5)}",
            "ordinal": lambda: rng.choice(["second", "third", "17th", "20th", "fifth", "ninth"]),
            "date": lambda: write_date(self.date - dt.timedelta(days=rng.randint(1, 40)), rng, prose=True),
            "date_future": lambda: write_date(self.date + dt.timedelta(days=rng.randint(3, 50)), rng, prose=True),
            "actor": self.actor,
        }
        if symbol in dynamic:
            return dynamic[symbol]()
        options = self.beat.get(symbol) or COMMON[symbol]
        return re.sub(r"<(\w+)>", lambda m: self.expand(m.group(1)), rng.choice(options))

    def actor(self) -> str:
        name, role = self.rng.choice(self.cast)
        return self.rng.choice([f"{name}, the {role},", f"{name}", f"the {role}", f"{name.split()[-1]}"])

    def sentence(self) -> str:
        rng, e = self.rng, self.expand
        kind = rng.choices(["report", "claim", "quote", "detail", "outlook", "plain"], [3, 3, 2, 3, 1, 3])[0]
        if kind == "report":
            text = f"{e('subject')} {e('verb')} {e('object')} {e('when')}, {e('actor')} {e('said')}."
        elif kind == "claim":
            text = f"According to {e('actor')}, {e('subject')} {e('verb')} {e('object')}."
        elif kind == "quote":
            name, role = rng.choice(self.cast)
            body = e("quote")
            body = body[0].upper() + body[1:]
            text = rng.choice([f"“{body},” said {name}, the {role}.", f"\"{body}\", {name} told {e('outlet')}.",
                               f"{name} put it bluntly: «{body}.»", f"“{body},” {name} {e('said')}."])
        elif kind == "detail":
            text = e("detail")
        elif kind == "outlook":
            text = f"{e('subject')} could revisit {e('object')} {e('future')}, though {e('hedge')}."
        else:
            text = f"{e('connector')} {e('subject')} {e('verb')} {e('object')}."
        text = re.sub(r",([.,])", r"\1", text.replace(",,", ","))
        return text[0].upper() + text[1:]

    def headline(self) -> str:
        e = self.expand
        text = self.rng.choice([f"{e('subject')} {e('verb')} {e('object')}",
                                f"{e('place')}: {e('subject')} {e('verb')} {e('object')}",
                                f"Analysis: why {e('subject')} {e('verb')} {e('object')}"])
        return text[0].upper() + text[1:]

    def paragraphs(self, words: int) -> list[str]:
        out, count = [], 0
        while count < words:
            para = " ".join(self.sentence() for _ in range(self.rng.choice([1, 2, 3, 3, 4, 5, 7])))
            out.append(para)
            count += len(para.split())
        return out


def write_date(date: dt.date, rng: random.Random, *, prose: bool = False) -> str:
    """One date, written one of the many ways articles and pages write dates."""
    month, wd = MONTHS[date.month - 1], WEEKDAYS[date.weekday()]
    forms = [f"{month} {date.day}, {date.year}", f"{date.day} {month} {date.year}",
             f"{month[:3]}. {date.day}, {date.year}", f"{wd}, {date.day} {month} {date.year}",
             f"{date.day}th {month} {date.year}".replace("1th", "1st")]
    if not prose:
        def clock(sep: str = ":") -> str:
            return f"{rng.randint(0, 23):02d}{sep}{rng.randint(0, 59):02d}"

        forms += [date.isoformat(), f"{date.day:02d}/{date.month:02d}/{date.year}",
                  f"{date.month}/{date.day}/{date.year % 100:02d}", f"{date.day:02d}.{date.month:02d}.{date.year}",
                  f"{date.year}/{date.month:02d}/{date.day:02d}", f"{date.isoformat()}T{clock()}:00+02:00",
                  f"{wd[:3]}, {date.day:02d} {month[:3]} {date.year} {clock()}:00 GMT",
                  f"{wd[:3]} {date.day} {month[:3]} {date.year} {clock('.')} BST"]
    return rng.choice(forms)


# --- one article ---------------------------------------------------------------------------------

def make_story(rng: random.Random, number: int, start: dt.date) -> dict:
    beat = rng.choices(list(BEATS), [b["weight"] for b in BEATS.values()])[0]
    date = start + dt.timedelta(days=rng.randint(0, 729))
    writer = Writer(rng, beat, date)
    length = rng.choices([rng.randint(30, 120), rng.randint(300, 900), rng.randint(900, 1800), rng.randint(4000, 8000)],
                         [4, 60, 33, 3])[0]
    if number % 2500 == 1234:
        length = 20_000  # a few huge ones
    title = writer.headline()
    authors = [writer.person_name() for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))]
    return {"number": number, "beat": beat, "date": date, "title": title, "outlet": rng.choice(OUTLETS),
            "authors": authors, "paragraphs": writer.paragraphs(length), "writer": writer,
            "standfirst": writer.sentence(), "slug": re.sub(r"\W+", "-", title.lower()).strip("-")[:60]}


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def as_text(story: dict, rng: random.Random) -> str:
    """A page copied as plain text: furniture above and below, sometimes hard-wrapped."""
    date, outlet = story["date"], story["outlet"]
    top = rng.sample([outlet.upper(), "Home | World | Europe | Business | Sport", "Skip to main content",
                      "Listen to this article · 6 min", "ADVERTISEMENT", "Share this article", "Subscribe",
                      f"{rng.randint(2, 300)} comments", "Updated 2 hours ago", "Breaking News"], rng.randint(1, 6))
    byline = [f"By {' and '.join(story['authors'])}" if story["authors"] and rng.random() < 0.7
              else f"{story['authors'][0]}, Correspondent" if story["authors"] else ""]
    dateline = rng.choice([f"Published {write_date(date, rng)}", write_date(date, rng),
                           f"Posted: {write_date(date, rng)}",
                           f"{rng.choice(PLACES).upper()}, {write_date(date, rng, prose=True)} —", ""])
    body = list(story["paragraphs"])
    for _ in range(len(body) // 6):
        body.insert(rng.randrange(1, len(body) + 1), rng.choice(
            ["Advertisement", "Read more: " + story["writer"].sentence().rstrip("."), "Sign up for our newsletter",
             "[Image: " + story["writer"].sentence() + " Photo: Reuters]", "— — —"]))
    if rng.random() < 0.2:
        body = [_wrap(p, 72) for p in body]
    bottom = rng.sample([f"© {date.year} {outlet}. All rights reserved.", "Tags: " + ", ".join(rng.sample(TAGS, 3)),
                         "Related", "Most read", *[story["writer"].sentence() for _ in range(3)],
                         "We use cookies to improve your experience. Accept all", "Leave a comment"], rng.randint(0, 6))
    return "\n\n".join(line for line in [*top, story["title"], story["standfirst"], *byline, dateline, *body, *bottom]
                       if line) + "\n"


def _wrap(paragraph: str, width: int) -> str:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def as_markdown(story: dict, rng: random.Random) -> str:
    """Markdown with the front matter of whichever tool exported it."""
    date, title, authors = story["date"], story["title"].replace('"', "'"), story["authors"]
    tags = json.dumps(rng.sample(TAGS, rng.randint(1, 4)), ensure_ascii=False)
    style = rng.choice(["ours", "jekyll", "hugo", "astro", "toml", "none", "authors"])
    if style == "ours":
        front = (f"---\ntitle: \"{title}\"\noutlet: {story['outlet']}\n"
                 + (f"author: {authors[0]}\n" if authors else "") + f"published: {date.isoformat()}\n---\n")
    elif style == "jekyll":
        front = (f"---\nlayout: post\ntitle: \"{title}\"\ndate: {date.isoformat()} {rng.randint(6, 22)}:15:00 +0100\n"
                 + (f"author: {authors[0]}\n" if authors else "")
                 + f"categories: [news, {story['beat']}]\ntags: {tags}\n---\n")
    elif style == "hugo":
        front = (f"---\ntitle: \"{title}\"\ndate: {date.isoformat()}T08:00:00Z\ndraft: false\ntags: {tags}\n"
                 f"description: \"{story['standfirst'].replace(chr(34), chr(39))}\"\nslug: {story['slug']}\n---\n")
    elif style == "astro":
        front = (f"---\ntitle: '{title.replace(chr(39), chr(39) * 2)}'\npubDate: '{write_date(date, rng)}'\n"
                 f"description: short\nheroImage: /img/{story['number']}.jpg\n"
                 + (f"author: {authors[0]}\n" if authors else "") + "---\n")
    elif style == "toml":
        front = f"+++\ntitle = \"{title}\"\ndate = {date.isoformat()}\ntags = {tags}\n+++\n"
    elif style == "authors":
        front = (f"---\ntitle: \"{title}\"\nauthors:\n" + "".join(f"  - {a}\n" for a in authors or ["Staff"])
                 + f"date: {date.isoformat()}\nsource: {story['outlet']}\ntags:\n  - {story['beat']}\n---\n")
    else:
        front = f"# {title}\n\n*By {', '.join(authors) or 'Staff'} · {write_date(date, rng)}*\n"
    body = []
    for number, para in enumerate(story["paragraphs"]):
        roll = rng.random()
        if roll < 0.05:
            body.append(f"## {story['writer'].sentence().rstrip('.')[:70]}")
        elif roll < 0.08:
            body.append(f"> {para}")
        elif roll < 0.1:
            body.append("\n".join(f"- {s}" for s in re.split(r"(?<=\.) ", para)))
        elif roll < 0.12:
            body.append(f"![{story['title']}](/images/{number}.jpg)\n*Photo: Agency*")
        elif roll < 0.13:
            body.append('<div class="ad-slot" data-slot="mid"></div>')
        para = re.sub(r"\b(said|warned)\b", r"**\1**", para, count=1) if roll > 0.9 else para
        body.append(para)
    return front + "\n" + "\n\n".join(body) + "\n"


CSS_PROPS = ["margin", "padding", "color", "font-size", "line-height", "display", "grid-template-columns",
             "border-bottom", "background", "z-index", "transition"]


def _css(rng: random.Random, size: int) -> str:
    rules, total = [], 0
    while total < size:
        rule = f".c-{rng.getrandbits(24):06x} .x{rng.randint(0, 99)}{{" + ";".join(
            f"{rng.choice(CSS_PROPS)}:{rng.randint(0, 40)}px" for _ in range(rng.randint(2, 8))) + "}"
        rules.append(rule)
        total += len(rule)
    return "\n".join(rules)


def _nav(rng: random.Random, links: int) -> str:
    sections = ["World", "Europe", "Ukraine", "Business", "Markets", "Sport", "Culture", "Science", "Opinion",
                "Video", "Podcasts", "Weather", "Local", "Obituaries", "Puzzles"]
    items = "".join(f'<li class="menu-item"><a href="/{rng.choice(sections).lower()}/{rng.getrandbits(20)}">'
                    f"{rng.choice(sections)} {rng.choice(['news', 'live', 'latest', 'in depth', ''])}</a></li>"
                    for _ in range(links))
    return f'<nav class="mega-menu" aria-label="Main"><ul>{items}</ul></nav>'


def _comments(story: dict, rng: random.Random, count: int) -> str:
    writer = story["writer"]
    return ('<section id="comments"><h3>' + f"{count} Comments</h3>" + "".join(
        f'<div class="comment"><span class="comment-author">{writer.person_name()}</span>'
        f'<time>{rng.randint(1, 23)} hours ago</time><p>{html.escape(writer.sentence())} '
        f'{html.escape(writer.sentence())}</p><a class="reply">Reply</a></div>' for _ in range(count)) + "</section>")


def as_html(story: dict, rng: random.Random) -> str:
    """A saved web page, 30–150 KB, most of it not the article."""
    e, date, title = html.escape, story["date"], story["title"]
    author = ", ".join(story["authors"])
    target = rng.randint(30_000, 150_000)
    skin = rng.choice(["wordpress", "nextjs", "legacy", "modern"])
    stamp = write_date(date, rng)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                     "datePublished": f"{date.isoformat()}T07:30:00Z", "author": [{"@type": "Person", "name": a}
                                                                                 for a in story["authors"]],
                     "publisher": {"@type": "Organization", "name": story["outlet"]}}, ensure_ascii=False)
    metas = [f'<meta property="og:title" content="{e(title)}">',
             f'<meta property="og:site_name" content="{e(story["outlet"])}">',
             f'<meta name="description" content="{e(story["standfirst"])}">',
             f'<meta property="article:published_time" content="{stamp}">' if rng.random() < 0.6 else "",
             f'<meta name="author" content="{e(author)}">' if author and rng.random() < 0.7 else "",
             *(f'<meta name="x-tracking-{i}" content="{rng.getrandbits(64):x}">' for i in range(rng.randint(5, 30)))]
    paras = story["paragraphs"]
    if skin == "legacy":
        body = "<br><br>\n".join(e(p) for p in paras)
        article = (f'<table width="100%"><tr><td class="sidebar">{_nav(rng, 40)}</td><td class="main">'
                   f'<font size="5"><b>{e(title)}</b></font><br><font size="2">{e(author)} - {stamp}</font>'
                   f"<br><br>\n{body}</td></tr></table>")
    else:
        parts = []
        for number, para in enumerate(paras):
            parts.append(f"<p>{e(para)}</p>")
            if number % 4 == 3:
                parts.append(rng.choice([
                    f'<div class="ad-container"><span>Advertisement</span><div id="gpt-ad-{number}"></div></div>',
                    f'<aside class="read-more">Read more: <a href="/x/{number}">'
                    f'{e(story["writer"].sentence())}</a></aside>',
                    f'<figure><img src="/i/{number}.jpg" alt=""><figcaption>{e(story["writer"].sentence())} '
                    f"(Photo: Agency)</figcaption></figure>",
                    f'<blockquote class="twitter-tweet"><p>{e(story["writer"].sentence())}</p>'
                    "&mdash; @someone</blockquote>"]))
        inner = "\n".join(parts)
        header = (f'<h1 class="headline">{e(title)}</h1><p class="standfirst">{e(story["standfirst"])}</p>'
                  f'<div class="byline">By <a rel="author">{e(author)}</a> '
                  f'<time datetime="{date.isoformat()}">{stamp}</time></div>')
        if skin == "nextjs":
            cls = f"css-{rng.getrandbits(20):x}"
            article = f'<div class="{cls}"><div class="{cls}-h">{header}</div><div class="{cls}-b">{inner}</div></div>'
        elif skin == "wordpress":
            article = (f'<article class="post type-post"><header class="entry-header">{header}</header>'
                       f'<div class="entry-content">{inner}</div><footer class="entry-footer">Tags: '
                       + ", ".join(f'<a rel="tag">{t}</a>' for t in rng.sample(TAGS, 3)) + "</footer></article>")
        else:
            article = (f'<main><article><div class="share-bar">Share Tweet Email Copy link</div>{header}'
                       f'<section class="article-body">{inner}</section></article></main>')
    state = json.dumps({"props": {"pageProps": {"article": {"title": title, "body": paras[:20], "id": story["number"]},
                                                "trending": [story["writer"].sentence() for _ in range(8)]}}},
                       ensure_ascii=False)
    cookie = ('<div id="cookie-banner" role="dialog"><p>We use cookies to personalise content and ads and to analyse '
              'our traffic. By clicking Accept all you agree to our use of cookies.</p><button>Accept all</button>'
              '<button>Manage preferences</button></div>')
    related = '<section class="related"><h2>More from ' + e(story["outlet"]) + "</h2><ul>" + "".join(
        f'<li><a href="/r/{i}">{e(story["writer"].sentence())}</a></li>' for i in range(rng.randint(4, 12)))
    related += "</ul></section>"
    footer = ('<footer class="site-footer">' + _nav(rng, rng.randint(20, 80)) +
              f"<p>© {date.year} {e(story['outlet'])}. All rights reserved.</p></footer>")
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<title>{e(title)} | {e(story["outlet"])}</title>'
            + "".join(metas) + f'<script type="application/ld+json">{ld}</script>'
            + '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>')
    page = (head + "<style>{css}</style></head><body>" + cookie + _nav(rng, rng.randint(60, 250))
            + f'<div class="breadcrumbs">Home › News › {story["beat"].title()}</div>' + article
            + (_comments(story, rng, rng.randint(0, 40)) if rng.random() < 0.5 else "") + related + footer
            + f'<script id="__NEXT_DATA__" type="application/json">{state}</script></body></html>\n')
    return page.replace("{css}", _css(rng, max(2000, target - len(page))))


# --- awkward files -------------------------------------------------------------------------------

def awkward(number: int, rng: random.Random, story: dict) -> tuple[str, bytes] | None:
    """Every so often, a file of the kind that breaks tools; None for an ordinary one."""
    roll = number % 397
    base = f"odd-{number:05d}"
    if roll == 11:
        return f"{base}-empty.txt", b""
    if roll == 12:
        return f"{base}-blank.md", b"\n\n   \n"
    if roll == 13:
        return f"{base}-only-chrome.html", ("<html><head><title>Page</title><style>" + _css(rng, 20000) +
                                           "</style></head><body>" + _nav(rng, 200) + "</body></html>").encode()
    if roll == 14:
        return f"{base}-cp1252.txt", as_text(story, rng).replace("…", "...").encode("cp1252", errors="replace")
    if roll == 15:
        return f"{base}-latin1.html", as_html(story, rng).replace('charset="utf-8"', 'charset="iso-8859-1"').encode(
            "latin-1", errors="replace")
    if roll == 16:
        return f"{base}-crlf.txt", as_text(story, rng).replace("\n", "\r\n").encode()
    if roll == 17:
        return f"{base}-bom.md", b"\xef\xbb\xbf" + as_markdown(story, rng).encode()
    if roll == 18:
        return f"{base}-mojibake.txt", mojibake(as_text(story, rng)).encode()
    if roll == 19:
        broken = f"---\ntitle: [unclosed\ndate: {story['date']}\n---\n\nBody.\n"
        return f"{base}-broken-front-matter.md", broken.encode()
    if roll == 20:
        return f"{base}-binary.txt", bytes(rng.getrandbits(8) for _ in range(4000))
    if roll == 21:
        return f"Café talks {number}.txt", as_text(story, rng).encode()
    if roll == 22:
        return f"{base}-LOUD.HTML", as_html(story, rng).encode()
    if roll == 23:
        return f"{base}-only-chrome.txt", "Home | News | Sport\n\nAdvertisement\n\nShare this article\n\n" \
                                          "Subscribe to our newsletter\n\n© 2025 Somewhere Media\n".encode()
    if roll == 24:
        return f"{base}-lf-cr.md", as_markdown(story, rng).replace("\n", "\r").encode()
    return None


def generate(count: int, out_dir: Path, seed: int = 11) -> int:
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = dt.date(2023, 7, 1)
    previous: tuple[str, bytes] | None = None
    for number in range(count):
        story = make_story(rng, number, start)
        odd = awkward(number, rng, story)
        if odd is None and previous is not None and number % 211 == 5:
            odd = (f"wire-copy-{number:05d}{Path(previous[0]).suffix}", previous[1])  # a duplicate of the last one
        if odd is None:
            kind = rng.choices(["html", "md", "txt"], [40, 25, 35])[0]
            maker = {"html": as_html, "md": as_markdown, "txt": as_text}[kind]
            ext = {"html": rng.choice([".html", ".html", ".htm"]), "md": rng.choice([".md", ".md", ".markdown"]),
                   "txt": ".txt"}[kind]
            data = maker(story, rng).encode()
            odd = (f"{story['date'].isoformat()}-{story['slug'][:40]}-{number:05d}{ext}", data)
        (out_dir / odd[0]).write_bytes(odd[1])
        previous = odd
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    generate(args.count, args.out_dir, args.seed)
    print(f"{args.count} articles in {args.out_dir}")


if __name__ == "__main__":
    main()
