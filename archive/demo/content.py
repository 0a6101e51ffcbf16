"""The demo's data: its three fictional publishers, all their articles, and the traps they set."""

from __future__ import annotations

from archive.demo import (
    stories_harbour_1,
    stories_harbour_2,
    stories_harbour_3,
    stories_mekong_1,
    stories_mekong_2,
    stories_mekong_3,
    stories_northwind_1,
    stories_northwind_2,
    stories_northwind_3,
)
from archive.demo.model import DemoArticle, Publisher, ReaderComment, Trap, paragraphs

PUBLISHERS: tuple[Publisher, ...] = (
    Publisher(
        key="harbour",
        name="The Harbour Gazette",
        cms="wordpress",
        language="en-GB",
        default_port=8101,
        tagline="News for Port Callow and the Westmere coast since 1887",
        sections=("Local News", "Business", "Environment", "Sport", "Culture"),
        about=paragraphs("""
        The Harbour Gazette has reported on Port Callow and the villages of the Westmere coast
        since 1887, when it was founded as a weekly sheet of shipping notices and market prices.
        It has been published online since 2004 and stopped printing in 2019.

        The Gazette is owned by a community benefit society with more than 1,200 members, most of
        whom live within ten miles of the harbour. Its newsroom of six journalists is based above
        the chandlery on the North Quay. Readers are welcome to drop in with story ideas.
        """),
    ),
    Publisher(
        key="mekong",
        name="The Mekong Ledger",
        cms="drupal",
        language="en",
        default_port=8102,
        tagline="Independent. Daily. Since 1994.",
        sections=("National", "Business", "Lifestyle", "Sport"),
        about=paragraphs("""
        The Mekong Ledger is an English-language daily newspaper based in Preah Vong. Founded in
        1994 by a group of local and foreign journalists, it covers national affairs, business,
        lifestyle and sport for readers at home and abroad.

        The Ledger employs more than 60 reporters, editors and photographers. Its print edition
        appears six days a week, and its website is updated around the clock. The newspaper is
        committed to accuracy, fairness and independence from political and commercial interests.
        """),
    ),
    Publisher(
        key="northwind",
        name="Northwind Daily",
        cms="modern",
        language="en",
        default_port=8103,
        tagline="Local news for the Northwind Valley",
        sections=("City", "Business", "Climate", "Tech", "Science", "Europa"),
        about=paragraphs("""
        Northwind Daily is a nonprofit, digital-only newsroom covering Larkspur Falls and the
        Northwind Valley. We launched in 2021 after the valley's last daily print newspaper closed,
        and we are funded by members, foundations and local businesses.

        Our reporters cover city hall, business, climate, technology and science. Through a
        partnership with a regional paper in Kaltenbrunn, our sister city, we also publish a small
        number of stories in German in our Europa section.
        """),
    ),
)

ARTICLES: tuple[DemoArticle, ...] = (
    stories_harbour_1.STORIES
    + stories_harbour_2.STORIES
    + stories_harbour_3.STORIES
    + stories_mekong_1.STORIES
    + stories_mekong_2.STORIES
    + stories_mekong_3.STORIES
    + stories_northwind_1.STORIES
    + stories_northwind_2.STORIES
    + stories_northwind_3.STORIES
)

# Reader comments under Harbour Gazette posts; each post shows two or three of them.
READER_COMMENTS: tuple[ReaderComment, ...] = (
    ReaderComment("Brenda Q.", "Good to see some positive news for the town for a change."),
    ReaderComment(
        "Mike from Seacombe",
        "Would be nice if the Gazette followed this up in six months to see how it worked out.",
    ),
    ReaderComment(
        "Harbourwatcher",
        "I remember this being talked about back in the nineties. Nobody thought it would happen.",
    ),
    ReaderComment("Liz Trewin", "Thanks for a balanced piece. Social media has been far less so."),
    ReaderComment("Dan K", "Who is paying for all of this? The article doesn't say."),
    ReaderComment("Old Salt", "Lovely photo. My dad would have been thrilled to see this."),
    ReaderComment("J. Penrose", "Good luck to them. Port Callow needs more of this sort of thing."),
)

# What a crawler must survive, per site. Kinds: server_error (500), redirect (301 to an article),
# not_found (styled 404), private (robots.txt Disallow), pagination and calendar (endless),
# pdf (application/pdf). `{n}`, `{date}` and `{slug}` mark templated paths.
TRAPS: tuple[Trap, ...] = (
    Trap("harbour", "server_error", "/live/harbour-festival-live-blog/", 500, "home page link"),
    Trap("harbour", "redirect", "/?p=105", 301, "WordPress shortlink to a post"),
    Trap("harbour", "not_found", "/2026/01/15/ferry-timetable-changes/", 404, "deleted post"),
    Trap("harbour", "private", "/private/staff-rota/", 200, "disallowed by robots.txt"),
    Trap("harbour", "pagination", "/page/{n}/", 200, "every N answers, with a next link"),
    Trap("harbour", "pdf", "/print/{slug}", 200, "application/pdf"),
    Trap("mekong", "server_error", "/live/flood-updates", 500, "home page link"),
    Trap("mekong", "redirect", "/node/1004", 301, "Drupal node path to its alias"),
    Trap("mekong", "not_found", "/national/bridge-toll-plan-scrapped", 404, "removed story"),
    Trap("mekong", "private", "/private/newsroom-directory", 200, "disallowed by robots.txt"),
    Trap("mekong", "calendar", "/archive?date={date}", 200, "every day links the next"),
    Trap("mekong", "pdf", "/print/{slug}", 200, "application/pdf"),
    Trap("northwind", "server_error", "/live/markets-ticker", 500, "home page link"),
    Trap("northwind", "redirect", "/a/5007", 301, "short link to an article"),
    Trap("northwind", "not_found", "/city/2025/12/01/holiday-lights-guide", 404, "expired"),
    Trap("northwind", "private", "/private/preview/draft-budget-story", 200, "disallowed"),
    Trap("northwind", "pdf", "/print/{slug}", 200, "application/pdf"),
)


def publisher(key: str) -> Publisher:
    """The publisher with this key; KeyError names the known keys."""
    for candidate in PUBLISHERS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no demo publisher {key!r}; known: {[p.key for p in PUBLISHERS]}")


def articles_of(key: str) -> tuple[DemoArticle, ...]:
    """A publisher's articles, newest first, as its listings show them."""
    own = [article for article in ARTICLES if article.publisher == key]
    return tuple(sorted(own, key=lambda article: article.published, reverse=True))


def trap(key: str, kind: str) -> Trap:
    """The publisher's trap of this kind (`server_error`, `redirect`, `private`...)."""
    for candidate in TRAPS:
        if candidate.publisher == key and candidate.kind == kind:
            return candidate
    raise KeyError(f"no {kind!r} trap for publisher {key!r}")
