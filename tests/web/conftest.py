"""Fixtures of the web tests: a store of hand-made Dutch articles with every layer filled in (so the
UI is tested whatever the pipeline's stages produce today), and a live server over it."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from kroniek.corpus.update import store_and_link
from kroniek.records import (
    Argument,
    Article,
    Claim,
    Contradiction,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Span,
    Timex,
)
from kroniek.store import open_store

DEAL = (
    "Minister Anna de Vries van Defensie heeft dinsdag in Den Haag bevestigd dat Nederland twaalf "
    "pantservoertuigen levert aan Litouwen. ,,Dit is een belangrijke stap voor de veiligheid van de regio”, "
    "zei De Vries na afloop van het overleg.\n\n"
    "Volgens Duitse diplomaten wil Litouwen ook luchtafweerraketten kopen van Nederland. De Litouwse "
    "regering ontkent dat zij over raketten onderhandelt. Een woordvoerder in Vilnius noemde het bericht "
    ",,pure speculatie”.\n\n"
    "De levering begint naar verwachting in maart 2024."
)
VISIT = (
    "Minister Anna de Vries heeft woensdag in Vilnius de eerste pantservoertuigen overgedragen. "
    "Zij zei dat Nederland geen raketten levert."
)
STRIKE = (
    "Havenwerkers in Rotterdam leggen maandag het werk neer. Vakbondsleider Marieke Jansen zei dat "
    "Havenbedrijf Rotterdam vierhonderd banen schrapt. ,,Wij laten ons niet wegautomatiseren”, zei Jansen. "
    "De staking duurt naar verwachting tot woensdag."
)
DENIAL = (
    "Havenbedrijf Rotterdam ontkent dat het vierhonderd banen schrapt. Directeur Kees Bakker zei dinsdag dat "
    "Marieke Jansen de zaak overdrijft. Jansen noemde zijn belofte ,,boterzacht”. Bakker spreekt donderdag "
    "met de bond."
)
TRUCE = (
    "Na overleg met Bakker zegt Marieke Jansen vrijdag dat de staking stopt. Volgens Jansen belooft "
    "Havenbedrijf Rotterdam dat niemand zijn baan verliest."
)
HOSTILE = (
    "Een lezer stuurde <script>document.title='gehackt'</script> naar de redactie. "
    "Volgens de lezer is <b>vet</b> & <img src=x onerror=alert(1)> ook gevaarlijk."
)


def span(text: str, words: str, nth: int = 0) -> Span:
    """The Span of the nth occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def _sentences(text: str) -> list[Span]:
    return [Span(start=m.start(), end=m.end(), text=m.group()) for m in re.finditer(r"\S[^.!?]*[.!?]+”?", text)]


def _mentions(text: str, names: list[tuple[str, str, int]]) -> list[Mention]:
    return [Mention(**span(text, words).model_dump(), label=label, entity=entity) for words, label, entity in names]


def _place(text: str, words: str, name: str, country: str, lat: float, lon: float, kind: str = "city") -> Place:
    return Place(**span(text, words).model_dump(), name=name, country=country, lat=lat, lon=lon, kind=kind,
                 resolved=True, confidence=0.9)


def deal_article() -> Article:
    """Dutch: a confirmed delivery of armoured vehicles, a reported missile purchase, and its denial."""
    t = DEAL
    return Article(
        id="levering-litouwen", title="Nederland levert pantservoertuigen aan Litouwen",
        published=dt.date(2023, 10, 3), source="handgemaakt.txt", text=t, sentences=_sentences(t),
        mentions=_mentions(t, [("Anna de Vries", "PER", 0), ("Defensie", "ORG", 1), ("Den Haag", "LOC", 2),
                               ("Nederland", "LOC", 3), ("Litouwen", "LOC", 4), ("De Vries", "PER", 0)]),
        entities=[Entity(id=0, name="Anna de Vries", label="PER", mentions=[0, 5]),
                  Entity(id=1, name="Defensie", label="ORG", mentions=[1]),
                  Entity(id=2, name="Den Haag", label="LOC", mentions=[2]),
                  Entity(id=3, name="Nederland", label="LOC", mentions=[3]),
                  Entity(id=4, name="Litouwen", label="LOC", mentions=[4])],
        quotes=[
            Quote(content=span(t, "Dit is een belangrijke stap voor de veiligheid van de regio"),
                  speaker="Anna de Vries", speaker_span=span(t, "De Vries"), speaker_entity=0,
                  speaker_resolved=True, role="minister", cue=span(t, "zei"), kind="direct"),
            Quote(content=span(t, "wil Litouwen ook luchtafweerraketten kopen van Nederland"),
                  speaker="Duitse diplomaten", speaker_span=span(t, "Duitse diplomaten"), cue=span(t, "Volgens"),
                  kind="indirect"),
            Quote(content=span(t, "pure speculatie"), speaker="Een woordvoerder in Vilnius",
                  cue=span(t, "noemde"), kind="direct"),
        ],
        claims=[
            Claim(id=0, content=span(t, "Nederland twaalf pantservoertuigen levert aan Litouwen"),
                  source="Anna de Vries", source_span=span(t, "Anna de Vries"), source_entity=0,
                  cue=span(t, "bevestigd"), factuality="CT+", tense="present"),
            Claim(id=1, content=span(t, "wil Litouwen ook luchtafweerraketten kopen van Nederland"),
                  source="Duitse diplomaten", source_span=span(t, "Duitse diplomaten"), cue=span(t, "Volgens"),
                  factuality="CT+", tense="present", quote=1),
            Claim(id=2, content=span(t, "zij over raketten onderhandelt"), source="De Litouwse regering",
                  source_span=span(t, "De Litouwse regering"), cue=span(t, "ontkent"), factuality="CT-"),
            Claim(id=3, content=span(t, "De levering begint naar verwachting in maart 2024"), source="AUTHOR",
                  cue=span(t, "naar verwachting"), factuality="PR+", tense="future"),
        ],
        contradictions=[Contradiction(claim_a=1, claim_b=2, reason="De Litouwse regering ontkent wat Duitse "
                                                                    "diplomaten melden", score=0.9)],
        events=[Event(trigger=span(t, "levert"), type="TRADE", agent=Argument(text="Nederland", entity=3),
                      patient=Argument(text="twaalf pantservoertuigen"), claim=0, time="2023-10-03"),
                Event(trigger=span(t, "kopen"), type="TRADE", agent=Argument(text="Litouwen", entity=4),
                      patient=Argument(text="luchtafweerraketten"), claim=1, factuality="Uu")],
        timexes=[Timex(**span(t, "dinsdag").model_dump(), type="DATE", value="2023-10-03"),
                 Timex(**span(t, "maart 2024").model_dump(), type="DATE", value="2024-03")],
        places=[_place(t, "Den Haag", "Den Haag", "NL", 52.08, 4.31),
                _place(t, "Nederland", "Nederland", "NL", 52.13, 5.29, "country"),
                _place(t, "Litouwen", "Litouwen", "LT", 55.17, 23.88, "country"),
                _place(t, "Litouwse", "Litouwen", "LT", 55.17, 23.88, "country"),
                _place(t, "Vilnius", "Vilnius", "LT", 54.69, 25.28)],
        quantities=[Quantity(**span(t, "twaalf pantservoertuigen").model_dump(), value=12, of="pantservoertuigen")],
    )


def visit_article() -> Article:
    """Dutch: a week later, the same minister in Vilnius, saying no missiles are delivered."""
    t = VISIT
    return Article(
        id="overdracht-vilnius", title="Eerste pantservoertuigen overgedragen", published=dt.date(2023, 10, 11),
        text=t, sentences=_sentences(t), mentions=_mentions(t, [("Anna de Vries", "PER", 0), ("Vilnius", "LOC", 1)]),
        entities=[Entity(id=0, name="Anna de Vries", label="PER", mentions=[0]),
                  Entity(id=1, name="Vilnius", label="LOC", mentions=[1])],
        claims=[Claim(id=0, content=span(t, "Nederland geen raketten levert"), source="Anna de Vries",
                      source_span=span(t, "Zij"), source_entity=0, cue=span(t, "zei"), factuality="CT-")],
        contradictions=[Contradiction(claim_a=0, claim_b=1, article_b="levering-litouwen",
                                      reason="De minister ontkent de raketten waarover diplomaten spreken")],
        timexes=[Timex(**span(t, "woensdag").model_dump(), type="DATE", value="2023-10-11")],
        places=[_place(t, "Vilnius", "Vilnius", "LT", 54.69, 25.28)],
    )


def hostile_article() -> Article:
    """Dutch text carrying markup and script, with a claim and a name over it."""
    t = HOSTILE
    return Article(
        id="lezer-script", title="Een lezer <script>alert('titel')</script>", published=dt.date(2023, 10, 4), text=t,
        mentions=_mentions(t, [("<b>vet</b>", "MISC", 0)]),
        entities=[Entity(id=0, name="<b>vet</b>", label="MISC", mentions=[0])],
        claims=[Claim(id=0, content=span(t, "<b>vet</b> & <img src=x onerror=alert(1)> ook gevaarlijk"),
                      source="de lezer", cue=span(t, "Volgens"))],
    )


def handmade_articles() -> list[Article]:
    return [deal_article(), hostile_article(), visit_article()]


def _entities(names: list[tuple[str, str]], mentions: list[Mention]) -> list[Entity]:
    return [Entity(id=i, name=name, label=label, mentions=[n for n, m in enumerate(mentions) if m.entity == i])
            for i, (name, label) in enumerate(names)]


def strike_article() -> Article:
    """Dutch: a port strike; the union leader says the port company cuts 400 jobs."""
    t = STRIKE
    mentions = _mentions(t, [("Rotterdam", "LOC", 0), ("Marieke Jansen", "PER", 1), ("Havenbedrijf Rotterdam", "ORG", 2)])
    mentions.append(Mention(**span(t, "Jansen", 1).model_dump(), label="PER", entity=1))
    return Article(
        id="staking-haven", title="Havenwerkers leggen het werk neer", published=dt.date(2024, 5, 13), text=t,
        sentences=_sentences(t), mentions=mentions,
        entities=_entities([("Rotterdam", "LOC"), ("Marieke Jansen", "PER"), ("Havenbedrijf Rotterdam", "ORG")], mentions),
        quotes=[Quote(content=span(t, "Wij laten ons niet wegautomatiseren"), speaker="Marieke Jansen",
                      speaker_span=span(t, "Jansen", 1), speaker_entity=1, cue=span(t, "zei", 1), kind="direct")],
        claims=[Claim(id=0, content=span(t, "Havenbedrijf Rotterdam vierhonderd banen schrapt"), source="Marieke Jansen",
                      source_span=span(t, "Marieke Jansen"), source_entity=1, cue=span(t, "zei"), factuality="CT+",
                      predicate="schrappen", arguments=["Havenbedrijf Rotterdam", "banen"])],
        events=[Event(trigger=span(t, "leggen"), type="PROTEST", agent=Argument(text="Havenwerkers"),
                      when="2024-05-13", status="happened"),
                Event(trigger=span(t, "schrapt"), type="OTHER", agent=Argument(text="Havenbedrijf Rotterdam", entity=2),
                      patient=Argument(text="vierhonderd banen"), claim=0, when="2024-05-13", status="alleged",
                      source="Marieke Jansen"),
                Event(trigger=span(t, "duurt"), type="PROTEST", agent=Argument(text="De staking"), when="2024-05-15",
                      status="expected", factuality="PR+")],
        timexes=[Timex(**span(t, "maandag").model_dump(), type="DATE", value="2024-05-13"),
                 Timex(**span(t, "woensdag").model_dump(), type="DATE", value="2024-05-15")],
    )


def denial_article() -> Article:
    """Dutch: the next day the port company denies the job cuts; its director calls the union's story exaggerated."""
    t = DENIAL
    mentions = _mentions(t, [("Havenbedrijf Rotterdam", "ORG", 0), ("Kees Bakker", "PER", 1),
                             ("Marieke Jansen", "PER", 2)])
    mentions += [Mention(**span(t, "Jansen", 1).model_dump(), label="PER", entity=2),
                 Mention(**span(t, "Bakker", 1).model_dump(), label="PER", entity=1)]
    return Article(
        id="haven-ontkent", title="Havenbedrijf ontkent banenverlies", published=dt.date(2024, 5, 14), text=t,
        sentences=_sentences(t), mentions=mentions,
        entities=_entities([("Havenbedrijf Rotterdam", "ORG"), ("Kees Bakker", "PER"), ("Marieke Jansen", "PER")], mentions),
        quotes=[Quote(content=span(t, "Marieke Jansen de zaak overdrijft"), speaker="Kees Bakker",
                      speaker_span=span(t, "Kees Bakker"), speaker_entity=1, cue=span(t, "zei"), kind="indirect"),
                Quote(content=span(t, "boterzacht"), speaker="Marieke Jansen", speaker_span=span(t, "Jansen", 1),
                      speaker_entity=2, cue=span(t, "noemde"), kind="direct")],
        claims=[Claim(id=0, content=span(t, "het vierhonderd banen schrapt"), source="Havenbedrijf Rotterdam",
                      source_span=span(t, "Havenbedrijf Rotterdam"), source_entity=0, cue=span(t, "ontkent"),
                      factuality="CT-", predicate="schrappen", arguments=["Havenbedrijf Rotterdam", "banen"]),
                Claim(id=1, content=span(t, "Marieke Jansen de zaak overdrijft"), source="Kees Bakker",
                      source_span=span(t, "Kees Bakker"), source_entity=1, cue=span(t, "zei"), quote=0,
                      predicate="overdrijven", arguments=["Marieke Jansen", "zaak"])],
        events=[Event(trigger=span(t, "spreekt"), type="MEET", agent=Argument(text="Bakker", entity=1),
                      patient=Argument(text="de bond"), when="2024-05-16", status="expected")],
        timexes=[Timex(**span(t, "dinsdag").model_dump(), type="DATE", value="2024-05-14"),
                 Timex(**span(t, "donderdag").model_dump(), type="DATE", value="2024-05-16")],
    )


def truce_article() -> Article:
    """Dutch: after talks the union leader calls off the strike; the director is named by his surname alone."""
    t = TRUCE
    mentions = _mentions(t, [("Bakker", "PER", 0), ("Marieke Jansen", "PER", 1), ("Havenbedrijf Rotterdam", "ORG", 2)])
    mentions.append(Mention(**span(t, "Jansen", 1).model_dump(), label="PER", entity=1))
    return Article(
        id="staking-voorbij", title="Staking in de haven voorbij", published=dt.date(2024, 5, 17), text=t,
        sentences=_sentences(t), mentions=mentions,
        entities=_entities([("Bakker", "PER"), ("Marieke Jansen", "PER"), ("Havenbedrijf Rotterdam", "ORG")], mentions),
        claims=[Claim(id=0, content=span(t, "de staking stopt"), source="Marieke Jansen",
                      source_span=span(t, "Marieke Jansen"), source_entity=1, cue=span(t, "zegt")),
                Claim(id=1, content=span(t, "belooft Havenbedrijf Rotterdam dat niemand zijn baan verliest"),
                      source="Marieke Jansen", source_span=span(t, "Jansen", 1), source_entity=1,
                      cue=span(t, "Volgens"))],
        events=[Event(trigger=span(t, "stopt"), type="RETREAT", agent=Argument(text="de staking"), when="2024-05-17",
                      status="reported", claim=0, source="Marieke Jansen")],
        timexes=[Timex(**span(t, "vrijdag").model_dump(), type="DATE", value="2024-05-17")],
    )


def story_articles() -> list[Article]:
    """Three Dutch articles of one story: a port strike, the denial, the end; they share two names."""
    return [strike_article(), denial_article(), truce_article()]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    """A store holding the hand-made articles."""
    path = tmp_path_factory.mktemp("web") / "kroniek.db"
    with open_store(path) as store:
        store_and_link(store, handmade_articles())
    return path


@pytest.fixture(scope="session")
def story_store_path(tmp_path_factory) -> Path:
    """A store holding the hand-made articles and a story of three more."""
    path = tmp_path_factory.mktemp("stories") / "kroniek.db"
    with open_store(path) as store:
        store_and_link(store, [*handmade_articles(), *story_articles()])
    return path


@pytest.fixture(scope="session")
def postgres_store_url(postgres_server) -> str:
    """A PostgreSQL store holding the hand-made articles."""
    url = postgres_server.new_database()
    with open_store(url) as store:
        store_and_link(store, handmade_articles())
    return url


class LiveServer:
    """`kroniek serve`'s own server, run in a thread on a free port of 127.0.0.1."""

    def __init__(self, db: Path, write_token: str | None = None):
        from kroniek.commands.serve import bind, server, url_of

        self.server = server(db, write_token)
        self.sock = bind("127.0.0.1", 0)
        self.url = url_of(self.sock).rstrip("/")
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.server.started, "the server did not start"
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="session")
def live_server() -> type[LiveServer]:
    """The LiveServer class, for tests that serve a store of their own."""
    return LiveServer


@pytest.fixture(scope="session")
def live_url(store_path) -> str:
    with LiveServer(store_path) as live:
        yield live.url


@pytest.fixture(scope="session")
def story_url(story_store_path) -> str:
    with LiveServer(story_store_path) as live:
        yield live.url


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never Playwright's own download); skips without either."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("no chromium: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshot():
    """Save a page's screenshot as test-artifacts/NAME.png."""
    def take(page, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
