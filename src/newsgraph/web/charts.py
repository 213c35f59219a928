"""Small server-rendered SVG charts: counts over time, stacked by series (event types), drawn
without JavaScript so the page shows them as it loads and a screenshot keeps them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 180, 34, 22, 8
FONT_SIZE = 10
CHAR_WIDTH = 0.7 * FONT_SIZE  # wider than a digit or "-" in any sans-serif: labels never touch
LABEL_GAP = 8
MAX_DAYS = 120  # longer spans are drawn per month
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
           "#7b4173", "#3182bd")


def _buckets(days: list[date]) -> tuple[list[str], bool]:
    """Every day from the first to the last (so gaps show), or every month when that is long."""
    first, last = min(days), max(days)
    if (last - first).days <= MAX_DAYS:
        return [(first + timedelta(d)).isoformat() for d in range((last - first).days + 1)], False
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months, True


def axis_labels(buckets: list[str], step: float) -> list[tuple[float, str]]:
    """(x, label) of the time axis: the first bucket, the last, and evenly spaced ones between,
    each placed only where its box (the label's width, over-estimated, plus a gap) overlaps no
    other and stays inside the chart. A label is drawn from its bar's left edge, so labels
    wider than a bar (days 48 px apart, dates 70 px wide) would otherwise run into each
    other."""
    def box(i: int) -> tuple[float, float]:
        width = len(buckets[i]) * CHAR_WIDTH
        left = min(LEFT + i * step, WIDTH - 2 - width)  # the last one kept inside the chart
        return left, left + width

    def free(candidate: tuple[float, float], taken: list[tuple[float, float]]) -> bool:
        return all(candidate[1] + LABEL_GAP <= left or right + LABEL_GAP <= candidate[0]
                   for left, right in taken)

    last = len(buckets) - 1
    widest = max(len(bucket) for bucket in buckets) * CHAR_WIDTH
    every = max(len(buckets) // 6, math.ceil((widest + LABEL_GAP) / step), 1)
    chosen = [0]
    taken = [box(0)]
    for i in [last, *range(every, last, every)]:
        if i not in chosen and free(box(i), taken):
            chosen.append(i)
            taken.append(box(i))
    return [(box(i)[0], buckets[i]) for i in sorted(chosen)]


def bars(series: Mapping[str, Counter[str]], *, title: str) -> Markup | None:
    """A stacked bar chart of counts per day (keys YYYY-MM-DD) for each series, or None when
    there is nothing dated to draw."""
    days = sorted({day for counts in series.values() for day in counts})
    parsed = []
    for day in days:
        try:
            parsed.append(date.fromisoformat(day[:10]))
        except ValueError:
            continue
    if not parsed:
        return None
    buckets, monthly = _buckets(parsed)
    index = {bucket: i for i, bucket in enumerate(buckets)}
    names = sorted(series)
    stacks: list[Counter[str]] = [Counter() for _ in buckets]
    for name in names:
        for day, count in series[name].items():
            bucket = day[:7] if monthly else day[:10]
            if bucket in index:
                stacks[index[bucket]][name] += count
    peak = max(sum(stack.values()) for stack in stacks) or 1
    plot_w, plot_h = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = min(plot_w / len(buckets), 48)  # a few days must not make bars as wide as the page
    parts = [f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
             f'<text x="2" y="{TOP + 8}" font-size="10">{peak}</text>',
             f'<text x="2" y="{TOP + plot_h}" font-size="10">0</text>',
             f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 4}" y2="{TOP + plot_h}" '
             'stroke="#999"/>']
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    for i, (bucket, stack) in enumerate(zip(buckets, stacks, strict=True)):
        y = TOP + plot_h
        for name in names:
            if not stack[name]:
                continue
            h = plot_h * stack[name] / peak
            y -= h
            parts.append(f'<rect class="bar" x="{LEFT + i * step + 0.5:.1f}" y="{y:.1f}" '
                         f'width="{max(step - 1, 1):.1f}" height="{h:.1f}" '
                         f'fill="{colours[name]}"><title>{escape(bucket)} · {escape(name)}: '
                         f"{stack[name]}</title></rect>")
    for x, label in axis_labels(buckets, step):
        parts.append(f'<text class="axis-label" x="{x:.1f}" y="{HEIGHT - 6}" '
                     f'font-size="{FONT_SIZE}">{escape(label)}</text>')
    parts.append("</svg>")
    legend = "".join(f'<span class="legend"><i style="background:{colours[name]}"></i>'
                     f"{escape(name)}</span>" for name in names)
    return Markup("".join(parts) + f'<div class="legend-row">{legend}</div>')
