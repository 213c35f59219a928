"""Which lines of a plain-text article are web boilerplate, judged by general features of a line.

There is no HTML to say what is navigation or an appeal, so each line (a paragraph unit of a
news text file) is described by what distinguishes boilerplate from reporting: generic
call-to-action vocabulary, words addressed to the reader (you/your/we/our outside quotation
marks, which news prose rarely uses), missing end punctuation (labels and teaser headlines),
credit and footer markers, and position (boilerplate clusters at the start and end). No single
cue decides on its own where it also occurs in news prose: an appeal needs an appeal phrase
*and* reader address or brevity, a caption needs a credit at its end, a teaser needs a label
before it. Lines repeated across one source's articles (`LineStats`) are a further cue.
"""

from __future__ import annotations

import re
import string
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

# Reasons given for removed lines (RemovedPassage.reason).
DONATION_APPEAL = "donation appeal"
SUBSCRIPTION_APPEAL = "subscription appeal"
READ_MORE = "read-more teaser"
CAPTION = "photo caption"
AGENCY_FOOTER = "agency footer"
COPYRIGHT = "copyright notice"
SHARE_FOLLOW = "share/follow line"
COOKIE = "cookie notice"
ADVERTISEMENT = "advertisement"
NAVIGATION = "navigation label"
REPEATED = "repeated across source"
APPEALS = (DONATION_APPEAL, SUBSCRIPTION_APPEAL)

LINE_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
"""What ends a line; the cleaner and `LineStats` cut lines the same way."""
_LINE_FOLDS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"',
                             "‘": "'", "’": "'", "‚": "'", "‛": "'",
                             "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None,
                             "\u2060": None, "\ufeff": None})

# Quoted speech is the one place news prose addresses "you" or speaks as "we", so reader
# address and appeal phrases are only looked for outside quotation marks. A closing single
# quote must not be followed by a letter, or it is an apostrophe (People’s).
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|«[^«»]*»|‘[^‘’]*’(?!\w)")
_UNCLOSED_QUOTE = re.compile(r"[“\"«].*")  # a quote running on into the next paragraph
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_CLOSERS = "\"'”’»)]*"
# Features are read from tokens (text with punctuation turned into spaces, then split): set
# look-ups instead of one regular expression per cue keep a line's features cheap.
_TOKEN_TABLE = str.maketrans({char: " " for char in string.punctuation + "“”‘’«»„‚–—…•·©"})
_READER_TOKENS = frozenset((
    "you", "your", "yours", "yourself", "yourselves", "we", "our", "ours", "us",
))  # matched lower-cased
_OUR_TOKENS = frozenset(("we", "our", "ours", "us"))

# Phrases that, outside quotation marks, practically only appeals to the reader use. They are
# matched in lower-cased text, and only when one of the trigger words occurs.
_STRONG_TRIGGERS = frozenset((
    "favor", "favour", "support", "donation", "contribution", "gift", "generosity",
    "subscription", "donate", "subscribe", "sign", "newsletter", "newsletters", "become",
    "journalism", "help", "readers", "thank", "deductible", "join", "inbox", "unlimited",
    "trial", "already", "log", "download", "stay", "keep", "please", "view", "read", "never",
    "free", "hear", "editor",
))
_STRONG_APPEAL = re.compile(
    r"\bfavou?r to ask\b"
    r"|\bsupport (?:us|our (?:work|journalism|newsroom|mission|reporting|journalists))\b"
    r"|\byour (?:support|donation|contribution|gift|generosity|subscription)\b"
    r"|\bdonate (?:now|today|here|to us|to our)\b|\bplease donate\b"
    r"|\bmake a (?:\w+ )?(?:donation|gift|contribution)\b"
    r"|\bsubscribe (?:now|today|here|for free|to (?:our|the|my) (?:\w+ )?"
    r"(?:newsletter|channel|podcast|feed|mailing list))\b"
    r"|\bsign up (?:now|today|here|for (?:our|the|a|free)\b)"
    r"|\bour (?:\w+ )?newsletters?\b|\bnewsletter sign[- ]?up\b"
    r"|\bbecome a (?:member|subscriber|supporter|patron|friend of)\b"
    r"|\bindependent(?:,? \w+)? journalism\b|\bjournalism (?:needs|relies on) you\b"
    r"|\bwe need your help\b|\bwith your help\b|\breaders like you\b"
    r"|\bthank you for (?:reading|your support|supporting|subscribing)\b"
    r"|\btax[- ]deductible\b|\bjoin (?:us|our community|our mailing list)\b"
    r"|\b(?:in|to) your inbox\b|\bunlimited (?:digital )?access\b|\bfree trial\b"
    r"|\balready (?:a subscriber|a member|subscribed)\b"
    r"|\b(?:log|sign) in to (?:continue|read|comment|keep reading)\b"
    r"|\bdownload (?:our|the \w+) app\b|\bstay (?:informed|up to date) with\b"
    r"|\bkeep up to date with\b"
    # a paywall, a newsletter box, an invitation to write in
    r"|\bplease subscribe\b|\bto (?:view|read|access) (?:the|this) (?:full|entire|whole) "
    r"(?:story|article)\b|\bnever miss (?:a|an|our|the)\b|\bfree sign[- ]?up\b"
    r"|\bwe want to hear (?:from you|what you think)\b"
    r"|\b(?:submit|send|write) (?:a|your) letter to the editor\b"
)
# Words common in appeals and site furniture but also possible in news prose.
_WEAK_TOKENS = frozenset((
    "donate", "donation", "donations", "subscribe", "subscriber", "subscribers",
    "subscription", "subscriptions", "newsletter", "newsletters", "membership", "contribute",
    "contribution", "contributions", "sponsor", "sponsored", "sponsorship", "advertisement",
    "advertising", "paywall", "premium", "cookie", "cookies", "signup", "login", "register",
    "podcast", "click", "support", "supporting", "journalism", "journalist", "journalists",
    "monthly", "please", "thank",
))
_WEAK_PHRASES = ("sign up", "log in", "an independent news", "an independent media")
_SUBSCRIPTION_TOKENS = frozenset((
    "subscribe", "subscriber", "subscribers", "subscription", "subscriptions", "newsletter",
    "newsletters", "signup", "inbox", "register", "trial",
))
# A short imperative call: "Support The Moscow Times!", "Subscribe to our newsletter".
_CTA_START = re.compile(
    r"^(?:please\s+)?(?:support|subscribe|donate|contribute|join|sign up|register|download"
    r"|become a|help us|give|submit)\b",
    re.IGNORECASE,
)
_CTA_OBJECT = re.compile(
    r"^\S+(?: up| a)?\s+(?:us|our|now|today|here)\b"
    r"|^(?:please\s+)?(?:subscribe|donate|contribute)\s+to\s+(?-i:[A-Z])",
    re.IGNORECASE,
)

_NETWORK_TOKENS = frozenset((
    "facebook", "twitter", "telegram", "whatsapp", "instagram", "linkedin", "youtube",
    "tiktok", "pinterest", "reddit", "flipboard", "bluesky", "mastodon", "viber", "rss",
))
_SHARE_TOKENS = frozenset(("share", "tweet", "email", "print"))
_FOLLOW = re.compile(
    r"\b(?:follow|find|join|connect with) us (?:on|at|for|in)\b|\blike us on\b"
    r"|\bsubscribe to us\b|\bshare (?:this|on|via)\b"
    r"|\bshare (?:the|this) (?:article|story|page|post)\b"
    r"|\bshare (?:it|this|them) with (?:a friend|friends|your friends)\b"
)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:(?:this|our) (?:web)?site|accept|consent|privacy|browser|browsing|uses? cookies)\b"
)
_REPRINT = re.compile(
    r"\bcopyrighted (?:property|material|content)\b|\bpermission must be obtained\b"
    r"|\b(?:may|must|can|shall) ?not be (?:\w+, )*(?:\w+ )?(?:or |and(?:/or)? )?"
    r"(?:reproduced|republished|reprinted|redistributed|rewritten|published|copied|broadcast)\b"
    r"|\bwithout (?:the )?(?:(?:prior|express|written|our) )*permission\b"
    r"|\breprint(?:ed|ing|s)?\b|\ball rights reserved\b|©|\bcopyright\b"
)
"""The cues of a reprint notice ("This article is the copyrighted property of X. Written
permission must be obtained before reprint"); two different ones make the line a notice, one
alone is news about copyright ("the photos were used without permission")."""
_NOTICE_CUES = ("©", "copyrighted", "must be obtained", "not be", "all rights reserved")
"""What only the notice itself says: the mark, or the rule stated as a rule. News about a
copyright dispute may name a reprint and a missing permission, but not in these words."""
_REPRINT_WORDS = ("copyright", "©", "permission", "reprint", "reproduced", "republished",
                  "redistributed", "rights reserved")
_DISCLOSURE = re.compile(
    r"\b(?:we|site) (?:may |might |will |could )?(?:receive|earn|get|make) (?:a )?(?:small )?"
    r"(?:compensation|commission|affiliate commission)\b|\badvertiser disclosure\b"
    r"|\bof our advertisers\b|\bour (?:affiliate|advertising) (?:links?|partners|policy)\b"
)
"""An advertiser or affiliate disclosure, in the site's own voice (we/our)."""
_FOLLOW_START = re.compile(
    r"^(?:follow|like|find|join) (?:[\w@&'’.-]+ ){1,5}on (?:twitter|facebook|instagram|"
    r"telegram|whatsapp|linkedin|youtube|tiktok|threads|x|bluesky|mastodon)\b",
    re.IGNORECASE,
)
"""A line opening with an invitation to follow the site on a network ("Follow The Gleaner
on Twitter and Instagram @JamaicaGleaner"): reporting names who follows whom, it does not
open with the imperative."""
_APP_PROMPT = re.compile(r"\bdownload (?:our|the [\w.-]+) apps?\b")
_APP_STORES = re.compile(r"\b(?:ios|android|iphone|app store|google play|play store)\b")
_APP_REPORTED = re.compile(
    r"\b(?:can|could|to|will|would|may|might|must|should|they|users|people|who|he|she)"
    r" download\b")
_COPYRIGHT = re.compile(r"^\(?\s*(?:copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b")
_LINK_CALL = re.compile(
    r"\b(?:click|tap) (?:here|below|the link|to read)\b"
    r"|\b(?:read|see|view) (?:the )?(?:full|original|complete) (?:story|article|report|coverage)\b"
    r"|\bcontinue reading\b"
)
_LINK_TRIGGERS = frozenset(("click", "tap", "read", "see", "view", "continue"))
_SOURCE_FOOTER = re.compile(r"^\(?\s*sources?\s*:\s*\S", re.IGNORECASE)
_CREDITS_FOOTER = re.compile(
    r"^\(?\s*(?:additional |with |and )?(?:reporting|writing|editing|compiled|edited)"
    r"(?: and (?:editing|writing))? by\b",
    re.IGNORECASE,
)
# A photo credit at the end of a line marks the line as a caption: "[File: AP Photo]",
# "(Photo: Reuters)", "Photograph: Jane Doe", "Getty Images", "AP Photo/John Doe", "© 2018 X".
_BRACKET_CREDIT = re.compile(
    r"(?:file|photo|image|picture|video|graphic|illustration)s?\s*:[^\]]*\]$"
)
_PAREN_CREDIT = re.compile(
    r"(?:photo|image|picture|photograph|credit|video|illustration|graphic)s?(?:\s+credit)?"
    r"\s*:[^)]*\)$"
)
_NAMED_CREDIT = re.compile(
    r"(?:\b(?:[Pp]hotograph|[Pp]hoto|[Ii]mage|[Pp]icture|[Ii]llustration|[Cc]redit)s?"
    r"(?:\s+(?:credit|by))?\s*:\s*[A-Z][^.:;!?]{1,80}"
    r"|\bGetty Images\b[^.!?]{0,40}"
    r"|\b(?:AP|AFP|EPA|EPA-EFE|Reuters|Xinhua|TASS|Anadolu|Sputnik|Bloomberg)(?:\s+[Pp]hoto)?"
    r"\s*/\s*[A-Z][^/.!?]{1,60}"
    r"|©\s*\d{4}[^.!?]{1,60})$"
)
_NAMED_CREDIT_WORDS = ("photo", "image", "picture", "illustration", "credit", "getty", "/", "©")
_CREDIT_ANY = re.compile(
    r"\[(?:file|photo|image|picture)s?:|\((?:photo|image|picture|photograph)s?:"
    r"|\bgetty images\b|\bimage copyright\b|\bphoto credit\b"
)
_CREDIT_WORDS = ("photo", "image", "picture", "getty", "[file")
_CREDIT_START = re.compile(
    r"^(?:(?:photo|image|picture|photograph|caption|illustration|file photo|photo credit"
    r"|image credit)s?\s*:|image copyright\b|image caption\b)",
    re.IGNORECASE,
)
_BARE_SITE = re.compile(r"(?:https?://)?(?:www\.)?(?:[\w-]+\.)+[a-z]{2,}/?", re.IGNORECASE)
"""A line that is only a site's address ("BVINEWS.COM"): a source label, never a sentence."""
_URL = re.compile(r"https?://|www\.|\.com\b|@\w{2,}")

_LABEL_TRIM = re.compile(r"^[\s•·*>»›|–—-]+|[\s:.»›>|…–—-]+$")
_READ_MORE_WORDS = (
    r"read more|read (?:also|next|on)|see also|also (?:read|see|on [\w.' ]{1,30})"
    r"|related(?: (?:articles?"
    r"|stories|news|content|coverage|topics?|posts?|links|reading|videos?))?|more(?: (?:on this"
    r"(?: story| topic)?|from [\w ]{1,30}|stories|news|like this|to read|reading))?"
    r"|recommended(?: (?:for you|stories|articles|reading|videos?))?"
    r"|most (?:read|popular|viewed|shared|commented)|trending(?: now| stories)?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in|have missed)"
    r"|(?:don'?t|do not) miss|editor'?s picks?|top stories|latest (?:news|stories|headlines)"
    r"|further reading|what to read next|keep reading|continue reading"
)
_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?:{_READ_MORE_WORDS})", re.IGNORECASE), READ_MORE),
    (re.compile(r"advertisement|advert|ad|ads|sponsored(?: content)?|paid (?:content|post)"
                r"|promoted|story continues below(?: advertisement)?"
                r"|scroll to continue(?: with content)?", re.IGNORECASE), ADVERTISEMENT),
    (re.compile(r"share(?: this| on \w+)?(?: article| story| page)?|tweet|e-?mail|print"
                r"|copy link|comments?|\d+ comments?|follow us", re.IGNORECASE), SHARE_FOLLOW),
    (re.compile(r"skip to (?:main )?content|menu|search|home|sign in|log ?in|log ?out"
                r"|subscribe(?: now)?|newsletters?|listen to (?:this )?article"
                r"|\d+ min(?:ute)?s? read|back to top|close|next|previous|image|photo|video"
                r"|watch|listen|gallery|play|loading|toggle navigation|main menu",
                re.IGNORECASE), NAVIGATION),
)
_INLINE_TEASER = re.compile(
    rf"^(?:{_READ_MORE_WORDS}|watch|listen|video|photos|gallery)\s*[:»›|–—]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset((
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "from",
    "as", "but", "nor", "vs", "via", "into", "over",
))

EDGE_HEAD_MIN, EDGE_TAIL_MIN = 3, 4  # lines always in the head / tail zone


@dataclass(frozen=True)
class CleanSettings:
    """The cleaner's thresholds (the `[clean]` section of newsgraph's config.cfg)."""

    teaser_run_max: int = 8
    """Teaser headlines taken after one "Read more" / "Related" label."""
    short_words: int = 25
    """A short line: a label, teaser, call to action or title, not a paragraph."""
    caption_max_chars: int = 400
    substantial_words: int = 8
    """Article text on its own: a line of this many words (or a sentence of five)."""
    sentence_like_words: int = 8
    """A repeated line this long that ends a sentence is news unless another cue says not."""
    near_duplicate_words: int = 6
    """Two lines opening with this many shared words are variants (a caption and its copy)."""
    link_call_words: int = 15
    credit_tail_chars: int = 140
    title_max_chars: int = 200
    title_max_words: int = 30


DEFAULT_SETTINGS = CleanSettings()


def unquoted(text: str) -> str:
    """The text without quoted speech (a quote left open runs to the end of the paragraph)."""
    if not ('"' in text or "“" in text or "‘" in text or "«" in text):
        return text
    text = _QUOTED.sub(" ", text)
    return _UNCLOSED_QUOTE.sub(" ", text)


def tokens(text: str) -> list[str]:
    """The words of a text, punctuation dropped (so "you're" gives "you", "re")."""
    return text.translate(_TOKEN_TABLE).split()


def final_char(text: str) -> str:
    """The last character before closing quotes and brackets ('' for an empty line)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return stripped[-1:] if stripped else ""


def ends_sentence(text: str) -> bool:
    return final_char(text) in (".", "!", "?", "…")


def ends_with_period(text: str) -> bool:
    """A final period (also inside a closing quote: `Republic.”`), or an ellipsis."""
    return final_char(text) in (".", "…")


def title_case_share(text: str) -> float:
    """Share of content words that begin with a capital: headlines are high, prose low."""
    content = [word for word in tokens(text)
               if word[0].isalpha() and word.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(word[0].isupper() for word in content) / len(content)


@dataclass(frozen=True)
class LineFeatures:
    """What the decision rules look at for one line."""

    text: str
    words: int
    terminal: bool
    pronouns: int  # reader-addressing pronouns outside quotation marks
    addressed_share: float  # share of (unquoted) sentences holding one
    strong: int  # appeal phrases outside quotation marks
    ours: int  # we/our/us outside quotation marks: the site speaking of itself
    weak: int  # appeal and site-furniture words outside quotation marks
    label: str | None
    credit_end: bool
    outside_lower: str  # the text without quoted speech, lower-cased
    outside_tokens: frozenset[str]  # its words
    short: bool  # a label, teaser, call to action or title, not a paragraph
    substantial: bool  # article text on its own: a sentence, or a longer line

    @property
    def headline_like(self) -> bool:
        """Short and without a final period: a label, teaser headline, subheading or title."""
        return self.short and len(self.text) <= 200 and not ends_with_period(self.text)

    @property
    def credit_anywhere(self) -> bool:
        lower = self.text.lower()
        return any(word in lower for word in _CREDIT_WORDS) and bool(_CREDIT_ANY.search(lower))


def line_label(text: str) -> str | None:
    """The reason when the whole line is a generic web label ("Read more", "Advertisement")."""
    if len(text) > 60:
        return None
    core = _LABEL_TRIM.sub("", text)
    if not core or len(core.split()) > 6:
        return None
    for pattern, reason in _LABELS:
        if pattern.fullmatch(core):
            return reason
    return None


def credit_at_end(text: str, tail_chars: int = DEFAULT_SETTINGS.credit_tail_chars) -> bool:
    """True when the line ends with a photo credit (then trailing punctuation at most)."""
    tail = text[-tail_chars:].rstrip(" .,;")
    lower = tail.lower()
    if lower.endswith("]"):
        opening = lower.rfind("[")
        return opening >= 0 and bool(_BRACKET_CREDIT.match(lower, opening + 1))
    if lower.endswith(")"):
        opening = lower.rfind("(")
        return opening >= 0 and bool(_PAREN_CREDIT.match(lower, opening + 1))
    return any(word in lower for word in _NAMED_CREDIT_WORDS) and bool(
        _NAMED_CREDIT.search(tail)
    )


def features(text: str, settings: CleanSettings = DEFAULT_SETTINGS) -> LineFeatures:
    """The features of one line, white space already normalised (single spaces)."""
    outside = unquoted(text)
    flat = outside.translate(_TOKEN_TABLE).lower()  # one for one: sentence offsets still hold
    words = flat.split()
    pronouns = sum(map(_READER_TOKENS.__contains__, words))
    if pronouns and "us" in words:  # "US" is the United States
        pronouns -= outside.translate(_TOKEN_TABLE).split().count("US")
    ours = 0
    addressed_share = 0.0
    if pronouns:
        ours = sum(map(_OUR_TOKENS.__contains__, words))
        if ours and "us" in words:
            ours -= outside.translate(_TOKEN_TABLE).split().count("US")
        starts = [0, *(match.end() for match in _SENTENCE_END.finditer(outside))]
        ends = [*starts[1:], len(flat)]
        sentences = [flat[a:b].split() for a, b in zip(starts, ends, strict=True)]
        sentences = [sentence for sentence in sentences if sentence]
        addressed = sum(not _READER_TOKENS.isdisjoint(sentence) for sentence in sentences)
        addressed_share = addressed / len(sentences)
    outside_tokens = frozenset(words)
    outside_lower = outside.lower()
    strong = 0
    if not outside_tokens.isdisjoint(_STRONG_TRIGGERS):
        strong = len(_STRONG_APPEAL.findall(outside_lower))
    weak = sum(map(_WEAK_TOKENS.__contains__, words))
    if "sign" in outside_tokens or "log" in outside_tokens or "independent" in outside_tokens:
        weak += sum(phrase in outside_lower for phrase in _WEAK_PHRASES)
    count = text.count(" ") + 1  # the cleaner has left single spaces only
    terminal = ends_sentence(text)
    return LineFeatures(
        text=text,
        words=count,
        terminal=terminal,
        pronouns=pronouns,
        addressed_share=addressed_share,
        strong=strong,
        ours=ours,
        weak=weak,
        label=line_label(text),
        credit_end=len(text) <= settings.caption_max_chars and credit_at_end(
            text, settings.credit_tail_chars),
        outside_lower=outside_lower,
        outside_tokens=outside_tokens,
        short=count <= settings.short_words,
        substantial=count >= settings.substantial_words or (terminal and count >= 5),
    )


def appeal_reason(line: LineFeatures) -> str:
    if line.outside_tokens.isdisjoint(_SUBSCRIPTION_TOKENS):
        return DONATION_APPEAL
    return SUBSCRIPTION_APPEAL


def own_reason(line: LineFeatures, settings: CleanSettings = DEFAULT_SETTINGS) -> str | None:
    """The reason a line is boilerplate by its own features alone, or None."""
    text = line.text
    if line.label:
        return line.label
    if line.words == 1 and _BARE_SITE.fullmatch(text):
        return NAVIGATION
    inline = _INLINE_TEASER.match(text)
    if inline:
        rest = inline.group("rest")
        headline_start = rest[0].isupper() or rest[0].isdigit() or rest[0] in "“\"‘'"
        if headline_start and len(rest.split()) <= settings.short_words \
                and not ends_with_period(rest):
            return READ_MORE
    if (line.words <= settings.link_call_words
            and not line.outside_tokens.isdisjoint(_LINK_TRIGGERS)
            and _LINK_CALL.search(line.outside_lower)):
        return READ_MORE
    if line.credit_end and (line.words <= 60 or title_case_share(text) > 0.5):
        return CAPTION
    if line.words <= 30 and _CREDIT_START.match(text):
        return CAPTION
    lower = text.lower()
    if line.words <= 30 and ("©" in lower or "copyright" in lower or "(c)" in lower
                             or "rights reserved" in lower) and _COPYRIGHT.search(lower):
        return COPYRIGHT
    if line.words <= 80 and _reprint_cues(line.outside_lower) >= 2:
        return COPYRIGHT
    if line.words <= 80 and line.ours and _DISCLOSURE.search(line.outside_lower):
        return ADVERTISEMENT
    if line.words <= 10 and _SOURCE_FOOTER.match(text):
        return AGENCY_FOOTER
    if line.words <= 40 and _CREDITS_FOOTER.match(text) and (
        text.startswith("(") or ";" in text or not ends_with_period(text)
    ):
        return AGENCY_FOOTER
    words = line.outside_tokens
    outside_lower = line.outside_lower
    if line.short and ("us" in words or "share" in words) and _FOLLOW.search(
        outside_lower
    ):
        return SHARE_FOLLOW
    if line.words <= 50 and _FOLLOW_START.match(text):
        return SHARE_FOLLOW
    if (line.short and "download" in words and _APP_PROMPT.search(outside_lower)
            and _APP_STORES.search(outside_lower) and not _APP_REPORTED.search(outside_lower)):
        return SUBSCRIPTION_APPEAL
    networks = len(words & _NETWORK_TOKENS)
    if line.words <= 12 and networks and networks + len(words & _SHARE_TOKENS) >= 2:
        return SHARE_FOLLOW
    if line.words <= 80 and ("cookie" in words or "cookies" in words) and _COOKIE_CONTEXT.search(
        outside_lower
    ):
        return COOKIE
    if is_appeal(line):
        return appeal_reason(line)
    return None


def _reprint_cues(lower: str) -> int:
    """How many different reprint-notice cues a line holds ("©" and "copyright" are one)."""
    if not any(word in lower for word in _REPRINT_WORDS):
        return 0
    found = _REPRINT.findall(lower)
    if not any(marker in cue for cue in found for marker in _NOTICE_CUES):
        return 0
    return len({"©" if cue == "copyright" else cue for cue in found})


def is_appeal(line: LineFeatures) -> bool:
    """An appeal phrase together with reader address or brevity; or a short imperative call."""
    if line.strong >= 2:
        return True
    # one appeal phrase: in a short line, or in a paragraph whose every sentence addresses the
    # reader (a longer paragraph that also reports something is article text)
    if line.strong and (line.short or line.addressed_share == 1.0) and (
        line.ours or line.words <= 12 or _CTA_START.match(line.text)
        or final_char(line.text) == "!"
    ):
        return True
    if line.words <= 10 and _CTA_START.match(line.text) and (
        final_char(line.text) == "!" or (not line.terminal and _CTA_OBJECT.match(line.text))
    ):
        return True
    # every sentence speaks to the reader and the line uses appeal vocabulary
    return line.addressed_share == 1.0 and line.pronouns >= 2 and line.weak >= 2


def near_duplicates(first: str, second: str,
                    at_least: int = DEFAULT_SETTINGS.near_duplicate_words) -> bool:
    """Two lines that begin with the same long run of words (a caption and its variant)."""
    a, b = first.split(), second.split()
    shorter = min(len(a), len(b))
    common = 0
    while common < shorter and a[common].strip(",.") == b[common].strip(",."):
        common += 1
    return common >= at_least and common * 2 >= shorter


def has_boilerplate_hint(line: LineFeatures) -> bool:
    """Any cue besides repetition: what a long repeated sentence needs before it goes."""
    return bool(
        line.strong or line.weak >= 2 or line.pronouns or line.credit_anywhere or line.label
        or _URL.search(line.text.lower()) or not line.terminal
    )


def classify(texts: Sequence[str], repeated: Sequence[bool] | None = None,
             settings: CleanSettings = DEFAULT_SETTINGS) -> list[str | None]:
    """A reason per line (None = article text) for the non-empty lines of one article.

    `repeated` says which lines recur across the articles of the same source.
    """
    lines = [features(text, settings) for text in texts]
    reasons: list[str | None] = [own_reason(line, settings) for line in lines]
    _mark_teasers(lines, reasons, settings)
    _mark_caption_variants(lines, reasons, settings)
    _grow_clusters(lines, reasons)
    if repeated:
        _mark_repeated(lines, reasons, repeated, settings)
    return reasons


def _mark_teasers(lines: Sequence[LineFeatures], reasons: list[str | None],
                  settings: CleanSettings) -> None:
    """Headlines after a "Read more" / "See also" / "Related" label are teasers too."""
    labels = [index for index, line in enumerate(lines) if line.label == READ_MORE]
    for index in labels:
        following = index + 1
        while (following < len(lines) and following - index <= settings.teaser_run_max
               and reasons[following] is None and lines[following].headline_like):
            reasons[following] = READ_MORE
            following += 1


def _mark_caption_variants(lines: Sequence[LineFeatures], reasons: list[str | None],
                           settings: CleanSettings) -> None:
    """A caption repeated as the start of a longer, credited variant beside it: both captions."""
    for index in range(len(lines) - 1):
        first, second = lines[index], lines[index + 1]
        if (first.credit_end or second.credit_end) and near_duplicates(
                first.text, second.text, settings.near_duplicate_words):
            for member in (index, index + 1):
                if reasons[member] is None and \
                        len(lines[member].text) <= settings.caption_max_chars:
                    reasons[member] = CAPTION


def _grow_clusters(lines: Sequence[LineFeatures], reasons: list[str | None]) -> None:
    """Boilerplate comes in blocks at the edges: a line addressed to the reader next to an
    appeal joins it, and at the tail a reader-addressed or headline-like line between two
    boilerplate lines belongs to them."""
    count = len(lines)
    head = max(EDGE_HEAD_MIN, count // 4)
    tail = count - max(EDGE_TAIL_MIN, count // 3)
    edges = [*range(min(head, count)), *range(max(tail, head), count)]
    changed = True
    while changed:  # a forward and a backward sweep, so a block grows in one round
        changed = False
        for index in [*edges, *reversed(edges)]:
            if reasons[index] is not None:
                continue
            line = lines[index]
            before = reasons[index - 1] if index > 0 else None
            after = reasons[index + 1] if index + 1 < count else None
            appeals = [reason for reason in (before, after) if reason in APPEALS]
            if before and after and index >= tail and (line.pronouns or line.headline_like):
                reasons[index] = appeals[0] if appeals else before
                changed = True
            elif appeals and line.addressed_share >= 0.5 and line.pronouns >= 2:
                reasons[index] = appeals[0]
                changed = True


def _mark_repeated(lines: Sequence[LineFeatures], reasons: list[str | None],
                   repeated: Sequence[bool], settings: CleanSettings) -> None:
    """Lines the source repeats across articles, except a sentence of news that has no other
    boilerplate cue, and never the article's only substantial text."""
    for index, line in enumerate(lines):
        if reasons[index] is None and repeated[index]:
            sentence_like = line.terminal and line.words >= settings.sentence_like_words
            if not sentence_like or has_boilerplate_hint(line):
                reasons[index] = REPEATED
    if not any(reason is None and line.substantial
               for reason, line in zip(reasons, lines, strict=True)):
        for index, line in enumerate(lines):
            if reasons[index] == REPEATED and line.substantial:
                reasons[index] = None


def line_key(line: str) -> str:
    """A line as compared across articles: quotes straightened, white space and case folded."""
    return " ".join(line.translate(_LINE_FOLDS).split()).casefold()


def line_group(group: str, published: str | None) -> str:
    """The articles whose shared lines count as boilerplate: one source's (outlet, site or
    folder) articles of one month, by the publication date the input gives (undated ones are a
    set of their own). A month keeps the counts of a long archive bounded per set, and a line
    a source repeated one month (a campaign banner, a running story's standfirst) does not
    count against its articles of another."""
    month = published[:7] if published and _MONTH.match(published) else ""
    return f"{group} {month}" if month else group


_MONTH = re.compile(r"\d{4}-\d{2}")


class LineStats:
    """Counts, per line group (`line_group`), in how many distinct articles each normalised
    line occurs: a line many articles of one source share is that source's boilerplate."""

    def __init__(self) -> None:
        self._lines: dict[str, Counter[str]] = defaultdict(Counter)
        self._articles: Counter[str] = Counter()

    def add(self, group: str, text: str) -> None:
        keys = {line_key(line) for line in LINE_BREAK.split(text)}
        keys.discard("")
        self._lines[group].update(keys)
        self._articles[group] += 1

    def articles_with(self, group: str, line: str) -> int:
        counts = self._lines.get(group)
        return counts[line_key(line)] if counts else 0

    def articles_in(self, group: str) -> int:
        return self._articles[group]

    MIN_ARTICLES = 3

    def is_repeated(self, group: str, line: str, *, small_group: int = 9) -> bool:
        """In >= 3 articles of the group, and in a third of them once the group is larger."""
        seen = self.articles_with(group, line)
        if seen < self.MIN_ARTICLES:
            return False
        total = self.articles_in(group)
        return total <= small_group or seen * 3 >= total

    def pruned(self) -> LineStats:
        """The same statistics without the lines too rare to ever count as repeated: what the
        workers cleaning a chunk need, at a fraction of the size."""
        kept = LineStats()
        for group, counts in self._lines.items():
            common = Counter({key: n for key, n in counts.items() if n >= self.MIN_ARTICLES})
            if common:
                kept._lines[group] = common
        kept._articles = Counter(self._articles)
        return kept
