from markupsafe import escape

from newsgraph.document import OffsetMap
from newsgraph.web.highlight import Insert, Mark, clean_position, entity_href, render

TEXT = '"Kiev does not rule us," separatist leader Denis Pushilin said on Wednesday.'


def test_overlapping_spans_cut_into_flat_pieces_with_every_key():
    quote = Mark(0, 23, "quote", "q0", "quote")
    kiev = Mark(1, 5, "entity", "e0-0", "Kiev · GPE", entity_href("geonames:703448"))
    html = str(render(TEXT, [quote, kiev]))
    assert html.startswith('<a class="anchor" id="q0"></a><span class="hl k-quote" '
                           'data-keys="q0" title="quote">&#34;</span>')
    assert ('<a class="hl k-entity k-quote" data-keys="q0 e0-0" title="quote\nKiev · GPE" '
            'href="/entity/geonames:703448">Kiev</a>') in html
    assert html.endswith(" separatist leader Denis Pushilin said on Wednesday.")


def test_article_text_is_escaped_everywhere():
    text = 'A <script>alert(1)</script> and <img src=x onerror="x()"> here.'
    html = str(render(text, [Mark(2, 10, "entity", "e0-0", 'label "<b>"')]))
    assert "<script>" not in html and "<img" not in html
    assert str(escape("<script>")) in html
    assert 'title="label &#34;&lt;b&gt;&#34;"' in html


def test_removed_passages_sit_where_they_were():
    source = "Title\nDONATE NOW\nBody text."
    clean = "Title\nBody text."
    offsets = OffsetMap([(0, 0), (6, 17)], len(source))
    at = clean_position(offsets.to_source, len(clean), source.index("DONATE"))
    assert at == 6
    html = str(render(clean, [], [Insert(at, "DONATE NOW\n", "removed: appeal")]))
    assert html == ('Title\n<span class="removed" title="removed: appeal">DONATE NOW\n</span>'
                    "Body text.")


def test_spans_outside_the_text_are_dropped_not_drawn():
    html = str(render("short", [Mark(3, 99, "entity", "e0-0", "x"), Mark(2, 2, "time", "t", "")]))
    assert html == "short"
