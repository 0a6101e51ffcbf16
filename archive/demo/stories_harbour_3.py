"""The Harbour Gazette's stories, part 3: fictional news from Port Callow, mid-March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_harbour_1 import PERMALINK

STORIES = (
    DemoArticle(
        publisher="harbour",
        cms_id=109,
        slug="every-year-7-pupil-to-learn-to-sail",
        permalink=PERMALINK,
        headline="Every Year 7 pupil to learn to sail under new scheme",
        section="Local News",
        tags=("Schools", "Sailing"),
        authors=(Author("Maeve Tarrant"),),
        published=at("2026-03-10T07:45:00+00:00"),
        summary=(
            "A partnership between Callow Community School and the sailing club will give all 180 "
            "first-year pupils a week of lessons on the water."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/school-sailing.jpg",
                alt="Children in life jackets rigging small sailing dinghies on a slipway",
                caption=(
                    "Pupils rig dinghies at the sailing club during a trial session last summer."
                ),
                credit="Callow Sailing Club",
            ),
        ),
        body=paragraphs("""
        Every pupil starting at Callow Community School this September will spend a week learning
        to sail, under a partnership with the town's sailing club that its organisers believe is
        the first of its kind in the county.

        The scheme, funded by a local charitable trust, will cover the cost of instructors, boats
        and safety equipment for around 180 pupils a year. Lessons will take place in the sheltered
        water inside the harbour wall during the summer term, with a trip across the bay at the end
        of the week for those who want it.

        Headteacher Fiona Rowe said many children in the town had grown up within sight of the sea
        without ever going out on it. "We have pupils whose grandparents were fishermen who have
        never been in a boat," she said. "The sea is the reason this town exists. Every child here
        should feel it belongs to them."

        A trial with thirty pupils last summer was judged a success, with more than half going on
        to join the club's junior section. The club's commodore, Peter Nance, said it had bought
        twelve new dinghies and trained six additional instructors to cope with the numbers.

        Parents will be asked to sign a consent form, and pupils who cannot swim will be offered
        free lessons at the leisure centre beforehand. The school said no child would miss out
        because of cost or a lack of kit.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=110,
        slug="harbour-arts-festival-announces-expanded-programme",
        permalink=PERMALINK,
        headline="Harbour arts festival announces expanded programme",
        section="Culture",
        tags=("Festival", "Music"),
        authors=(Author("Priya Castell"),),
        published=at("2026-03-12T11:00:00+00:00"),
        summary=(
            "This year's festival runs for ten days instead of seven and includes concerts on a "
            "floating stage moored off the North Quay."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/harbour-festival-stage.jpg",
                alt="A crowd watching a band on a stage beside the harbour at dusk",
                caption="Crowds at last year's closing concert on the harbourside.",
                credit="Hollis Grange",
            ),
        ),
        body=paragraphs("""
        The Port Callow Harbour Festival will run for ten days this summer instead of seven, with
        organisers promising concerts on a floating stage, a programme of new plays and the return
        of the night-time lantern procession that was abandoned in 2019.

        The floating stage, built on a former mussel barge, will be moored off the North Quay and
        used for evening concerts that audiences can watch from the harbour wall or from boats.
        Festival director Nell Chegwidden said the idea came from a conversation in a pub.
        "Somebody said the best seats in town are on the water, and we thought, well, why not?"

        Headliners include the folk trio Salt and Rafter and the Westmere Youth Orchestra, which
        will perform a new piece commissioned from the composer Idris Lusk. Three short plays
        written by local writers will be staged in the old net lofts before the building is
        demolished to make way for the new fish market.

        The festival has an annual budget of around £250,000, most of it raised from ticket sales
        and sponsorship. Almost half of the events will be free, including the lantern procession,
        which will finish with fireworks over the harbour mouth.

        Tickets for paid events go on sale on April 1. Residents of Port Callow will get priority
        booking for the first forty-eight hours, and a number of free tickets will be set aside for
        carers and volunteers.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=111,
        slug="gig-crew-sets-course-record-at-spring-regatta",
        permalink=PERMALINK,
        headline="Gig rowing crew sets course record at spring regatta",
        section="Sport",
        tags=("Rowing", "Regatta"),
        authors=(Author("Tom Reed"),),
        published=at("2026-03-15T19:10:00+00:00"),
        summary=(
            "The Seacombe women's crew completed the two-mile harbour course in 14 minutes 52 "
            "seconds, beating a record that had stood since 2012."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/gig-regatta.jpg",
                alt="A six-oared rowing gig racing past the harbour wall",
                caption="The Seacombe crew pass the harbour wall on their way to a course record.",
                credit="Tom Reed",
            ),
        ),
        body=paragraphs("""
        The Seacombe women's gig crew set a new course record at the Port Callow spring regatta on
        Sunday, completing the two-mile harbour course in fourteen minutes and fifty-two seconds.
        The previous record, set by a crew from Kestrel Haven in 2012, had stood for fourteen
        years.

        Thirty-eight boats from eleven clubs took part in the regatta, which was held in bright
        sunshine and an unusually flat sea. The Seacombe crew led from the first turn and finished
        more than twenty seconds ahead of their nearest rivals.

        Stroke Tamsin Hocking, who has rowed with the club for nine years, said the crew had been
        training since October, often in the dark before work. "We knew the conditions were perfect
        about halfway round," she said. "Nobody said anything, but you could feel the boat lift. We
        just kept pushing."

        The regatta is the first major event of the gig racing season and is seen as a warm-up for
        the county championships in May. Port Callow's own men's crew finished third in their race,
        their best result in five years.
        """),
    ),
    DemoArticle(
        publisher="harbour",
        cms_id=112,
        slug="tidal-energy-survey-to-begin-off-westmere-coast",
        permalink=PERMALINK,
        headline="Tidal energy survey to begin off Westmere coast",
        section="Environment",
        tags=("Energy", "Tidal Power"),
        authors=(Author("Ana Silva"), Author("Owen Pryce")),
        published=at("2026-03-18T06:30:00+00:00"),
        modified=at("2026-03-18T14:20:00+00:00"),
        summary=(
            "A research vessel will spend six weeks measuring currents off Gull Point to test "
            "whether the site could host underwater turbines."
        ),
        images=(
            Image(
                src="/wp-content/uploads/2026/03/tidal-survey-vessel.jpg",
                alt="A survey vessel with a yellow crane moored at the harbour",
                caption="The survey vessel Brisk Tern moored at the North Quay before the survey.",
                credit="Hollis Grange",
            ),
        ),
        body=paragraphs("""
        A six-week survey of the seabed and tidal currents off Gull Point is due to begin next week
        to establish whether the area could one day host a small array of underwater turbines. The
        research vessel Brisk Tern arrived in Port Callow on Tuesday and will work from the harbour
        until the end of April.

        The survey is being carried out by Tidewise Energy, a company formed by engineers from the
        regional university, with funding from a government innovation programme. Instruments will
        be placed on the seabed to record the speed and direction of the current through several
        full tidal cycles.

        Early estimates suggest the channel between Gull Point and the Gannet Rocks could support
        turbines generating enough electricity for around four thousand homes. "The currents here
        are strong but not extreme, which is exactly what you want," said Dr Esme Quiller, the
        company's chief engineer. "The question is whether the seabed is suitable and whether we
        can do it without harming anything else that uses this water."

        Fishermen have asked for assurances that they will not be excluded from traditional
        grounds. The company said it had met the local fishermen's association twice and would
        share its data once the survey was complete.

        Any proposal for turbines would require a marine licence and a full environmental
        assessment, a process the company expects to take at least three years, followed by a
        public consultation in Port Callow and the surrounding villages.

        The Brisk Tern will be open to visitors on the afternoon of Saturday March 28, when the
        crew will demonstrate the instruments they are deploying and answer questions from
        residents.
        """),
    ),
)
