"""Split a photo credit off a caption's text ("... on March 27. SOCIAL AFFAIRS MINISTRY")."""

from __future__ import annotations

import re

# "Photo: X", "(Photograph by X)", "Credit: X", "Image source, X", "© X", "Foto: X", and the
# same labels in other languages ("撮影：X", "사진=X", "ภาพ: X", "تصوير: X", "Фото: X").
_LABELS = (
    r"photo(?:graph)?s?|pictures?|pic|images?|image source|credit|courtesy|source|video|"
    r"(?:image |photo )?copyright|file(?: photo)?|"
    r"foto|fotos|bild|bildrechte|bildquelle|quelle|crédit|crédito|fotografía|imagen|фото|снимок|"
    r"撮影|写真|画像|提供|사진|촬영|图|圖|摄影|攝影|来源|ภาพ|รูป|تصوير|صورة|الصورة|צילום|ছবি|फोटो|ảnh|រូបថត|រូបភាព|isithombe|izithombe|umfanekiso|picha|foto's"
)
# Tried only where a run of spaces and brackets starts: from inside the run, the search
# was quadratic in its length.
_LABELLED = re.compile(
    r"(?<![\s(\[（])[\s(\[（]*(?:(?:"
    + _LABELS
    + r")\s*(?:by\b|via\b|:|：|៖|,|=|-|–|\.{3}|…)|©|\(c\))"
    r"\s*(?P<credit>[^()\[\]（）]{2,120}?)[\s)\]）]*$",
    re.I,
)
_AGENCY_NAMES = (
    r"(?:AFP|AP|Reuters|REUTERS|Getty Images|EPA|EPA-EFE|Xinhua|Bloomberg|Shutterstock|Alamy|"
    r"AAP|ANP|DPA|dpa|PA|PA Wire|Kyodo|Yonhap|[A-Z][\w-]+ Images|\w+ Press)"
)
# "Jane Doe/AFP via Getty Images" or "REUTERS/Jane Doe" as the caption's last sentence.
_AGENCY = re.compile(
    r"(?:^|(?<=[.!?”\"]\s))(?P<credit>(?:[^.!?/]{0,60}/\s*)?"
    + _AGENCY_NAMES
    + r"(?:\s*/\s*[^.!?/]{2,60})?(?:\s+via\s+[^.!?]{2,40})?)\s*$"
)
# A credit without a name, written after the caption: "Jane Doe Submitted photo".
_KIND_OF_PHOTO = re.compile(
    r"(?<=\S)\s+(?P<credit>(?:submitted|contributed|courtesy|file|staff|handout|stock) "
    r"(?:photo|image|picture)s?)\.?\s*$",
    re.I,
)
# A credit line that is all label and name: "Image copyright Getty Images".
_LEADING_LABEL = re.compile(
    r"^(?:image |photo |picture )?(?:copyright|credit)\s+(?P<credit>\S.{1,100})$", re.I
)
# An agency named in brackets at the very end: "... in Nogales, Ariz. (AP)".
_BRACKETED_AGENCY = re.compile(
    r"[(\[]\s*(?P<credit>" + _AGENCY_NAMES + r"|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})\s*[)\]]\s*$"
)
# A trailing run of capitalised words after the last sentence: the print-style credit.
# Words apart by spaces: "(?:WORD\s*){1,8}" could cut a run of capitals into words in every
# possible way, exponential in its length.
_CAPS = re.compile(
    r"(?<=[.!?”\"’)])\s+(?P<credit>[A-Z0-9][A-Z0-9&'’./-]*(?:\s+[A-Z0-9][A-Z0-9&'’./-]*){0,7})\s*$",
)


# "(AP Photo/Jane Doe)", "(Jane Doe/AFP)" in parentheses at the very end.
_PARENTHESISED = re.compile(
    r"\((?P<credit>[^()]{2,80}(?:/|\bphoto\b|\bfoto\b)[^()]{0,80})\)\s*$", re.I
)


# "Meridian/Claire Dubois": an unlabelled "Agency/Name" as the last sentence.
_SLASHED = re.compile(
    r"(?<=[.!?”\"]\s)(?P<credit>[A-Z][\w.&'’ -]{1,40}\s?/\s?[A-Z][\w.&'’ -]{1,40})\s*$"
)


def split_credit(text: str) -> tuple[str, str | None]:
    """(caption, credit) from a caption's text; credit is None when none is found."""
    for pattern in (
        _LABELLED, _LEADING_LABEL, _PARENTHESISED, _BRACKETED_AGENCY, _KIND_OF_PHOTO, _AGENCY,
        _SLASHED, _CAPS,
    ):  # fmt: skip
        match = pattern.search(text)
        if not match:
            continue
        credit = match.group("credit").strip(" .,;")
        caption = text[: match.start()].strip(" ,;-–—|")
        if credit and not credit.isdigit() and (caption or pattern is not _CAPS):
            return caption, credit
    return text, None


# A rights notice printed with (or instead of) a credit says nothing about who took the photo.
_RIGHTS = re.compile(
    r"\b(?:all rights reserved|tous droits réservés|alle rechte vorbehalten|"
    r"todos los derechos reservados|tutti i diritti riservati|wszelkie prawa zastrzeżone)\b\.?",
    re.I,
)
# A label without a name: "Copyright", "©", "Photo:".
_BARE_LABEL = re.compile(r"^(?:" + _LABELS + r"|©|\(c\))?\s*[:：,.-]?$", re.I)


def clean_credit(text: str) -> str | None:
    """A credit element's text without its label, rights notice or wrapping brackets:
    "(Photo: X)" -> "X"; None when nothing but a label is left ("Copyright")."""
    text = _RIGHTS.sub("", text).strip(" -–|/")
    text = text.removeprefix("...").removeprefix("…").strip()
    while len(text) > 2 and text[0] in "([（" and text[-1] in ")]）":
        text = text[1:-1].strip()
    if _BARE_LABEL.match(text):
        return None
    return split_credit(text)[1] or text
