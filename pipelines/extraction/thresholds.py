"""Every number the extractor judges a page by, named and explained in one place.

Kept together the way trafilatura keeps its settings: a rule reads its limits from here by
name, so a limit shared by several rules (the size of a teaser, the share of link text that
makes a block a link list) is one number. Patterns keep their own small counts (a regex's
"{2,5}"), and counting words treats a character of an unspaced script as one word unless a
rule says otherwise.
"""

from __future__ import annotations

# --- Reading the page ---------------------------------------------------------------------

# Pages beyond this are cut: real articles are far smaller, and the cap bounds time and memory.
MAX_HTML_CHARS = 8_000_000
# JSON-LD deeper than this is no real page's: deeper values are cut, so that the readers
# (which recurse) stay far from Python's recursion limit.
MAX_JSONLD_DEPTH = 24
# The start of a document looked at to tell binary data from text (NUL bytes, controls).
BINARY_SNIFF = 4096
# More NUL characters than this in that start: binary data, not HTML.
BINARY_NULS = 40
# A share of control bytes above this in that start: binary data, whatever its charset.
BINARY_CONTROL_SHARE = 0.05
# Where a page that names no content type shows itself as HTML: near its start.
HTML_SNIFF_BYTES = 2048
# Guessing an undeclared charset reads this much of a page: text enough for the detector,
# bounded time on a huge one.
CHARSET_GUESS_BYTES = 100_000
# Characters of a removed block that `extract --explain` prints.
EXPLAIN_SNIPPET_CHARS = 80

# --- Sizing text --------------------------------------------------------------------------

# A character of Chinese, Japanese or Thai counts as half a word when sizing a text against
# a limit set in words (a word of those scripts is one to three characters).
UNSPACED_WORD = 0.5
# Text shorter than this written directly in a block is a label or a line, not prose: it
# adds nothing to a container's prose, and no teaser's summary is shorter.
MIN_PROSE_CHARS = 40
# A line shorter than this that does not end like a sentence is a label or a fragment; one
# this long that does has started the story (nothing after it is header material).
LINE_CHARS = 80
# A teaser (another story's card or summary, a ticker item) and a newsletter sign-up box
# hold at most this many characters: a block holding more is a story's text.
TEASER_CHARS = 600
# A block holding this share of its text in links, or more, is link text: a menu, a card
# nested in a paragraph, a teaser's headline.
LINK_TEXT_SHARE = 0.8
# A block with more than half of its text in links is link text when it is also short.
HALF_LINKED = 0.5
# A wrapper that adds little to what it wraps holds at most this multiple of its text, plus
# a few characters (a title over a consent box; an image beside a standfirst).
WRAPPER_GROWTH = 1.5
CONSENT_WRAPPER_EXTRA_CHARS = 50
IMAGE_PARENT_EXTRA_CHARS = 20

# --- Boilerplate --------------------------------------------------------------------------

# A block named like boilerplate that holds more than this share of the page's prose is the
# story (some sites wrap it in a "share-tracking" or "main-promo" container).
STORY_SHARE = 0.5
# A paywall block holding this much prose is the rest of the story, hidden by script.
PAYWALLED_PROSE_CHARS = 400
# A "two-click" embed placeholder is a small box: larger ones are the story around it.
CONSENT_BOX_CHARS = 1000
# A hover card nested in a paragraph has at least this many links.
LINK_CARD_LINKS = 3

# --- Choosing the body container ----------------------------------------------------------

# How much a character of link or fragment text costs a container, against one of prose.
BAD_WEIGHT = 1.2
# A block shorter than this is a fragment, not prose, whatever it ends with.
FRAGMENT_CHARS = 25
# Prose shorter than this counts at SHORT_PROSE_WEIGHT; prose not ending like a sentence
# counts at UNFINISHED_WEIGHT.
SHORT_PROSE_CHARS = 60
SHORT_PROSE_WEIGHT = 0.5
UNFINISHED_WEIGHT = 0.7
# A container named like an article's text ("article-body") is preferred by this factor.
POSITIVE_HINT_BONUS = 1.05
# A child holding this share of its parent's score is the tighter, better container.
NARROW_SHARE = 0.85

# --- Dropping blocks inside the body ------------------------------------------------------

# Under this many words (not running on into the next line) a block is a fragment.
FRAGMENT_WORDS = 4
# Words a block must share with the start of a caption to count as a copy of it.
CAPTION_START_WORDS = 8
# A paragraph naming linked places or people one after another has at least this many
# links, and an unlinked item between two of them ("A、B、C", B unlinked) is this short.
ENUMERATED_LINKS = 2
ENUMERATED_ITEM_CHARS = 25
# Type set this small by the page's own style is fine print (a press release's boilerplate,
# comment rules); the style is looked for on the block and this many ancestors.
FINE_PRINT = {"px": 12.0, "pt": 9.0, "em": 0.8, "rem": 0.8, "%": 80.0}
FINE_PRINT_LEVELS = 3
# A heading that ends with the headline's words (at least this many) prints it after a kicker.
KICKER_HEADLINE_WORDS = 3
# A block seen before is a copy when this long; short lines repeat in real lists.
DUPLICATE_CHARS = 100
# A line shorter than this that does not end a sentence is link text at HALF_LINKED.
SHORT_LINK_LINE_CHARS = 150
# A heading longer than this is a paragraph set in heading type, not a subheading.
LONGEST_HEADING_CHARS = 200

# --- The edges of the body ----------------------------------------------------------------

# Above the body proper, an unfinished line shorter than this is a byline or a dateline.
LEAD_IN_CHARS = 100
# At the end, a promotion is shorter than this; a line naming the publisher's channels or
# an e-mail address is shorter than CLOSING_LINE_CHARS.
PROMOTION_CHARS = 200
CLOSING_LINE_CHARS = 300

# --- The standfirst -----------------------------------------------------------------------

# Words a block must share with the start of the page's description (which may be cut
# short) to be its summary: the first DESCRIPTION_WORDS, at least DESCRIPTION_MIN_WORDS.
DESCRIPTION_WORDS = 8
DESCRIPTION_MIN_WORDS = 4
# A block named like a standfirst needs this many words, or a sentence of LEAD_SENTENCE_WORDS
# or more: a shorter one is a second headline ("Coach appeals to the team's honour").
LEAD_HINTED_WORDS = 8
LEAD_SENTENCE_WORDS = 5
# A standfirst is a sentence or a few lines ("Ferry saved / Council finds the money / ...").
MAX_LEAD_BLOCKS = 3
# Where the standfirst ends: at most this many blocks between the headline and the story.
MAX_LEAD_GAP = 12
# The standfirst's class name is looked for on the block and this many ancestors.
LEAD_HINT_LEVELS = 2
# A standfirst has less than this share of its text in links.
LEAD_LINK_SHARE = 0.3
# An image's alt or title is recognised in a caption by its first IMAGE_TEXT_WORDS words,
# when it has IMAGE_TEXT_MIN_WORDS or more.
IMAGE_TEXT_WORDS = 6
IMAGE_TEXT_MIN_WORDS = 3

# --- Teasers and listings -----------------------------------------------------------------

# The summaries beside a teaser's headline: up to this many elements after it (or after
# its block, when nothing follows it there).
TEASER_SIBLINGS = 3
# The summary counted for a listing: the first of prose size among this many elements after
# the headline and after its block (a byline or a date may come between).
SUMMARY_LOOKAHEAD = 2
# A teaser card holds at most this many characters: a headline over more heads a story.
CARD_CHARS = 1000
# A run of this many sibling cards of the same kind is a list of stories, not a layout quirk.
MIN_CARDS = 3
# A ticker item's linked title has at least this many characters.
TICKER_TITLE_CHARS = 15

# --- Article or not -----------------------------------------------------------------------

# Fewer body words than this and a page is not an article (the crawl's ARCHIVE_MIN_WORDS).
MIN_WORDS = 50
# A dated text without article markup needs this many words, unless its URL spells a headline.
MIN_WORDS_DATED = 100
# More teasers under linked headlines than this, with at most PARAGRAPHS_PER_TEASER
# paragraphs each, make a front, section or tag page.
MAX_LINKED_HEADINGS = 2
PARAGRAPHS_PER_TEASER = 3

# --- The headline -------------------------------------------------------------------------

# An <h1> longer than this wraps more than a headline (a run of them is a broken page): left
# out, it also bounds the cost of comparing each <h1> with each title.
LONGEST_HEADLINE_CHARS = 500
# An <h1> that disagrees with the metadata must have this many words to read like a
# headline, not a section label ("World News", "Opinion").
HEADLINE_WORDS = 4
# A headline the JSON-LD declares has at least this many words.
DECLARED_HEADLINE_WORDS = 2
# How far above the body container an <h1> may sit and still head it: the container's
# parent or grandparent holds both (a site logo's <h1> shares only a distant wrapper).
NEAR_LEVELS = 2
# A title part this short (in words) may be the site's name; a headline may open with it.
SITE_NAME_WORDS = 3
# A site's name reduced to fewer letters than this matches too much to be compared.
SITE_KEY_CHARS = 3
# An <h1> sharing this share of its words with a title is that title, printed.
TITLE_OVERLAP = 0.8
# An <h1> printing a part of the headline is this long at least (a kicker's shorter).
PRINTED_HEADLINE_CHARS = 10

# --- Figures and captions -----------------------------------------------------------------

# An image narrower or lower than this (by its attributes) is an icon or an avatar.
SMALLEST_PHOTO_PX = 150
# Characters a figure may hold besides its caption and credit (a label, a button's text).
MOST_EXTRA_CHARS = 200
# No figure holds this many elements: past it, the captions in it are not counted (a cost
# linear in the frame, paid for every caption in it).
LARGEST_FRAME_ELEMENTS = 500
# A figure box is small; a caption is a line or a few sentences, not a story's paragraphs.
MOST_BOX_CHARS = 800
MOST_CAPTION_CHARS = 600
# Text read with its markup's white space may be this many times longer than its visible
# characters (a quick first reading of a box or a caption, then the exact one).
MARKUP_SLACK = 4
QUICK_READ_SLACK = 2
# A caption has this many words at least ("Video" beside a play icon is a label).
MIN_CAPTION_WORDS = 2
# A caption's figure is at most this many levels above it (or above the photo it follows).
FIGURE_LEVELS = 3
# Wrappers that hold nothing but a photo (<a>, <picture>, <div>) are climbed this far.
PHOTO_WRAPPER_LEVELS = 6
# Characters (white space included) beyond which a stripped block is more than a figure,
# and the most a stripped figure may hold besides its caption and credit.
MOST_FIGURE_CHARS = 5000
STRIPPED_FIGURE_EXTRA_CHARS = 20
# A credit printed in a figure outside its caption is at most this long.
CREDIT_BESIDE_CHARS = 100
# A caption cut short ("...") is recognised as a copy of a longer one from this many characters.
TRUNCATED_CAPTION_CHARS = 20

# --- Bylines and authors ------------------------------------------------------------------

# A byline element's text is shorter than this; a labelled line ("Autor: X") is at most
# LABELLED_LINE_CHARS long.
MOST_BYLINE_CHARS = 150
LABELLED_LINE_CHARS = 100
# Byline elements read from each kind of markup.
BYLINE_PER_SOURCE = 3
# A person's name has at most this many words and characters; a byline longer than that
# whose children each hold a part is a list of names.
NAME_WORDS = 5
NAME_CHARS = 60

# --- Fallbacks for the body ---------------------------------------------------------------

# Fewer body words than this and the chosen container is taken to have missed the story.
MIN_BODY_WORDS = 20
# HTML kept in a script's JSON string holds a story when it has this many paragraphs, in a
# string of EMBEDDED_HTML_CHARS or more.
EMBEDDED_MIN_PARAGRAPHS = 2
EMBEDDED_HTML_CHARS = 300
# The JSON-LD articleBody wins when it has this many words and the page shows less than
# LD_BODY_SHARE of them.
LD_BODY_WORDS = 100
LD_BODY_SHARE = 0.5

# --- Language -----------------------------------------------------------------------------

# Below these, the text says too little to overrule what the page declares.
MIN_LETTERS = 200
MIN_CONFIDENCE = 0.9
# Fewer letters than this and no language is guessed at all; a guess for a page that
# declares none needs UNDECLARED_CONFIDENCE.
DETECT_MIN_LETTERS = 20
UNDECLARED_CONFIDENCE = 0.5
# The start of the text the detector reads (its cost grows with it): on the 317 pages of
# both development sets, 1,000 characters name the same language as 3,000 on every page.
LANGUAGE_SAMPLE_CHARS = 1000

# --- Metadata and dates -------------------------------------------------------------------

# A tag is shorter than this, and a page has at most MAX_TAGS from its tag links.
LONGEST_TAG_CHARS = 80
MAX_TAGS = 30
# The web is younger than this; a "0001-01-01" is a CMS's empty value, not a date.
EARLIEST_YEAR = 1990
# A date this many days ahead is a mistake or a placeholder (time zones aside).
FUTURE_DAYS = 2
# A free-form date longer than this is a sentence, not a date.
DATE_TEXT_CHARS = 60
