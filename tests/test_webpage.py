"""The article body of a web page: trafilatura's extraction, its fallbacks, the visible text."""

from __future__ import annotations

from pathlib import Path

from newsgraph.document import RawArticle, ReadError
from newsgraph.sources import read_file
from newsgraph.webpage import page_article, prose_words, standfirst, visible_text

BODY = (
    "The council voted on Tuesday to close the old bridge to trucks after engineers found "
    "cracks in two of its supports. Repairs will start in the spring and take a year, the "
    "mayor said, and buses will use the ferry road until then."
)


def read(html: str) -> RawArticle | ReadError:
    return page_article(html, source="page.html", fields={}, fallback_group="")


def test_a_body_under_ten_thousand_nested_divs_is_found():
    # libxml2 drops what lies below 256 levels, so trafilatura alone sees an empty page.
    html = ("<html><head><title>Bridge closed</title></head><body>" + "<div>" * 10_000
            + f"<p>{BODY}</p>" + "</div>" * 10_000 + "</body></html>")
    article = read(html)
    assert isinstance(article, RawArticle)
    assert article.text == BODY


def test_a_page_laid_out_in_a_table_keeps_its_body():
    paragraphs = "".join(f"<p>{BODY} Paragraph {number} of the report.</p>" for number in range(4))
    html = (
        "<html><body><table><tr><td><a href='/'>Home</a> <a href='/news'>News</a></td></tr>"
        f"<tr><td><h1>Bridge closed to trucks</h1>{paragraphs}</td></tr></table></body></html>"
    )
    article = read(html)
    assert isinstance(article, RawArticle)
    assert "Paragraph 3 of the report." in article.text
    assert "The council voted on Tuesday" in article.text


def test_a_results_table_in_the_body_is_kept():
    html = (
        "<html><body><article><h1>Regional election results</h1>"
        f"<p>{BODY}</p><table><tr><th>Party</th><th>Seats</th></tr>"
        "<tr><td>Greens</td><td>14</td></tr><tr><td>Liberals</td><td>9</td></tr></table>"
        f"<p>{BODY}</p></article></body></html>"
    )
    article = read(html)
    assert isinstance(article, RawArticle)
    assert "Greens" in article.text and "14" in article.text


def test_a_page_whose_extraction_is_a_caption_falls_back_to_its_article_body(shared: Path):
    # trafilatura reads only the photo caption of this page; its JSON-LD holds the article.
    (article,) = read_file(shared / "dev" / "html" / "pages" / "page149.html")
    assert isinstance(article, RawArticle)
    assert "almost insulting to Hongkongers" in article.text
    assert "using political shrewdness" in article.text


def test_a_page_of_menu_labels_is_still_no_article():
    html = ("<html><body><nav><a href='/'>Home</a></nav><div>Home</div><div>World</div>"
            "<div>Sport</div><div>Contact us</div></body></html>")
    assert read(html) == ReadError("page.html", "no article body found in the HTML")


def test_visible_text_leaves_out_scripts_navigation_and_footers():
    html = ("<html><head><title>T</title><script>var a = 1;</script></head><body>"
            "<nav>Home World</nav><div><p>First &amp; foremost.</p><p>Second line.</p></div>"
            "<footer>© 2024 The Ledger</footer></body></html>")
    assert visible_text(html) == "First & foremost.\nSecond line."


def test_prose_words_count_only_lines_that_read_as_sentences():
    assert prose_words("Home\nWorld News Sport Weather Culture Travel Money Life\n" + BODY) == \
        len(BODY.split())


def test_a_dialog_on_the_page_is_not_part_of_the_article(shared: Path):
    # dev/html page005 holds a whole course description in a pop-up (role="dialog"), which
    # trafilatura's fallback extractors otherwise take for the body
    (article,) = read_file(shared / "dev" / "html" / "pages" / "page005.html")
    assert isinstance(article, RawArticle)
    assert "Initial Officer Training Programme" not in article.text
    assert "Registration for AICE 2022 is now open" in article.text


def test_a_hover_card_glued_into_a_sentence_is_not_part_of_the_article():
    # The markup of a politics site's people cards (span.rollover-people around the name's
    # link and span.rollover-people-block with the person's latest headlines), as public
    # scrapers of that site remove it; and an ARIA tooltip.
    card = ('<span class="rollover-people"><a class="rollover-people-link" '
            'href="/people/ilhan-omar">Ilhan Omar</a><span class="rollover-people-block">'
            '<span class="rollover-people-name">Ilhan Omar</span><span '
            'class="rollover-people-list"><a href="/1">Hillicon Valley: Lawmakers press '
            'platforms</a><a href="/2">Overnight Defense: Senate vote delayed</a></span>'
            '</span></span>')
    tip = '<span role="tooltip">Senate Armed Services Committee member since 2019</span>'
    html = (f"<html><body><article><h1>Bridge closed</h1><p>{BODY}</p><p>Rep. {card} "
            f"(D-Minn.) said on Tuesday{tip} that the vote on the bridge money would be close."
            "</p><p>Engineers said the crossing could reopen to cars within weeks, though the "
            "council has not set a date.</p></article></body></html>")
    article = read(html)
    assert isinstance(article, RawArticle)
    assert "Rep. Ilhan Omar (D-Minn.) said on Tuesday that the vote on the bridge money " \
        "would be close." in " ".join(article.text.split())
    assert "Hillicon Valley" not in article.text and "Armed Services" not in article.text
    # a lone element of a hover widget's class is kept: it may be the word itself
    lone = html.replace(card, '<span class="popover-trigger">Ilhan Omar</span>')
    assert "Rep. Ilhan Omar (D-Minn.)" in " ".join(read(lone).text.split())


def test_a_standfirst_shown_on_the_page_opens_the_body(shared: Path):
    # trafilatura leaves out the excerpt set under this page's photo (an <h2> between figure
    # and body); the page's description says the same words.
    (article,) = read_file(shared / "dev" / "html" / "pages" / "page157.html")
    assert isinstance(article, RawArticle)
    assert article.text.startswith(
        "Whether you're for or against Sweden's softer approach to coronavirus lockdowns, "
        "there is no denying state epidemiologist Anders Tegnell has become a household name")
    assert article.text.count("softer approach to coronavirus lockdowns") == 1


LEDE = ("Whether you're for or against Sweden's softer approach to coronavirus lockdowns, there "
        "is no denying state epidemiologist Anders Tegnell has become a household name.")


def page_with_description(description: str, shown: str) -> str:
    paragraphs = "".join(f"<p>{BODY} Paragraph {number}.</p>" for number in range(3))
    return (f'<html><head><meta name="description" content="{description}"></head><body>'
            f"<article><h1>Bridge closed</h1>{shown}{paragraphs}</article></body></html>")


def test_a_description_in_the_head_only_is_not_the_article():
    article = read(page_with_description(LEDE, ""))
    assert isinstance(article, RawArticle)
    assert "Tegnell" not in article.text


def test_a_description_that_is_no_sentence_is_not_a_standfirst():
    title = "Meet the Swede who tattooed a state epidemiologist&#039;s face on his arm"
    plain = title.replace("&#039;", "'")
    # the same markup: a sentence shown on the page is a standfirst, a title is not
    assert standfirst(page_with_description(plain, f"<h2>{title}</h2>"), BODY, plain) is None
    shown = LEDE.replace("'", "&#039;")
    assert standfirst(page_with_description(LEDE, f"<h2>{shown}</h2>"), BODY, LEDE) == LEDE


def test_a_standfirst_the_body_already_holds_is_not_repeated():
    article = read(page_with_description(LEDE, f"<p>{LEDE}</p>"))
    assert isinstance(article, RawArticle)
    assert article.text.count("softer approach") == 1
