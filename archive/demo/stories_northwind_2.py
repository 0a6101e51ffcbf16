"""Northwind Daily's stories, part 2: fictional news from Larkspur Falls, early March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_northwind_1 import PERMALINK

STORIES = (
    DemoArticle(
        publisher="northwind",
        cms_id=5005,
        slug="public-library-scraps-late-fees",
        permalink=PERMALINK,
        headline="Public library scraps late fees after pilot boosts returns",
        section="City",
        tags=("Libraries",),
        authors=(Author("Dana Whitlock"),),
        published=at("2026-03-02T09:00:00-05:00"),
        summary=(
            "Overdue fines ended for good on Monday after a year-long trial found more books came "
            "back, not fewer."
        ),
        images=(
            Image(
                src="/img/2026/03/library-returns.jpg",
                alt="A librarian sorts returned books on a cart",
                caption="Returned books wait to be shelved at the Central Library.",
                credit="Dana Whitlock/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        The Larkspur Falls Public Library has permanently eliminated late fees on books and other
        materials after a year-long pilot found that removing fines led to more items being
        returned, not fewer.

        During the pilot, the share of items returned within two weeks of their due date rose from
        88 percent to 93 percent, and nearly 2,400 people whose cards had been blocked over unpaid
        fines came back to borrow again. Fines had brought in about $61,000 a year, less than 1
        percent of the library's budget.

        Library director Owen Takahashi said the fines had fallen hardest on children and
        low-income families. "We had kids who stopped coming because they owed $4 and were
        embarrassed," he said. "That's the opposite of what a library is for."

        Borrowers will still be charged for items that are lost or not returned within 60 days,
        though the charge is waived if the item is brought back. The library has also cleared all
        existing late fees.

        Some residents questioned whether the change was fair to people who had always returned
        items on time. The library board said it would monitor return rates and reconsider if they
        fell significantly.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5006,
        slug="heat-pump-rebates-run-out-in-six-weeks",
        permalink=PERMALINK,
        headline="Heat pump rebates run out in six weeks",
        section="Climate",
        tags=("Energy", "Housing"),
        authors=(Author("Leah Kowalczyk"), Author("Marcus Oyelaran")),
        published=at("2026-03-06T15:20:00-05:00"),
        summary=(
            "The state's $25 million program was meant to last until the end of the year but was "
            "overwhelmed by applications."
        ),
        body=paragraphs("""
        A state program offering rebates of up to $6,000 for home heat pumps has run out of money
        six weeks after it opened, leaving thousands of applicants on a waiting list and installers
        scrambling to reassure customers who had already signed contracts.

        The $25 million program was expected to last until December. The state energy office said
        it had received more than 9,000 applications, roughly three times the number it had planned
        for, with the highest demand in the Northwind Valley, where many homes still heat with
        propane or oil.

        "We knew there was interest, but we didn't anticipate this level of demand," said energy
        office spokesperson Carla Huang. She said applications already approved would be honored
        and that the office would ask legislators for additional funding.

        Installers said the sudden end had caused confusion. Brett Amundsen, who runs a heating
        company in Larkspur Falls, said he had eleven jobs booked for customers who were counting
        on the rebate. "Some of them will go ahead anyway, but for a lot of families, $6,000 is the
        difference between doing it and not," he said.

        Lawmakers from both parties have said they support adding money to the program, but the
        legislature's budget committee is not expected to take up the request before May, and
        installers said many customers would wait rather than pay the full price.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5007,
        slug="amateur-astronomers-comet-confirmed",
        permalink=PERMALINK,
        headline="Amateur astronomer's comet confirmed by observatory",
        section="Science",
        tags=("Astronomy",),
        authors=(Author("Sam Brandt"),),
        published=at("2026-03-09T20:10:00-04:00"),
        summary=(
            "A retired high school teacher spotted the faint comet from her backyard in Hollis "
            "Ferry with a homemade telescope."
        ),
        images=(
            Image(
                src="/img/2026/03/backyard-telescope.jpg",
                alt="A woman standing beside a large homemade telescope in a backyard at dusk",
                caption="Marjorie Quist with the telescope she built in her garage.",
                credit="Sam Brandt/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        A retired high school physics teacher from Hollis Ferry has discovered a new comet, using a
        telescope she built in her garage, and the object will carry her name after its discovery
        was confirmed by professional astronomers last week.

        Marjorie Quist, 71, noticed a faint smudge of light moving against the background stars in
        images she took on the night of Feb. 27. After checking it against catalogs of known
        objects, she reported it to an international clearinghouse for comet discoveries, which
        asked observatories to look for it.

        "I must have looked at it ten times before I believed it wasn't a smudge on the lens,"
        Quist said. "Then I looked at it ten more times." She has been photographing the night sky
        for 30 years and built her current telescope, with a 16-inch mirror, over three winters.

        The comet is currently too faint to see without a large telescope, and astronomers say it
        is unlikely to become visible to the naked eye. Its orbit suggests it takes several
        thousand years to travel around the sun.

        Quist said she hoped the discovery would encourage former students and others to take up
        astronomy. The Northwind Valley Astronomical Society, of which she is a member, holds free
        viewing nights on the first Friday of every month.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5008,
        slug="housing-permits-hit-ten-year-high",
        permalink=PERMALINK,
        headline="Housing permits hit ten-year high as city eases zoning rules",
        section="Business",
        tags=("Housing", "Construction"),
        authors=(Author("Marcus Oyelaran"),),
        published=at("2026-03-12T10:00:00-04:00"),
        summary=(
            "Builders filed permits for 1,140 new homes last year, most of them in small "
            "apartment buildings now allowed near transit stops."
        ),
        images=(
            Image(
                src="/img/2026/03/townhouse-construction.jpg",
                alt="Workers framing a row of townhouses",
                caption="Townhouses under construction on Alder Avenue.",
                credit="Marcus Oyelaran/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        Builders in Larkspur Falls filed permits for 1,140 new homes last year, the highest number
        in a decade, as changes to the city's zoning rules allowed small apartment buildings and
        townhouses in neighborhoods previously reserved for single-family houses.

        More than half of the new permits were for buildings of between three and twelve units
        within a half mile of a light rail station, the type of development the council set out to
        encourage when it rewrote the zoning code in 2024.

        "For decades the only thing you could build in most of this city was a detached house on a
        big lot," said council member Ayesha Grant, who sponsored the changes. "We're finally
        seeing the kind of homes that young families and older people who want to downsize are
        actually asking for."

        Some neighborhood groups say the new buildings are out of scale with their streets and have
        asked for stricter design standards. A coalition of residents in the Linden Park area has
        collected more than 1,500 signatures on a petition calling for a pause.

        Rents in the city rose 2.1 percent last year, the smallest increase since 2019, according
        to a report by a regional housing nonprofit, which said new supply was starting to ease
        pressure on the market.
        """),
    ),
)
