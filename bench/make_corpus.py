"""Generate a synthetic corpus of news articles for benchmarks, reproducibly from a seed.

``python bench/make_corpus.py N OUT_DIR [--seed 7]`` writes N articles in the
shipped formats (.txt with site furniture, .md with front matter, .html pages),
600–1,200 words each, dated over two years, from a dozen invented outlets, with
the boilerplate real sites carry (ads, share buttons, related headlines,
reading-time lines, bylines, datelines). The prose is assembled from invented
sentence patterns about peace talks, so the tagging rules have work to do.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import random
from pathlib import Path

OUTLETS = ["Baltic Ledger", "Danube Herald", "Northern Courier", "Atlantic Wire", "Steppe Monitor",
           "Harbour Times", "Continental Post", "Evening Dispatch", "Capital Journal", "Frontline Review",
           "Meridian News", "Coastal Tribune"]
PEOPLE = [("Vladimir Putin", "Russia's president"), ("Volodymyr Zelensky", "Ukraine's president"),
          ("Steve Witkoff", "the U.S. special envoy"), ("Marco Rubio", "the U.S. Secretary of State"),
          ("Yuri Ushakov", "a Kremlin aide"), ("Mark Rutte", "NATO's secretary general"),
          ("Andrii Sybiha", "Ukraine's foreign minister"), ("Kaja Kallas", "the EU's foreign policy chief")]
PLACES = ["Geneva", "Istanbul", "Riyadh", "Moscow", "Kyiv", "Brussels", "Miami", "Abu Dhabi", "Budapest"]
REGIONS = ["Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Crimea", "the Donbas"]
PATTERNS = [
    "{who}, {role}, said on {day} that talks in {place} had ended without a breakthrough on territory.",
    "Russia demands that Ukraine withdraw from the rest of {region}, a condition Kyiv has rejected as a red line.",
    "Negotiators will meet again in {place} next week to discuss the next steps of the {n}-point plan.",
    "European governments insisted that any cease-fire must come with security guarantees backed by the United States.",
    "The Kremlin refused to accept monitors from the Coalition of the Willing along the front line.",
    "Officials expect the sanctions on Russian oil to remain in place unless Moscow agrees to a ceasefire.",
    "Drone and missile strikes on {region} killed {n} civilians overnight, regional officials said.",
    "Analysts said the odds of a deal before {year} were low, as both sides expect the battlefield to shift.",
    "Ukraine's parliament would have to approve any change to the country's borders, {who} said.",
    "A prisoner exchange of {n} soldiers on each side took place on {day}, mediated by the United Arab Emirates.",
    "NATO allies are divided over whether Ukraine should be offered a path to membership in any settlement.",
    "Moscow wants permanent limits on Ukraine's armed forces, which Kyiv says would leave it defenceless.",
    "The frozen Russian assets held in Europe could fund reconstruction, according to a draft seen by reporters.",
    "The delegation is preparing for a second round of direct talks, {who} told reporters in {place}.",
    "Fighting near {region} continued as Russian forces made small advances at heavy cost.",
    "Washington has pressed Kyiv to accept the framework, while European capitals warned against a bad peace.",
]
FURNITURE_TOP = ["Home > World > Europe", "{minutes} min read", "{views} Views", "- Advertisement -",
                 "Share on Facebook Twitter Email"]
FURNITURE_BOTTOM = ["Related", "Leave a Comment", "Popular"]
UNRELATED = ["Stock markets close higher on tech rally", "Local team wins championship in overtime",
             "New museum opens to record crowds", "Storm warning issued for the coast"]


def _sentence(rng: random.Random, date: dt.date) -> str:
    who, role = rng.choice(PEOPLE)
    return rng.choice(PATTERNS).format(
        who=who, role=role, place=rng.choice(PLACES), region=rng.choice(REGIONS), n=rng.randint(2, 300),
        day=(date - dt.timedelta(days=rng.randint(0, 3))).strftime("%B %-d"), year=date.year + 1)


def _paragraphs(rng: random.Random, date: dt.date) -> list[str]:
    words_wanted = rng.randint(600, 1200)
    paragraphs, words = [], 0
    while words < words_wanted:
        paragraph = " ".join(_sentence(rng, date) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return paragraphs


def make_article(index: int, rng: random.Random, start: dt.date) -> tuple[str, str]:
    """(file name, file text) of one article."""
    date = start + dt.timedelta(days=rng.randint(0, 729))
    outlet = rng.choice(OUTLETS)
    title = f"{rng.choice(PLACES)} talks: {rng.choice(['no breakthrough', 'new plan', 'deadlock', 'progress'])} " \
            f"on {rng.choice(REGIONS)} ({index})"
    author = rng.choice(["Anna Kovac", "Peter Lind", "Maria Rossi", "Jonas Berg", "Elena Petrova"])
    paragraphs = _paragraphs(rng, date)
    kind = rng.choices(["txt", "md", "html"], weights=[6, 3, 1])[0]
    if kind == "md":
        front = (f"---\ntitle: \"{title}\"\noutlet: {outlet}\nauthor: {author}\npublished: {date.isoformat()}\n"
                 f"url: https://example.org/{index}\n---\n\n")
        return f"art{index:06d}.md", front + "\n\n".join(paragraphs) + "\n"
    if kind == "html":
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        page = (f"<html><head><title>{html.escape(title)}</title><meta name=\"author\" content=\"{author}\">"
                f"<meta property=\"og:site_name\" content=\"{outlet}\">"
                f"<meta property=\"article:published_time\" content=\"{date.isoformat()}\"></head><body>"
                f"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>{html.escape(title)}</h1>"
                f"{body}</article><footer>© {outlet}</footer></body></html>\n")
        return f"art{index:06d}.html", page
    top = [line.format(minutes=rng.randint(2, 9), views=rng.randint(10, 9000)) for line in FURNITURE_TOP
           if rng.random() < 0.6]
    lines = [title, *top, f"By {author}", f"{rng.choice(PLACES)} – {date.strftime('%B %-d, %Y')}", ""]
    lines += [p + "\n" for p in paragraphs]
    if rng.random() < 0.7:
        lines += [rng.choice(FURNITURE_BOTTOM), *rng.sample(UNRELATED, 2)]
    return f"art{index:06d}.txt", "\n".join(lines) + "\n"


def generate(count: int, out_dir: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    start = dt.date(2024, 1, 1)
    written = []
    for index in range(count):
        name, text = make_article(index, rng, start)
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.count, args.out_dir, args.seed)
    print(f"{args.count} articles in {args.out_dir}")


if __name__ == "__main__":
    main()
