"""brief.taxonomy: the shipped topics.yaml, and a broken one reported in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief.errors import UserError
from brief.taxonomy import BACKGROUND, Taxonomy, load_taxonomy, phrase_expression

TOPICS = ["territory", "security-guarantees", "nato", "armed-forces-limits", "ceasefire", "sanctions-economy",
          "humanitarian", "battlefield", "diplomacy-process", "europe", "us-policy", "domestic-politics"]
SECTIONS = ["state-of-talks", "sticking-points", "outlook", "background"]


def test_shipped_topics_are_all_there(taxonomy: Taxonomy) -> None:
    assert set(TOPICS) <= set(taxonomy.topic_ids())
    assert set(SECTIONS) <= set(taxonomy.section_ids())
    assert len(set(taxonomy.topic_ids())) == len(taxonomy.topic_ids())


def test_shipped_topics_have_labels_and_rules(taxonomy: Taxonomy) -> None:
    for topic in taxonomy.topics:
        assert topic.label.strip(), topic.id
        assert topic.rules, f"topic {topic.id} has no rules: nothing could ever carry it"
    for section in taxonomy.sections:
        assert section.label.strip()
        assert section.rules or section.id == BACKGROUND


def test_lookup_by_id(taxonomy: Taxonomy) -> None:
    assert taxonomy.topic("nato").label == "NATO"
    assert taxonomy.section("outlook").id == "outlook"


BROKEN = """\
topics:
  - id: territory
    label: Territory
    rules:
      - phrases: [Donbas]
        patterns: ['\\bannex\\w*', '\\bannex(']
  - id: territory
    label: Territory again
    rules: []
  - id: nato
    label: NATO
    colour: blue
    rules:
      - phrases: [NATO]
        wieght: 2
  - id: Bad_Id
    label: Bad
    rules: []
sections:
  - id: outlook
    label: Outlook
  - id: outlook
    label: Outlook again
"""


def test_broken_topics_file_reports_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_taxonomy(path)
    found = [(p.line, p.field) for p in caught.value.problems]
    assert found == [
        (6, "topics[0].rules[0].patterns[1]"),   # the bad regex, not the good one before it
        (7, "topics[1].id"),                     # duplicate topic id
        (12, "topics[2].colour"),                # unknown key
        (15, "topics[2].rules[0].wieght"),       # unknown key, a typo
        (16, "topics[3].id"),                    # not a valid id
        (19, "sections"),                        # no background section
        (22, "sections[1].id"),                  # duplicate section id
    ]
    problems = {p.field: p for p in caught.value.problems}
    assert all(p.file == path for p in problems.values())
    assert "not a valid regular expression" in problems["topics[0].rules[0].patterns[1]"].message
    assert problems["topics[0].rules[0].patterns[1]"].value == "\\bannex("
    assert problems["topics[1].id"].message == "duplicate topic id"
    assert problems["topics[1].id"].value == "territory"
    assert problems["topics[2].colour"].hint == "valid names: description, id, label, min_score, rules"
    assert problems["topics[2].rules[0].wieght"].hint == "did you mean 'weight'?"
    assert "'background'" in problems["sections"].message
    assert problems["sections[1].id"].message == "duplicate section id"
    text = caught.value.format()
    assert text.startswith(f"{path}:6: topics[0].rules[0].patterns[1]:")


@pytest.mark.parametrize(("written", "edited", "field", "value", "message"), [
    # The analyst's section kinds' ids, which brief fills itself.
    ("  - id: outlook\n", "  - id: timeline\n", "sections[1].id", "timeline", "reserved section id"),
    # A label that would make the same heading as one of the brief's own parts.
    ("label: Outlook\n", "label: 'sources #'\n", "sections[1].label", "sources #", "a heading brief writes itself"),
    # A typo in the topic a section's rule asks for would silently switch the rule off.
    ("        with_topics: [diplomacy-process]\n", "        with_topics: [diplomacy]\n",
     "sections[2].rules[3].with_topics[0]", "diplomacy", "unknown topic id"),
    # A topic's rules find the topic: asking for another topic there means nothing the file can honour.
    ("    rules:\n      - phrases: [territory,", "    rules:\n      - with_topics: [nato]\n        phrases: [territory,",
     "topics[0].rules[0].with_topics", None, "with_topics is for a section's rule"),
])
def test_reserved_names_and_unknown_topics_are_reported_on_their_line(
        tmp_path: Path, taxonomy: Taxonomy, written: str, edited: str, field: str, value: str | None,
        message: str) -> None:
    shipped = Path(taxonomy.path).read_text(encoding="utf-8") if taxonomy.path else ""
    assert shipped.count(written) >= 1
    path = tmp_path / "topics.yaml"
    path.write_text(shipped.replace(written, edited, 1), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_taxonomy(path)
    (problem,) = caught.value.problems
    assert (problem.field, problem.value) == (field, value)
    assert problem.message.startswith(message)
    edited_text = path.read_text(encoding="utf-8")
    key = field.rsplit(".", 1)[-1].split("[")[0]  # "sections[1].id" → "id"
    at = edited_text.index(edited) + edited.index(key)
    assert problem.line == edited_text[:at].count("\n") + 1


def test_a_rule_that_asks_for_a_topic_counts_only_with_it(tmp_path: Path, taxonomy: Taxonomy) -> None:
    """The same cue scores in a passage that carries the topic and nothing in one that does not."""
    shipped = Path(taxonomy.path).read_text(encoding="utf-8") if taxonomy.path else ""
    marker = "  - id: outlook\n"
    path = tmp_path / "topics.yaml"
    path.write_text(shipped.replace(marker, "  - id: clue\n    label: Clue\n    min_score: 1\n    rules:\n"
                                            "      - phrases: [arrived]\n        weight: 9\n"
                                            "        with_topics: [diplomacy-process]\n" + marker, 1),
                    encoding="utf-8")
    edited = load_taxonomy(path)
    clue = len(edited.topics) + [section.id for section in edited.sections].index("clue")
    on_the_talks = "The envoy arrived in Miami for talks with the negotiators."
    elsewhere = "The first snow arrived in Kharkiv on Tuesday."
    assert edited.matcher.scores(on_the_talks)[clue] == 9
    assert edited.matcher.scores(elsewhere)[clue] == 0
    assert edited.matcher.scores(on_the_talks) == edited.scores_one_by_one(on_the_talks)


def test_topics_file_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text("- territory\n", encoding="utf-8")
    with pytest.raises(UserError, match="must be a mapping"):
        load_taxonomy(path)


@pytest.mark.parametrize(("phrase", "text", "matches"), [
    ("cease-fire", "a cease-fire was agreed", True),
    ("cease-fire", "a cease fire was agreed", True),
    ("cease-fire", "a Cease-Fire was agreed", True),
    ("cease-fire", "a cease\nfire was agreed", True),
    ("cease-fire", "a ceasefire was agreed", False),   # one word: list it separately
    ("front line", "along the front-line towns", True),
    ("NATO", "nato membership", True),
    ("NATO", "NATO-led forces", True),
    ("NATO", "the NATOs of this world", False),
    ("NATO", "in Natolin", False),
    ("EU", "the EU's position", True),
    ("EU", "a neutral Europe", False),
    ("U.S.", "the U.S. envoy", True),
    ("U.S.", "the US envoy", False),
    ("Article 5", "Article 5-style guarantees", True),
    ("Article 5", "Article 50", False),
])
def test_phrase_matching(phrase: str, text: str, matches: bool) -> None:
    assert bool(phrase_expression(phrase).search(text)) is matches


# --- what a pattern needs before it is worth a search ----------------------------------------------

@pytest.mark.parametrize(("pattern", "needed"), [
    (r"\bannex\w*", ("annex",)),
    (r"\b(draft|plan|proposal)\b[^.]*\b(contains?|includes?)\b", ("contain", "include")),  # the rarer
    (r"\b(draft|plan)\b[^.]*\b(has|is)\b", ("draft", "plan")),
    (r"\b(is|are|remains?) (essential|needed|necessary)\b", ("essential", "needed", "necessary")),
    (r"\b(may|might) (still )?(face|be)\b", ("may", "might")),       # the parser factors out the "m"
    (r"\b(talks|meetings?) (ended|produced)\b", ("talks", "meeting")),  # a tie: the first
    (r"\b(rewr[io]te|rewritten)\b", ("rewr", "rewritten")),
    (r"\bNATO\b", ("nato",)),
    (r"\b(a|b)cd", ()),                  # too short to be worth a test
    (r"\b(?:x(ab)?yz|q)", ()),           # an alternative with no sure text
    (r"\b(\w+) agreed", (" agreed",)),
    (r"\bпереговоры\b", ()),             # only ASCII texts, which lower-casing and the regex treat alike
    (r"(", ()),
])
def test_required_alternatives(pattern: str, needed: tuple[str, ...]) -> None:
    from brief.taxonomy import required_alternatives

    assert required_alternatives(pattern) == needed


def test_gate_text_finds_what_the_regex_finds_ignoring_case() -> None:
    """Ignoring case, "i" matches "İ" and "ı", and "s" matches "ſ": lower-casing alone would miss them."""
    import re

    from brief.taxonomy import gate_text

    for text, needed in (("İSTANBUL talks", "istanbul"), ("ıstanbul", "istanbul"), ("reviſed", "revised"),
                         ("REVISED", "revised")):
        assert re.search(needed, text, re.IGNORECASE)
        assert needed in gate_text(text)


def test_patterns_are_searched_only_when_the_passage_has_what_they_need(taxonomy: Taxonomy) -> None:
    from brief.taxonomy import TaxonomyMatcher

    matcher = TaxonomyMatcher(taxonomy)
    searched: list[str] = []

    class Spy:
        def __init__(self, expression):
            self.expression = expression

        def search(self, text):
            searched.append(self.expression.pattern)
            return self.expression.search(text)

    matcher.patterns = [(number, Spy(expression)) for number, expression in matcher.patterns]
    matcher.scores("The weather in the harbour was calm on Sunday afternoon.")
    assert searched == []
    scores = matcher.scores("Negotiators said the draft text contains a ceasefire line.")
    assert any(pattern.startswith(r"\b(draft|plan") for pattern in searched)
    assert scores == taxonomy.scores_one_by_one("Negotiators said the draft text contains a ceasefire line.")


@pytest.mark.parametrize(("pattern", "text"), [
    (r"\bwhat (is left|remains)\b", "What is left is the land."),
    (r"\b(is|are) (still )?being studied\b", "The documents are still being studied in Moscow."),
    (r"\b(an|one) envoy\b", "One envoy flew to Miami."),
])
def test_a_pattern_whose_first_word_is_short_is_still_searched(tmp_path: Path, taxonomy: Taxonomy,
                                                                pattern: str, text: str) -> None:
    """A pattern needing "is left" was keyed by "is " (three characters with the space), which no word starts
    with: the passage was never searched, and the cue never counted."""
    shipped = Path(taxonomy.path).read_text(encoding="utf-8") if taxonomy.path else ""
    marker = "  - id: outlook\n"
    path = tmp_path / "topics.yaml"
    path.write_text(shipped.replace(marker, "  - id: clue\n    label: Clue\n    min_score: 1\n    rules:\n"
                                            f"      - patterns: ['{pattern}']\n        weight: 9\n" + marker, 1),
                    encoding="utf-8")
    edited = load_taxonomy(path)
    clue = [section.id for section in edited.sections].index("clue")
    assert edited.matcher.scores(text)[len(edited.topics) + clue] == 9


@pytest.mark.parametrize(("written", "edited", "field", "value"), [
    # A NaN score reaches no threshold: every passage the rule matched silently lost its section.
    ("        weight: 1.5\n      - phrases: [\"on the table\"", "        weight: .nan\n      - phrases: [\"on the table\"",
     "sections[2].rules[1].weight", "nan"),
    ("        weight: 1.5\n      - phrases: [\"on the table\"", "        weight: .inf\n      - phrases: [\"on the table\"",
     "sections[2].rules[1].weight", "inf"),
    ("    min_score: 2\n", "    min_score: -.inf\n", "sections[0].min_score", "-inf"),
])
def test_a_weight_or_threshold_must_be_a_finite_number(tmp_path: Path, taxonomy: Taxonomy, written: str, edited: str,
                                                       field: str, value: str) -> None:
    shipped = Path(taxonomy.path).read_text(encoding="utf-8") if taxonomy.path else ""
    assert shipped.count(written) == 1
    path = tmp_path / "topics.yaml"
    path.write_text(shipped.replace(written, edited), encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_taxonomy(path)
    (problem,) = caught.value.problems
    assert (problem.field, str(problem.value)) == (field, value)
    assert "finite number" in problem.message and problem.line is not None
