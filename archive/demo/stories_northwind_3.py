"""Northwind Daily's stories, part 3: late March 2026, including one German-language story."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_northwind_1 import PERMALINK

STORIES = (
    DemoArticle(
        publisher="northwind",
        cms_id=5009,
        slug="rural-schools-to-get-fiber-broadband-by-fall",
        permalink=PERMALINK,
        headline="Rural schools to get fiber broadband by fall",
        section="Tech",
        tags=("Broadband", "Education"),
        authors=(Author("Sam Brandt"),),
        published=at("2026-03-16T07:40:00-04:00"),
        summary=(
            "Seventeen schools in the upper valley will be connected under a $14 million project "
            "that will also bring fiber to nearby homes."
        ),
        images=(
            Image(
                src="/img/2026/03/fiber-installation.jpg",
                alt="A technician pulling fiber optic cable from a spool beside a rural road",
                caption="A crew lays fiber optic cable along County Road 12 near Pell's Crossing.",
                credit="Valley Electric Cooperative",
            ),
        ),
        body=paragraphs("""
        Seventeen rural schools in the upper Northwind Valley will be connected to fiber broadband
        before the start of the next school year, under a $14 million project that will also make
        high-speed internet available to about 3,800 nearby homes and businesses.

        The project is being led by Valley Electric Cooperative, which will string fiber on its
        existing power poles, reducing the cost of reaching remote areas. Federal and state grants
        cover about 70 percent of the cost, with the cooperative paying the rest.

        Some of the schools currently rely on connections so slow that teachers have to schedule
        which classes can stream video. "During state testing we basically have to ask everyone
        else in the building to stay offline," said Ruth Amsel, principal of Pell's Crossing
        Elementary.

        The cooperative said it would offer home internet plans starting at $45 a month, with
        discounts for households that qualify for federal assistance, and that there would be no
        installation fee for the first year.

        Crews began work this month and expect to finish the school connections by August. Homes
        along the route should be able to sign up from the summer, and the cooperative said it
        would hold information sessions at each school.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5010,
        slug="volunteer-count-finds-more-cranes-in-valley",
        permalink=PERMALINK,
        headline="Volunteer count finds more cranes stopping in the valley",
        section="Science",
        tags=("Birds", "Wildlife"),
        authors=(Author("Leah Kowalczyk"),),
        published=at("2026-03-19T12:00:00-04:00"),
        summary=(
            "Volunteers counted 14,600 sandhill cranes on the spring survey, up from about 9,000 "
            "five years ago."
        ),
        images=(
            Image(
                src="/img/2026/03/sandhill-cranes.jpg",
                alt="A large flock of cranes standing in a harvested corn field",
                caption="Sandhill cranes feed in a field east of Hollis Ferry.",
                credit="Leah Kowalczyk/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        The number of sandhill cranes stopping in the Northwind Valley during their spring
        migration has increased by more than 60 percent in five years, according to an annual
        survey by volunteers, who counted 14,600 of the birds last weekend.

        More than 300 volunteers fanned out across the valley at dawn on Saturday, counting cranes
        in fields and wetlands along set routes. The count, organized by the Northwind Audubon
        Society, has been carried out every March since 1998.

        Biologists say the increase likely reflects both a growing crane population and changes in
        where the birds stop to rest and feed. Wetland restoration along the river over the past
        decade has created more roosting sites, while leftover grain in harvested corn fields
        provides food.

        "Twenty years ago, seeing a hundred cranes in one place here was a big deal," said Priya
        Ramaswamy, who coordinates the count. "On Saturday one team counted more than 2,000 in a
        single field. People were almost speechless."

        The society asked visitors to watch the birds from roads and designated viewing areas and
        not to walk into fields, which disturbs the cranes and wastes energy they need for the rest
        of their journey north.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5011,
        slug="kaltenbrunn-feiert-neue-fussgaengerbruecke",
        permalink=PERMALINK,
        headline="Kaltenbrunn feiert die neue Fußgängerbrücke über die Lauter",
        section="Europa",
        tags=("Kaltenbrunn", "Verkehr"),
        authors=(Author("Jonas Weber"),),
        published=at("2026-03-21T11:30:00+01:00"),
        summary=(
            "Nach zwei Jahren Bauzeit verbindet die neue Brücke die Altstadt wieder mit dem "
            "Bahnhofsviertel."
        ),
        language="de",
        images=(
            Image(
                src="/img/2026/03/kaltenbrunn-bruecke.jpg",
                alt="Menschen überqueren eine neue Holzbrücke über einen Fluss",
                caption="Bei der Eröffnung drängten sich Hunderte Besucher auf der neuen Brücke.",
                credit="Jonas Weber/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        Mit Blasmusik, Bratwurst und einem Band, das die Bürgermeisterin durchschnitt, hat die
        Kleinstadt Kaltenbrunn am Samstag ihre neue Fußgängerbrücke über die Lauter eröffnet.
        Mehrere Hundert Menschen überquerten die Brücke schon in der ersten Stunde, viele von ihnen
        mehrmals.

        Die alte Steinbrücke war im Sommer 2023 nach einem Hochwasser gesperrt worden, weil
        Gutachter Risse in zwei Pfeilern entdeckt hatten. Seitdem mussten Fußgänger einen Umweg von
        fast zwei Kilometern über die Bundesstraße nehmen, um vom Bahnhof in die Altstadt zu
        gelangen.

        Die neue Brücke besteht aus Lärchenholz und Stahl und ruht auf nur einem Pfeiler, damit bei
        Hochwasser weniger Treibgut hängen bleibt. Sie hat rund 3,4 Millionen Euro gekostet, von
        denen das Land knapp zwei Drittel übernommen hat.

        „Für viele ältere Menschen war der Umweg zu weit, sie sind einfach nicht mehr in die Stadt
        gekommen“, sagte Bürgermeisterin Katrin Vogelsang. „Heute bekommen wir ein Stück Alltag
        zurück. Diese Brücke ist für uns weit mehr als ein Bauwerk.“

        Auch die Geschäftsleute in der Altstadt hoffen auf mehr Kundschaft. Der Inhaber einer
        Buchhandlung am Marktplatz sagte, sein Umsatz sei seit der Sperrung um fast ein Fünftel
        zurückgegangen. Er rechne damit, dass viele Stammkunden nun zurückkehren.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5012,
        slug="emergency-room-wait-times-fall-after-triage-overhaul",
        permalink=PERMALINK,
        headline="Emergency room wait times fall after triage overhaul",
        section="City",
        tags=("Health Care", "Hospitals"),
        authors=(Author("Dana Whitlock"),),
        published=at("2026-03-24T14:50:00-04:00"),
        modified=at("2026-03-25T09:10:00-04:00"),
        summary=(
            "The median wait at Larkspur General's emergency department dropped from 3 hours 40 "
            "minutes to just under 2 hours."
        ),
        images=(
            Image(
                src="/img/2026/03/larkspur-general-er.jpg",
                alt="The entrance to a hospital emergency department at night",
                caption="The emergency entrance at Larkspur General Hospital.",
                credit="Dana Whitlock/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        The median wait to see a doctor in the emergency department at Larkspur General Hospital
        has fallen by nearly half since the hospital overhauled the way it sorts incoming patients,
        according to figures presented to the hospital's board on Tuesday.

        Under the new system, patients with less serious conditions, such as sprains or minor
        infections, are seen by a nurse practitioner in a separate area near the entrance instead
        of waiting for a bed in the main department. The median wait fell from 3 hours and 40
        minutes last spring to 1 hour and 55 minutes in February.

        "Most people who come to the emergency room don't need a bed, they need to be seen, treated
        and sent home," said Dr. Felix Arroyo, the department's medical director. "We were making
        them wait behind people who were much sicker, in a space designed for the sickest."

        The share of patients who left without being seen, often a sign of long waits, fell from 9
        percent to 3 percent over the same period, and complaints about waiting times to the
        hospital's patient relations office fell by a third.

        Nurses' union representatives said the changes had helped but that staffing remained tight,
        particularly at night. The hospital said it was recruiting 30 additional nurses for the
        emergency department this year.
        """),
    ),
)
