"""The UI in a real browser: Debian's chromium driven by Playwright, against `kroniek serve`'s server on a
free port. Screenshots go to test-artifacts/ (ignored by git). Skips where chromium or Playwright is absent.
"""

from __future__ import annotations

import re

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


ABORTED = "net::ERR_ABORTED"
"""How chromium reports a request it dropped itself, as the favicon's when a click navigates away."""


def _note_failure(problems: list[str], request) -> None:
    """A failed request is a page problem, unless the browser aborted it on leaving the page."""
    if request.failure != ABORTED:
        problems.append(f"failed: {request.url} ({request.failure})")


def _open(browser, url: str, screenshot):
    """A browser page on `url` that records every script error, dialog and failed request in `problems`."""
    context = browser.new_context(base_url=url, viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("requestfailed", lambda request: _note_failure(page.problems, request))
    page.on("response", lambda response: response.status >= 400 and page.problems.append(
        f"{response.status}: {response.url}"))
    page.shot = lambda name: screenshot(page, name)
    return context, page


@pytest.fixture
def page(browser, live_url, screenshot):
    context, opened = _open(browser, live_url, screenshot)
    yield opened
    context.close()


@pytest.fixture
def story_page(browser, story_url, screenshot):
    """A page on the store with a story of three articles."""
    context, opened = _open(browser, story_url, screenshot)
    yield opened
    context.close()


def test_clicking_a_claim_shows_its_source_cue_factuality_and_contradiction(page):
    page.goto("/articles/levering-litouwen")
    page.locator("#text .hl-claim", has_text="onderhandelt").click()
    detail = page.locator(".detail.shown")
    expect(detail.locator(".claim-source")).to_have_text("De Litouwse regering")
    expect(detail.locator(".claim-cue")).to_have_text("ontkent")
    expect(detail.locator(".claim-factuality")).to_contain_text("CT-")
    expect(detail.locator(".contradictions")).to_contain_text("Duitse diplomaten")
    page.shot("reader-claim")
    detail.locator(".contradictions a[data-show]").click()
    expect(page.locator(".detail.shown .claim-source")).to_have_text("Duitse diplomaten")
    assert page.problems == []


def test_a_second_click_steps_to_the_next_record_under_the_passage(page):
    page.goto("/articles/levering-litouwen")
    passage = page.locator("#text .hl-claim.hl-quote", has_text="luchtafweerraketten")
    passage.click()
    expect(page.locator(".detail.shown h3")).to_contain_text("Claim")
    passage.click()
    expect(page.locator(".detail.shown h3")).to_contain_text("Quote")


def test_a_ledger_link_opens_the_reader_on_that_claim(page):
    page.goto("/claims")
    page.select_option("select[name=factuality]", "CT-")
    page.click("form.filters button")
    rows = page.locator("tr.claim-row")
    expect(rows).to_have_count(2)
    page.shot("ledger-denials")
    rows.first.locator("td a").first.click()
    expect(page.locator(".detail.shown .claim-factuality")).to_contain_text("CT-")
    assert page.problems == []


def test_search_answers_who_said_what_and_who_denies_it(page):
    page.goto("/")
    page.fill("header input[name=q]", "raketten")
    page.press("header input[name=q]", "Enter")
    found = page.locator("table.claims-found tr.claim-row")
    expect(found).to_have_count(3)
    for source, value in (("Duitse diplomaten", "CT+"), ("De Litouwse regering", "CT-"), ("Anna de Vries", "CT-")):
        expect(found.filter(has_text=source).locator(".fact")).to_have_text(value)
    expect(page.locator("ol.hits mark").first).to_have_text("raketten")
    page.shot("search")
    page.locator("ol.hits a", has_text="levert pantservoertuigen").click()
    expect(page.locator("h1")).to_have_text("Nederland levert pantservoertuigen aan Litouwen")
    assert page.problems == []


def test_the_map_shows_the_places_as_points(page):
    page.goto("/map")
    expect(page.locator("svg.map circle.point")).to_have_count(4)
    assert page.locator("svg.map .land path").count() > 150
    box = page.locator("svg.map circle.point").first.bounding_box()
    assert box and box["width"] > 2
    page.shot("map")
    assert page.problems == []


def test_the_entity_page_puts_what_was_said_on_a_timeline(page):
    page.goto("/entities/Anna%20de%20Vries")
    expect(page.locator("ul.said-by li")).to_have_count(3)
    expect(page.locator("ol.timeline time")).to_have_text(["2023-10-03", "2023-10-11"])
    page.shot("entity")


def test_markup_in_an_article_renders_as_text(page):
    page.goto("/articles/lezer-script")
    expect(page.locator("#text")).to_contain_text("<script>document.title='gehackt'</script>")
    expect(page.locator("h1")).to_have_text("Een lezer <script>alert('titel')</script>")
    assert page.locator("#text *:not(span.hl)").count() == 0
    assert page.locator("main script, main img").count() == 0
    assert "gehackt" not in page.title()
    page.locator("#text .hl-claim").first.click()
    expect(page.locator(".detail.shown blockquote")).to_contain_text("<img src=x onerror=alert(1)>")
    page.shot("hostile")
    assert page.problems == []


def test_the_contradictions_page_sets_both_sources_side_by_side(page):
    page.goto("/")
    page.click("nav a[href='/contradictions']")
    expect(page.locator("li.pair")).to_have_count(2)
    expect(page.locator("li.pair").first.locator(".claim-source")).to_have_text(
        ["Duitse diplomaten", "De Litouwse regering"])
    page.shot("contradictions")
    assert page.problems == []


def test_the_story_page_draws_its_timeline_and_who_speaks_about_whom(story_page):
    story_page.goto("/")
    story_page.click("nav a[href='/stories']")
    story_page.locator("table.stories a", has_text="Havenwerkers").click()
    expect(story_page.locator("svg.timeline-chart .chart-mark")).to_have_count(13)
    expect(story_page.locator("svg.speech-graph .node")).to_have_count(3)
    expect(story_page.locator("svg.speech-graph .node text")).to_have_text(
        ["Havenbedrijf Rotterdam", "Kees Bakker", "Marieke Jansen"])
    box = story_page.locator("svg.timeline-chart").bounding_box()
    assert box and box["width"] > 800
    story_page.shot("story")
    assert story_page.problems == []


def test_a_chart_mark_opens_the_reader_on_its_words(story_page):
    story_page.goto("/stories")
    story_page.locator("table.stories a", has_text="Havenwerkers").click()
    story_page.locator("svg.timeline-chart a[href='/articles/haven-ontkent#event-0']").click()
    expect(story_page).to_have_url(re.compile(r"/articles/haven-ontkent#event-0$"))
    expect(story_page.locator(".detail.shown h3")).to_contain_text("MEET")
    expect(story_page.locator("#text .active")).to_have_text("spreekt")
    assert story_page.problems == []


def test_a_graph_node_and_the_entities_list_open_a_corpus_entity(story_page):
    story_page.goto("/entities")
    story_page.fill("input[name=q]", "bakker")
    story_page.click("form.filters button")
    story_page.locator("table.corpus-entities a", has_text="Kees Bakker").click()
    expect(story_page.locator("h1")).to_contain_text("Kees Bakker")
    expect(story_page.locator("table.members td.evidence")).to_have_text(["the first article to name it", "surname bakker"])
    expect(story_page.locator("svg.timeline-chart .chart-mark")).to_have_count(3)
    story_page.shot("corpus-entity")
    story_page.goto("/stories")
    story_page.locator("table.stories a", has_text="Havenwerkers").click()
    story_page.locator("svg.speech-graph .node", has_text="Marieke Jansen").click()
    expect(story_page.locator("h1")).to_contain_text("Marieke Jansen")
    assert story_page.problems == []
