"""Two stored articles about one happening that disagree: one says Russia buys weapons from North
Korea, the other that Pyongyang denies delivering them (with a contradiction inside that article too)."""

from __future__ import annotations

from kroniek.records import Article, Claim, Contradiction, Entity, Mention, span_of

CLAIM_TEXT = "Rusland koopt wapens van Noord-Korea."
DENIAL_TEXT = "Pyongyang ontkent dat het wapens levert aan Rusland. De regering van Noord-Korea ontkent het ook."


def article(doc_id: str, text: str, claims: list[Claim], contradictions=()) -> Article:
    """An article whose places are its entities, each named once."""
    places = [name for name in ("Rusland", "Noord-Korea", "Pyongyang") if name in text]
    mentions = [Mention(**span_of(text, text.index(n), text.index(n) + len(n)).model_dump(), label="LOC", entity=i)
                for i, n in enumerate(places)]
    entities = [Entity(id=i, name=n, label="LOC", mentions=[i]) for i, n in enumerate(places)]
    return Article(id=doc_id, text=text, claims=claims, contradictions=list(contradictions), mentions=mentions,
                   entities=entities)


def claim(index: int, text: str, content: str, **fields) -> Claim:
    start = text.index(content)
    return Claim(id=index, content=span_of(text, start, start + len(content)), **fields)


def disagreeing_articles() -> list[Article]:
    """The article of the purchase ("koop") and the one of its denial ("ontkenning")."""
    bought = claim(0, CLAIM_TEXT, "Rusland koopt wapens van Noord-Korea", predicate="kopen",
                   arguments=["Rusland", "wapen", "Noord-Korea"])
    denied = claim(0, DENIAL_TEXT, "het wapens levert aan Rusland", source="Pyongyang", factuality="CT-",
                   predicate="leveren", arguments=["wapen", "Rusland"])
    again = claim(1, DENIAL_TEXT, "De regering van Noord-Korea ontkent het ook", source="AUTHOR", predicate="ontkennen",
                  arguments=["regering"])
    within = Contradiction(claim_a=0, claim_b=1, reason="test pairing", score=0.9)
    return [article("koop", CLAIM_TEXT, [bought]), article("ontkenning", DENIAL_TEXT, [denied, again], [within])]
