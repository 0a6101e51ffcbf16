"""The Mekong Ledger's stories, part 1: fictional national and business news, March 2026."""

from __future__ import annotations

from archive.demo.model import Author, DemoArticle, Image, at, paragraphs

PERMALINK = "/{section}/{slug}"
# Every Drupal lead image carries the same generic alt text, as on the daily it imitates.
ALT = "Content image - The Mekong Ledger"
FILES = "/sites/default/files/styles/article_large/public/2026-03"

STORIES = (
    DemoArticle(
        publisher="mekong",
        cms_id=1001,
        slug="rice-exporters-set-target-as-new-mills-open",
        permalink=PERMALINK,
        headline="Rice exporters set 1.2 million tonne target as new mills open",
        section="Business",
        tags=("Rice", "Exports"),
        authors=(Author("Lim Sophorn", "Business Editor"),),
        published=at("2026-03-02T08:15:00+07:00"),
        summary=(
            "The Rice Millers Federation expects three new mills in the northwest to lift milled "
            "rice exports by a fifth this year."
        ),
        images=(
            Image(
                src=f"{FILES}/rice-mill-banteay-sor.jpg?itok=Q7mZ2kLp",
                alt=ALT,
                caption=(
                    "Workers load sacks of milled rice at a new mill in Banteay Sor province on "
                    "February 26."
                ),
                credit="LIM SOPHORN",
            ),
        ),
        body=paragraphs("""
        Rice exporters aim to ship 1.2 million tonnes of milled rice this year, up from just under
        one million tonnes in 2025, as three large new mills come into operation in the northwest,
        the Rice Millers Federation said on Monday.

        Federation president Meas Vuthy told a press conference in Preah Vong that the new mills,
        built with a combined investment of about $85 million, would allow exporters to process
        paddy that is currently sold unmilled to traders across the border at lower prices. "Every
        tonne we mill here keeps the value, the jobs and the by-products in our own country," he
        said.

        The mills, in Banteay Sor and Kampong Lam provinces, have a combined drying capacity of
        about 6,000 tonnes a day, which the federation says will reduce losses during the
        wet-season harvest, when farmers often struggle to dry paddy quickly enough to prevent
        spoilage.

        Exporters are also looking for new markets. The federation said shipments to the Middle
        East and West Africa grew by more than 30 percent last year, while demand for fragrant rice
        in Europe remained strong despite tougher rules on pesticide residues.

        However, some economists cautioned that the target depended heavily on the weather. A weak
        monsoon last year cut yields in several provinces, and the Ministry of Agriculture has
        warned that water levels in major reservoirs are below average for the time of year.

        The federation said it would ask the government to extend a low-interest credit line for
        millers, which is due to expire in June, to help them buy paddy during the peak harvest
        season.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1002,
        slug="rural-clinic-programme-expands-to-40-communes",
        permalink=PERMALINK,
        headline="Social affairs ministry expands rural clinic programme to 40 communes",
        section="National",
        tags=("Health", "Social Affairs"),
        authors=(Author("Sok Dara", "Staff Reporter"),),
        published=at("2026-03-03T10:30:00+07:00"),
        modified=at("2026-03-03T15:00:00+07:00"),
        summary=(
            "Mobile teams of nurses and midwives will visit remote villages twice a month under "
            "the second phase of the programme."
        ),
        images=(
            Image(
                src=f"{FILES}/mobile-clinic-kampong-lam.jpg?itok=fR3nB8xW",
                alt=ALT,
                caption=(
                    "Officials inspect a mobile clinic vehicle in Kampong Lam province on March 2."
                ),
                credit="MINISTRY OF SOCIAL AFFAIRS",
            ),
        ),
        body=paragraphs("""
        The Ministry of Social Affairs will extend its mobile clinic programme to 40 more communes
        in four provinces by the end of the year, bringing basic health care to an estimated
        180,000 people who live more than two hours from the nearest health centre.

        Under the programme, teams of nurses and midwives travel by pickup truck and, in the wet
        season, by boat to villages on a fixed schedule, offering vaccinations, antenatal check-ups
        and treatment for common illnesses. Patients who need further care are referred to
        provincial hospitals, with transport costs covered by the ministry.

        Speaking at the launch of the second phase in Kampong Lam province on Monday, Secretary of
        State Chhim Sokha said the first phase had reached more than 60,000 people since it began
        in 2024. "For many mothers in these villages, it was the first time they had seen a midwife
        before giving birth," she said.

        The expansion will cost about $4.2 million over two years and is being funded jointly by
        the government and a development partner. The ministry plans to recruit 120 additional
        nurses and midwives, most of them from the provinces where they will work.

        Health workers welcomed the announcement but said retaining staff in remote postings
        remained difficult. A nurse at a health centre in Tonle Khiev province said many young
        colleagues left after a year or two for better-paid jobs in the capital or with private
        clinics.

        The ministry said it would offer housing allowances and priority for further training to
        staff who commit to serving in rural areas for at least three years, and would build staff
        quarters at twelve health centres.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1003,
        slug="construction-begins-on-stung-meas-river-bridge",
        permalink=PERMALINK,
        headline="Construction begins on Stung Meas river bridge",
        section="National",
        tags=("Infrastructure", "Bridges"),
        authors=(Author("Vann Rithy"),),
        published=at("2026-03-05T14:00:00+07:00"),
        summary=(
            "The 1.4-kilometre bridge will replace a ferry crossing that is the only link between "
            "two districts for much of the year."
        ),
        images=(
            Image(
                src=f"{FILES}/stung-meas-bridge-groundbreaking.jpg?itok=Lk9pQ2vD",
                alt=ALT,
                caption=(
                    "Officials attend a groundbreaking ceremony for the Stung Meas bridge on "
                    "March 5."
                ),
                credit="PUBLIC WORKS MINISTRY",
            ),
        ),
        body=paragraphs("""
        Work began on Thursday on a 1.4-kilometre bridge across the Stung Meas river that will
        replace a ferry crossing used by thousands of people every day and cut the journey between
        two provincial towns from more than an hour to about fifteen minutes.

        The bridge, which will carry two lanes of traffic and a footpath, is expected to take three
        years to build and cost about $96 million, financed by a concessional loan. The Ministry of
        Public Works and Transport said it was designed to withstand the highest flood levels
        recorded on the river in the past fifty years.

        At present, vehicles and passengers cross on two ageing ferries that stop running when the
        river is at its highest. During last year's floods, the crossing was closed for nine days,
        leaving farmers unable to get produce to market. "When the ferry stops, everything stops,"
        said Sim Vanna, who sells vegetables at the market on the eastern bank.

        Ferry operators, however, are worried about their future. The ministry said it would work
        with the provincial authorities to help around 60 ferry workers find new jobs, including on
        the construction site itself.

        Provincial governor Ouk Sarin said the bridge would open up land on the eastern bank for
        agro-processing and warehouses and urged investors to consider the area, which he said had
        been held back for decades by the lack of a reliable crossing.
        """),
    ),
    DemoArticle(
        publisher="mekong",
        cms_id=1004,
        slug="riverside-night-market-reopens-with-300-stalls",
        permalink=PERMALINK,
        headline="Riverside night market reopens with 300 stalls",
        section="Lifestyle",
        tags=("Markets", "Tourism"),
        authors=(Author("Chea Malis"),),
        published=at("2026-03-07T19:45:00+07:00"),
        summary=(
            "The renovated market has a new roof, better drainage and, for the first time, a zone "
            "reserved for young designers."
        ),
        images=(
            Image(
                src=f"{FILES}/riverside-night-market.jpg?itok=w2Hs7TqA",
                alt=ALT,
                caption=(
                    "Visitors browse stalls at the renovated riverside night market in Preah Vong "
                    "on March 6."
                ),
                credit="CHEA MALIS",
            ),
        ),
        body=paragraphs("""
        Preah Vong's riverside night market reopened on Friday evening after a year-long
        renovation, with 300 stalls selling food, clothing and handicrafts under a new roof
        designed to keep traders dry during the rainy season.

        The market, a favourite with both residents and tourists, had been criticised for years for
        flooding after heavy downpours and for its crowded, poorly lit walkways. The renovation,
        paid for by the city and a private operator, added drainage channels, wider aisles and
        solar-powered lighting.

        A section of 40 stalls has been reserved for designers under the age of 30, who pay reduced
        rent for their first year. Phan Sreymom, 24, who sells bags made from recycled rice sacks,
        said she had previously sold only online. "Now customers can touch the bags and see how
        they are made," she said. "On the first night I sold more than I usually sell in a week."

        Some long-standing traders said the new rents were too high. The operator said rents had
        risen by an average of 15 percent and that traders who had been at the market before the
        renovation had been offered a discount for six months.

        The market is open from 5pm to 11pm every day. City hall said it would add extra buses on
        weekends and had asked tuk-tuk drivers to use a new drop-off point on the riverside road.
        """),
    ),
)
