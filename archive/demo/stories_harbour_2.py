"""The Harbour Gazette's stories, part 2: fictional news from Port Callow, early March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_harbour_1 import PERMALINK

STORIES = (
    DemoArticle(
        publisher="harbour",
        cms_id=105,
        slug="callow-rovers-reach-county-cup-semi-final",
        permalink=PERMALINK,
        headline="Callow Rovers reach county cup semi-final for first time since 1998",
        section="Sport",
        tags=("Football", "Callow Rovers"),
        authors=(Author("Tom Reed"),),
        published=at("2026-02-28T21:40:00+00:00"),
        summary=(
            "A late header from captain Jamie Trevail settled a tense quarter-final against "
            "Kestrel Haven Town at the Quay Road ground."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/02/rovers-quarter-final.jpg",
                alt="Callow Rovers players celebrating a goal in front of the home stand",
                caption="Rovers players celebrate Jamie Trevail's winning header.",
                credit="Tom Reed",
            ),
        ),
        body=paragraphs("""
        Callow Rovers are into the semi-finals of the Westmere Senior Cup for the first time in
        twenty-eight years after a late header from captain Jamie Trevail beat Kestrel Haven Town
        2-1 at Quay Road on Saturday. A crowd of 640, the ground's largest of the season, stayed on
        the pitch long after the final whistle.

        Rovers took the lead midway through the first half when winger Dylan Moyle cut inside and
        curled a shot into the far corner. Kestrel Haven, who play two divisions higher, dominated
        possession after the break and equalised from a penalty on seventy minutes after a handball
        in a crowded goalmouth.

        With extra time looming, Trevail rose above two defenders to meet a corner from substitute
        Arlo Kitto in the eighty-eighth minute. "I didn't see it go in, I just heard the noise,"
        said Trevail, a plumber who has played for the club since he was sixteen. "This town has
        waited a long time for a day like this."

        Manager Sian Polglase praised her side's defending in the second half, singling out
        goalkeeper Rhys Annear, who made three saves from close range. "We knew we would have to
        suffer, and we did," she said. "Nobody stopped running."

        The draw for the semi-finals takes place on Monday. Rovers could face holders Westmere
        Athletic, whom they have not beaten in a competitive match since 2011. The club said it
        would put up a big screen at Quay Road if the tie is drawn away.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=106,
        slug="old-lighthouse-reopens-as-maritime-museum",
        permalink=PERMALINK,
        headline="Old lighthouse reopens as maritime museum",
        section="Culture",
        tags=("Museums", "Heritage"),
        authors=(Author("Priya Castell"),),
        published=at("2026-03-03T10:15:00+00:00"),
        summary=(
            "The decommissioned Callow Head light has been turned into a small museum telling the "
            "stories of the keepers who lived there."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/callow-head-lighthouse.jpg",
                alt="The white tower of Callow Head lighthouse against a grey sky",
                caption=(
                    "The Callow Head lighthouse, which was automated in 1989 and switched off in "
                    "2019."
                ),
                credit="Hollis Grange",
            ),
            Image(
                src="/wp-content/uploads/2026/03/lighthouse-lamp-room.jpg",
                alt="The restored brass lamp inside the lighthouse lantern room",
                caption="The restored lamp room at the top of the 86 steps.",
                credit="Callow Head Trust",
            ),
        ),
        body=paragraphs("""
        The lighthouse that guided ships around Callow Head for more than a century has reopened as
        a small maritime museum, six years after its light was switched off for the last time.
        Around three hundred people climbed the eighty-six steps to the lamp room on the opening
        weekend, with volunteers limiting numbers to twenty at a time.

        The museum is run by the Callow Head Trust, a charity set up by residents when the tower
        was put up for sale in 2020. It raised £420,000 through donations, a heritage grant and a
        much-publicised sponsored swim across Linney Bay to buy the building and make it safe for
        visitors.

        Exhibits focus on the keepers and their families, who lived in the cottages at the foot of
        the tower until the light was automated in 1989. Logbooks record storms, shipwrecks and, in
        one entry from 1947, a keeper's complaint that the supply boat had forgotten his tobacco
        for the third week running.

        "People think of lighthouses as lonely places, but these were households, with children and
        dogs and arguments about whose turn it was to polish the brass," said Margaret Tonkin, the
        trust's chair, whose grandfather served at the light in the 1950s.

        The restored lamp, which weighs almost two tonnes, can still be rotated by hand. The trust
        hopes eventually to light it on special occasions, although it would need permission from
        the lighthouse authority, which does not want it mistaken for a working light.

        The museum opens from Thursday to Sunday until October. Entry is free for residents of Port
        Callow and children under twelve, and local school groups can book guided visits on
        weekdays outside those hours.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=107,
        slug="high-street-vacancies-fall-as-pop-up-shops-move-in",
        permalink=PERMALINK,
        headline="High street vacancies fall as pop-up shops take short leases",
        section="Business",
        tags=("High Street", "Retail"),
        authors=(Author("Owen Pryce"),),
        published=at("2026-03-05T08:00:00+00:00"),
        summary=(
            "Nine empty units on Fore Street now have tenants, many of them on three-month leases "
            "negotiated by a new council scheme."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/fore-street-pop-up.jpg",
                alt="Shoppers outside a pop-up ceramics shop on Fore Street",
                caption=(
                    "A ceramics studio is one of nine pop-up shops that opened on Fore Street "
                    "this winter."
                ),
                credit="Owen Pryce",
            ),
        ),
        body=paragraphs("""
        The number of empty shops on Port Callow's Fore Street has fallen from fourteen to five
        since November, after the council began brokering short leases between landlords and small
        traders who would not normally risk a long-term commitment.

        Under the scheme, tenants sign three-month leases at a reduced rent, with the council
        covering business rates for the first quarter. New arrivals include a ceramics studio, a
        repair café, a vintage clothing shop and a bookshop that sells only titles by writers from
        the county.

        Landlords were initially reluctant, according to Gemma Roskilly, the council officer who
        runs the scheme. "The worry was that a short-term tenant would make it harder to find a
        long-term one," she said. "What we have found is the opposite. A lit window with people
        going in and out is the best advertisement a unit can have."

        Two of the pop-up tenants have already signed conventional leases. Ellis Jago, who opened a
        shop selling refurbished bicycles in December, said the trial period had allowed him to
        test whether there was enough demand before borrowing money to expand.

        Not every trader is convinced. The chair of the Fore Street traders' association said
        established businesses had seen little benefit from the new arrivals and called for the
        council to spend more on parking and street cleaning instead.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=108,
        slug="coastal-path-closed-after-cliff-fall",
        permalink=PERMALINK,
        headline="Section of coastal path closed after cliff fall near Seacombe",
        section="Environment",
        tags=("Coastal Path", "Erosion"),
        authors=(Author("Ana Silva"),),
        published=at("2026-03-08T13:30:00+00:00"),
        modified=at("2026-03-09T09:45:00+00:00"),
        summary=(
            "A diversion is in place between Seacombe and Gull Point after several hundred tonnes "
            "of rock fell onto the beach below."
        ),
        body=paragraphs("""
        A stretch of the coastal path between Seacombe and Gull Point has been closed after a cliff
        fall sent several hundred tonnes of rock and earth onto the beach below early on Sunday.
        Nobody was hurt, but the path now runs within two metres of the new cliff edge in places.

        The fall happened at around 6am, after a week of heavy rain, and was heard by residents in
        Seacombe nearly a mile away. Coastguards cordoned off the beach beneath the cliff and
        warned walkers to stay well back from the debris, which they said could continue to move
        for several days.

        The county council, which maintains the path, has put in place an inland diversion along
        farm tracks, adding about twenty minutes to the walk. A spokesperson said geologists would
        assess the site this week but warned that the old route was unlikely to reopen. "In all
        probability, the path will have to move inland permanently," she said.

        Erosion along this part of the coast has accelerated in recent years. A survey published
        last year found that the cliffs between Seacombe and Gull Point had retreated by an average
        of forty centimetres a year since 2015, roughly double the rate recorded in the previous
        two decades.

        Walkers have been asked to follow the diversion signs and not to climb over fences. The
        council said anyone who sees cracks opening near the cliff edge should report them
        immediately.
        """),
    ),
)
