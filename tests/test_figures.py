"""Key figures: numbers with a unit and a measure; years, dates, times and ordinals are not figures."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from brief.figures import Figure, extract_figures, out_of_its_sentence
from brief.workspace import Workspace


def figures_of(workspace: Workspace, source_id: str) -> list[Figure]:
    source = workspace.corpus.get(source_id)
    return extract_figures(source.text, source.id, source.date)


def by_text(figures: list[Figure], text: str) -> Figure:
    matching = [f for f in figures if f.text == text]
    assert len(matching) == 1, [f.text for f in figures]
    return matching[0]


# --- the shipped articles ----------------------------------------------------------------------

def test_figures_point_into_their_source(shipped_workspace: Workspace) -> None:
    total = 0
    for source in shipped_workspace.corpus.sources:
        for figure in extract_figures(source.text, source.id, source.date):
            total += 1
            assert source.text[figure.figure_start:figure.figure_end] == figure.text
            assert figure.start <= figure.figure_start < figure.figure_end <= figure.end
            assert figure.measure, figure
    assert total >= 12


def test_plan_points_are_figures(shipped_workspace: Workspace) -> None:
    for source_id in ("000_0207c4399900d62a", "002_e759f5f9dd5bc10b", "003_5b825d6438a3e144"):
        plan = by_text(figures_of(shipped_workspace, source_id), "28-point")
        assert (plan.value, plan.unit, plan.category) == (28.0, "points", "plan")
    scaled_down = by_text(figures_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "20 points")
    assert (scaled_down.value, scaled_down.unit) == (20.0, "points")
    proposal = by_text(figures_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "20-point")
    assert proposal.measure == "U.S. peace proposal"


def test_casualties_and_territory_in_the_analysis(shipped_workspace: Workspace) -> None:
    figures = figures_of(shipped_workspace, "000_0207c4399900d62a")
    share = by_text(figures, "0.77%")
    # "… estimates Russia has gained 0.77% of Ukrainian territory this year at severe cost."
    assert (share.value, share.unit, share.category) == (0.77, "%", "territory")
    assert share.measure == "Ukrainian territory gained by Russia this year"
    deaths = by_text(figures, "19,000")
    assert (deaths.value, deaths.unit, deaths.qualifier) == (19_000.0, "deaths", "around")
    assert deaths.measure == "Russian military deaths in 2025"
    since = by_text(figures, "156,000")  # "…, and 156,000 since the full-scale invasion began"
    assert (since.unit, since.measure) == ("deaths", "Russian military deaths since the full-scale invasion began")
    losses = by_text(figures, "1 million")
    assert (losses.value, losses.category, losses.qualifier) == (1e6, "casualties", "close to")
    assert losses.measure == "Russian troops killed or wounded"
    regions = by_text(figures, "four")
    assert (regions.value, regions.unit, regions.measure) == (
        4.0, "regions", "eastern Ukrainian regions claimed by the Kremlin")
    countries = by_text(figures, "30")
    assert (countries.unit, countries.qualifier) == ("countries", "more than")
    exchanges = by_text(figures, "Three")
    assert (exchanges.value, exchanges.category) == (3.0, "prisoners")
    zone = by_text(figures, "20-kilometer")
    assert (zone.value, zone.unit, zone.measure) == (20.0, "km", "kill zone")


def test_donbas_share(shipped_workspace: Workspace) -> None:
    share = by_text(figures_of(shipped_workspace, "002_e759f5f9dd5bc10b"), "25 per cent")
    # "… withdraw from the remaining 25 per cent of the Donbas region still under Kyiv’s control."
    assert (share.value, share.unit, share.measure) == (25.0, "%", "Donbas region still under Kyiv’s control")


def test_years_are_not_figures(shipped_workspace: Workspace) -> None:
    for source in shipped_workspace.corpus.sources:
        years = {float(y) for y in re.findall(r"\b(?:19|20)\d\d\b", source.text)}
        assert years, source.id  # every shipped article names a year; none may come out as a figure
        for figure in extract_figures(source.text, source.id, source.date):
            assert figure.value not in years, figure


# --- small texts -------------------------------------------------------------------------------

def figures(text: str) -> list[Figure]:
    return extract_figures(text, "t", None)


def test_an_army_cap() -> None:
    cap, before = figures("The plan would cap Ukraine's armed forces at 600,000, down from about 880,000 now.")
    assert (cap.text, cap.value, cap.unit, cap.category) == ("600,000", 600_000.0, "troops", "troops")
    assert cap.measure == "Ukraine's armed forces cap"
    assert (before.value, before.qualifier, before.measure) == (880_000.0, "about", "Ukraine's armed forces cap")


def test_money_is_scaled_and_has_a_currency() -> None:
    loan, aid = figures("The EU agreed a €90 billion loan for Ukraine, and the U.S. pledged $1.5bn in military aid.")
    assert (loan.value, loan.unit, loan.category, loan.measure) == (90e9, "EUR", "money", "loan")
    assert (aid.text, aid.value, aid.unit, aid.measure) == ("$1.5bn", 1.5e9, "USD", "military aid")


def test_what_a_percentage_or_a_sum_measures() -> None:
    growth, inflation = figures("Russia's GDP growth slowed to 1% this year while inflation reached 8.5%.")
    assert (growth.measure, growth.category) == ("Russia's GDP growth", "share")
    assert (inflation.value, inflation.measure) == (8.5, "inflation")
    (held,) = figures("Russia occupies 20 percent of Ukraine after almost four years of war.")
    assert (held.value, held.category, held.measure) == (20.0, "territory", "Ukraine occupied by Russia")
    (kept,) = figures("Kyiv still holds about 30% of the Donetsk region, held by Ukrainian forces since 2014.")
    assert kept.measure == "Donetsk region held by Kyiv"
    (most,) = figures("Russia controls nearly all of Luhansk and about 75% of Donetsk.")  # who, earlier in the clause
    assert most.measure == "Donetsk controlled by Russia"
    (spent,) = figures("The U.S. has spent $66bn on military aid since 2022.")
    assert (spent.value, spent.measure) == (66e9, "military aid")


@pytest.mark.parametrize(("text", "measure"), [
    # the state the sentence gives the whole: "90 % | issues" said nothing of what the 90 per cent are
    ("An American official told reporters that 90 per cent of the issues between Washington and Kyiv had now been "
     "settled.", "issues settled"),
    ("About 20 per cent of the text has not yet been agreed, a diplomat said.", "text not agreed"),
    ("Some 60 per cent of Ukrainians are opposed to any territorial concession, a poll found.", "Ukrainians opposed"),
    # none given: the whole alone
    ("Turnout was 60 per cent of registered voters.", "registered voters"),
    ("Only 40 per cent of the aid, which was pledged in March, has arrived.", "aid"),
    # a verb of another clause, or of another subject, is no state of the whole
    ("About 30 per cent of voters said the plan was flawed.", "voters"),
    ("About 60 per cent of respondents believe the war has reached a stalemate.", "respondents"),
    ("About 60 per cent of respondents in a poll that was published on Monday oppose the plan.", "respondents"),
    ("About 40 per cent of the residents whose homes were destroyed have returned.", "residents"),
    ("About 40 per cent of the weapons that Washington had promised were delivered.", "weapons"),
    # a relative clause without "that": its subject is who did it, not part of the whole
    ("Only 40 per cent of the funds Kyiv requested have arrived.", "funds"),
    ("Russia now holds 90 per cent of the land Moscow claims in the east.", "land held by Russia"),
    ("About 30 per cent of the Donbas region is contested.", "Donbas region"),
    ("About 40 per cent of the aid Washington pledged has arrived.", "aid"),
    ("About 30 per cent of the land Russia now holds has been mined.", "land"),
    ("About 40 per cent of the aid President Trump promised has arrived.", "aid"),
    ("Only 10 per cent of the aid the United States promised has arrived.", "aid"),
    # a proper adjective before a plural noun is part of the whole, not a clause's subject
    ("About 90 per cent of the Russian forces in the region are conscripts.", "Russian forces"),
    ("About 80 per cent of the Russian drones were shot down.", "Russian drones"),
    ("Some 40 per cent of the US weapons pledged have arrived.", "US weapons"),
    ("Some 70 per cent of frozen Russian assets are in Belgium.", "frozen Russian assets"),
    # a name after "of" is part of the whole
    ("About 40 per cent of the population of the Kharkiv Region has fled.", "population of the Kharkiv Region"),
    ("Nearly 90 per cent of members of the European Parliament voted for it.", "members of the European Parliament"),
])
def test_a_share_says_what_became_of_its_whole(text: str, measure: str) -> None:
    (share,) = figures(text)
    assert (share.unit, share.measure) == ("%", measure)


def test_a_share_in_words_is_a_percentage_of_what_it_is_a_share_of() -> None:
    (held,) = figures("Russia controls nearly all of Luhansk and about three-quarters of Donetsk.")
    assert (held.text, held.value, held.unit, held.qualifier) == ("three-quarters", 75.0, "%", "about")
    assert (held.category, held.measure) == ("territory", "Donetsk controlled by Russia")
    (needs,) = figures("Costa said the loan would cover about two-thirds of Ukraine's financing needs for 2026.")
    assert (needs.text, needs.value, needs.category, needs.measure) == (
        "two-thirds", 66.67, "share", "Ukraine's financing needs")
    (third,) = figures("A third of the country's power plants were damaged.")
    assert (third.text, third.value) == ("A third", 33.33)


@pytest.mark.parametrize("text", [
    "Talks are expected to resume in the first half of 2026.",  # a period
    "A quarter of a century has passed since the memorandum.",
    "Half of them said they would vote against the deal.",  # a share of nobody named
    "Kyiv would pull out of the roughly fifth of Donetsk it still controls.",  # whose, the sentence does not say
    "The third of the points concerns sequencing.",  # an ordinal
])
def test_what_is_no_share_in_words(text: str) -> None:
    assert [f.text for f in figures(text) if f.unit == "%"] == []


def test_ranges_and_contingents() -> None:
    (spread,) = figures("Between 10,000 and 20,000 troops could be deployed to the line.")
    assert (spread.value, spread.upper, spread.unit) == (10_000.0, 20_000.0, "troops")
    (force,) = figures("A 2,000-strong contingent would be stationed along the line.")
    assert (force.value, force.unit, force.measure) == (2000.0, "troops", "contingent")


def test_prisoners_and_casualties() -> None:
    (swap,) = figures("Some 1,200 prisoners were exchanged on Friday, the largest swap of the war.")
    assert (swap.value, swap.unit, swap.category, swap.measure, swap.qualifier) == (
        1200.0, "prisoners", "prisoners", "prisoners exchanged", "some")
    killed, wounded = figures("At least 12 civilians were killed and 40 wounded in the strike on Kharkiv.")
    assert (killed.value, killed.category, killed.measure, killed.qualifier) == (
        12.0, "casualties", "civilians killed", "at least")
    assert (wounded.value, wounded.category) == (40.0, "casualties")


def test_area_and_distance() -> None:
    share, area = figures("Russia now controls about 19% of Ukraine's territory, or roughly 116,000 square kilometres.")
    assert (share.value, share.category, share.measure) == (19.0, "territory", "Ukraine's territory controlled by Russia")
    assert (area.value, area.unit, area.qualifier) == (116_000.0, "km²", "roughly")
    near, zone = figures("Troops would pull back 15 km from the line, and a 40-mile buffer zone would follow.")
    assert (near.value, near.unit) == (15.0, "km")
    assert (zone.value, zone.unit, zone.measure) == (40.0, "mi", "buffer zone")


def test_a_distance_in_other_units_is_one_figure_and_a_width_says_of_what() -> None:
    """Audit of session 41: "a demilitarised strip 15 km (9 miles) wide" gave two rows, "15 km | distance" and
    "9 miles | distance": one distance, and it measures the strip's width."""
    [strip] = figures("The text also sketches a demilitarised strip 15 km (9 miles) wide on each side of the line.")
    assert (strip.value, strip.unit, strip.measure) == (15.0, "km", "width of demilitarised strip")
    [zone] = figures("A buffer zone some 30 km deep would separate the two armies.")
    assert (zone.value, zone.measure, zone.qualifier) == (30.0, "depth of buffer zone", "some")
    near, far = figures("Troops pulled back 15 km, then another 40 km (25 miles).")  # each converted once
    assert (near.value, far.value, far.unit) == (15.0, 40.0, "km")
    [zone] = figures("A 15 km (9-mile) buffer zone would follow.")
    assert (zone.value, zone.unit, zone.measure) == (15.0, "km", "buffer zone")
    [convoy] = figures("The satellite images show a 40 km long convoy.")
    assert convoy.measure == "length of convoy"
    [front] = figures("The front line is 1,200 km (750 miles) long.")
    assert front.measure == "length of front line"
    # A second distance in parentheses that is not the first in other units is a figure of its own; "deep inside"
    # says where, not how deep.
    assert [f.value for f in figures("Russian forces advanced 12 km (7 km of it near Pokrovsk) this week.")] == [12, 7]
    [depot] = figures("The drones struck an oil depot 30 km deep inside Russia.")
    assert not depot.measure.startswith("depth")


@pytest.mark.parametrize("text", [
    "The page was updated 3 hours ago and read by 33 readers in the last 5 minutes.",
    "Talks began on Dec. 17 at 10:30 in Geneva, on 4 December 2025 and again on the 17th.",
    "In 2014 Russia seized Crimea; the 2022 invasion followed, and the 1991 borders are at stake.",
    "The war, now in its fourth year, entered a new phase; the four-year-old conflict goes on.",
    "1. Prolonged conflict is likely, and 2. tensions will intensify over the next 12 months.",
])
def test_years_dates_times_and_ordinals_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_a_count_the_verb_gives_a_meaning_and_a_projection() -> None:
    (deaths,) = figures("The count of Russian military deaths in 2025 reached 25,000 by the end of the year.")
    assert (deaths.value, deaths.unit, deaths.measure) == (25_000.0, "deaths", "count of Russian military deaths in 2025")
    assert figures("The index reached 25,000 by the end of the year.") == []  # nothing says what it counts
    losses, regions = figures("It would take more than four years—and potentially cost nearly 2 million "
                              "Russian casualties—to occupy all four eastern regions.")
    assert (losses.value, losses.measure) == (2e6, "projected Russian casualties")
    assert (regions.value, regions.measure) == (4.0, "eastern regions")  # not a count of losses: as written
    (counted,) = figures("Russia has suffered nearly 2 million casualties since the invasion began.")
    assert not counted.measure.startswith("projected")


def test_losses_count_casualties_or_deaths_whatever_noun_counts_them() -> None:
    # "close to 1 million Russian troops have been killed or wounded": casualties, beside "2 million casualties"
    (losses,) = figures("CSIS estimates close to 1 million Russian troops have been killed or wounded overall.")
    assert (losses.unit, losses.category, losses.measure) == ("casualties", "casualties",
                                                              "Russian troops killed or wounded")
    (killed,) = figures("About 5,000 Ukrainian soldiers were killed in the battle.")
    assert (killed.unit, killed.category, killed.measure) == ("deaths", "casualties", "Ukrainian soldiers killed")


@pytest.mark.parametrize(("text", "unit", "measure"), [
    ("The missile strike on Dnipro killed 25 people on Sunday.", "deaths", "people killed"),
    ("A Russian strike killed at least 12 civilians in Kharkiv.", "deaths", "civilians killed"),
    ("The shelling wounded 40 civilians in Kherson.", "casualties", "civilians wounded"),
    ("Russia has lost 400,000 troops since the invasion began.", "casualties", "troops lost"),
])
def test_a_verb_of_loss_before_the_number(text: str, unit: str, measure: str) -> None:
    (loss,) = figures(text)
    assert (loss.unit, loss.category, loss.measure) == (unit, "casualties", measure)


def test_a_cap_keeps_what_it_caps_when_a_count_noun_follows_the_number() -> None:
    cap, original = figures("The draft would cap Ukraine's armed forces at 800,000 personnel in peacetime, "
                            "a ceiling above the 600,000 figure in the original U.S. plan.")
    assert (cap.value, cap.unit, cap.measure) == (800_000.0, "troops", "Ukraine's armed forces cap")
    assert (original.value, original.unit, original.measure) == (
        600_000.0, "troops", "Ukraine's armed forces cap in the original U.S. plan")


def test_line_by_line_is_not_part_of_what_a_plan_counts() -> None:
    (plan,) = figures("Ukrainian negotiators went through the updated 20-point document line by line.")
    assert (plan.unit, plan.measure) == ("points", "document")


def test_money_measures_the_thing_it_is_the_sum_of() -> None:
    (loan,) = figures("EU leaders decide whether to fund a loan of up to 90 billion euros for Ukraine next year.")
    assert (loan.value, loan.unit, loan.qualifier, loan.measure) == (90e9, "EUR", "up to", "loan for Ukraine")
    (agreed,) = figures("The European Union starts disbursing the 90 billion euro loan agreed last week.")
    assert (agreed.text, agreed.value, agreed.unit, agreed.measure) == ("90 billion euro", 90e9, "EUR", "loan")


@pytest.mark.parametrize(("text", "measure"), [
    ("The 27 instead agreed to raise €90bn through joint borrowing backed by the EU budget.",
     "funding raised through joint borrowing"),
    ("EU leaders agreed to lend Ukraine €90bn over the next two years.", "loan to Ukraine"),
    ("Germany pledged €2bn.", "pledge"),
    ("The EU committed €50bn through the Ukraine Facility.", "funding committed through Ukraine Facility"),
    ("The United States has spent more than $60 billion since 2022.", "spending"),
    # "for" a time says for how long, not for what; "for" a name, who gets the sum
    ("EU leaders agreed to lend Ukraine 90 billion euros for 2026 and 2027.", "loan to Ukraine"),
    ("The fund will provide €5bn for two years.", "funding"),
    ("Europe has also found 90 billion euros for Ukraine this week.", "funding for Ukraine"),
    ("The 27 agreed to raise €90bn for Kyiv through joint borrowing.", "funding raised for Kyiv"),
    ("Brussels pledged €2bn for Ukraine's reconstruction.", "Ukraine's reconstruction"),
])
def test_a_sum_measures_what_its_verb_does_with_it(text: str, measure: str) -> None:
    (money,) = figures(text)
    assert (money.category, money.measure) == ("money", measure)


def test_a_sum_with_neither_a_noun_nor_a_verb_of_funding_measures_nothing() -> None:
    (money,) = figures("Officials put the figure at €90bn.")
    assert money.measure == ""


@pytest.mark.parametrize("text", [
    "The document leaves the land to the presidents, according to two people familiar with its contents.",
    "Kyiv has not accepted the idea and Moscow has dismissed it, the two people said.",
    "Three diplomats briefed on the talks said the text was close to final, and two sources confirmed it.",
])
def test_the_sources_of_a_report_are_not_a_figure(text: str) -> None:
    assert figures(text) == []


def test_places_taken_say_where() -> None:
    (villages,) = figures("Russian forces claimed the capture of two villages in the Zaporizhzhia region.")
    assert (villages.unit, villages.category, villages.measure) == (
        "villages", "territory", "villages in the Zaporizhzhia region")


def test_regions_someone_claims() -> None:
    (claimed,) = figures("The principles include Ukraine's withdrawal from four regions Moscow claims.")
    assert (claimed.unit, claimed.measure) == ("regions", "regions Moscow claims")
    # in the passive: without "claimed by the Kremlin" the row would read as Ukraine's four eastern regions
    (passive,) = figures("He has vowed to occupy all four eastern Ukrainian regions claimed by the Kremlin.")
    assert (passive.unit, passive.measure) == ("regions", "eastern Ukrainian regions claimed by the Kremlin")
    (held,) = figures("Kyiv wants back the two regions still held by Russian forces.")
    assert held.measure == "regions still held by Russian forces"
    (named,) = figures("Kyiv will not give up the four regions claimed by Russian President Vladimir Putin.")
    assert named.measure == "regions claimed by Russian President Vladimir Putin"


def test_regions_that_only_say_where_something_happened_are_not_territory() -> None:
    attack = ("Overnight Russia launched 410 drones and 38 missiles at Ukraine, the Ukrainian air force said, "
              "targeting power plants and substations in six regions.")
    assert [f.unit for f in figures(attack)] == ["drones", "missiles"]
    (asked,) = figures("Putin demands Ukraine's withdrawal from four regions.")
    assert (asked.unit, asked.category) == ("regions", "territory")


def test_a_sum_per_year_is_not_a_sum_of_years() -> None:
    (need,) = figures("Kyiv needs $40bn a year for its budget.")
    assert (need.value, need.measure) == (40e9, "budget per year")


@pytest.mark.parametrize(("text", "measure"), [
    # w9: without what is priced, the row read "27.9 euros | EUR | per megawatt hour"
    ("Dutch front-month gas slipped 2.4% to 27.9 euros per megawatt hour.",
     "Dutch front-month gas price per megawatt hour"),
    ("Brent crude rose to $63.10 a barrel.", "Brent crude price per barrel"),
    ("Officials said it would cost $40 per barrel.", "price per barrel"),
])
def test_a_price_measures_what_is_priced_by_its_unit(text: str, measure: str) -> None:
    [price] = [f for f in figures(text) if f.category == "money"]
    assert price.measure == measure


def test_a_share_of_people_who_answer_a_poll() -> None:
    (poll,) = figures("About 60 per cent of Ukrainians reject any territorial concessions, a poll showed.")
    assert (poll.value, poll.category, poll.measure) == (60.0, "share", "Ukrainians")


def test_a_sum_followed_by_a_time_is_measured_by_its_subject() -> None:
    (gap,) = figures("Kyiv's budget gap is $45 billion next year.")
    assert (gap.value, gap.measure) == (45e9, "Kyiv's budget gap")


@pytest.mark.parametrize(("text", "published", "found"), [
    ("Overnight Russia launched 410 drones and 38 missiles at Ukraine, the air force said.", dt.date(2025, 12, 9),
     [("410", "drones", "drones launched in the night to 9 December 2025"),
      ("38", "missiles", "missiles launched in the night to 9 December 2025")]),
    ("Air defences shot down 41 drones overnight.", None, [("41", "drones", "drones shot down overnight")]),
    ("Russia builds 2,000 Shahed drones a month.", None, [("2,000", "drones", "Shahed drones")]),
])
def test_drones_and_missiles_of_an_attack_are_figures_with_their_night(text: str, published, found) -> None:
    figures = extract_figures(text, "x", published)
    assert [(f.text, f.unit, f.measure) for f in figures] == found
    assert {f.category for f in figures} == {"strikes"}


@pytest.mark.parametrize(("sentence", "written", "unit", "shown"), [
    ("Washington drafted a 28-point plan for the talks.", "28-point", "points", "28"),
    ("The revised peace plan now has 20 points.", "20 points", "points", "20"),
    ("Russia has gained 0.77% of Ukrainian territory this year.", "0.77%", "%", "0.77"),
    ("Kyiv still holds 25 per cent of the Donbas region.", "25 per cent", "%", "25"),
    ("Russia now controls roughly 116,000 square kilometres of Ukraine.", "roughly 116,000 square kilometres", "km²",
     "roughly 116,000"),
    ("Troops would pull back 15 km from the line.", "15 km", "km", "15"),
    ("A 2,000-strong contingent would be stationed along the line.", "2,000-strong", "troops", "2,000"),
    ("Between 10,000 and 20,000 troops could be deployed to the line.", "10,000 and 20,000", "troops",
     "10,000 and 20,000"),
    ("The plan would cap Ukraine's armed forces at about 800,000.", "about 800,000", "troops", "about 800,000"),
    # a sum keeps its sign or word: the Unit column gives a code, and "300bn | USD" reads worse
    ("The EU froze roughly $300bn of Russian central bank assets.", "roughly $300bn", "USD", "roughly $300bn"),
    ("Leaders agreed a loan of up to 90 billion euros for Ukraine.", "up to 90 billion euros", "EUR",
     "up to 90 billion euros"),
    # a share in words is all number, its unit shown as "share"
    ("Russia controls about three-quarters of Donetsk.", "about three-quarters", "%", "about three-quarters"),
])
def test_a_row_shows_the_number_and_leaves_the_unit_to_its_own_column(sentence: str, written: str, unit: str,
                                                                      shown: str) -> None:
    """A Key figures row read "28-point | points" and "0.77% | %", the unit twice, beside "800,000 | troops"."""
    [figure] = [f for f in figures(sentence) if f.written == written]
    assert (figure.unit, figure.shown) == (unit, shown)


@pytest.mark.parametrize(("written", "shown"), [
    ("Three", "three"), ("Around 19,000", "around 19,000"), ("about 25", "about 25"),
    ("US$300bn", "US$300bn"), ("EU-wide 90bn", "EU-wide 90bn"), ("19,000", "19,000"), ("€90bn", "€90bn"),
])
def test_a_figure_out_of_its_sentence_loses_only_a_sentence_starts_capital(written: str, shown: str) -> None:
    assert out_of_its_sentence(written) == shown
