"""The article page's text: clean text with every extracted span marked, built as escaped HTML.

Spans overlap (an entity inside a quote, a time inside an event's sentence), so the text is cut
at every span boundary and each piece is one element carrying the classes and record keys of
all the spans over it: nothing nests, nothing is lost, and the markup of one span never breaks
another's. The article's characters only ever reach the page through `markupsafe.escape`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from datasette.utils import tilde_decode, tilde_encode
from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One extracted span to mark: `kind` is its layer (entity, quote, time, event), `key`
    names its record in the page ("q3"), `label` is what hovering shows."""
    start: int
    end: int
    kind: str
    key: str
    label: str
    href: str | None = None


@dataclass(frozen=True)
class Insert:
    """Text that sits between two characters of the clean text without being part of it: a
    removed boilerplate passage, shown greyed when asked for."""
    at: int
    text: str
    label: str


def render(text: str, marks: Iterable[Mark], inserts: Iterable[Insert] = ()) -> Markup:
    """The text as HTML: each stretch under the same set of marks is one `<span>` (an `<a>` to
    the entity page when an entity is among them) with classes `hl k-<kind>...`, `data-keys`
    and a `title`; each mark's start gets an anchor `id=<key>` so links can point at a span."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)),
                   key=lambda m: (m.start, -m.end))
    inserts_at: dict[int, list[Insert]] = {}
    for insert in inserts:
        inserts_at.setdefault(min(max(insert.at, 0), len(text)), []).append(insert)
    cuts = sorted({0, len(text), *inserts_at, *(m.start for m in marks),
                   *(m.end for m in marks)})
    starts_at: dict[int, list[Mark]] = {}
    for mark in marks:
        starts_at.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    active: list[Mark] = []
    for left, right in zip(cuts, [*cuts[1:], None], strict=True):
        for insert in inserts_at.get(left, ()):
            out.append(f'<span class="removed" title="{escape(insert.label)}">'
                       f"{escape(insert.text)}</span>")
        if right is None:
            break
        active = [m for m in active if m.end > left] + starts_at.get(left, [])
        for mark in starts_at.get(left, ()):
            out.append(f'<a class="anchor" id="{escape(mark.key)}"></a>')
        piece = escape(text[left:right])
        if not active:
            out.append(str(piece))
            continue
        kinds = " ".join(sorted({f"k-{m.kind}" for m in active}))
        keys = " ".join(m.key for m in active)
        title = "\n".join(m.label for m in active)
        link = next((m.href for m in reversed(active) if m.href), None)
        tag = "a" if link else "span"
        href = f' href="{escape(link)}"' if link else ""
        out.append(f'<{tag} class="hl {kinds}" data-keys="{escape(keys)}" '
                   f'title="{escape(title)}"{href}>{piece}</{tag}>')
    return Markup("".join(out))


def clean_position(to_source: Callable[[int], int], clean_length: int, source_offset: int) -> int:
    """Where a source offset falls in the clean text: the first clean character at or after it
    (the offset map is monotonic, so a binary search over clean offsets finds it)."""
    positions = range(clean_length)
    return bisect.bisect_left(positions, source_offset, key=to_source)


def path_segment(value: str) -> str:
    """An id as one URL path segment in Datasette's ~-encoding (which its router expects and
    `tilde_decode` reverses), leaving `:` readable: /entity/geonames:709717. Dots stay encoded,
    so an id "." or ".." never becomes a relative path."""
    return tilde_encode(value).replace("~3A", ":")


def decode_path_segment(segment: str) -> str:
    """An id from one URL path segment, whichever way it was escaped: `path_segment`'s
    ~-encoding, or the %-encoding of a link typed or built elsewhere
    (/entity/person%3Atrump is /entity/person:trump). Percent escapes are undone first, as
    the router hands them over raw; then Datasette's `tilde_decode`."""
    return tilde_decode(unquote(segment))


def entity_href(entity_id: str) -> str:
    return "/entity/" + path_segment(entity_id)
