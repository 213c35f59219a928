"""Line features and decisions of the boilerplate detector, on lines written for the purpose.

Each cue is tested from both sides: the boilerplate line it is meant to catch, and a line of
news prose that shares a word with it and must be left alone.
"""

from __future__ import annotations

import pytest

from newsgraph.boilerplate import (
    ADVERTISEMENT,
    AGENCY_FOOTER,
    CAPTION,
    COOKIE,
    COPYRIGHT,
    DONATION_APPEAL,
    NAVIGATION,
    READ_MORE,
    REPEATED,
    SHARE_FOLLOW,
    SUBSCRIPTION_APPEAL,
    LineStats,
    classify,
    credit_at_end,
    features,
    line_label,
    own_reason,
    unquoted,
)


def reason_of(line: str) -> str | None:
    return own_reason(features(line))


def test_quoted_speech_is_not_reader_address() -> None:
    assert unquoted('"We will drive fascism away," he said.') == "  he said."
    assert features('"We will drive fascism away," he said.').pronouns == 0
    assert features("“We need your help,” the mayor said on Monday.").strong == 0
    # a quote left open runs on to the end of the paragraph (multi-paragraph quotes)
    assert features("“If you ask us, we never left. We stayed").pronouns == 0
    assert features("We have a small favor to ask.").pronouns == 1


def test_us_is_not_the_united_states() -> None:
    assert features("The US and Russia met in Geneva on Monday.").pronouns == 0
    assert features("Please support us today.").pronouns == 1


def test_addressed_share_counts_sentences() -> None:
    line = features("Prices rose 3% in May. You can compare them online. We think so.")
    assert line.addressed_share == pytest.approx(2 / 3)
    assert line.pronouns == 2


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("Soldiers near a damaged building in Severodonetsk [File: AP Photo]", True),
        ("A man walks past a damaged building (Photo: Reuters)", True),
        ("Protesters in Tbilisi. Photograph: Irakli Gedenidze/Reuters", True),
        ("The minister at a news conference. AP Photo/Efrem Lukatsky", True),
        ("Rescue workers at the scene on Monday. Getty Images", True),
        ("Jailed journalist released, Baku, April 5, 2018. © 2018 RFE/RL Azeri Service.", True),
        ("The ministry released an image of the site on Monday.", False),
        ("The report (published on Monday) was widely read.", False),
        ("He asked for a photo: the officer refused.", False),
    ],
)
def test_credit_at_end(line: str, credited: bool) -> None:
    assert credit_at_end(line) is credited


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more", READ_MORE),
        ("See also:", READ_MORE),
        ("Related:", READ_MORE),
        ("Most read", READ_MORE),
        ("Advertisement", "advertisement"),
        ("Share this article", SHARE_FOLLOW),
        ("Construction workers", None),
        ("Russia’s ally", None),
        ("Support for the bill grows", None),
    ],
)
def test_line_labels(line: str, reason: str | None) -> None:
    assert line_label(line) == reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Support The Moscow Times!", DONATION_APPEAL),
        ("… we have a small favor to ask.", DONATION_APPEAL),
        ("Subscribe to The Northern Ledger", SUBSCRIPTION_APPEAL),
        ("Sign up for our free newsletter and get the top stories in your inbox.",
         SUBSCRIPTION_APPEAL),
        ("Your tax deductible gift can help stop human rights violations.", DONATION_APPEAL),
        ("Source: News Agencies", AGENCY_FOOTER),
        ("(Reporting by Maria Tsvetkova; Editing by Peter Graff)", AGENCY_FOOTER),
        ("(Copyright ©2018 by The Associated Press. All Rights Reserved.)", COPYRIGHT),
        ("Follow us on Telegram for more stories", SHARE_FOLLOW),
        ("Like us on Facebook; Follow us on Twitter; Daily Newsletter.", SHARE_FOLLOW),
        ("Facebook Twitter Email", SHARE_FOLLOW),
        ("This website uses cookies to improve your experience.", COOKIE),
        ("Read more: Luhansk Rebels Send Reinforcements to Donetsk", READ_MORE),
        ("Click here to read more.", READ_MORE),
        ("A photo of the flooded street in Derna (Picture: Reuters)", CAPTION),
        ("Photo: Rescue workers search the rubble in Derna", CAPTION),
        ("Image caption Rescue workers search the rubble", CAPTION),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert reason_of(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Miners demonstrating on Wednesday in a show of support for the self-proclaimed "
        "“Donetsk People’s Republic.”",
        "Doctors from two American aid groups donated and personally delivered $50,000 "
        "worth of goods to Baghdad University Medical School.",
        "Written by hand, the letter was sent to the ministry.",
        "Source of the leak remains unknown, officials said on Tuesday after a long inquiry.",
        "Facebook post sparks anger",
        '"Support us and we will win," he told the crowd.',
        "Eligible shareholders are entitled to subscribe to two new shares for every three "
        "existing shares.",
        "Girl Scouts sold more cookies this year than last, the organisation said.",
        "Photos show the damage to the bridge after the storm.",
        "Zachary Brooks (Picture: Slidell PD) was arrested on Monday, and police said the "
        "boy had drowned in a pool behind the house, which had no running water, while his "
        "father slept. Officers later found piles of rubbish and suspected drugs in the "
        "house, and the father was charged with negligent homicide. A spokesman said the "
        "investigation was continuing and more charges were possible.",
    ],
)
def test_news_lines_are_kept(line: str) -> None:
    assert reason_of(line) is None


def test_teasers_follow_a_read_more_label() -> None:
    lines = [
        "Flood waters began to recede in the north on Monday.",
        "Related:",
        "Mayor Unveils Plan to Fix Roads",
        "Council Members Clash Over Library Funding",
        "Residents said the clean-up would take weeks.",
    ]
    assert classify(lines) == [None, READ_MORE, READ_MORE, READ_MORE, None]


def test_subheading_in_the_body_is_article_text() -> None:
    body = [f"Paragraph {n} of the report says something new about the talks." for n in range(6)]
    lines = [*body[:3], "Construction workers", *body[3:]]
    assert classify(lines) == [None] * len(lines)


def test_caption_and_its_credited_variant_are_both_captions() -> None:
    lines = [
        "Donetsk leader calls for ties with North Korea",
        "Russian soldiers talk to each other near an apartment building damaged during "
        "fighting in Severodonetsk, Ukraine.",
        "Russian soldiers talk to each other near an apartment building damaged during "
        "fighting between Russian and Ukrainian forces in Severodonetsk [File: AP Photo]",
        "The head of Russian proxy forces in eastern Ukraine has sent a message to Kim.",
    ]
    assert classify(lines) == [None, CAPTION, CAPTION, None]


def test_caption_like_line_without_credit_is_kept() -> None:
    lines = [
        "Miners Rally in Donetsk",
        "Miners demonstrating on Wednesday in a show of support for the separatists.",
        "Up to 1,000 coal miners rallied on Wednesday in support of armed separatists.",
    ]
    assert classify(lines) == [None, None, None]


def test_reader_addressed_paragraph_between_appeals_at_the_tail() -> None:
    body = [f"Paragraph {n} reports what the ministry said about the strike." for n in range(8)]
    middle = "As you may know, our reporters have covered the region for decades."
    lines = [
        *body,
        "We have a small favor to ask.",
        middle,
        "Your support, no matter how small, makes a world of difference.",
    ]
    reasons = classify(lines)
    assert reasons[:8] == [None] * 8
    assert reasons[8:] == [DONATION_APPEAL] * 3
    # the same paragraph in the body, between news paragraphs, stays
    assert classify([*body[:4], middle, *body[4:]]) == [None] * 9


def test_line_stats_counts_articles_not_occurrences() -> None:
    stats = LineStats()
    stats.add("site", "Title one\n\nFollow us\nFollow us\n")
    stats.add("site", "Title two\r\n\r\nFOLLOW  US")
    stats.add("other", "Follow us")
    assert stats.articles_with("site", "Follow us") == 2
    assert stats.articles_with("site", "follow\u00a0us") == 2
    assert stats.articles_with("other", "Follow us") == 1
    assert stats.articles_with("nowhere", "Follow us") == 0
    assert stats.articles_in("site") == 2
    assert stats.articles_in("nowhere") == 0


def test_line_stats_threshold_grows_with_the_group() -> None:
    stats = LineStats()
    for number in range(12):
        shared = "The Baltic Desk" if number < 3 else f"Other line {number}"
        common = "Morning Briefing" if number < 4 else f"Else {number}"
        stats.add("site", f"{shared}\n{common}")
    assert stats.articles_in("site") == 12
    assert not stats.is_repeated("site", "The Baltic Desk")  # 3 of 12: under a third
    assert stats.is_repeated("site", "Morning Briefing")  # 4 of 12


def test_repeated_line_needs_a_cue_when_it_reads_as_a_sentence() -> None:
    sentence = "Officials said the ceasefire would take effect at midnight local time on Sunday."
    label = "The Baltic Desk: weekly politics from Estonia, Latvia and Lithuania"
    lines = ["Talks resume in Riga", "Negotiators met for six hours on Monday in Riga.",
             sentence, label]
    assert classify(lines, [False, False, True, True]) == [None, None, None, REPEATED]


def test_inline_teaser_does_not_start_a_run() -> None:
    lines = [
        "Protesters gathered outside parliament in Tbilisi on Sunday evening.",
        "WATCH: Protesters clash with police in Tbilisi",
        "Police response",
        "Officers used water cannon to disperse the crowd, witnesses said.",
    ]
    assert classify(lines) == [None, READ_MORE, None, None]


def test_repeated_sentence_goes_with_a_cue() -> None:
    news = "The EU pledged fresh support for Ukraine at the summit."
    credit = "This story was produced with support from our readers."
    lines = ["Summit Ends in Brussels", "Leaders met for two days in Brussels.", news, credit]
    assert classify(lines, [False, False, True, True]) == [None, None, None, REPEATED]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # page furniture from real pages (dev/html half A, and the pages quoted in issue #17)
        ("To view the full story, please subscribe to The Haitian Times. You can choose a $60 "
         "Annual Subscription or a $5 Weekly Pass.", SUBSCRIPTION_APPEAL),
        ("Get The Times of Israel's Daily Edition by email and never miss our top stories "
         "Free Sign Up", DONATION_APPEAL),
        ("We want to hear what you think about this article. Submit a letter to the editor or "
         "write to letters@theatlantic.com.", DONATION_APPEAL),
        ("BVINEWS.COM", NAVIGATION),
        ("Like this story? Share it with a friend!", SHARE_FOLLOW),
        ("Also on Mediaite: Trump Lashes Out at Fox News Over Poll", READ_MORE),
    ],
)
def test_page_furniture_is_removed(line: str, reason: str) -> None:
    assert reason_of(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # body paragraphs that an appeal phrase alone used to remove: advice to the reader
        # about someone else's service is not the site asking for support
        "If you just want Disney+, you can sign up for a free 7-day trial, after which it "
        "costs $7.99 a month.",
        # "Also on" opening a sentence, not a teaser label (dev/html page048)
        "in our source code! Also on the string type front, we had to sprinkle",
    ],
)
def test_body_paragraphs_that_look_like_furniture_are_kept(line: str) -> None:
    assert reason_of(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # reprint notice (dev/html page001): the mark and the rule stated as a rule
        ("© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking "
         "Belize News. Written permission must be obtained before reprint in online or print "
         "media. REPRINTING CONTENT WITHOUT PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE "
         "BY LAW.", COPYRIGHT),
        ("This article may not be republished or redistributed without the written permission "
         "of the Daily Planet.", COPYRIGHT),
        # follow prompt naming the outlet, not "us" (dev/html page003)
        ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook "
         "@GleanerJamaica. Send us a message on WhatsApp at 1-876-499-0169 or email us at "
         "onlinefeedback@gleanerjm.com or editors@gleanerjm.com", SHARE_FOLLOW),
        # app prompt (dev/html page007, page008)
        ("For the latest stories and breaking news updates download the Nationnews apps for "
         "iOS and Android.", SUBSCRIPTION_APPEAL),
        # letters box (dev/html page006)
        ("Submit your letter to the editor via this form. Read more Letters to the Editor.",
         DONATION_APPEAL),
        # advertiser disclosures (dev/html page081, page154)
        ("This post contains references to products from one or more of our advertisers. We "
         "may receive compensation when you click on links to those products. Terms apply to "
         "the offers listed on this page. For an explanation of our Advertising Policy, visit "
         "this page.", ADVERTISEMENT),
        ("We recommend the best products through an independent review process, and "
         "advertisers do not influence our picks. We may receive compensation if you visit "
         "partners we recommend. Read our advertiser disclosure for more info.", ADVERTISEMENT),
    ],
)
def test_notices_prompts_and_disclosures_are_removed(line: str, reason: str) -> None:
    assert reason_of(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # news about copyright: a reprint and a missing permission, but no notice's words
        "The newspaper said the cartoon, reprinted without permission by a rival, was altered.",
        "The photographer says the photos, under copyright since 2001, were reprinted "
        "without permission.",
        # following and apps reported, not asked for
        "More than 2 million people follow the president on Twitter, where he posts daily.",
        "Follow the money on this one, the senator told reporters on Facebook Live.",
        "Users can download the Nationnews apps for iOS and Android from Friday.",
        # compensation in someone else's voice
        "The company said it may receive compensation from the insurer later this year.",
        "“We may receive compensation from the state,” the farmers' union said.",
    ],
)
def test_reports_about_copyright_follows_apps_and_compensation_are_kept(line: str) -> None:
    assert reason_of(line) is None
