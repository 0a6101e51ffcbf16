"""Deterministic English-like prose for the generated news site: headlines, paragraphs, names."""

from __future__ import annotations

import random


def words(text: str) -> tuple[str, ...]:
    """The words of text, in order (word lists written as one string)."""
    return tuple(text.split())


_NOUNS = words(
    "council harbour ferry budget station bridge school hospital river market election court "
    "minister report plan museum festival storm road railway farm village city mayor union "
    "agency tenant landlord harvest factory airport port fishery reservoir library clinic "
    "committee inquiry investment grant contract tariff price wage pension tax levy vote "
    "campaign survey study scientist doctor nurse teacher pupil driver worker owner resident "
    "volunteer officer judge lawyer witness jury police coastguard firefighter engineer "
    "architect designer artist writer singer team coach player season league match stadium "
    "track forest valley island coast beach dune wetland glacier drought flood heatwave "
    "wildfire network grid turbine battery panel reactor pipeline tunnel canal dock warehouse "
    "shipment cargo fleet route timetable fare service shortage surplus deficit rate loan "
    "bank lender borrower mortgage rent housing estate district borough parish county region "
    "province nation border treaty summit delegation embassy envoy talks deal agreement"
)
_VERBS = words(
    "approved rejected delayed announced confirmed criticised welcomed opened closed expanded "
    "reduced raised cut doubled halved reviewed questioned defended launched promised "
    "postponed cancelled restored repaired replaced funded blocked backed challenged "
    "described warned urged told said added noted argued insisted estimated expected "
    "predicted measured recorded reported revealed published released signed ratified"
)
_ADJECTIVES = words(
    "local regional national new old long short early late annual public private small large "
    "rural urban coastal northern southern eastern western central independent official "
    "temporary permanent final initial major minor serious modest sharp steady rapid slow "
    "quiet busy crowded empty costly cheap fragile sturdy historic modern remote nearby"
)
_ADVERBS = words("quickly slowly finally already again recently formally publicly quietly")
_CONNECTORS = words("after before while because although since when as until unless whereas though")
_FIRST = words(
    "Anna Ben Carla David Elena Farid Grace Hugo Ines Jonas Kira Liam Maya Nadia Omar Petra "
    "Quinn Rosa Samir Tara Umar Vera Wen Xavier Yara Zoe Aled Bea Cian Dora Emil Freya Gus "
    "Hana Ivo Jana Kofi Lena Milo Nia Oskar Pia Rafael Sofia Theo Ula Viktor Willa Yusuf"
)
_LAST = words(
    "Adams Baker Costa Dimitrov Evans Fischer Garcia Hansen Ito Jensen Kowalski Larsen "
    "Moreau Novak Okafor Petrov Quist Rossi Schmidt Tanaka Usman Varga Weber Xu Yilmaz "
    "Zielinski Abbott Brennan Castillo Duarte Eriksen Fontaine Gallagher Horvat Ibrahim "
    "Jovanovic Keller Lindqvist Marsh Nakamura Olsen Pereira Quinlan Reyes Sato Thorne"
)
_PLACES = words(
    "Northport Eastbridge Millford Southwick Harrow Bay Kingsmere Westfold Ashby Carrow "
    "Dunmore Elmstead Farnley Glenholm Hawkridge Ivybank Juniper Falls Kelda Lowmoor Marden"
)


class Prose:
    """Sentences, paragraphs and headlines drawn from one seeded random generator."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def word(self, words: list[str] | tuple[str, ...]) -> str:
        # Earlier words are commoner, as in real text (roughly Zipf).
        index = min(int(self.random.paretovariate(1.2)) - 1, len(words) - 1)
        return words[(index * 7 + self.random.randrange(3)) % len(words)]

    def name(self) -> str:
        return f"{self.random.choice(_FIRST)} {self.random.choice(_LAST)}"

    def place(self) -> str:
        return self.random.choice(_PLACES)

    def _clause(self) -> str:
        r = self.random
        subject = f"the {self.word(_ADJECTIVES)} {self.word(_NOUNS)}"
        if r.random() < 0.2:
            subject = self.name()
        obj = f"the {self.word(_NOUNS)} of {self.place()}"
        if r.random() < 0.3:
            obj = f"a {self.word(_ADJECTIVES)} {self.word(_NOUNS)} {r.randint(2, 90)} per cent"
        middle = f" {self.word(_ADVERBS)}" if r.random() < 0.25 else ""
        return f"{subject}{middle} {self.word(_VERBS)} {obj}"

    def sentence(self) -> str:
        r = self.random
        text = self._clause()
        for _ in range(r.choice((0, 1, 1, 2))):
            text += f" {r.choice(_CONNECTORS)} {self._clause()}"
        if r.random() < 0.15:
            text = f'"{text[0].upper()}{text[1:]}," {self.name()} said'
            return text + "."
        return f"{text[0].upper()}{text[1:]}."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.random.randint(2, 5)))

    def headline(self) -> str:
        words = [self.place(), self.word(_NOUNS), self.word(_VERBS), "as"]
        words += [self.word(_ADJECTIVES), self.word(_NOUNS), self.word(_VERBS)]
        if self.random.random() < 0.5:
            words += ["in", self.place()]
        return " ".join(words).capitalize()

    def teaser(self) -> str:
        """A card's one-line summary, as story grids print under each headline."""
        return self.sentence()

    def slug(self, headline: str) -> str:
        return "-".join(w.strip(".,\"'").lower() for w in headline.split()[:8])
