"""The reader renders any valid Article: every character of the text is shown once, escaped, whatever
the layers hold (overlapping, empty or out-of-order spans, odd names, absent values)."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings

from kroniek.web.app import _templates
from kroniek.web.highlight import article_marks, segments
from kroniek.web.pages import FACTUALITY
from tests.strategies import articles

TEMPLATES = _templates()
BODY = re.compile(r'<div class="body" id="text">(.*?)</div>', re.S)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_renders_with_its_text_whole_and_escaped(article):
    cut = list(segments(article.text, article_marks(article)))
    assert "".join(segment.text for segment in cut) == article.text
    page = TEMPLATES.env.get_template("article.html").render(
        article=article, segments=cut, opposed={}, claim_index={c.id: i for i, c in enumerate(article.claims)},
        factuality_names=FACTUALITY)
    body = BODY.search(page).group(1)
    assert html.unescape(re.sub(r"<[^>]*>", "", body)) == article.text
