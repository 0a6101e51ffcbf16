"""The Harbour Gazette's stories, part 1: fictional news from Port Callow, February 2026."""

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
        summary="The Linney Bay crossing is running again, with a new engine, a wider car deck and a timetable that adds two late sailings on Fridays.",
        images=(
            Image(
                src="/wp-content/uploads/2026/02/callow-ferry-refit.jpg",
                alt="The ferry Marigold leaving the slipway at Port Callow",
                caption="The Marigold leaves the slipway at Port Callow on its first crossing since January.",
                credit="Hollis Grange",
            ),
        ),
        body=paragraphs("""
        The ferry linking Port Callow with the villages across Linney Bay returned to service on Friday morning after a six-week refit that its operator says should keep the vessel running for another fifteen years. The first crossing left the slipway at 7.05am with eleven cars and a handful of foot passengers, several of whom had queued since before dawn.

        The Marigold, which has carried residents across the bay since 1994, was fitted with a new diesel-electric engine at a boatyard in Kestrel Haven. Its car deck has also been widened, allowing it to take fourteen vehicles instead of ten, and the passenger lounge has been rebuilt with step-free access from the loading ramp.

        During the closure, commuters faced a forty-minute drive around the head of the bay, and the county council paid for a temporary minibus service that ran every hour. Traders on the eastern shore said footfall dropped sharply. "January is always quiet, but this was something else," said Bryony Hale, who runs a bakery near the Seacombe landing.

        Westmere Ferry Company said the refit cost £1.8 million, two thirds of it covered by a regional transport grant. Its managing director, Colin Awdry, said the new engine would cut fuel use by about a quarter. "We want the crossing to be the obvious choice again, not the one people put up with," he said.

        The new timetable adds two late sailings on Fridays, at 10.15pm and 11pm, which the company said had been the most common request in a survey of passengers last autumn. Fares are unchanged until at least the summer.
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
        summary="Councillors voted seven to four for a larger auction hall and cold store on the North Quay, but residents want answers on where lorries will park.",
        images=(
            Image(
                src="/wp-content/uploads/2026/02/north-quay-fish-market.jpg",
                alt="Crates of fish stacked inside the North Quay auction hall",
                caption="Crates are stacked for the early auction at the North Quay market.",
                credit="Owen Pryce",
            ),
        ),
        body=paragraphs("""
        Plans to almost double the size of Port Callow's fish market were approved by Westmere council's planning committee on Thursday evening, ending two years of argument over the future of the North Quay. Councillors voted seven to four in favour of a new auction hall, a cold store and an ice plant on the site of the disused net lofts.

        The harbour authority, which runs the market, says the extra space is needed because the number of boats landing at Port Callow has risen from nineteen to thirty-one since 2020, partly as larger ports further along the coast became more expensive. On busy mornings, crates are currently stacked on the quayside because there is no room for them inside.

        Objectors did not dispute the need for a bigger market, but several warned that the plans made no proper provision for the refrigerated lorries that collect the catch. "We already have articulated lorries idling outside our windows at four in the morning," said Denise Marr, who lives on Quay Terrace. "Nobody has told us where the extra ones are going to go."

        The harbour master, Robert Fenwick, told the meeting that a lorry holding area would be created on the old coal yard and that drivers would be barred from waiting on residential streets. Councillors added a condition requiring the holding area to be finished before the new hall opens.

        Work is expected to start in the autumn and take around eighteen months. The harbour authority has applied for a coastal communities grant to cover part of the £6.4 million cost, with the remainder borrowed against future landing fees.

        Skippers at the market on Friday morning welcomed the decision. One, who has fished out of the port for thirty years, said the current hall had been "too small since the day it opened" and that younger crews were losing patience with the queues.
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
        summary="A weekend of low tides let more than 200 volunteers finish the largest seagrass planting yet attempted on the Westmere coast.",
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
        More than two hundred volunteers spent the weekend knee-deep in mud at Linney Bay, planting forty thousand seagrass shoots in what organisers say is the largest restoration effort yet attempted on the Westmere coast. The work was timed to coincide with the lowest tides of the month, which left the mudflats exposed for up to four hours at a time.

        Seagrass meadows once covered much of the bay but were largely lost in the 1930s to a wasting disease and, later, to pollution and boat moorings. The Westmere Wildlife Trust, which led the project, says the plants trap carbon in the seabed, calm the water and provide shelter for young fish, including bass and pollack.

        Volunteers pushed the shoots into the mud by hand and also laid hessian bags filled with seed, which rot away once the plants have taken root. "It is slow, filthy work, and people kept coming back for more," said Lowri Banfield, the trust's marine officer. "We had retired fishermen working next to primary school children."

        Earlier plantings on a smaller scale in 2023 and 2024 have had mixed results. About a third of the area planted two years ago now has established seagrass, while a patch near the sailing club failed entirely, which the trust attributes to anchors dragging across the site.

        To avoid a repeat, the harbour authority has agreed to move six swinging moorings and mark the new meadow with yellow buoys. Boat owners have been asked not to anchor within the marked area between March and October.

        The trust will survey the site by drone in the summer and plans a further planting next February if at least half of the shoots survive the first growing season.
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
        summary="The pair were found clinging to an upturned kayak after a sudden squall, and were treated for mild hypothermia.",
        images=(
            Image(
                src="/wp-content/uploads/2026/02/gull-point-lifeboat.jpg",
                alt="The Port Callow lifeboat returning to harbour in rough water",
                caption="The Port Callow inshore lifeboat returns to the harbour after the rescue.",
                credit="Port Callow Lifeboat Station",
            ),
        ),
        body=paragraphs("""
        Two kayakers were pulled from the sea off Gull Point on Thursday afternoon after a sudden squall capsized their boat about half a mile from shore. The volunteer crew of the Port Callow inshore lifeboat reached them within twelve minutes of being paged and found both clinging to the upturned hull.

        The men, both in their forties and visiting from inland, had set out from Seacombe beach in calm conditions shortly after lunch. A walker on the coastal path saw the kayak go over and called the coastguard. By the time the lifeboat arrived the wind had risen to gusts of more than thirty knots.

        Helm Carys Penhallow said the pair had done several things right. "They were wearing buoyancy aids and they stayed with the kayak, which made them much easier to spot," she said. "But the forecast had warned of squalls from mid-afternoon, and it only takes one to turn a pleasant paddle into a very dangerous situation."

        Both men were treated for mild hypothermia at the lifeboat station and later taken to Westmere General Hospital as a precaution. They were discharged the same evening, and one of them later thanked the crew in a message to the station.

        It was the station's fourth call-out of the year. The crew will hold an open day on Easter Monday, when visitors can see the boat and talk to volunteers about water safety.
        """),
    ),
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
        summary="A late header from captain Jamie Trevail settled a tense quarter-final against Kestrel Haven Town at the Quay Road ground.",
        images=(
            Image(
                src="/wp-content/uploads/2026/02/rovers-quarter-final.jpg",
                alt="Callow Rovers players celebrating a goal in front of the home stand",
                caption="Rovers players celebrate Jamie Trevail's winning header.",
                credit="Tom Reed",
            ),
        ),
        body=paragraphs("""
        Callow Rovers are into the semi-finals of the Westmere Senior Cup for the first time in twenty-eight years after a late header from captain Jamie Trevail beat Kestrel Haven Town 2-1 at Quay Road on Saturday. A crowd of 640, the ground's largest of the season, stayed on the pitch long after the final whistle.

        Rovers took the lead midway through the first half when winger Dylan Moyle cut inside and curled a shot into the far corner. Kestrel Haven, who play two divisions higher, dominated possession after the break and equalised from a penalty on seventy minutes after a handball in a crowded goalmouth.

        With extra time looming, Trevail rose above two defenders to meet a corner from substitute Arlo Kitto in the eighty-eighth minute. "I didn't see it go in, I just heard the noise," said Trevail, a plumber who has played for the club since he was sixteen. "This town has waited a long time for a day like this."

        Manager Sian Polglase praised her side's defending in the second half, singling out goalkeeper Rhys Annear, who made three saves from close range. "We knew we would have to suffer, and we did," she said. "Nobody stopped running."

        The draw for the semi-finals takes place on Monday. Rovers could face holders Westmere Athletic, whom they have not beaten in a competitive match since 2011.
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
        summary="The decommissioned Callow Head light has been turned into a small museum telling the stories of the keepers who lived there.",
        images=(
            Image(
                src="/wp-content/uploads/2026/03/callow-head-lighthouse.jpg",
                alt="The white tower of Callow Head lighthouse against a grey sky",
                caption="The Callow Head lighthouse, which was automated in 1989 and switched off in 2019.",
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
        The lighthouse that guided ships around Callow Head for more than a century has reopened as a small maritime museum, six years after its light was switched off for the last time. Around three hundred people climbed the eighty-six steps to the lamp room on the opening weekend, with volunteers limiting numbers to twenty at a time.

        The museum is run by the Callow Head Trust, a charity set up by residents when the tower was put up for sale in 2020. It raised £420,000 through donations, a heritage grant and a much-publicised sponsored swim across Linney Bay to buy the building and make it safe for visitors.

        Exhibits focus on the keepers and their families, who lived in the cottages at the foot of the tower until the light was automated in 1989. Logbooks record storms, shipwrecks and, in one entry from 1947, a keeper's complaint that the supply boat had forgotten his tobacco for the third week running.

        "People think of lighthouses as lonely places, but these were households, with children and dogs and arguments about whose turn it was to polish the brass," said Margaret Tonkin, the trust's chair, whose grandfather served at the light in the 1950s.

        The restored lamp, which weighs almost two tonnes, can still be rotated by hand. The trust hopes eventually to light it on special occasions, although it would need permission from the lighthouse authority, which does not want it mistaken for a working light.

        The museum opens from Thursday to Sunday until October. Entry is free for residents of Port Callow, and school groups can book guided visits on weekdays outside those hours.
        """),
    ),
)
