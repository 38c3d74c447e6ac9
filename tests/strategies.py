"""Hypothesis strategies that build valid Articles with every layer, offsets inside the text."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from kroniek.records import (
    Argument,
    Article,
    Claim,
    Contradiction,
    Entity,
    Event,
    Mention,
    Place,
    Producer,
    Quantity,
    Quote,
    Span,
    Timex,
)

FACTUALITY = st.sampled_from(["CT+", "CT-", "PR+", "PR-", "PS+", "PS-", "Uu"])
NAMES = st.one_of(st.none(), st.text(min_size=1, max_size=20))
PRODUCERS = st.one_of(st.none(), st.builds(Producer, kroniek=st.just("0.1.0"), model=st.text(min_size=1, max_size=12),
                                           model_version=NAMES))
FLOATS = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32))


@st.composite
def spans(draw, text: str) -> dict:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return {"start": start, "end": end, "text": text[start:end]}


@st.composite
def articles(draw) -> Article:
    text = draw(st.text(min_size=0, max_size=200))
    span = lambda: Span(**draw(spans(text)))  # noqa: E731
    claims = [Claim(id=i, content=span(), source=draw(NAMES), factuality=draw(FACTUALITY))
              for i in range(draw(st.integers(0, 3)))]
    return Article(
        id=draw(st.text(min_size=1, max_size=12)),
        title=draw(NAMES),
        published=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))),
        text=text,
        sentences=[span() for _ in range(draw(st.integers(0, 3)))],
        mentions=[Mention(**draw(spans(text)), label="PER", entity=0)],
        entities=[Entity(id=0, name=draw(st.text(max_size=10)), label="PER", mentions=[0])],
        quotes=[Quote(content=span(), speaker=draw(NAMES), cue=span(), kind="direct", confidence=0.5)],
        claims=claims,
        contradictions=[Contradiction(claim_a=0, claim_b=1, reason="denied")] if len(claims) > 1 else [],
        events=[Event(trigger=span(), type="MEET", agent=Argument(text="x", span=span()), time=draw(NAMES))],
        timexes=[Timex(**draw(spans(text)), type="DATE", value=draw(NAMES))],
        places=[Place(**draw(spans(text)), name=draw(NAMES), lat=draw(FLOATS), lon=draw(FLOATS))],
        quantities=[Quantity(**draw(spans(text)), value=draw(FLOATS), approximate=draw(st.booleans()))],
        produced_by=draw(PRODUCERS),
    )
