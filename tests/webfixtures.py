"""Feeds and web archives built in the tests from short Dutch reports written for Kroniek's tests."""

from __future__ import annotations

import io
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HAVEN = (
    "Het havenbedrijf van Harlingen heeft dinsdag bekendgemaakt dat de veerdienst naar Vlieland drie weken "
    "stil komt te liggen. De kademuur bij de aanlegsteiger is volgens een inspectie te zwak geworden.\n\n"
    "Directeur Marieke Hoekstra zei dat eilanders en toeristen in die tijd met een kleinere sneldienst "
    "kunnen reizen. ,,Het is vervelend, maar veiligheid gaat voor'', aldus Hoekstra.\n\n"
    "De reparatie kost naar schatting 1,8 miljoen euro. De provincie Friesland betaalt de helft."
)
BIBLIOTHEEK = (
    "De bibliotheek in Emmen gaat vanaf volgende maand ook op zondag open. Dat heeft het bestuur woensdag "
    "besloten na een proef van een half jaar waarin ruim vierduizend bezoekers op zondag langskwamen.\n\n"
    "Vooral gezinnen met jonge kinderen en scholieren die voor hun examens leren maakten gebruik van de "
    "ruimere openingstijden. Wethouder Sjoerd Bos noemde het een goed voorbeeld van een voorziening die "
    "met haar bezoekers meegroeit. De extra uren worden betaald uit het cultuurbudget van de gemeente."
)
BOERDERIJ = (
    "Bij een brand in een schuur van een melkveebedrijf in Staphorst zijn donderdagnacht geen dieren "
    "omgekomen. De boer wist de koeien op tijd naar een weiland te drijven, meldt de veiligheidsregio.\n\n"
    "De brandweer was met zes wagens ter plaatse en had het vuur na twee uur onder controle. De schuur, "
    "waarin hooi en landbouwmachines lagen opgeslagen, brandde volledig af. De oorzaak wordt onderzocht; "
    "volgens een woordvoerder is kortsluiting in een stroomkast de meest waarschijnlijke verklaring."
)
ENGLISH = (
    "The harbour company announced on Tuesday that the ferry to the island will not sail for three weeks, "
    "because an inspection found the quay wall near the landing stage had become too weak to be used safely."
)


def paragraphs_html(text: str) -> str:
    """A text's paragraphs as HTML paragraphs."""
    return "".join(f"<p>{escape(part)}</p>" for part in text.split("\n\n"))


def page(title: str, text: str, site: str | None = "Noorderkrant", date: str | None = None) -> str:
    """A news page: navigation around an article, with (optionally) its site name and date in metadata."""
    meta = f'<meta property="og:site_name" content="{site}">' if site else ""
    meta += f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<html><head><title>{escape(title)}</title>{meta}</head><body><nav><a href='/'>Voorpagina</a></nav>"
            f"<article><h1>{escape(title)}</h1>{paragraphs_html(text)}</article><footer>Colofon</footer></body></html>")


def rss(items: list[dict[str, str]], title: str = "Noorderkrant") -> str:
    """An RSS 2.0 feed; each item may have title, link, date (RFC 822), summary and content (HTML)."""
    def item(fields: dict[str, str]) -> str:
        parts = [f"<title>{escape(fields.get('title', ''))}</title>", f"<link>{fields.get('link', '')}</link>"]
        parts += [f"<pubDate>{fields['date']}</pubDate>"] if "date" in fields else []
        parts += [f"<description>{escape(fields['summary'])}</description>"] if "summary" in fields else []
        parts += [f"<content:encoded><![CDATA[{fields['content']}]]></content:encoded>"] if "content" in fields else []
        return "<item>" + "".join(parts) + "</item>"

    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(title)}</title><link>https://noorderkrant.example/</link>"
            + "".join(item(fields) for fields in items) + "</channel></rss>")


def atom(entries: list[dict[str, str]], title: str = "Drents Dagblad") -> str:
    """An Atom feed; each entry has title, link, updated (ISO 8601) and content (HTML)."""
    body = "".join(
        f"<entry><title>{escape(e['title'])}</title><link href=\"{e['link']}\"/><id>{e['link']}</id>"
        f"<updated>{e['updated']}</updated><content type=\"html\">{escape(e['content'])}</content></entry>"
        for e in entries)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title>{body}</feed>")


def warc(records: list[tuple[str, str, bytes]], gzip: bool = False, date: str = "2024-03-05T09:30:00Z") -> bytes:
    """A WARC file of one request and one response per (url, content type, body), fetched at `date`."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, content_type, body in records:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "noorderkrant.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                      warc_headers_dict={"WARC-Date": date}))
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers, warc_headers_dict={"WARC-Date": date}))
    return buffer.getvalue()


VEER = "https://noorderkrant.example/veerdienst"
BIEB = "https://noorderkrant.example/bibliotheek"
BRAND = "https://drents.example/brand"
WIRE = "https://drents.example/veerdienst-vlieland"


def feed_and_warc(folder) -> list[str]:
    """A feed of three items and a crawl of three responses (one a wire copy of a feed item) written
    into `folder`; their paths."""
    feed = rss([{"title": "Veerdienst ligt stil", "link": VEER, "date": "Tue, 05 Mar 2024 18:00:00 +0100",
                 "content": paragraphs_html(HAVEN)},
                {"title": "Bibliotheek op zondag open", "link": BIEB, "summary": paragraphs_html(BIBLIOTHEEK)},
                {"title": "Ferry", "link": "https://noorderkrant.example/ferry", "summary": ENGLISH}])
    (folder / "noorderkrant.rss").write_text(feed, encoding="utf-8")
    crawl = warc([(BRAND, "text/html", page("Schuur afgebrand", BOERDERIJ, site="Drents Dagblad", date="2024-03-07").encode()),
                  (WIRE, "text/html", page("Veerboot vaart weken niet", "HARLINGEN (ANP) - " + HAVEN).encode()),
                  ("https://drents.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32))], gzip=True)
    (folder / "oogst.warc.gz").write_bytes(crawl)
    return [str(folder / "noorderkrant.rss"), str(folder / "oogst.warc.gz")]
