"""The Mekong Ledger's stories, part 2: fictional news from mid-March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs
from archive.demo.stories_mekong_1 import ALT, FILES, PERMALINK

STORIES = (
    DemoArticle(
        publisher="mekong",
        cms_id=1005,
        slug="garment-unions-and-owners-resume-wage-talks",
        permalink=PERMALINK,
        headline="Garment unions and factory owners resume wage talks",
        section="Business",
        tags=("Garment Industry", "Labour"),
        authors=(Author("Lim Sophorn"), Author("Sok Dara")),
        published=at("2026-03-10T09:00:00+07:00"),
        modified=at("2026-03-10T18:30:00+07:00"),
        summary=(
            "Negotiators are meeting for the first time since December, with unions seeking a "
            "larger rise than manufacturers say orders can support."
        ),
        images=(
            Image(
                src=f"{FILES}/garment-workers-shift.jpg?itok=Yc4vM1nE",
                alt=ALT,
                caption=(
                    "Garment workers leave a factory in Preah Vong at the end of a shift on March "
                    "9."
                ),
                credit="SOK DARA",
            ),
        ),
        body=paragraphs("""
        Representatives of garment workers and factory owners met on Tuesday for the first time
        since talks on this year's minimum wage broke down in December, with both sides saying they
        hoped to reach an agreement before the end of April.

        Unions are seeking a monthly minimum wage of $228 for workers in the garment, footwear and
        travel goods sector, up from $208. Manufacturers have offered $214, arguing that buyers in
        Europe and the United States have cut orders and are unwilling to pay higher prices.

        "Workers are not asking for luxuries. Rent, food and transport have all gone up, and a wage
        that was enough two years ago is not enough now," said Yim Chantha, president of one of the
        largest union federations. She said many workers relied on overtime to cover basic costs.

        The manufacturers' association said exports of garments fell by 4 percent last year and
        that several factories had closed. Its secretary general, Daniel Hu, said the industry
        wanted to pay more but needed time. "If we price ourselves out of the market, there will be
        fewer jobs for everyone," he said.

        The labour ministry, which chairs the talks, said it would publish a study of living costs
        among garment workers before the next meeting. The sector employs around 750,000 people,
        most of them women from rural provinces.

        If the two sides cannot agree, the ministry will set the wage itself, as it has done in
        four of the past six years, after consulting both the unions and the manufacturers'
        association.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1006,
        slug="provinces-ration-water-as-dry-season-deepens",
        permalink=PERMALINK,
        headline="Provinces ration water as dry season deepens",
        section="National",
        tags=("Drought", "Water"),
        authors=(Author("Vann Rithy", "Staff Reporter"),),
        published=at("2026-03-12T07:30:00+07:00"),
        summary=(
            "Four provinces have begun rationing water from reservoirs as levels fall to their "
            "lowest in a decade."
        ),
        body=paragraphs("""
        Authorities in four provinces have begun rationing water from reservoirs and canals as the
        dry season deepens, with levels at several large reservoirs at their lowest point in a
        decade, the Ministry of Water Resources said on Wednesday.

        Under the rationing schemes, farmers in the affected areas can draw water for irrigation
        only on set days, and priority is given to household use and livestock. Provincial
        officials in Srok Meas said water trucks were supplying around 30 villages where wells had
        run dry.

        The ministry blamed a weak monsoon last year and unusually high temperatures since January.
        It has asked farmers not to plant a second dry-season rice crop and to switch instead to
        vegetables and other crops that need less water.

        Farmers said the advice came too late for many. "We planted in January because the canal
        was full," said Koy Sambath, who farms four hectares in Kampong Lam. "Now the water is gone
        and the rice is only half grown. If it does not rain soon, we will lose everything."

        Meteorologists expect the first rains of the wet season in late April or early May, but
        have warned that conditions could remain dry for longer if a developing weather pattern in
        the Pacific strengthens.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1007,
        slug="boat-racing-teams-begin-training-for-water-festival",
        permalink=PERMALINK,
        headline="Boat racing teams begin training for water festival",
        section="Sport",
        tags=("Boat Racing", "Festivals"),
        authors=(Author("Nov Pisey"),),
        published=at("2026-03-14T16:20:00+07:00"),
        summary=(
            "More than 250 teams have registered, and some villages have started carving new "
            "boats for the first time in years."
        ),
        images=(
            Image(
                src=f"{FILES}/boat-racing-training.jpg?itok=Ht6dP0sK",
                alt=ALT,
                caption="Oarsmen from Tonle Khiev province train on the river on March 13.",
                credit="NOV PISEY",
            ),
        ),
        body=paragraphs("""
        Boat racing teams from across the country have begun training for this year's water
        festival, with organisers saying more than 250 teams have registered, the highest number
        since the festival was revived after a three-year break.

        Each long boat carries up to 60 paddlers, who race in pairs over a course of about 1.7
        kilometres on the river in front of the royal palace. Training usually begins in earnest
        only a few months before the festival, but several teams have started early this year after
        new prize money was announced.

        In Tonle Khiev province, villagers have carved a new boat from a single tree trunk for the
        first time in more than 20 years. "The old boat was older than most of the paddlers," said
        team captain Heng Rotha. "The young men wanted a boat of their own, and the whole village
        gave money."

        Organisers said they would introduce electronic timing at the finish line this year to
        reduce disputes over close races, which have occasionally led to arguments between teams
        and judges and, in one case two years ago, to a race being rowed again.

        The festival will take place over three days in November. The organising committee has
        asked provincial authorities to register their teams by the end of August and to send the
        names of team managers.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1008,
        slug="qr-payments-triple-among-small-traders",
        permalink=PERMALINK,
        headline="QR payments triple among small traders, central bank says",
        section="Business",
        tags=("Banking", "Payments"),
        authors=(Author("Lim Sophorn", "Business Editor"),),
        published=at("2026-03-17T11:10:00+07:00"),
        summary=(
            "More than half of market vendors in the capital now accept payment by phone, "
            "according to a survey by the National Bank."
        ),
        images=(
            Image(
                src=f"{FILES}/qr-payment-market.jpg?itok=Zq8rT5uG",
                alt=ALT,
                caption=(
                    "A customer pays for vegetables using a QR code at a market in Preah Vong."
                ),
                credit="NATIONAL BANK",
            ),
        ),
        body=paragraphs("""
        The number of small traders accepting payments by QR code has tripled in two years, with
        more than half of market vendors in the capital now taking payments by phone, according to
        a survey released by the National Bank on Tuesday.

        The survey of 4,000 businesses found that 54 percent of vendors in Preah Vong's markets
        accepted QR payments, compared with 18 percent in 2024. In the provinces, the figure was 31
        percent, up from 9 percent.

        Deputy governor Keo Sothea said the shift had been driven by a common QR standard that
        allows customers of any bank to pay any merchant. "A noodle seller no longer needs an
        account at every bank. One code works for everyone," she said.

        Traders said the main attraction was not having to handle cash and give change. However,
        some older vendors said they were worried about fraud, and several reported customers
        showing fake payment confirmations on their phones.

        The central bank said it was working with banks to introduce sound notifications that
        confirm when money has actually arrived and urged vendors to check their accounts before
        handing over goods.

        The survey also found that cash remained the most common method of payment in rural areas,
        particularly for larger purchases such as livestock and farm equipment, and among traders
        over the age of 60.
        """),
    ),
)
