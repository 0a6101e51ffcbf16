"""Remove what is never article text: scripts, chrome, hidden copies and boilerplate blocks."""

from __future__ import annotations

import re

import lxml.html

from pipelines.extraction.boxes import KEEP_ANYWAY, snippet, strip_boxes
from pipelines.extraction.text import split_camel
from pipelines.extraction.thresholds import (
    MIN_PROSE_CHARS,
    PAYWALLED_PROSE_CHARS,
    STORY_SHARE,
)

# Elements whose content is never article text.
_DROP_TAGS = {
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "video", "audio", "button", "select", "input", "textarea", "label", "dialog", "menu",
    "nav", "aside", "footer", "head", "link", "meta", "map", "math",
}  # fmt: skip
# Class/id words of blocks that are boilerplate on news sites: menus, ad slots, share bars,
# newsletter boxes, "most viewed"/"trending" lists, related links, comments, cookie banners.
# Strong words drop a block even when it also carries an article word ("comment-body").
_STRONG = re.compile(
    r"(?:^|[\s_-])(?:"
    r"ads?|adv|advert\w*|adslot|dfp|gpt|sponsor\w*|outbrain|taboola|"
    r"breadcrumbs?|cookie\w*|consent|gdpr|disqus|comments?|respond|"
    r"footer|site[-_]?header|masthead|nav|navbar|navigation|menu\w*|skip[-_]?link|"
    r"newsletters?|subscri\w+|signup|paywall|regwall|registration|"
    r"popular|most[-_]?(?:viewed|read|popular|shared|commented)|mostviewed|mostread|trending|"
    r"related\w*|recommend\w*|more[-_]?(?:stories|news|articles|from)|read[-_]?more|"
    r"share\w*|sharing|social\w*|sidebar\w*|donate|donation|membership|support-us|"
    r"contributions?|top[-_]?stories|further[-_]?reading|see[-_]?also|more[-_]?on|"
    r"twitter[-_]?tweet|instagram[-_]?media|tiktok[-_]?embed|fb[-_]?post|"
    r"(?:modal|popup|pop-up|lightbox|overlay)"
    r"(?![-_](?:enabled|trigger|open|active|link|btn|button|gallery|image|img|photo))|"
    r"notification[-_]?bar|privacy"
    r")(?:$|[\s_-])",
    re.I,
)
_WEAK = re.compile(
    r"(?:^|[\s_-])(?:banner|teasers?|promo\w*|widget\w*|rail|tags?|taglist|"
    r"author[-_]?(?:bio|box|info)|bio|byline|dateline|meta|toolbar|"
    r"pagination|pager|print[-_]?only)(?:$|[\s_-])",
    re.I,
)
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:hidden|hide|d-none|invisible)(?:$|\s)|"
    r"(?:^|[\s_-])(?:visually[-_]?hidden|sr[-_]only|screen[-_]?reader[-_]?only|offscreen|"
    r"element[-_]invisible|cloned|clone|slide[-_]duplicate)(?:$|[\s_-])",
    re.I,
)
# Words that mark the article itself.
# Names of an article's text container, shared by the two patterns below.
_BODY_NAMES = (
    r"article[-_]?body|articlebody|entry[-_]?content|post[-_]?content|story[-_]?body|"
    r"body[-_]?text|main[-_]?content|article[-_]?content|story[-_]?content"
)
_POSITIVE = re.compile(
    r"(?:^|[\s_-])(?:" + _BODY_NAMES + r"|"
    r"content[-_]?body|text|body|content|article|story|post|entry|main)(?:$|[\s_-])",
    re.I,
)
# A paywall block either asks the reader to subscribe (short) or wraps the rest of the story,
# shipped in the HTML and hidden by script for non-subscribers (long prose): only the first goes.
_PAYWALL = re.compile(r"(?:^|[\s_-])(?:paywall|regwall)(?:$|[\s_-])", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Words inside a sentence are never boilerplate by their class or id: a link named
# "auto-tag_doobie-brothers" is still part of the sentence it sits in.
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "cite", "code", "em", "font", "i", "mark", "q", "s", "small",
     "strong", "sub", "sup", "time", "u", "var", "img", "picture", "source", "br", "wbr"]
)  # fmt: skip


_HINT_ATTRS = ("class", "id", "data-component", "data-testid", "data-module", "data-gu-name")


def hint(el: lxml.html.HtmlElement) -> str:
    """The class, id and component names of an element, camelCase split: "EmailSignup" ->
    "Email-Signup", the words sites name their blocks with."""
    words = " ".join(el.get(attr) or "" for attr in _HINT_ATTRS).strip()
    return split_camel(words) if words else ""


def is_hidden(el: lxml.html.HtmlElement) -> bool:
    # aria-hidden is not enough: carousels mark every slide but the current one with it.
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# Names only an article's own text container carries: they outrank any negative word
# ("entry-content entry-content-read-more").
_ARTICLE_BODY = re.compile(
    r"(?:^|[\s_-])(?:" + _BODY_NAMES + r"|article[-_]?text|field[-_]?name[-_]?body)(?:$|[\s_-])",
    re.I,
)


def negative_hint(el: lxml.html.HtmlElement) -> bool:
    words = hint(el)
    if not words or _ARTICLE_BODY.search(words):
        return False
    if _STRONG.search(words):
        return True
    return bool(_WEAK.search(words) and not _POSITIVE.search(words))


def positive_hint(el: lxml.html.HtmlElement) -> bool:
    words = hint(el)
    return bool(words and _POSITIVE.search(words))


def boilerplate_reason(el: lxml.html.HtmlElement) -> str | None:
    """Why an element is boilerplate (tag, hidden, class/id hint), or None."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return f"<{tag}>"
    if tag in KEEP_ANYWAY:
        return None
    if is_hidden(el) or _HIDDEN_CLASS.search(split_camel(el.get("class") or "")):
        return "hidden"
    role = el.get("role")
    if role in {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}:
        return f"role={role}"
    if tag not in _INLINE and negative_hint(el):
        return f"class/id {hint(el)!r}"
    return None


_PROSE_TAGS = frozenset(["p", "div", "td", "section", "article", "blockquote", "span", "li", "dd"])


def paragraph_mass(root: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """Characters of prose under every element: text written directly in paragraph-like
    elements (<p>, or the <div>s some CMSs use as paragraphs), not in links or menus."""
    mass: dict[lxml.html.HtmlElement, int] = {}
    for el in root.iter(*_PROSE_TAGS):
        size = len((el.text or "").strip())
        for child in el:  # a loop, not sum() over a generator: a fifth of this function's time
            tail = child.tail
            if tail:
                size += len(tail.strip())
        if size < MIN_PROSE_CHARS:
            continue
        mass[el] = mass.get(el, 0) + size
        for ancestor in el.iterancestors():
            mass[ancestor] = mass.get(ancestor, 0) + size
    return mass


def strip_boilerplate(
    root: lxml.html.HtmlElement, keep: lxml.html.HtmlElement | None = None
) -> list[tuple[str, str]]:
    """Remove boilerplate elements in place; return (reason, text snippet) for each removal.

    A block named like boilerplate is kept when it holds most of the page's paragraph text:
    some sites wrap the whole story in a container called "share-tracking" or "main-promo".
    keep (the body a site rule names) and its ancestors are never removed.
    """
    mass = paragraph_mass(root)
    total = max(1, mass.get(root, 0))
    protected = {keep, *keep.iterancestors()} if keep is not None else set()
    removed = strip_boxes(root)
    # Document order, an element's children only once it is kept: what goes, goes whole.
    pending = _elements_of(root)
    while pending:
        el = pending.pop()
        reason = _removal_reason(el, mass, total, protected)
        if reason is None:
            pending += _elements_of(el)
            continue
        removed.append((reason, snippet(el)))
        el.drop_tree()
    return removed


def _elements_of(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """An element's child elements, last first (to be popped in document order)."""
    return [child for child in reversed(el) if isinstance(child.tag, str)]


def _removal_reason(
    el: lxml.html.HtmlElement,
    mass: dict[lxml.html.HtmlElement, int],
    total: int,
    protected: set[lxml.html.HtmlElement | None],
) -> str | None:
    """Why strip_boilerplate removes el, or None to keep it."""
    reason = boilerplate_reason(el)
    if reason is None or el in protected:
        return None
    words = hint(el)
    forced = reason.startswith("<") or reason == "hidden" or _never_story(words, reason)
    if not forced and mass.get(el, 0) > total * STORY_SHARE:
        return None
    if not forced and _holds_article_parts(el, words):
        return None
    if not forced and _PAYWALL.search(words) and _paywalled_prose(el, mass.get(el, 0)):
        return None  # the story behind the paywall, not the prompt
    return reason


def _paywalled_prose(el: lxml.html.HtmlElement, prose: int) -> bool:
    """A paywall block that holds the rest of the story, or one of its paragraphs: some
    sites mark each paragraph past the free ones <p class="paywall">."""
    return prose >= PAYWALLED_PROSE_CHARS or (el.tag == "p" and prose > 0)


def _holds_article_parts(el: lxml.html.HtmlElement, words: str) -> bool:
    """The headline (<h1>) or, under a weak hint ("e-image__meta"), a figure's caption: named
    like boilerplate, but holding the article's own parts. words: the element's hint()."""
    if el.find(".//h1") is not None:
        return True
    weak_only = not _STRONG.search(words)
    return weak_only and (el.tag == "figcaption" or el.find(".//figcaption") is not None)


_CONSENT = re.compile(r"(?:^|[\s_-])(?:cookie\w*|consent|gdpr)(?:$|[\s_-])", re.I)


def _never_story(words: str, reason: str) -> bool:
    """Dialogs and cookie-consent panels (by their hint() words): removed even when their text
    outweighs the story's (a consent panel describing each cookie can be longer than a short
    review)."""
    return reason == "role=dialog" or bool(_CONSENT.search(words))
