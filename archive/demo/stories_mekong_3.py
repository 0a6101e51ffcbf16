"""The Mekong Ledger's stories, part 3: fictional news from late March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_mekong_1 import ALT, FILES, PERMALINK

STORIES = (
    DemoArticle(
        publisher="mekong",
        cms_id=1009,
        slug="restoration-of-temple-gallery-completed",
        permalink=PERMALINK,
        headline="Restoration of 12th-century temple gallery completed",
        section="Lifestyle",
        tags=("Heritage", "Temples"),
        authors=(Author("Chea Malis"),),
        published=at("2026-03-19T08:45:00+07:00"),
        summary=(
            "Conservators spent six years stabilising the eastern gallery and its carved stone "
            "reliefs at Prasat Veal Krahom."
        ),
        images=(
            Image(
                src=f"{FILES}/prasat-veal-krahom-gallery.jpg?itok=Pn2xC7bJ",
                alt=ALT,
                caption=(
                    "A conservator cleans a carved relief in the eastern gallery of Prasat Veal "
                    "Krahom."
                ),
                credit="HERITAGE AUTHORITY",
            ),
        ),
        body=paragraphs("""
        Conservators have completed a six-year restoration of the eastern gallery of Prasat Veal
        Krahom, a 12th-century temple in the northwest, reopening to visitors a 60-metre stretch of
        carved stone reliefs that had been closed since 2019 because of the risk of collapse.

        The gallery's roof and several columns had been weakened by tree roots and water seeping
        through the stone. Conservators dismantled sections of the structure, numbered every block,
        reinforced the foundations and rebuilt the gallery using the original stones wherever
        possible.

        The reliefs depict scenes of daily life, including markets, fishing and cooking, as well as
        battles and religious ceremonies. "These are some of the finest depictions of ordinary
        people from the period," said Chan Borey, the heritage authority's head of conservation.
        "You can see the bowls they ate from and the nets they fished with."

        The project was carried out by a team of 45 local craftsmen and conservators, trained over
        the course of the work. The heritage authority said the team would now move to a second
        temple in the same province.

        Visitor numbers to the temple have risen steadily as roads in the area have improved,
        reaching about 90,000 last year. The authority said it would limit the number of visitors
        allowed in the eastern gallery at any one time to protect the reliefs.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1010,
        slug="early-warning-sirens-installed-in-flood-prone-villages",
        permalink=PERMALINK,
        headline="Early warning sirens installed in 25 flood-prone villages",
        section="National",
        tags=("Floods", "Disaster Management"),
        authors=(Author("Sok Dara", "Staff Reporter"),),
        published=at("2026-03-23T13:00:00+07:00"),
        modified=at("2026-03-24T09:20:00+07:00"),
        summary=(
            "The solar-powered sirens are triggered automatically when river sensors detect a "
            "rapid rise in water levels."
        ),
        images=(
            Image(
                src=f"{FILES}/flood-siren-srok-meas.jpg?itok=Ve5kW9mR",
                alt=ALT,
                caption=(
                    "A technician tests a solar-powered flood siren in Srok Meas province on "
                    "March 21."
                ),
                credit="DISASTER MANAGEMENT COMMITTEE",
            ),
        ),
        body=paragraphs("""
        Solar-powered sirens have been installed in 25 villages along the Stung Meas river and its
        tributaries, giving residents up to six hours' warning of flash floods, the National
        Committee for Disaster Management said on Monday.

        The sirens are linked to water level sensors upstream that send readings every ten minutes.
        When the water rises faster than a set rate, the sirens sound automatically and text
        messages are sent to village chiefs and local officials.

        Floods along the river killed 14 people and destroyed more than 2,000 homes in 2024, many
        of them in villages where residents had little time to move to higher ground. "Last time,
        the water came in the night and we only woke when it was in the house," said Touch Sreypov,
        a mother of three in Srok Meas province. "With the siren, at least we can take the children
        and go."

        The committee said drills would be held in every village before the wet season so that
        residents know where to go when the sirens sound. It plans to extend the system to a
        further 50 villages next year if funding is secured.

        Officials said the sirens would also be tested once a month at noon, and asked residents
        not to be alarmed when they hear them sound on the first Monday of each month.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1011,
        slug="preah-vong-city-win-league-opener",
        permalink=PERMALINK,
        headline="Preah Vong City win league opener in front of record crowd",
        section="Sport",
        tags=("Football",),
        authors=(Author("Nov Pisey"),),
        published=at("2026-03-25T22:30:00+07:00"),
        summary=(
            "A crowd of 21,000 watched the champions beat newly promoted Kampong Lam United 3-1 "
            "at the National Stadium."
        ),
        images=(
            Image(
                src=f"{FILES}/preah-vong-city-opener.jpg?itok=Bd1sF4hN",
                alt=ALT,
                caption=(
                    "Preah Vong City striker Sokun Vichet celebrates his second goal on March 25."
                ),
                credit="NOV PISEY",
            ),
        ),
        body=paragraphs("""
        Champions Preah Vong City began the defence of their league title with a 3-1 win over newly
        promoted Kampong Lam United on Wednesday night, in front of a crowd of 21,000, the largest
        for a league match since the competition was founded.

        Striker Sokun Vichet scored twice in the first half, first from a header and then from a
        penalty after he was fouled in the area. Kampong Lam pulled a goal back early in the second
        half through midfielder Rin Dina, before substitute Meng Kosal sealed the win in stoppage
        time.

        City coach Tan Bunthoeun said the result was better than the performance. "They pressed us
        very well for an hour, and we were lucky to be two goals up at half-time," he said. "But a
        champion team finds a way to win on nights like this."

        League officials attributed the record attendance to cheaper tickets and a free shuttle bus
        service from the city centre. The league's chief executive said it hoped to average 10,000
        spectators a match this season.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1012,
        slug="highland-coffee-cooperatives-win-first-export-contract",
        permalink=PERMALINK,
        headline="Highland coffee cooperatives win first export contract",
        section="Business",
        tags=("Coffee", "Agriculture"),
        authors=(Author("Lim Sophorn"),),
        published=at("2026-03-27T10:00:00+07:00"),
        summary=(
            "Three cooperatives of smallholder farmers will ship 60 tonnes of arabica beans to a "
            "roaster overseas this year."
        ),
        images=(
            Image(
                src=f"{FILES}/highland-coffee-sorting.jpg?itok=Jm6tR2cX",
                alt=ALT,
                caption=(
                    "Farmers sort coffee cherries at a cooperative in the northeastern highlands "
                    "on March 24."
                ),
                credit="SUPPLIED",
            ),
        ),
        body=paragraphs("""
        Three coffee cooperatives in the northeastern highlands have signed their first export
        contract, agreeing to ship 60 tonnes of arabica beans to a specialty roaster overseas this
        year, in what agriculture officials described as a milestone for the country's small coffee
        sector.

        The cooperatives, which together represent about 400 smallholder families, began growing
        arabica about a decade ago with support from a rural development programme. Most of their
        crop has until now been sold to local cafés or to traders who blend it with cheaper beans.

        Cooperative leader Romam Ploeu said the contract price, about double what traders usually
        pay, would make a real difference to families. "For years people told us coffee from here
        could not be good enough," he said. "Now the buyers come to us."

        The roaster required the cooperatives to meet strict standards for picking and processing,
        including sorting the cherries by hand and drying the beans on raised beds. Farmers
        received training from a visiting expert over two harvest seasons.

        The Ministry of Agriculture said coffee exports remained small but that it saw potential
        for growth in the highlands, where the altitude and climate suit arabica. It said it would
        help other cooperatives meet export standards.
        """),
    ),
)
