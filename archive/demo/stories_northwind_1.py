"""Northwind Daily's stories, part 1: fictional news from Larkspur Falls, February 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs

PERMALINK = "/{section}/{published:%Y/%m/%d}/{slug}"

STORIES = (
    DemoArticle(
        publisher="northwind",
        cms_id=5001,
        slug="larkspur-falls-transit-to-cap-weekly-fares",
        permalink=PERMALINK,
        headline="Larkspur Falls transit to cap weekly fares starting in April",
        section="City",
        tags=("Transit", "Fares"),
        authors=(Author("Dana Whitlock"),),
        published=at("2026-02-16T06:00:00-05:00"),
        summary=(
            "Riders who pay by card or phone will never be charged more than $32 in a week, the "
            "transit authority said."
        ),
        images=(
            Image(
                src="/img/2026/02/transit-fare-cap.jpg",
                alt="A passenger taps a bank card on a reader as she boards a city bus",
                caption="A rider taps to pay on the Route 9 bus downtown.",
                credit="Dana Whitlock/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        Bus and light rail riders in Larkspur Falls will never pay more than $32 a week for travel
        from April 6, under a fare-capping scheme approved by the transit authority's board on
        Monday night.

        Once a rider who taps to pay with a bank card or phone reaches the weekly cap, every
        further trip until the following Sunday will be free. The authority said about a third of
        its regular riders currently spend more than $32 a week, most of them people who buy single
        fares because they cannot afford the upfront cost of a monthly pass.

        "The people who ride the most have been paying the most, and often they're the people who
        can least afford it," said board chair Renata Flores. "Capping fixes that without anyone
        having to plan ahead or find $120 at the start of the month."

        The authority expects to lose about $2.1 million a year in fare revenue but hopes some of
        that will be recovered through increased ridership. Similar schemes in other cities have
        led to ridership increases of between 3 and 7 percent.

        Paper tickets and cash fares will not count toward the cap. Advocates for low-income riders
        said the authority should extend the scheme to the reloadable fare cards sold at
        convenience stores, which many riders without bank accounts rely on. The authority said it
        was studying the idea.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5002,
        slug="battery-recycling-plant-promises-600-jobs",
        permalink=PERMALINK,
        headline="Battery recycling plant promises 600 jobs in Eastgate",
        section="Business",
        tags=("Manufacturing", "Jobs"),
        authors=(Author("Marcus Oyelaran"),),
        published=at("2026-02-19T11:30:00-05:00"),
        modified=at("2026-02-19T17:05:00-05:00"),
        summary=(
            "Cobalt Loop plans to turn a former paper mill into a plant that recovers lithium, "
            "nickel and cobalt from used car batteries."
        ),
        images=(
            Image(
                src="/img/2026/02/eastgate-mill-site.jpg",
                alt="The empty brick buildings of the former Eastgate paper mill",
                caption="The former Eastgate paper mill has stood empty since 2017.",
                credit="Marcus Oyelaran/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        A battery recycling company plans to invest $410 million to convert the former Eastgate
        paper mill into a plant that recovers lithium, nickel and cobalt from used electric vehicle
        batteries, promising about 600 permanent jobs when it reaches full capacity in 2029.

        Cobalt Loop, which operates a smaller plant in another state, said it chose Larkspur Falls
        because of the mill's rail connection, its large industrial water permit and the
        availability of workers with manufacturing experience. The mill closed in 2017 with the
        loss of 850 jobs.

        "This is a site that was built to process heavy materials at scale, and a lot of the people
        who worked there are still here," said chief executive Hana Lindqvist. "We're not starting
        from zero."

        The state has offered $38 million in tax credits over ten years, conditional on the company
        meeting hiring targets. The city council will vote next month on a property tax abatement
        that would be worth about $2 million a year.

        Residents near the site have raised concerns about fire risk and air quality, citing fires
        at battery facilities elsewhere. The company said it would use a water-based process that
        does not involve high-temperature smelting, and would hold public meetings before applying
        for its air permit.

        Construction could begin later this year if permits are granted. The company said it would
        run a training program with the community college so that local workers could apply for the
        first jobs.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5003,
        slug="early-river-ice-breakup-worries-valley-farmers",
        permalink=PERMALINK,
        headline="Early river ice breakup worries valley farmers",
        section="Climate",
        tags=("Rivers", "Agriculture"),
        authors=(Author("Leah Kowalczyk"),),
        published=at("2026-02-23T08:15:00-05:00"),
        summary=(
            "The Northwind River's ice broke up 19 days earlier than the long-term average, "
            "raising fears of a dry growing season."
        ),
        images=(
            Image(
                src="/img/2026/02/northwind-river-ice.jpg",
                alt="Broken slabs of ice floating down a wide river under a grey sky",
                caption="Slabs of ice drift past the Mill Street bridge on Saturday.",
                credit="Leah Kowalczyk/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        The ice on the Northwind River broke up at Larkspur Falls on Saturday, 19 days earlier than
        the long-term average and the third-earliest date since records began in 1911, according to
        the volunteer group that has tracked the event for more than a century.

        The early breakup followed the warmest February on record in the valley, with temperatures
        above freezing on 20 of the month's first 21 days. Snowpack in the hills that feed the
        river is about 40 percent below normal, according to the state climatologist's office.

        For farmers, the concern is less the ice than the water that is not there. "Snowmelt is our
        savings account," said Gil Ransome, who grows corn and soybeans on 900 acres near Hollis
        Ferry. "When it melts early and there's not much of it, we go into the summer with less in
        the bank."

        The valley's irrigation district said it was too early to announce restrictions but that it
        would review the outlook in April. Some farmers said they were already considering planting
        crops that need less water.

        The ice breakup date has been recorded since 1911 by members of the Larkspur Falls Rotary
        Club, who set a tripod on the ice and note the moment it moves. The average breakup date
        over the past 30 years is about a week earlier than in the first 30 years of records.
        """),
    ),
    DemoArticle(
        publisher="northwind",
        cms_id=5004,
        slug="startup-translation-tool-signs-first-hospital-contract",
        permalink=PERMALINK,
        headline="Local startup's translation tool signs first hospital contract",
        section="Tech",
        tags=("Startups", "Health Care"),
        authors=(Author("Sam Brandt"),),
        published=at("2026-02-26T13:45:00-05:00"),
        summary=(
            "Parlance Health's software will help nurses at St. Agnes Medical Center communicate "
            "with patients in 40 languages."
        ),
        images=(
            Image(
                src="/img/2026/02/parlance-health-team.jpg",
                alt="Three people looking at a tablet in a small office",
                caption="Parlance Health's co-founders review a patient conversation on a tablet.",
                credit="Sam Brandt/Northwind Daily",
            ),
        ),
        body=paragraphs("""
        A Larkspur Falls startup that builds translation software for hospitals has signed its
        first contract, with St. Agnes Medical Center, which will use the tool to help nurses talk
        with patients who speak limited English.

        Parlance Health, founded two years ago by a former emergency room nurse and two software
        engineers, sells a tablet app that translates spoken conversations in about 40 languages.
        Unlike general-purpose translation apps, it has been trained on medical vocabulary and
        flags phrases, such as dosage instructions, that should be confirmed by a professional
        interpreter.

        "Interpreters are essential, but at 3 a.m. you can wait 40 minutes for one on the phone,"
        said co-founder Teresa Okafor, who worked night shifts at St. Agnes for eight years. "We
        wanted something for the small conversations in between, like asking whether someone is in
        pain or has eaten."

        The hospital said the tool would supplement, not replace, its interpreter service, and that
        it would evaluate accuracy and patient satisfaction over a one-year pilot before deciding
        whether to extend it.

        Parlance has raised $3.2 million from investors, including a regional venture fund. It
        employs 14 people and plans to double that by the end of the year, mostly by hiring
        engineers and clinical staff.
        """),
    ),
)
