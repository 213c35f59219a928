"""The time stage: each rule on a real news sentence, with the exact TIMEX3 value it must give."""

from __future__ import annotations

from newsgraph.stages.times import (
    TimeStage,
    duration_value,
    find_mentions,
    parse_anchor,
    parse_number,
    weekday_date,
)
from tests.docs import parsed


def times_of(text: str, published: str | None = None, anchor: str | None = None) -> list[dict]:
    """The time stage alone, anchored on `anchor` (as the published stage writes it), else on
    the given publication date when it is a full date."""
    doc = parsed(text, published)
    given = parse_anchor(published)
    doc._.anchor_date = anchor or (given.isoformat() if given else None)
    return TimeStage()(doc)._.times


def values(text: str, published: str | None = None, anchor: str | None = None,
           ) -> dict[str, str]:
    times = times_of(text, published, anchor)
    for time in times:
        assert text[time["start"]:time["end"]] == time["text"]
    return {time["text"]: time["value"] for time in times}


def test_past_tense_weekday_is_the_last_one_on_or_before_the_anchor():
    text = ("Up to 1,000 coal miners rallied on Wednesday in support of armed pro-Russian "
            "separatists. The separatists prevented voters from taking part in Ukraine's "
            "presidential election on Sunday.")
    assert values(text, "2014-05-28") == {"Wednesday": "2014-05-28",
                                                     "Sunday": "2014-05-25"}


def test_future_weekday_is_the_next_one():
    text = "The two presidents will meet on Friday in Geneva to discuss the ceasefire."
    assert values(text, "2014-05-28") == {"Friday": "2014-05-30"}
    text = "The trial is set to begin on Wednesday in the Royal Courts of Justice."
    assert values(text, "2006-03-28") == {"Wednesday": "2006-03-29"}


def test_weekday_arithmetic_looks_the_right_way():
    from datetime import date

    wednesday = date(2014, 5, 28)
    assert weekday_date(wednesday, 3, "past") == wednesday  # the day itself, not a week back
    assert weekday_date(wednesday, 3, "last") == date(2014, 5, 21)
    assert weekday_date(wednesday, 1, "future") == date(2014, 6, 2)
    assert weekday_date(wednesday, 4, "nearest") == date(2014, 5, 29)


def test_month_in_a_past_sentence_is_the_latest_before_the_anchor():
    text = ("The separatists say Kiev's authorities seized power after mass street protests "
            "toppled President Viktor Yanukovych in February.")
    assert values(text, "2014-05-28") == {"February": "2014-02"}
    text = "Congressional lawmakers rejected the proposal in December."
    assert values(text, "2005-01-10") == {"December": "2004-12"}


def test_month_in_a_future_sentence_is_the_next_one():
    text = "The transaction should be completed in October."
    assert values(text, "2009-06-05") == {"October": "2009-10"}
    text = "The company said the new plant will open in March."
    assert values(text, "2009-06-05") == {"March": "2010-03"}


def test_last_month_next_month_this_year_last_year():
    text = ("US State Department spokesperson Ned Price last month criticised Russian "
            "suggestions. Japan's ANA will now receive the aircraft next month. Ford lost "
            "US$1.6 billion last year and expects a profit this year.")
    got = values(text, "2022-08-17")
    assert got["last month"] == "2022-07"
    assert got["next month"] == "2022-09"
    assert got["last year"] == "2021"
    assert got["this year"] == "2022"


def test_years_ago_counts_back_from_the_anchor():
    text = ("The people of the Donbas region are fighting to regain their freedom just as the "
            "Korean people did 77 years ago.")
    assert values(text, "2022-08-17") == {"77 years ago": "1945"}


def test_earlier_this_year_and_the_end_of_this_year_keep_their_modifier_in_the_span():
    text = ("North Korea said earlier this year that it would expand its arsenal, and the plants "
            "will be closed by the end of this year.")
    assert values(text, "2022-08-17") == {"earlier this year": "2022",
                                                     "the end of this year": "2022"}


def test_a_day_after_a_clause_dates_the_narrated_day():
    text = ("Up to 1,000 coal miners rallied on Wednesday. A day after Kiev unleashed warplanes "
            "against the separatists, the miners marched through Donetsk city center.")
    times = times_of(text, "2014-05-28")
    day_after = next(time for time in times if time["text"] == "A day")
    assert day_after["value"] == "2014-05-28"


def test_a_day_after_a_named_date_is_the_next_day():
    text = "The republic was declared a day after May 11, when the referendum was held."
    assert values(text, "2014-05-28")["a day"] == "2014-05-12"


def test_year_less_dates_take_the_nearest_sensible_year():
    text = ("He said the miners backed the DNR, which was declared after a makeshift "
            "referendum on May 11.")
    assert values(text, "2014-05-28") == {"May 11": "2014-05-11"}
    text = "The new iPhone 3.0 software will be available on June 17."
    assert values(text, "2009-06-09") == {"June 17": "2009-06-17"}
    text = "Apple's profits rose in the quarter which ended on December 30."
    assert values(text, "2007-01-18") == {"December 30": "2006-12-30"}


def test_without_an_anchor_values_stay_partial():
    text = ("Miners rallied on Wednesday, after a referendum on May 11 and protests that "
            "toppled Yanukovych in February; the election was held on Sunday.")
    assert values(text) == {"Wednesday": "XXXX-WXX-3", "May 11": "XXXX-05-11",
                                       "February": "XXXX-02", "Sunday": "XXXX-WXX-7"}


def test_absolute_dates_need_no_anchor():
    text = ("Boeing had been suspended since July 24, 2003 after violating federal law. Jobs "
            "was born on February 24, 1955 and the store opened in April 2003, or 4/28/03.")
    got = values(text)
    assert got["July 24, 2003"] == "2003-07-24"
    assert got["February 24, 1955"] == "1955-02-24"
    assert got["April 2003"] == "2003-04"
    assert got["4/28/03"] == "2003-04-28"


def test_durations():
    text = ("She has been with General Motors for 33 years. The release is almost two and a "
            "half years behind schedule after a 12-hour flight, and the plan was pushed back "
            "several years.")
    times = {t["text"]: (t["type"], t["value"]) for t in times_of(text, "2013-12-10")}
    assert times["33 years"] == ("DURATION", "P33Y")
    assert times["almost two and a half years"] == ("DURATION", "P2.5Y")
    assert times["12-hour"] == ("DURATION", "PT12H")
    assert times["several years"] == ("DURATION", "PXY")


def test_duration_values_and_numbers():
    assert duration_value(3, "days") == "P3D"
    assert duration_value(2, "decades") == "P20Y"
    assert duration_value(30, "minutes") == "PT30M"
    assert duration_value(None, "years") == "PXY"
    assert parse_number("twenty-five") == 25
    assert parse_number("several") is None


def test_sets():
    text = ("EADS will supply 179 tankers at a rate of 15 a year. GM posted its first annual "
            "loss since 1992.")
    times = {t["text"]: (t["type"], t["value"]) for t in times_of(text, "2008-03-01")}
    assert times["a year"] == ("SET", "P1Y")
    assert times["annual"] == ("SET", "P1Y")
    assert times["1992"] == ("DATE", "1992")


def test_present_past_and_future_references():
    text = ("The store currently sells music. He said he would not repeat the bad decisions of "
            "the past, and the Falcon may be revived in the future.")
    assert values(text, "2009-06-01") == {"currently": "PRESENT_REF",
                                                     "the past": "PAST_REF",
                                                     "the future": "FUTURE_REF"}


def test_quarters():
    text = ("GM lost US$6 billion in the first quarter of 2009. Apple's profits rose 78 percent "
            "during the last quarter.")
    assert values(text, "2007-01-18") == {"the first quarter of 2009": "2009-Q1",
                                                     "the last quarter": "2006-Q4"}


def test_clock_times_take_the_day_beside_them():
    text = ("The 787 made its first test flight Tuesday in Everett at 18:00 UTC. GM filed for "
            "bankruptcy at 12:00 UTC Monday.")
    got = values(text, "2009-12-16")
    assert got["Tuesday"] == "2009-12-15"
    assert got["18:00 UTC"] == "2009-12-15T18:00Z"
    assert got["12:00 UTC Monday"] == "2009-12-14T12:00Z"


def test_four_digits_before_a_zone_or_local_time_are_a_clock_not_a_year():
    got = values("Protesters clashed with police from 1800 local time. The curfew starts at "
                 "2200 GMT. The town was founded in 1800.", "2022-08-17")
    assert got["1800 local time"] == "2022-08-17T18:00"
    assert got["2200 GMT"] == "2022-08-17T22:00Z"
    assert got["1800"] == "1800"


def test_weeks_and_weekends():
    text = ("Senator McCain made a speech last week. The glitch only became public this "
            "weekend.")
    assert values(text, "2004-11-24") == {"last week": "2004-W47",
                                                     "this weekend": "2004-W48-WE"}


def test_the_same_period_last_year_is_the_period_just_named_a_year_back():
    text = ("Ford's sales rose 43% in February compared to the same period last year.")
    assert values(text, "2010-03-03") == {"February": "2010-02",
                                                     "the same period last year": "2009-02"}


def test_spans_leave_out_the_preposition():
    text = "In July, North Korea recognised the two republics. KCNA reported on Wednesday."
    times = times_of(text, "2022-08-17")
    assert [t["text"] for t in times] == ["July", "Wednesday"]
    assert text[times[0]["start"]:times[0]["end"]] == "July"


def test_the_published_stage_anchor_wins_over_the_input():
    text = "KCNA reported on Wednesday that Pushilin had sent a message."
    assert values(text, None, anchor="2022-08-17") == {"Wednesday": "2022-08-17"}


def test_counts_prices_and_modals_are_not_times():
    text = ("The DC-9 family sold over 2,400 units at $1999 each; prices may rise, and "
            "3,800 attendees came. A second A380 flew, and about a quarter of dealers closed.")
    assert [text[m.start:m.end] for m in find_mentions(text)] == []


def test_ages_are_not_durations_but_ranges_of_days_are():
    text = ("A boy around six to eight years of age was hurt; she is 55 years old. The process "
            "would take between 60 and 90 days.")
    assert [text[m.start:m.end] for m in find_mentions(text)] == ["60", "90 days"]


def test_fiscal_years_get_a_contract_value():
    from newsgraph.stages.times import TIMEX3_VALUE, iter_values

    values = dict(iter_values("The company expects a loss in fiscal 2018.", None))
    assert all(TIMEX3_VALUE.fullmatch(value) for value in values.values())
    assert TIMEX3_VALUE.fullmatch("2014-05-28T14:30") and TIMEX3_VALUE.fullmatch("P3D")
    assert not TIMEX3_VALUE.fullmatch("FY2018")


def test_patterns_run_near_their_triggers_find_what_a_full_scan_finds(shared):
    """The grammar runs only within reach of a digit, a month, a unit or a time word: on the
    dev articles it must find exactly the matches of running every pattern over all the text."""
    import json

    from newsgraph.stages.times import _candidates

    def spans(mentions):
        return sorted((m.priority, m.start, m.end, tuple(sorted(m.groups.items())))
                      for m in mentions)

    checked = 0
    for name in ("times", "quotes", "places-trnews"):
        with open(shared / "dev" / name / "articles.jsonl", encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line)["text"]
                assert spans(_candidates(text)) == spans(_candidates(text, windowed=False))
                checked += 1
    assert checked >= 290


def test_a_time_far_from_other_triggers_is_still_found():
    text = ("x " * 200) + "The vote was held on Sept. 14, 2019, and again three weeks later." \
        + (" y" * 200)
    found = [text[m.start:m.end] for m in find_mentions(text)]
    assert found == ["Sept. 14, 2019", "three weeks later"]


def test_a_number_that_counts_or_measures_is_not_a_year():
    text = ("The Russian-backed offensive in eastern Ghouta has killed more than 1600 civilians "
            "and wounded thousands, rescuers said.")
    assert values(text, "2018-03-10") == {}
    assert values("The meal plan holds 1694 kcal a day.", "2020-05-01") == {"a day": "P1D"}
    assert values("He finished with a total score of 2072.", "2020-05-01") == {}
    assert values("The team finished with a total score of 2072 points.", "2020-05-01") == {}
    assert values("The results of 2014 elections were disputed.", "2020-05-01") == {
        "2014": "2014"}  # "of" after no measure noun: a year


def test_a_year_before_a_noun_stays_a_year_after_a_determiner_or_a_preposition():
    text = "The 2016 election was close, and in 2014 elections were held early."
    assert values(text, "2018-01-10") == {"2016": "2016", "2014": "2014"}
    text = "Or take the liberal internationalist 2011 intervention in Libya."
    assert values(text, "2019-12-23") == {"2011": "2011"}
    text = "She has met Kurt Browning, and 2014 Olympic silver medallist Patrick Chan."
    assert values(text, "2017-01-10") == {"2014": "2014"}


def test_a_planned_event_looks_ahead_and_a_past_plan_back():
    assert values("His sentencing is scheduled for Feb. 14.", "2019-11-20") == {
        "Feb. 14": "2020-02-14"}
    assert values("The hearing was scheduled for Feb. 14.", "2019-11-20") == {
        "Feb. 14": "2019-02-14"}
    assert values("The vote is due on March 3.", "2019-11-20") == {"March 3": "2020-03-03"}


def test_sets_of_weekdays_parts_of_days_and_every_other_unit():
    text = ("The market opens every Monday and on Sundays; volunteers meet every morning and "
            "the council every other week.")
    times = times_of(text, "2019-11-20")
    assert {t["text"]: (t["type"], t["value"]) for t in times} == {
        "every Monday": ("SET", "XXXX-WXX-1"), "Sundays": ("SET", "XXXX-WXX-7"),
        "every morning": ("SET", "XXXX-XX-XXTMO"), "every other week": ("SET", "P2W")}


def test_the_year_previous_counts_from_the_year_the_sentence_named():
    text = ("Ford Motors posts US$2.7 billion annual profit. The company had cut its costs to "
            "$118.3 billion last year, $19.8 billion less than the year previous.")
    assert values(text, "2010-01-28")["the year previous"] == "2008"
    text = "Ford Motor Company sales dropped 42% last month from the previous year."
    assert values(text, "2009-02-03") == {"last month": "2009-01", "the previous year": "2008"}


def test_the_following_year_counts_from_the_year_before_it_not_the_anchor():
    text = "Boeing first flew the jet in 2005. The following year the airline ordered ten."
    assert values(text, "2010-06-01")["The following year"] == "2006"


def test_the_year_before_with_no_time_named_near_counts_from_the_anchor():
    text = "GM said its sales rose sharply. Profits had fallen the year before."
    assert values(text, "2010-05-05") == {"the year before": "2009"}


def test_that_time_is_the_date_last_named_and_needs_one():
    text = ("Fiat will buy the stake in a deal that will be finalized by June 10. If a price is "
            "not agreed on by that time, Fiat will pay the average of the estimates.")
    assert values(text, "2011-05-29") == {"June 10": "2011-06-10", "that time": "2011-06-10"}
    text = "Unfortunately, that day has come."
    assert values(text, "2011-08-25") == {}


def test_a_range_of_years_is_a_duration_beside_its_two_ends():
    text = ("Aer Lingus will receive six new A330-300E aircraft from 2009 to 2011, then between "
            "2014 and 2016 it will take delivery of six new A350 XWB aircraft.")
    times = times_of(text, "2007-06-09")
    assert [(t["text"], t["type"], t["value"]) for t in times] == [
        ("from 2009 to 2011", "DURATION", "P2Y"), ("2009", "DATE", "2009"),
        ("2011", "DATE", "2011"), ("between 2014 and 2016", "DURATION", "P2Y"),
        ("2014", "DATE", "2014"), ("2016", "DATE", "2016")]
    assert values("Sales rose between 2008 and 2005.", "2010-01-01") == {"2008": "2008",
                                                                         "2005": "2005"}


def test_the_one_trigger_search_says_no_trigger_exactly_when_every_kind_says_so(shared):
    """`_ANY_TRIGGER` only skips the per-kind searches for words that hold no trigger of any
    kind: on the words of real dev articles (the cache emptied first) the kinds found are the
    ones each kind's own pattern finds."""
    import json
    import re

    from newsgraph.stages import times

    times._WORD_TRIGGERS.clear()
    with open(shared / "dev" / "times" / "articles.jsonl", encoding="utf-8") as handle:
        words = {w for line in handle for w in re.findall(r"\w+", json.loads(line)["text"])}
    words |= {"time", "Time", "timely", "May", "may", "3rd"}
    with_trigger = 0
    for word in sorted(words):
        expected = tuple(name for name, trigger in times._TRIGGER_PATTERNS.items()
                         if trigger.search(word))
        assert times._word_triggers(word) == expected, word
        with_trigger += bool(expected)
    assert 0 < with_trigger < len(words)
    assert "moment" in times._word_triggers("time")



def test_a_story_told_of_long_ago_keeps_its_year_for_its_months_and_days():
    """HeidelTime's narrative anchoring for a story of long ago: a year of its own a
    generation before the article's that dates a clause starts a story, and the months and
    days of its paragraph's past sentences are that year's, until a time counted from the
    article's date; a recent year, a new paragraph or a present leave them the article's (a
    castle guide, page i, written unseen; a reviewer's texts)."""
    text = ("In the spring of 1644, Sir Thomas Ashcombe declared for the King. In June, a "
            "Parliamentarian force arrived and laid siege to the castle. The garrison held out "
            "until late August and marched out on 4 October.\nIn June, the castle hosts a "
            "fair. Russia invaded in February 2022. In June, its forces struck Kharkiv.")
    found = [(time["text"], time["value"]) for time in times_of(text, "2024-06-27")]
    assert found == [("the spring of 1644", "1644-SP"), ("June", "1644-06"),
                     ("late August", "1644-08"), ("4 October", "1644-10-04"),
                     ("June", "2024-06"), ("February 2022", "2022-02"), ("June", "2024-06")]


def test_a_story_the_article_opens_on_holds_across_its_paragraphs():
    """An article whose first date starts a story of long ago (a battle's centenary, the
    year of revolutions: pages k, written unseen) tells it across paragraphs, as HeidelTime
    reads a narrative: a clock takes the story's day, "170 years ago" starts one, and its own
    "now", a quoted "today" or a time right after its start do not end it; "Today" in the
    article's voice does. A story that does not open the article holds in its paragraph."""
    text = ("One hundred and seventy years ago this week, Paris rose.\nIn February, the "
            "king fled, and the workers who now held the city proclaimed a republic. \"We "
            "are free today,\" one wrote on 25 February.\nOn 23 June, the army attacked at "
            "6 a.m. and took the city.\nToday, a plaque marks the spot. In June, visitors lay "
            "flowers.")
    assert [(t["text"], t["value"]) for t in times_of(text, "2018-06-23")] == [
        ("One hundred and seventy years ago this week", "1848-W25"),
        ("February", "1848-02"), ("now", "PRESENT_REF"), ("today", "2018-06-23"),
        ("25 February", "1848-02-25"), ("23 June", "1848-06-23"),
        ("6 a.m", "1848-06-23T06:00"), ("Today", "2018-06-23"), ("June", "2018-06")]
    text = ("Protesters gathered on Monday.\nIn the spring of 1644, the owner declared for "
            "the King.\nIn June, protesters marched on parliament.")
    assert values(text, "2024-06-27")["June"] == "2024-06"


def test_a_century_ago_today_is_a_day_and_the_next_year_of_a_story_is_its_own():
    """"A hundred years ago today" is one day a century back, and the story's clocks and
    next day follow it; "the next year" told in the past counts from the date before it,
    told ahead from the article; a season's name in a proper name ("the Winter Palace") is
    no season; "3,000 years ago" is no "000 years ago" (a reviewer's texts)."""
    text = ("A hundred years ago today, Red Guards stormed the Winter Palace. At 2 a.m. they "
            "arrested the ministers. The next day, Lenin spoke.")
    assert [(t["text"], t["value"]) for t in times_of(text, "2017-11-08")] == [
        ("A hundred years ago today", "1917-11-08"), ("2 a.m", "1917-11-08T02:00"),
        ("The next day", "1917-11-09")]
    # the week or the month, so many years back (snippets 10, written unseen)
    assert values("Fifty years ago this week, North Vietnamese tanks smashed through the gates "
                  "of the palace. A hundred years ago this month, the bridge opened.",
                  "2025-04-30") == {"Fifty years ago this week": "1975-W18",
                                    "A hundred years ago this month": "1925-04"}
    # so for a recent year too, which starts no story: the weekday after is this week's
    assert [(t["text"], t["value"]) for t in times_of(
        "Twenty years ago this week, students occupied the parliament. Two years ago today, "
        "Russia invaded Ukraine. On Monday, Zelensky spoke.", "2024-02-24")] == [
        ("Twenty years ago this week", "2004-W09"), ("Two years ago today", "2022-02-24"),
        ("Monday", "2024-02-19")]
    # that week is the ISO week of that year's day (a reviewer: no "2010-W53")
    assert values("Ten years ago this week, the dam burst.", "2020-12-31") == {
        "Ten years ago this week": "2010-W52"}
    text = ("On 9 November 1989, the Wall fell. The next year, Germany reunified.\nThe next "
            "year will be hard, he said on Tuesday.")
    assert [(t["text"], t["value"]) for t in times_of(text, "2016-05-31")] == [
        ("9 November 1989", "1989-11-09"), ("The next year", "1990"),
        ("The next year", "2017"), ("Tuesday", "2016-05-31")]
    assert values("More than 3,000 years ago, the city was founded. The siege lasted 1,000 "
                  "days.", "2024-06-01") == {"1,000 days": "P1000D"}
    assert values("The Prague Spring was crushed by Soviet tanks. The Arab Spring began in "
                  "Tunisia. Last Spring was dry.", "2024-06-01") == {"Last Spring": "2023-SP"}


def test_numbers_past_a_hundred_in_words():
    assert values("Two hundred years ago, Napoleon lost. It took a hundred and twenty-five "
                  "days.", "2015-06-18") == {"Two hundred years ago": "1815",
                                             "a hundred and twenty-five days": "P125D"}
    assert parse_number("one hundred and seventy") == 170
    assert parse_number("hundred") == 100


def test_a_year_naming_a_thing_or_a_month_counted_from_the_article_starts_no_story():
    text = ("The 1761 painting set a record when Artcurial sold it last March. In June, the "
            "state blocked its export.")
    assert values(text, "2023-11-08") == {"1761": "1761", "March": "2023-03",
                                          "June": "2023-06"}


def test_old_years_are_times_only_where_they_date():
    text = ("The siege came in the spring of 1356. William landed on 14 October 1066, and "
            "in 1453 the city fell. Police searched 1200 homes in 1500 streets.")
    assert values(text, "2024-06-01") == {
        "the spring of 1356": "1356-SP", "14 October 1066": "1066-10-14", "1453": "1453"}


def test_the_first_half_hour_is_no_half_of_a_year():
    """"For the first half hour" (a match report, page i) names no half of the year."""
    text = "For the first half hour the game was a battle. Profits rose in the first half of 2023."
    assert values(text, "2024-06-01") == {"the first half of 2023": "2023-H1"}


def test_a_weekday_with_a_year_is_a_day_of_that_year():
    """"Palm Sunday 1461" dates a battle of 1461, not the Sunday of the article's week (a
    study of Towton's dead, pages v, written unseen); a count after a weekday is no year."""
    text = ("Many of the men who died at Towton, fought in a snowstorm on Palm Sunday 1461, "
            "were seasoned soldiers.")
    assert values(text, "2021-09-22") == {"1461": "1461"}
    assert values("In Derry, troops fired on marchers on Bloody Sunday 1972.",
                  "2022-01-30") == {"1972": "1972"}
    assert values("On Monday 1500 people marched.", "2021-09-22") == {"Monday": "2021-09-20"}
    # a count after a weekday (a code review's texts)
    assert values("On Friday 1500 to 2000 people marched.", "2021-09-22")["Friday"] == \
        "2021-09-17"
    assert values("Police detained students across Serbia on Saturday, 2000 in Novi Sad "
                  "alone.", "2021-09-22")["Saturday"] == "2021-09-18"


def test_a_sentences_opening_time_starts_a_story_wherever_the_parser_hangs_it():
    """"In the early hours of 13 February 1692, soldiers of the regiment, who had been
    quartered ..., turned on their hosts": the parser hangs the opening phrase on
    "soldiers", but it dates the clause, and the story's month after it is 1692's (pages w,
    written unseen)."""
    text = ("In the early hours of 13 February 1692, soldiers of the regiment, who had been "
            "quartered for two weeks as guests, turned on their hosts. In March, the king "
            "ordered an inquiry.")
    assert values(text, "2025-02-14")["March"] == "1692-03"
