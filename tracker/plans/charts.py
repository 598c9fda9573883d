"""Line charts of an indicator's values, drawn on the server: SVG for pages, PNG for Word.

No JavaScript: the SVG is part of the page, with a title and a description that a screen reader
announces (role="img", aria-labelledby), and the page puts the same figures in a table beside it.
Word cannot show SVG without a fallback image, so the pack gets a PNG drawn by Pillow from the
same layout. A "not available" value leaves a gap in the line rather than dropping to zero.

The value axis starts at zero (counts and percentages alike), so that an 8% fall looks like an 8%
fall and not a cliff; it goes below zero only for a negative value. Every period with a figure is
drawn. With no figures at all there is no chart: the layout is empty and says "No figures yet".
"""

import io
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup, escape

from tracker.plans import performance
from tracker.plans.measures import Point

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 40, 16, 40
LINE = "#1d70b8"  # GOV.UK blue
AXIS = "#505a5f"
GRID = "#b1b4b6"
TEXT = "#0b0c0c"


@dataclass(frozen=True)
class Layout:
    """Where everything goes: shared by the SVG and PNG renderers."""

    segments: list[list[tuple[float, float]]]  # runs of plotted points, broken at gaps
    y_ticks: list[tuple[float, str]]  # (y position, label)
    x_ticks: list[tuple[float, str]]
    message: str = ""  # said in place of the chart when there is nothing to draw

    @property
    def is_empty(self) -> bool:
        return bool(self.message)


NO_FIGURES = "No figures yet"


def has_figures(points: list[Point]) -> bool:
    """Whether a series has a value to draw (not just periods marked "not available")."""
    return any(p.value is not None for p in points)


def nice_step(span: float, intervals: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about `intervals` gridlines over `span`."""
    if span <= 0:
        return 1.0
    raw = span / intervals
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def _tick_label(value: float, unit: str) -> str:
    return performance.format_value(Decimal(str(round(value, 2))), unit)


def layout(points: list[Point], unit: str = "count") -> Layout:
    known = [float(p.value) for p in points if p.value is not None]
    if not known:
        return Layout(segments=[], y_ticks=[], x_ticks=[], message=NO_FIGURES)
    # Zero is always on the axis: a difference is then drawn in proportion to the values.
    low, high = min(0.0, *known), max(0.0, *known)
    if low == high:  # every value is zero
        high = 1.0
    step = nice_step(high - low)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y_of(value: float) -> float:
        return TOP + plot_h - (value - bottom) / (top - bottom) * plot_h

    first = points[0].period_end.toordinal() if points else 0
    last = points[-1].period_end.toordinal() if points else 1

    def x_of(day: date) -> float:
        if last == first:
            return LEFT + plot_w / 2
        return LEFT + (day.toordinal() - first) / (last - first) * plot_w

    segments: list[list[tuple[float, float]]] = []
    run: list[tuple[float, float]] = []
    for point in points:
        if point.value is None:
            if run:
                segments.append(run)
            run = []
            continue
        run.append((round(x_of(point.period_end), 1), round(y_of(float(point.value)), 1)))
    if run:
        segments.append(run)

    y_ticks = []
    count = int(round((top - bottom) / step))
    for i in range(count + 1):
        value = bottom + i * step
        y_ticks.append((round(y_of(value), 1), _tick_label(value, unit)))

    # At most six date labels, always the first and the last.
    every = max(1, math.ceil(len(points) / 6))
    chosen = points[::every]
    if points and chosen[-1] is not points[-1]:
        chosen = [*chosen[:-1], points[-1]] if len(chosen) > 1 else [*chosen, points[-1]]
    x_ticks = [(round(x_of(p.period_end), 1), f"{p.period_end:%b %Y}") for p in chosen]
    return Layout(segments=segments, y_ticks=y_ticks, x_ticks=x_ticks)


def describe(name: str, area: str, points: list[Point]) -> str:
    """The chart in words, for its text alternative."""
    known = [p for p in points if p.value is not None]
    if not known:
        return f"{name}, {area}: no values have been entered."
    first, last = known[0], known[-1]
    if first is last:
        return f"{name}, {area}: one value, {last.text} for {last.period_label}."
    lowest = min(known, key=lambda p: p.value)
    highest = max(known, key=lambda p: p.value)
    gaps = len(points) - len(known)
    text = (
        f"{name}, {area}: {len(known)} values from {first.text} for {first.period_label} "
        f"to {last.text} for {last.period_label}. Lowest {lowest.text} ({lowest.period_label}), "
        f"highest {highest.text} ({highest.period_label})."
    )
    if gaps:
        text += f" {gaps} period{'s' if gaps != 1 else ''} not available."
    return text


def svg(points: list[Point], *, name: str, area: str, chart_id: str, unit: str = "count") -> Markup:
    """An accessible SVG line chart of one area's values."""
    plan = layout(points, unit)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="ca-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}" '
        f'font-family="arial, sans-serif" font-size="13">',
        f'<title id="{title_id}">{escape(name)}, {escape(area)}</title>',
        f'<desc id="{desc_id}">{escape(describe(name, area, points))}</desc>',
    ]
    if plan.is_empty:
        parts.append(f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="{TEXT}" '
                     f'font-size="19">{escape(plan.message)}</text></svg>')
        return Markup("".join(parts))
    for y, label in plan.y_ticks:
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" fill="{TEXT}">{escape(label)}</text>')
    base = HEIGHT - BOTTOM
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" stroke="{AXIS}" stroke-width="1"/>')
    parts.append(f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="{AXIS}" stroke-width="1"/>')
    for x, label in plan.x_ticks:
        parts.append(f'<text x="{x}" y="{base + 20}" text-anchor="middle" fill="{TEXT}">{escape(label)}</text>')
    for run in plan.segments:
        coords = " ".join(f"{x},{y}" for x, y in run)
        if len(run) > 1:
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{LINE}" stroke-width="3"/>')
        for x, y in run:
            parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{LINE}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def png(points: list[Point], *, name: str, area: str, unit: str = "count", scale: int = 2) -> bytes:
    """The same chart as a PNG, for the Word pack (drawn at `scale`× for a sharp print)."""
    from PIL import Image, ImageDraw, ImageFont

    plan = layout(points, unit)
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13 * scale)

    def s(x: float, y: float) -> tuple[float, float]:
        return (x * scale, y * scale)

    if plan.is_empty:
        big = ImageFont.load_default(size=19 * scale)
        draw.text(s(WIDTH / 2, HEIGHT / 2), plan.message, fill=TEXT, font=big, anchor="mm")
    base = HEIGHT - BOTTOM
    for y, label in plan.y_ticks if not plan.is_empty else []:
        draw.line([s(LEFT, y), s(WIDTH - RIGHT, y)], fill=GRID, width=scale)
        draw.text(s(LEFT - 6, y), label, fill=TEXT, font=font, anchor="rm")
    if not plan.is_empty:
        draw.line([s(LEFT, TOP), s(LEFT, base)], fill=AXIS, width=scale)
        draw.line([s(LEFT, base), s(WIDTH - RIGHT, base)], fill=AXIS, width=scale)
    for x, label in plan.x_ticks:
        draw.text(s(x, base + 14), label, fill=TEXT, font=font, anchor="mm")
    for run in plan.segments:
        if len(run) > 1:
            draw.line([s(x, y) for x, y in run], fill=LINE, width=3 * scale, joint="curve")
        for x, y in run:
            r = 4 * scale
            draw.ellipse([x * scale - r, y * scale - r, x * scale + r, y * scale + r], fill=LINE)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
