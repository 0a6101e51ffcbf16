"""Trim the kept blocks at both ends: bylines above the story, credits and promotions after."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.blocks import Block, Decision
from pipelines.extraction.thresholds import (
    CLOSING_LINE_CHARS,
    LEAD_IN_CHARS,
    LINE_CHARS,
    PROMOTION_CHARS,
)


def _main_parent(kept: list[Block]) -> lxml.html.HtmlElement | None:
    """The element whose child paragraphs hold most of the kept text: the body proper."""
    mass: dict[lxml.html.HtmlElement, int] = {}
    for block in kept:
        parent = block.element.getparent()
        if parent is not None and not block.is_heading:
            mass[parent] = mass.get(parent, 0) + len(block.text)
    return max(mass, key=lambda el: mass[el]) if mass else None


def _lead_in_reason(block: Block) -> str | None:
    """Byline and dateline lines that sit above the body proper. A standfirst stays: it is
    the publisher's own summary, printed with the story."""
    if len(block.text) < LEAD_IN_CHARS and not block.ends_sentence:
        return "byline or dateline above the body"
    return None


def _is_prose(block: Block) -> bool:
    return not block.is_heading and len(block.text) >= LINE_CHARS and block.ends_sentence


def trim_lead_in(kept: list[Block], decisions: list[Decision]) -> list[Block]:
    """Drop the header material kept above the first paragraph of the body proper."""
    main = _main_parent(kept)
    if main is None:
        return kept
    first = next(
        (i for i, b in enumerate(kept) if main in b.element.iterancestors() or _is_prose(b)),
        0,
    )
    trimmed = []
    for i, block in enumerate(kept):
        reason = _lead_in_reason(block) if i < first else None
        if reason is None:
            trimmed.append(block)
        else:
            decisions.append(Decision(False, reason, block.text))
    return trimmed


_TAIL = re.compile(
    r"^\(?(?:(?:additional )?reporting by|editing by|writing by|compiled by|contact (?:us|the)|"
    r"follow (?:us|\w+ on)|copyright|©|\(c\)|all rights reserved|letters to the editor|"
    r"sign up|subscribe|read more|related|more:|see also|the views expressed|our standards|"
    r"updated(?: at| on)? [\w ,:.]{1,40}$|"
    r"(?:the )?(?:associated press|ap|reuters|afp) (?:writers?|reporters?|correspondents?) )"
    r"|^[^.!?]{3,120}\bcontributed (?:reporting|to this (?:report|story))",
    re.I,
)
# Tried only where an address can start (not inside a run of its characters): tried from
# every position, a long token made the search quadratic.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+")
# Calls to action that close a story: "Subscribe to our newsletters", "Have a tip?".
_PROMO = re.compile(
    r"\b(?:newsletters?|subscribe|subscription|sign up|inbox|have a tip|follow (?:us|her|him)|"
    r"download (?:our|the) app|all rights reserved|click here|tell us what you think|"
    r"let us know what you think|leave a comment|share it with|like this (?:story|article)|"
    r"chat with us|©)",
    re.I,
)
# "Follow Newsbeat on Instagram", "Listen to the show live at 6pm": the publisher's channels.
_CHANNELS = re.compile(
    r"(?:^|[.!?]\s+)(?:follow\b[^.!?]{0,80}\bon (?:facebook|twitter|instagram|youtube|tiktok|"
    r"linkedin|threads|bluesky|x)\b|listen (?:to [^.!?]{1,40} )?(?:live|back|again)\b)",
    re.I,
)


def promotes(text: str) -> bool:
    """A call to action or the publisher's channels, in a block too short to be a story's."""
    return (len(text) < PROMOTION_CHARS and bool(_PROMO.search(text))) or (
        len(text) < CLOSING_LINE_CHARS and bool(_CHANNELS.search(text))
    )


def _tail_reason(block: Block) -> str | None:
    if block.is_heading:
        return "heading at the end"
    if _TAIL.match(block.text) or (
        len(block.text) < CLOSING_LINE_CHARS and _EMAIL.search(block.text)
    ):
        return "credits, contact or copyright line at the end"
    if promotes(block.text):
        return "promotion at the end"
    if len(block.text) < LINE_CHARS and not block.ends_sentence:
        return "fragment at the end"
    return None


def _heads(heading: Block, following: Block | None) -> bool:
    """A heading heads a paragraph, or a section of lower-level headings (an <h2> over the
    <h3>s of a menu's courses)."""
    if following is None:
        return False
    return not following.is_heading or following.tag > heading.tag  # "h3" > "h2"


def trim_edges(kept: list[Block], decisions: list[Decision]) -> list[Block]:
    """Drop headings that head nothing, and the credit/contact lines that end a story."""
    result: list[Block] = []
    for i, block in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else None
        if block.is_heading and not _heads(block, following):
            decisions.append(Decision(False, "heading with no paragraph under it", block.text))
        else:
            result.append(block)
    start = _related_list_start(result)
    for block in result[start:]:
        decisions.append(Decision(False, "labelled list of links at the end", block.text))
    result = result[:start]
    while result and (reason := _tail_reason(result[-1])):
        if reason == "fragment at the end" and len(result) > 1 and _tail_reason(result[-2]):
            break  # a run of short lines at the end is a list (tour dates), not a stray label
        decisions.append(Decision(False, reason, result.pop().text))
    return result


def _is_label(block: Block) -> bool:
    return block.is_heading or (len(block.text) < LINE_CHARS and not block.ends_sentence)


def _related_list_start(kept: list[Block]) -> int:
    """Where a closing "More stories" list starts: a label, then list items that each link
    elsewhere. A list introduced by a sentence ("Here is what you need:") is the story's."""
    end = len(kept)
    if not end or kept[-1].tag != "li":
        return end
    parent = kept[-1].element.getparent()
    start = end
    while (
        start > 0
        and kept[start - 1].tag == "li"
        and kept[start - 1].element.getparent() is parent
        and kept[start - 1].link_chars > 0
    ):
        start -= 1
    if end - start < 2 or start < 2 or not _is_label(kept[start - 1]):
        return end
    return start - 1
