"""The Harbour Gazette's stories, part 1: fictional news from Port Callow, late February 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs

PERMALINK = "/{published:%Y/%m/%d}/{slug}/"

STORIES = (
    DemoArticle(
        publisher="harbour",
        cms_id=101,
        slug="callow-ferry-returns-to-service-after-refit",
        permalink=PERMALINK,
        headline="Callow ferry returns to service after six-week refit",
        section="Local News",
        tags=("Ferries", "Transport"),
        authors=(Author("Maeve Tarrant"),),
        published=at("2026-02-20T07:30:00+00:00"),
        modified=at("2026-02-20T12:10:00+00:00"),
        summary=(
            "The Linney Bay crossing is running again, with a new engine, a wider car deck and a "
            "timetable that adds two late sailings on Fridays."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/02/callow-ferry-refit.jpg",
                alt="The ferry Marigold leaving the slipway at Port Callow",
                caption=(
                    "The Marigold leaves the slipway at Port Callow on its first crossing since "
                    "January."
                ),
                credit="Hollis Grange",
            ),
        ),
        body=paragraphs("""
        The ferry linking Port Callow with the villages across Linney Bay returned to service on
        Friday morning after a six-week refit that its operator says should keep the vessel running
        for another fifteen years. The first crossing left the slipway at 7.05am with eleven cars
        and a handful of foot passengers, several of whom had queued since before dawn.

        The Marigold, which has carried residents across the bay since 1994, was fitted with a new
        diesel-electric engine at a boatyard in Kestrel Haven. Its car deck has also been widened,
        allowing it to take fourteen vehicles instead of ten, and the passenger lounge has been
        rebuilt with step-free access from the loading ramp.

        During the closure, commuters faced a forty-minute drive around the head of the bay, and
        the county council paid for a temporary minibus service that ran every hour. Traders on the
        eastern shore said footfall dropped sharply. "January is always quiet, but this was
        something else," said Bryony Hale, who runs a bakery near the Seacombe landing.

        Westmere Ferry Company said the refit cost £1.8 million, two thirds of it covered by a
        regional transport grant. Its managing director, Colin Awdry, said the new engine would cut
        fuel use by about a quarter. "We want the crossing to be the obvious choice again, not the
        one people put up with," he said.

        The new timetable adds two late sailings on Fridays, at 10.15pm and 11pm, which the company
        said had been the most common request in a survey of passengers last autumn. Fares are
        unchanged until at least the summer.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=102,
        slug="fish-market-expansion-wins-council-approval",
        permalink=PERMALINK,
        headline="Fish market expansion wins council approval despite parking fears",
        section="Business",
        tags=("Council", "Fishing"),
        authors=(Author("Owen Pryce"),),
        published=at("2026-02-21T16:45:00+00:00"),
        summary=(
            "Councillors voted seven to four for a larger auction hall and cold store on the "
            "North Quay, but residents want answers on where lorries will park."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/02/north-quay-fish-market.jpg",
                alt="Crates of fish stacked inside the North Quay auction hall",
                caption="Crates are stacked for the early auction at the North Quay market.",
                credit="Owen Pryce",
            ),
        ),
        body=paragraphs("""
        Plans to almost double the size of Port Callow's fish market were approved by Westmere
        council's planning committee on Thursday evening, ending two years of argument over the
        future of the North Quay. Councillors voted seven to four in favour of a new auction hall,
        a cold store and an ice plant on the site of the disused net lofts.

        The harbour authority, which runs the market, says the extra space is needed because the
        number of boats landing at Port Callow has risen from nineteen to thirty-one since 2020,
        partly as larger ports further along the coast became more expensive. On busy mornings,
        crates are currently stacked on the quayside because there is no room for them inside.

        Objectors did not dispute the need for a bigger market, but several warned that the plans
        made no proper provision for the refrigerated lorries that collect the catch. "We already
        have articulated lorries idling outside our windows at four in the morning," said Denise
        Marr, who lives on Quay Terrace. "Nobody has told us where the extra ones are going to go."

        The harbour master, Robert Fenwick, told the meeting that a lorry holding area would be
        created on the old coal yard and that drivers would be barred from waiting on residential
        streets. Councillors added a condition requiring the holding area to be finished before the
        new hall opens.

        Work is expected to start in the autumn and take around eighteen months. The harbour
        authority has applied for a coastal communities grant to cover part of the £6.4 million
        cost, with the remainder borrowed against future landing fees.

        Skippers at the market on Friday morning welcomed the decision. One, who has fished out of
        the port for thirty years, said the current hall had been "too small since the day it
        opened" and that younger crews were losing patience with the queues.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=103,
        slug="volunteers-plant-seagrass-in-linney-bay",
        permalink=PERMALINK,
        headline="Volunteers plant 40,000 seagrass shoots in Linney Bay",
        section="Environment",
        tags=("Seagrass", "Volunteers"),
        authors=(Author("Ana Silva"), Author("Tom Reed")),
        published=at("2026-02-24T09:00:00+00:00"),
        summary=(
            "A weekend of low tides let more than 200 volunteers finish the largest seagrass "
            "planting yet attempted on the Westmere coast."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/02/seagrass-planting.jpg",
                alt="Volunteers kneeling on the mudflats planting seagrass",
                caption="Volunteers plant seagrass shoots on the exposed mudflats at low tide.",
                credit="Hollis Grange",
            ),
            Image(
                src="/wp-content/uploads/2026/02/seagrass-seed-bags.jpg",
                alt="Hessian bags of seagrass seed lined up on the shore",
                caption="Seed is sewn into hessian bags that rot away once the plants take root.",
                credit="Westmere Wildlife Trust",
            ),
        ),
        body=paragraphs("""
        More than two hundred volunteers spent the weekend knee-deep in mud at Linney Bay, planting
        forty thousand seagrass shoots in what organisers say is the largest restoration effort yet
        attempted on the Westmere coast. The work was timed to coincide with the lowest tides of
        the month, which left the mudflats exposed for up to four hours at a time.

        Seagrass meadows once covered much of the bay but were largely lost in the 1930s to a
        wasting disease and, later, to pollution and boat moorings. The Westmere Wildlife Trust,
        which led the project, says the plants trap carbon in the seabed, calm the water and
        provide shelter for young fish, including bass and pollack.

        Volunteers pushed the shoots into the mud by hand and also laid hessian bags filled with
        seed, which rot away once the plants have taken root. "It is slow, filthy work, and people
        kept coming back for more," said Lowri Banfield, the trust's marine officer. "We had
        retired fishermen working next to primary school children."

        Earlier plantings on a smaller scale in 2023 and 2024 have had mixed results. About a third
        of the area planted two years ago now has established seagrass, while a patch near the
        sailing club failed entirely, which the trust attributes to anchors dragging across the
        site.

        To avoid a repeat, the harbour authority has agreed to move six swinging moorings and mark
        the new meadow with yellow buoys. Boat owners have been asked not to anchor within the
        marked area between March and October.

        The trust will survey the site by drone in the summer and plans a further planting next
        February if at least half of the shoots survive the first growing season.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=104,
        slug="lifeboat-crew-rescue-kayakers-off-gull-point",
        permalink=PERMALINK,
        headline="Lifeboat crew rescue two kayakers off Gull Point",
        section="Local News",
        tags=("Lifeboat", "Rescue"),
        authors=(Author("Maeve Tarrant"),),
        published=at("2026-02-26T18:20:00+00:00"),
        modified=at("2026-02-27T08:05:00+00:00"),
        summary=(
            "The pair were found clinging to an upturned kayak after a sudden squall, and were "
            "treated for mild hypothermia."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/02/gull-point-lifeboat.jpg",
                alt="The Port Callow lifeboat returning to harbour in rough water",
                caption=(
                    "The Port Callow inshore lifeboat returns to the harbour after the rescue."
                ),
                credit="Port Callow Lifeboat Station",
            ),
        ),
        body=paragraphs("""
        Two kayakers were pulled from the sea off Gull Point on Thursday afternoon after a sudden
        squall capsized their boat about half a mile from shore. The volunteer crew of the Port
        Callow inshore lifeboat reached them within twelve minutes of being paged and found both
        clinging to the upturned hull.

        The men, both in their forties and visiting from inland, had set out from Seacombe beach in
        calm conditions shortly after lunch. A walker on the coastal path saw the kayak go over and
        called the coastguard. By the time the lifeboat arrived the wind had risen to gusts of more
        than thirty knots.

        Helm Carys Penhallow said the pair had done several things right. "They were wearing
        buoyancy aids and they stayed with the kayak, which made them much easier to spot," she
        said. "But the forecast had warned of squalls from mid-afternoon, and it only takes one to
        turn a pleasant paddle into a very dangerous situation."

        Both men were treated for mild hypothermia at the lifeboat station and later taken to
        Westmere General Hospital as a precaution. They were discharged the same evening, and one
        of them later thanked the crew in a message to the station.

        It was the station's fourth call-out of the year. The crew will hold an open day on Easter
        Monday, when visitors can see the boat and talk to volunteers about water safety.
        """),
    ),
)
