"""Key quotes: verbatim words, the speaker and role the article gives, never a guessed speaker."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from brief.quotes import Quote, extract_quotes, quote_marks, quote_score, quoted_words, rank_quotes
from brief.speakers import role_in_article
from brief.workspace import Workspace

DEC_4 = dt.date(2025, 12, 4)


def quotes_of(workspace: Workspace, source_id: str) -> list[Quote]:
    source = workspace.corpus.get(source_id)
    return extract_quotes(source.text, source.id, source.date)


def one(quotes: list[Quote], words: str) -> Quote:
    matching = [q for q in quotes if words in q.text]
    assert len(matching) == 1, [q.text for q in quotes]
    return matching[0]


# --- the shipped articles ----------------------------------------------------------------------

def test_every_quote_is_verbatim_in_its_source(shipped_workspace: Workspace) -> None:
    total = 0
    for source in shipped_workspace.corpus.sources:
        for quote in extract_quotes(source.text, source.id, source.date):
            total += 1
            assert source.text[quote.quote_start:quote.quote_end] == quote.text
            assert quote.start <= quote.quote_start < quote.quote_end <= quote.end
            assert quote.text in source.text[quote.start:quote.end]
            assert quote.source_id == source.id
    assert total >= 15


def test_ushakov_is_named_with_the_role_each_article_gives(shipped_workspace: Workspace) -> None:
    direct = one(quotes_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "constructive, very useful")
    assert (direct.speaker, direct.role, direct.kind) == ("Yuri Ushakov", "Kremlin aide", "direct")
    assert direct.text == "constructive, very useful, and substantive"

    # "He indicated that … “more or less acceptable,” …": the sentence before names only Ushakov.
    follow_up = one(quotes_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "more or less acceptable")
    assert (follow_up.speaker, follow_up.attribution) == ("Yuri Ushakov", "pronoun")

    reported = one(quotes_of(shipped_workspace, "003_5b825d6438a3e144"), "no compromise version")
    assert reported.kind == "reported"
    assert (reported.speaker, reported.role) == ("Yuri Ushakov", "an advisor to Putin")
    assert reported.text == "So far, no compromise version of a peace settlement has been found"


@pytest.mark.parametrize(("source_id", "words", "speaker", "role"), [
    ("000_0207c4399900d62a", "We don’t have electricity", "Mykhailo Samus", "a Ukrainian defense analyst"),
    ("000_0207c4399900d62a", "see the war as nonsense", "Pavel K. Baev", "Peace Research Institute Oslo"),
    ("000_0207c4399900d62a", "There’s a question I still", "Volodymyr Zelensky", None),
    ("000_0207c4399900d62a", "could form the basis", "Vladimir Putin", None),  # "… too thin for Putin, who said"
    ("001_83039b644387e352", "have the cards right now", "Donald Trump", "then-U.S. President"),
    ("001_83039b644387e352", "primarily stalled over", "Gabrielius Landsbergis",
     "Lithuania’s former Minister of Foreign Affairs"),
    ("002_e759f5f9dd5bc10b", "by Putin alone", "Marco Rubio", "U.S. Secretary of State"),
    ("002_e759f5f9dd5bc10b", "wasting the world’s time", "Andrii Sybiha", "Ukraine’s Foreign Minister"),
])
def test_shipped_speakers_and_roles(shipped_workspace, source_id, words, speaker, role) -> None:
    quote = one(quotes_of(shipped_workspace, source_id), words)
    assert (quote.speaker, quote.role) == (speaker, role)


def test_he_said_resolves_to_the_one_person_named_just_before(shipped_workspace: Workspace) -> None:
    quotes = quotes_of(shipped_workspace, "000_0207c4399900d62a")
    # "Samus describes a 20-kilometer “kill zone” … “Any mechanized units …,” he said."
    armor = one(quotes, "Any mechanized units")
    assert (armor.speaker, armor.attribution) == ("Mykhailo Samus", "pronoun")
    # "Putin, appearing in fatigues …, insists time is on his side. “The goals …,” he said on Dec. 17."
    goals = one(quotes, "The goals of the special military operation")
    assert goals.speaker == "Vladimir Putin"


def test_a_quote_continuing_the_last_speaker(shipped_workspace: Workspace) -> None:
    quote = one(quotes_of(shipped_workspace, "000_0207c4399900d62a"), "What will the United States do")
    assert (quote.speaker, quote.attribution) == ("Volodymyr Zelensky", "continued")
    assert quote.text.endswith("How will it work?")


def test_shipped_quote_without_attribution_has_no_speaker(shipped_workspace: Workspace) -> None:
    quote = one(quotes_of(shipped_workspace, "000_0207c4399900d62a"), "one step forward")
    assert quote.speaker is None and quote.role is None and quote.attribution is None


def test_scare_quotes_and_titles_are_not_quotes(shipped_workspace: Workspace) -> None:
    texts = {q.text for s in shipped_workspace.corpus.sources for q in quotes_of(shipped_workspace, s.id)}
    for label in ("swine", "kill zone", "no compromise", "unclear", "Coalition of the Willing", "red lines",
                  "ugly and dirty", "beautiful deal"):
        assert label not in texts


def test_quotes_are_dated_by_publication_unless_the_sentence_says(shipped_workspace: Workspace) -> None:
    rubio = one(quotes_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "by Putin alone")
    assert (rubio.date, rubio.dated_by) == (DEC_4, "published")
    source = shipped_workspace.corpus.get("000_0207c4399900d62a")
    # Without a publication date, no quote has a date …
    assert all(q.date is None for q in extract_quotes(source.text, source.id, None))
    # … but given one, "he said on Dec. 17" dates the quote itself.
    dated = one(extract_quotes(source.text, source.id, dt.date(2025, 12, 20)), "The goals of the special")
    assert (dated.date, dated.date_precision, dated.dated_by) == (dt.date(2025, 12, 17), "day", "sentence")


def test_with_only_the_earliest_publication_date_undated_words_were_said_then_or_before(
        shipped_workspace: Workspace) -> None:
    source = shipped_workspace.corpus.get("000_0207c4399900d62a")
    assert (source.date, source.date_is_earliest) == (dt.date(2025, 12, 18), True)
    quotes = extract_quotes(source.text, source.id, source.date, published_earliest=True)
    goals = one(quotes, "The goals of the special")
    assert (goals.date, goals.dated_by) == (dt.date(2025, 12, 17), "sentence")
    baev = one(quotes, "see the war as nonsense")
    assert (baev.date, baev.dated_by) == (dt.date(2025, 12, 18), "published or later")
    # A weekday needs the day the article appeared, which is not known: it dates nothing.
    text = "“We will not give up the east,” Zelensky said on Tuesday."
    (tuesday,) = extract_quotes(text, "t", dt.date(2025, 12, 18), published_earliest=True)
    assert (tuesday.date, tuesday.dated_by) == (dt.date(2025, 12, 18), "published or later")


@pytest.mark.parametrize(("text", "date", "dated_by"), [
    # the date the speech verb carries
    ("“We have made progress on many points,” Putin said in Moscow on Dec. 2, recalling the summit in August.",
     dt.date(2025, 12, 2), "sentence"),
    ("On Dec. 2, Putin, speaking at a forum, said “we are ready to fight Europe right now.”",
     dt.date(2025, 12, 2), "sentence"),
    ("Vladimir Putin spoke in August. “We remember the summit in Anchorage well,” he said on Tuesday.",
     dt.date(2025, 12, 2), "sentence"),
    # a date that belongs to another clause of the sentence is not when the words were said
    ("Vladimir Putin spoke at length. He says Russia is ready to end the war “on the basis of the principles” "
     "he set out in June 2024, which include a ban on NATO membership.", DEC_4, "published"),
    ("“We have made real progress in the talks,” Witkoff said, a week after the summit on Nov. 20.",
     DEC_4, "published"),
])
def test_a_quote_is_dated_by_its_speech_verb_only(text: str, date: dt.date, dated_by: str) -> None:
    quote = extract_quotes(text, "t", DEC_4)[-1]
    assert (quote.date, quote.dated_by) == (date, dated_by)


# --- attribution, on small texts ---------------------------------------------------------------

def only(text: str, published: dt.date | None = DEC_4) -> Quote:
    quotes = extract_quotes(text, "t", published)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(("text", "speaker", "role"), [
    ("“We are not there yet, but we are close,” said Dmitry Peskov, the Kremlin spokesman.",
     "Dmitry Peskov", "the Kremlin spokesman"),
    ("Russian President Vladimir Putin said: “We will achieve all our goals in the end.”",
     "Vladimir Putin", "Russian President"),
    ("“There is nothing to discuss at this stage,” Zelensky told reporters in Kyiv.", "Zelensky", None),
    ('The minister, Andrii Sybiha, said "we have no intention of giving up any territory at all."',
     "Andrii Sybiha", "minister"),
    ("‘We are ready to continue the work,’ said Kremlin aide Yuri Ushakov.", "Yuri Ushakov", "Kremlin aide"),
    ("Kirill Dmitriev, head of Russia’s sovereign investment fund, said “the dialogue is moving forward.”",
     "Kirill Dmitriev", "head of Russia’s sovereign investment fund"),
    ("Talks resumed after a pause of several weeks, said Yuri Ushakov, a Kremlin aide.",
     "Yuri Ushakov", "a Kremlin aide"),
    ("According to Volodymyr Zelensky, “the next days will be decisive for the war.”", "Volodymyr Zelensky", None),
    ("“It’s a very good first step,” U.S. President Donald Trump told reporters on Sunday.",
     "Donald Trump", "U.S. President"),
    ("Ms. Kallas, speaking in Brussels, said the plan was “a recipe for a frozen conflict.”", "Kallas", None),
    # a plural function after one person's name opens a clause of its own, not their role (the foreign bench)
    ("“We will not sign,” said Jürgen Weber, negotiators from both sides rejected the plan.", "Jürgen Weber", None),
    ("“We will not sign,” said Olena Petrenko, one of the negotiators.", "Olena Petrenko", "one of the negotiators"),
    # a title naming a body, its "the" and "and" with it (w8)
    ("Secretary of the National Security and Defence Council of Ukraine Rustem Umerov said: “We worked "
     "constructively and in detail.”", "Rustem Umerov", "Secretary of the National Security and Defence Council "
     "of Ukraine"),
])
def test_attribution_before_and_after_the_quote(text: str, speaker: str, role: str | None) -> None:
    quote = only(text)
    assert (quote.speaker, quote.role) == (speaker, role)
    assert text[quote.quote_start:quote.quote_end] == quote.text


@pytest.mark.parametrize(("text", "name", "role"), [
    ("The head of the delegation, Secretary of the National Security and Defence Council of Ukraine Rustem Umerov, "
     "reported on the results.", "Rustem Umerov", "Secretary of the National Security and Defence Council of Ukraine"),
    ("It was signed by the Minister of Foreign Affairs and Trade Penny Wong.", "Penny Wong",
     "Minister of Foreign Affairs and Trade"),
    # an "and" outside a body's name joins two people, or two parties; "the" opens no title
    ("Witkoff met Zelensky and Defence Minister Rustem Umerov in Berlin.", "Rustem Umerov", "Defence Minister"),
    ("Talks between the Americans and the Kremlin aide Yuri Ushakov resumed.", "Yuri Ushakov", "Kremlin aide"),
    ("A ceasefire was possible, he told Reuters the Foreign Minister Sergei Lavrov had said.", "Sergei Lavrov",
     "Foreign Minister"),
])
def test_the_role_an_article_gives_before_a_name(text: str, name: str, role: str) -> None:
    assert role_in_article(text, name) == role


def test_a_quote_without_attribution_has_no_speaker() -> None:
    quote = only("Vladimir Putin arrived late. A banner outside read “No peace without justice for the victims.”")
    assert quote.speaker is None


def test_he_is_not_resolved_when_the_sentence_before_names_two_people_or_none() -> None:
    two = only("Steve Witkoff met Jared Kushner in Miami for long talks. “This will take a lot more time,” he said.")
    assert two.speaker is None
    none = only("The plan was leaked to the press last week. “It reads like a Russian wish list,” she said.")
    assert none.speaker is None
    one_person = only("Jared Kushner flew to Miami for long talks. “This will take a lot more time,” he said.")
    assert (one_person.speaker, one_person.attribution) == ("Jared Kushner", "pronoun")


def test_names_inside_the_previous_quote_count_too() -> None:
    text = ("“Witkoff and Trump see the war as nonsense,” said Pavel Baev. "
            "“It will not end this way, not this year,” he said.")
    first, second = extract_quotes(text, "t", DEC_4)
    assert first.speaker == "Pavel Baev"
    assert second.speaker is None  # three people named just before: not resolved, and not "continued" either


def test_a_nameless_speaker_is_not_replaced_by_a_name_further_on() -> None:
    quote = only("“The goals will be achieved in full,” the spokesman said, adding that Putin was satisfied.")
    assert quote.speaker is None


@pytest.mark.parametrize("text", [
    "“The enemy lost many vehicles overnight,” Ukraine’s General Staff said.",
    "“We will respond to this provocation,” the Pentagon said in a statement.",
    "“No deal is possible at this stage,” said the Kremlin.",
])
def test_an_institution_is_not_taken_for_a_person(text: str) -> None:
    assert only(text).speaker is None


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Witkoff. “It is over for now,” a source close to Putin said.",
    "Vladimir Putin met Witkoff. “It is over for now,” officials close to Putin said.",
    "Volodymyr Zelensky spoke later. “We will never give up our land,” a spokesman for Zelensky said.",
    "Volodymyr Zelensky spoke later. “We will never give up our land,” an adviser to Zelensky told reporters.",
    "“We will never give up our land,” an aide to Ukrainian President Volodymyr Zelensky said.",
])
def test_the_person_someone_speaks_for_is_not_the_speaker(text: str) -> None:
    # The words are the aide's or the source's, who is not named: attributing them to the principal is a guess.
    assert only(text).speaker is None


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Witkoff. Putin's aide spoke to reporters. “It is over for now,” he said.",
    "Vladimir Putin met Witkoff. The talks with Putin lasted five hours. “It is over for now,” he said.",
    "Vladimir Putin met Witkoff. A source close to Putin spoke to reporters. “It is over for now,” he said.",
])
def test_he_is_not_someone_the_sentence_before_only_mentions(text: str) -> None:
    # The person named before is not the subject there ("Putin's aide", "talks with Putin"): "he" is not clear.
    assert only(text).speaker is None


@pytest.mark.parametrize("text", [
    "Steve Witkoff and Jared Kushner met Putin. Witkoff and Kushner said “we had a very good meeting today.”",
    "Steve Witkoff and Jared Kushner met Putin. “We had a very good meeting today,” said Witkoff and Kushner.",
    "“We had a very good meeting today,” Zelensky and U.S. President Donald Trump told reporters.",
    "Macron and Merz said in a joint statement that it was “a very good meeting for Europe.”",
])
def test_words_two_people_said_together_are_not_one_of_theirs(text: str) -> None:
    assert only(text).speaker is None


def test_the_subject_is_the_speaker_not_the_people_told() -> None:
    quote = only("Putin told Witkoff and Kushner that the plan was “a good basis for further talks.”")
    assert quote.speaker == "Putin"


@pytest.mark.parametrize("text", [
    "Critics said the plan was “a very bad deal for Kyiv” on Friday.",
    "Observers said the plan was “a very bad deal for Kyiv” on Friday.",
    "Witnesses told the court that it was “the worst night of shelling in months.”",
    "Residents said it was “the worst night of shelling in months.”",
    "Protesters said it was “the worst night of shelling in months.”",
    "Others said it was “the worst night of shelling in months.”",
    "Everyone said it was “the worst night of shelling in months.”",
])
def test_a_group_at_the_start_of_a_sentence_is_not_a_person(text: str) -> None:
    # Capitalised only because they open the sentence: "Critics" is nobody's name.
    assert only(text).speaker is None


def test_a_surname_the_article_knows_is_still_a_speaker_at_the_start_of_a_sentence() -> None:
    quote = only("Gabrielius Landsbergis spoke in Vilnius. Landsbergis said it was “a test for all of Europe.”")
    assert quote.speaker == "Gabrielius Landsbergis"


def test_a_speaker_with_a_relative_clause_between_name_and_verb() -> None:
    text = ('German Chancellor Friedrich Merz, who hosted the talks, said Europe would not accept a settlement '
            '"dictated over the heads of Ukrainians," and called for a truce.')
    quote = only(text)
    assert (quote.speaker, quote.role) == ("Friedrich Merz", "German Chancellor")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Zelensky welcomed the decision, calling it “a strong signal to Moscow that waiting will not work.”",
     "Zelensky"),
    ("Steve Witkoff met Putin in Moscow, describing the talks as “a very productive meeting for everyone.”",
     "Steve Witkoff"),
    ("Andrii Sybiha, Ukraine’s Foreign Minister, welcomed the loan, calling it “a signal that Europe will not "
     "tire.”", "Andrii Sybiha"),
    ("Andrii Sybiha, a keen cyclist, welcomed the loan, calling it “a signal that Europe will not tire.”", None),
    ("The envoy met Putin in Moscow, calling the talks “a very productive meeting for everyone.”", None),
    ("Steve Witkoff’s deputy met Putin in Moscow, calling the talks “a very productive meeting for everyone.”",
     None),
])
def test_a_participle_after_the_clause_speaks_for_its_subject(text: str, speaker: str | None) -> None:
    assert only(text).speaker == speaker


def test_he_said_twice_in_a_row_is_still_the_person_named_first() -> None:
    text = ("Zelensky welcomed the decision, calling it “a strong signal to Moscow that waiting will not work.” "
            "He said Ukraine had done its part and was waiting for Russia's answer. "
            "“We need an answer from Russia, not more questions,” he said.")
    first, second = extract_quotes(text, "t", DEC_4, reported=False)
    assert first.speaker == second.speaker == "Zelensky"
    assert second.attribution == "pronoun"
    other = text.replace("He said Ukraine", "She said Ukraine")
    assert extract_quotes(other, "t", DEC_4, reported=False)[1].speaker is None  # she is not he


def test_a_heading_word_before_a_surname_is_not_part_of_the_name() -> None:
    quote = only("Whether Putin answers is unclear. “We will see what happens next,” Putin said.")
    assert quote.speaker == "Putin"


def test_a_quote_of_several_sentences_with_the_attribution_after_it() -> None:
    text = "Questions remain. “Why now? Why here? Who pays for it?” Zelensky asked. Nobody answered him."
    quote = only(text)
    assert quote.text == "Why now? Why here? Who pays for it?"
    assert quote.speaker == "Zelensky"
    assert text[quote.start:quote.end] == "“Why now? Why here? Who pays for it?” Zelensky asked."


def test_a_quote_inside_a_reported_sentence_does_not_take_the_next_sentence_as_its_attribution() -> None:
    text = ("Zelensky welcomed the decision, calling it “a strong signal to Moscow that Europe will not tire.” "
            "He said Ukraine had done its part and was waiting for Russia's answer.")
    quote = only(text)
    assert quote.speaker == "Zelensky"
    assert text[quote.start:quote.end].endswith("will not tire.”")


@pytest.mark.parametrize(("text", "described"), [
    ("“Withdrawing with a signature is no guarantee,” said a European diplomat briefed on the talks, adding "
     "that Kyiv wanted more.", "a European diplomat briefed on the talks"),
    ("The realistic goal, one European official said, is “a framework by spring and a ceasefire by summer.”",
     "one European official"),
    ("A senior U.S. official said: “We are ninety per cent there on every question.”", "a senior U.S. official"),
    # Someone the article points back to, one of a group, the office someone speaks for, or too little to weigh.
    ("“The guarantees are the strongest Ukraine has been offered,” the official said.", None),
    ("“We have closed most of the technical chapters,” one of the people said.", None),
    ("“We will never give up our land,” a spokesman for Zelensky said.", None),
    ("“We are ninety per cent there on every question,” said a source.", None),
    # The verb's whole subject only: not a clause after it, not someone the subject serves or meets, not one of two.
    ("A European official in Brussels said the Ukrainian side told him: “We will not sign anything that gives "
     "away our land.”", None),
    ("One European official in Brussels told Reuters that the president had said “we will not sign anything "
     "that gives away land.”", None),
    ("“We will not sign anything that gives away our land,” an adviser to one senior European official said.", None),
    ("“We will not sign anything that gives away our land,” an aide who met a senior US official said.", None),
    ("“We will not sign anything that gives away our land,” a letter sent to one European official said.", None),
    ("“We will not sign anything that gives away our land,” a Ukrainian official and a European diplomat said.", None),
    ("“We will not sign anything that gives away our land,” said a senior official in Kyiv and a diplomat in Brussels.", None),
    ("“We will not sign anything that gives away our land,” said a senior official in Kyiv on Tuesday.", "a senior official in Kyiv"),
    ("“We will not sign anything that gives away our land,” said a G7 official briefed on the talks.", "a G7 official briefed on the talks"),
    ("“We will not sign anything that gives away our land,” Witkoff and a senior Ukrainian official said.", None),
    ("“We will not sign anything that gives away our land,” said a U.S. official, a European diplomat and a Ukrainian negotiator.", None),
    ("“We will not sign anything that gives away our land,” said a senior official familiar with the U.S. peace plan for Ukraine.", None),
    ("“We will not sign anything that gives away our land,” said a senior official in the EU.", "a senior official in the EU"),
    ("But a senior EU diplomat said: “We will not sign anything that gives away our land.”", "a senior EU diplomat"),
    ("On Tuesday a senior EU diplomat said: “We will not sign anything that gives away our land.”",
     "a senior EU diplomat"),
    # How or when they spoke follows the description, and is not part of it.
    ("“We will not sign anything that gives away our land,” said a senior official on condition of anonymity.",
     "a senior official"),
    ("“We will not sign anything that gives away our land,” said a senior official who asked not to be named.",
     "a senior official"),
    ("“We will not sign anything that gives away our land,” said a senior European official on Dec. 3.",
     "a senior European official"),
    ("“We will not sign anything that gives away our land,” said a senior European official this week.",
     "a senior European official"),
    # "according to" names its speaker after it, before the quotation as well as after it.
    ("According to a senior European diplomat, “the Americans want a signature before Christmas and nothing else.”",
     "a senior European diplomat"),
    ("“The Americans want a signature before Christmas and nothing else,” according to a senior European diplomat.",
     "a senior European diplomat"),
    ("According to a senior European diplomat and a Ukrainian official, “the Americans want a signature before "
     "Christmas.”", None),
    ("According to a letter sent to one European official, “the Americans want a signature before Christmas.”", None),
    # "according to" gives the quotation's speaker only next to it: not someone else's words it reports
    ("Trump told Zelensky, according to a senior US official: “You need to sign this before Christmas, no more "
     "delays.”", None),
    ("According to a senior European diplomat, Moscow's answer was blunt: “We want all of Donbas and nothing less "
     "than that.”", None),
    ("“You need to sign this before Christmas, no more delays,” read the message, according to a senior US "
     "official.", None),
    ("“We will never give up our land, whatever they offer us.” According to a senior European diplomat, "
     "Zelensky's position has hardened.", None),
])
def test_a_speaker_described_without_a_name_is_kept_in_the_articles_words(text: str, described: str | None) -> None:
    quote = only(text)
    assert (quote.speaker, quote.described) == (None, described)


def test_a_named_speaker_is_not_also_described() -> None:
    quote = only("“We are ninety per cent there on every question,” said Olena Petrenko, a Ukrainian official.")
    assert (quote.speaker, quote.described) == ("Olena Petrenko", None)


@pytest.mark.parametrize("text", [
    "KYIV, Dec 4 (Reuters) - “Why now? Why here? Who pays for it?” Zelensky asked.",
    "KYIV, Dec 4 (Reuters) - “We will not sign. We never will.” Zelensky said on Thursday.",
])
def test_a_quotation_after_a_dateline_takes_its_speaker_from_the_next_sentence(text: str) -> None:
    assert only(text).speaker == "Zelensky"


@pytest.mark.parametrize("text", [
    "The resolution reads: “The Assembly demands that Russia withdraw all of its forces.” Zelensky said he "
    "welcomed the vote.",
    "Ukraine’s answer was blunt: “We will never sign it, whatever is offered.” Zelensky said the plan would fail.",
])
def test_words_the_sentence_gives_to_no_one_do_not_take_the_next_sentences_subject(text: str) -> None:
    assert only(text).speaker is None


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Ukraine’s envoys don’t agree. The Russians’ offer ‘is not serious at all,’ an official said."
    assert [text[a + 1:b] for a, b in quote_marks(text, 0, len(text))] == ["is not serious at all,"]


def test_a_title_in_quotation_marks_is_not_a_quote() -> None:
    assert extract_quotes("He had read “The Art of the Deal” twice before the summit began.", "t", DEC_4) == []


def test_best_quotes_come_first() -> None:
    text = ("“This is going to take a long time,” someone shouted from the back of the room. "
            "Critics called the plan “a very bad deal for Kyiv” on Friday. "
            "“We will not give up a single metre of our land, whatever Moscow demands of us,” said "
            "Andrii Sybiha, Ukraine’s foreign minister.")
    ranked = rank_quotes(extract_quotes(text, "t", DEC_4))
    assert ranked[0].speaker == "Andrii Sybiha"
    assert [q.speaker for q in ranked[1:]] == [None, None]
    assert quote_score(ranked[0]) > quote_score(ranked[1]) >= quote_score(ranked[2])


def test_an_official_outranks_a_named_speaker_who_outranks_a_described_one_then_nobody() -> None:
    official = only("“We will not give up a single metre of our land, whatever Moscow demands,” said Andrii "
                    "Sybiha, Ukraine’s foreign minister.")
    assert official.role == "Ukraine’s foreign minister"
    named = dataclasses.replace(official, role=None)
    described = dataclasses.replace(official, speaker=None, role=None, attribution=None,
                                    described="a European diplomat briefed on the talks")
    nobody = dataclasses.replace(described, described=None)
    scores = [quote_score(q) for q in (official, named, described, nobody)]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == 4


def test_quoted_words_are_phrases_of_two_words_or_more_not_names() -> None:
    text = ("The aide confirmed that “no  Compromise” was reached; the “Coalition of the Willing” will meet, "
            "and Kyiv called the plan “unacceptable.”")
    assert quoted_words(text) == {"no compromise"}


def test_guillemets_quote_as_other_quotation_marks_do() -> None:
    """A translated or European outlet quotes in « »: the words are a quotation, with their speaker."""
    text = ("Umerov reported on the results in his Telegram channel on Sunday. «We worked constructively and in "
            "detail. The security guarantees document is in its final stage», Rustem Umerov wrote.\n")
    [quote] = extract_quotes(text, "s", DEC_4)
    assert quote.text == "We worked constructively and in detail. The security guarantees document is in its final stage"
    assert quote.speaker == "Rustem Umerov"
    assert quote_marks("a «few words» here", 0, 18) == [(2, 12)]
