"""The pages in a real headless Chromium: highlights sit on the right words, records show on
click, maps draw from the offline basemap, hostile article text stays text."""

from __future__ import annotations

import json

import pytest

from newsgraph.store import Store
from tests.conftest import HOSTILE
from tests.web.conftest import shoot

# For every highlight key, the text of the elements carrying it, joined: what a reader sees
# highlighted for that record.
HIGHLIGHTED = """() => {
  const seen = {};
  document.querySelectorAll('#article-text .hl').forEach(node => {
    node.dataset.keys.split(' ').forEach(key => {
      seen[key] = (seen[key] || '') + node.textContent;
    });
  });
  return seen;
}"""


@pytest.fixture(scope="module")
def records(sample_db):
    with Store(sample_db, readonly=True) as store:
        return {doc_id: store.get(doc_id) for doc_id in store.ids()}


def sample_record(records, word: str):
    return next(record for record in records.values() if word in record["text"])


def test_article_highlights_every_fact_at_its_words(page, server, records, screenshot_dir):
    record = sample_record(records, "coal miners")
    page.goto(f"{server}/article/{record['id']}")
    seen = page.evaluate(HIGHLIGHTED)
    expected = {}
    for i, entity in enumerate(record["entities"]):
        for j, mention in enumerate(entity["mentions"]):
            expected[f"e{i}-{j}"] = mention["text"]
    for i, quote in enumerate(record["quotes"]):
        expected[f"q{i}"] = quote["text"]
    for i, time in enumerate(record["times"]):
        expected[f"t{i}"] = time["text"]
    for i, event in enumerate(record["events"]):
        expected[f"v{i}"] = event["trigger"]["text"]
    assert len(expected) > 40
    assert {key: seen.get(key) for key in expected} == expected
    rallied = page.locator(".hl.k-event", has_text="rallied").first
    assert "PROTEST" in rallied.get_attribute("title")
    assert page.locator(".published").inner_text() == (record["published"]["value"] or "unknown")
    assert not page.errors and not page.outside_requests
    shoot(page, screenshot_dir, "article")


def test_clicking_a_highlight_shows_its_record(page, server, records):
    record = sample_record(records, "coal miners")
    page.goto(f"{server}/article/{record['id']}")
    page.locator(".hl.k-event", has_text="rallied").first.click()
    detail = page.locator("#detail")
    assert detail.locator("dl[data-kind=event]").count() == 1
    assert "PROTEST" in detail.inner_text()
    assert page.url.endswith(record["id"])  # the click showed the record, did not navigate
    pushilin = page.locator(".hl.k-entity", has_text="Pushilin").first
    pushilin.click()
    assert "PERSON" in detail.inner_text()
    assert detail.locator("a", has_text="entity page").get_attribute("href").startswith(
        "/entity/")


def test_removed_boilerplate_shows_greyed_on_request(page, server, records):
    record = next(r for r in records.values() if r["removed"])
    page.goto(f"{server}/article/{record['id']}")
    removed = page.locator("#article-text .removed")
    assert removed.count() == len(record["removed"])
    assert not removed.first.is_visible()
    page.locator("label[for=show-removed]").click()
    assert removed.first.is_visible()
    assert removed.first.evaluate("n => getComputedStyle(n).textDecorationLine") == "line-through"


def test_entity_page_lists_what_the_person_said(page, server, records, screenshot_dir):
    record = sample_record(records, "Pushilin")
    pushilin = next(e for e in record["entities"] if e["name"] == "Denis Pushilin")
    said = [q["text"] for r in records.values() for q in r["quotes"]
            if (q.get("speaker") or {}).get("entity") == pushilin["id"]]
    page.goto(f"{server}/entity/{pushilin['id']}")
    assert page.locator("h1").inner_text().startswith("Denis Pushilin")
    listed = page.locator("ol.quotes li")
    assert listed.count() == len(said) >= 2
    assert said[0][:40] in page.locator("ol.quotes").inner_text()
    names = page.locator("ul.names").inner_text()
    assert "Pushilin" in names
    shoot(page, screenshot_dir, "entity")
    listed.first.locator("a").click()
    page.wait_for_url("**/article/**#q*")
    assert page.locator("#article-text").is_visible()


def test_place_page_and_events_map_have_markers_on_the_offline_basemap(
        page, server, sample_db, screenshot_dir):
    with Store(sample_db, readonly=True) as store:
        placed = {row[0] for row in store.rows(
            """SELECT DISTINCT pe.id FROM events ev JOIN entities pe ON pe.id = ev.place_entity
               WHERE ev.negated = 0 AND pe.lat IS NOT NULL""")}
    page.goto(f"{server}/events")
    page.wait_for_selector("#map[data-markers]")
    assert int(page.locator("#map").get_attribute("data-markers")) == len(placed) >= 2
    assert page.locator("#map path.leaflet-interactive").count() == len(placed)
    page.wait_for_function("document.querySelectorAll('img.leaflet-tile-loaded').length > 0")
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("table.events tr").count() > 5
    assert not page.outside_requests and not page.errors
    shoot(page, screenshot_dir, "events")
    page.goto(f"{server}/events?type=PROTEST")
    types = page.locator("table.events tr td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("PROTEST") for t in types)


def test_hostile_article_text_stays_text(page, server, screenshot_dir):
    page.goto(f"{server}/article/{HOSTILE['id']}")
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1;</script>" in text
    assert 'onerror="window.__pwned = 2"' in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    assert page.locator(".ng-meta .outlet").inner_text() == HOSTILE["outlet"]
    assert page.locator("a[href^='javascript']").count() == 0  # shown, never a link
    shoot(page, screenshot_dir, "hostile-article")
    page.goto(f"{server}/search?q=pwned")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".snippet mark").count() >= 1


def test_quotes_page_filters_and_links_to_the_span(page, server, records, screenshot_dir):
    page.goto(f"{server}/quotes?speaker=Pushilin")
    rows = page.locator("table.quotes tr:has(td)")
    assert rows.count() >= 2
    assert all("Pushilin" in text for text in
               page.locator("table.quotes tr td:nth-child(2)").all_inner_texts())
    shoot(page, screenshot_dir, "quotes")
    page.goto(f"{server}/quotes?kind=direct")
    kinds = page.locator("table.quotes tr td:nth-child(4)").all_inner_texts()
    assert kinds and set(kinds) == {"direct"}


def test_search_has_snippets_and_facets(page, server, screenshot_dir):
    page.goto(f"{server}/search?q=miners")
    results = page.locator("article.result")
    assert results.count() == 1
    assert "miners" in results.first.locator(".snippet mark").first.inner_text().lower()
    assert page.locator("ul.facet-outlet li").count() >= 1
    assert page.locator("ul.facet-entity li").count() >= 3
    shoot(page, screenshot_dir, "search")
    page.locator("ul.facet-outlet a").first.click()
    assert "outlet=" in page.url and page.locator("article.result").count() == 1


def test_home_page_links_every_article(page, server, records, screenshot_dir):
    page.goto(f"{server}/")
    links = page.locator("a[href^='/article/']")
    assert links.count() == len(records)
    assert page.locator("a[href='/newsgraph']").count() == 1  # Datasette's tables and SQL
    shoot(page, screenshot_dir, "home")
    page.goto(f"{server}/newsgraph/documents.json?_shape=array&_col=id")
    assert {row["id"] for row in json.loads(page.locator("body").inner_text())} == set(records)


# Every chart's text boxes as Chromium lays them out, in the SVG's own units, with its viewBox.
CHART_LABELS = """() => Array.from(document.querySelectorAll('svg.chart')).map(svg => ({
  view: [svg.viewBox.baseVal.x, svg.viewBox.baseVal.y, svg.viewBox.baseVal.width,
         svg.viewBox.baseVal.height],
  boxes: Array.from(svg.querySelectorAll('text')).map(text => {
    const box = text.getBBox();
    return {text: text.textContent, x: box.x, y: box.y, w: box.width, h: box.height};
  })
}))"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def test_chart_labels_never_overlap(page, server, records, screenshot_dir):
    """The time axis of the entity and events pages' charts, as Chromium draws it with the
    pages' own style: for spans of one day to twenty years, no two labels' boxes intersect and
    none leaves the chart."""
    from collections import Counter
    from datetime import date, timedelta

    from newsgraph.web.charts import bars

    record = sample_record(records, "Pushilin")
    pushilin = next(e for e in record["entities"] if e["name"] == "Denis Pushilin")
    page.goto(f"{server}/entity/{pushilin['id']}")
    charts = []
    for days in (1, 2, 3, 5, 8, 14, 30, 61, 100, 120, 121, 400, 3650, 7300):
        first = date(2014, 5, 28)
        counts = Counter({(first + timedelta(day)).isoformat(): 1 + day % 5
                          for day in range(0, days, max(days // 40, 1))})
        counts[(first + timedelta(days - 1)).isoformat()] += 12345  # a wide peak label
        charts.append(str(bars({"mentions": counts, "other": Counter({first.isoformat(): 2})},
                               title=f"{days} days")))
    page.evaluate("html => { const div = document.createElement('div'); div.id = 'charts';"
                  " div.innerHTML = html; document.querySelector('h1').after(div); }",
                  "".join(charts))
    drawn = page.evaluate(CHART_LABELS)
    assert len(drawn) == len(charts) + 1  # the page's own chart too
    for chart in drawn:
        boxes = chart["boxes"]
        assert len(boxes) >= 3, boxes  # the peak, 0 and at least one date
        assert overlapping(boxes) == [], boxes
        x0, y0, width, height = chart["view"]
        assert all(x0 <= box["x"] and box["x"] + box["w"] <= x0 + width
                   and y0 <= box["y"] and box["y"] + box["h"] <= y0 + height
                   for box in boxes), boxes
    assert any(len(chart["boxes"]) >= 7 for chart in drawn)  # long spans keep several dates
    shoot(page, screenshot_dir, "charts")
