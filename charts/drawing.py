"""Chart geometry in plain Python: where each bar, dot, tick and label goes in an SVG's coordinates.

The templates under templates/charts/ only write these shapes out; colours, fonts and dark mode are the
stylesheet's (charts/static/charts/charts.css), so the charts obey the site's CSP and the visitor's settings.
Widths are small (CHART_WIDTH units) so that, scaled to a 390 px phone, text stays near its set size.
"""

import datetime
from dataclasses import dataclass, field

CHART_WIDTH = 420
LABEL_WIDTH = 150
BAR_LEFT = LABEL_WIDTH + 8
VALUE_ROOM = 44  # to the right of the longest bar, for its number
ROW_HEIGHT = 30
BAR_HEIGHT = 16
LONGEST_LABEL = 24  # characters; a longer label is cut with "…" in the chart (the table gives it whole)


@dataclass(frozen=True)
class Bar:
    label: str
    sublabel: str
    value: int
    y: float
    width: float

    @property
    def label_y(self):
        return self.y + BAR_HEIGHT / 2 + 4

    @property
    def sublabel_y(self):
        return self.y + BAR_HEIGHT + 10

    @property
    def value_x(self):
        return BAR_LEFT + self.width + 6

    @property
    def short_label(self):
        return self.label if len(self.label) <= LONGEST_LABEL else self.label[: LONGEST_LABEL - 1].rstrip() + "…"


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per row: they stay readable on a narrow screen however many rows there are."""

    bars: list
    width: int
    height: int
    label_x: int = LABEL_WIDTH
    bar_left: int = BAR_LEFT
    bar_height: int = BAR_HEIGHT

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def bar_chart(rows):
    """A BarChart of rows given as (label, sublabel, value), drawn in the order given."""
    rows = list(rows)
    largest = max((value for _label, _sub, value in rows), default=0) or 1
    room = CHART_WIDTH - BAR_LEFT - VALUE_ROOM
    bars = [
        Bar(label=label, sublabel=sublabel, value=value, y=8 + i * ROW_HEIGHT, width=max(room * value / largest, 1.5))
        for i, (label, sublabel, value) in enumerate(rows)
    ]
    return BarChart(bars=bars, width=CHART_WIDTH, height=max(16 + len(bars) * ROW_HEIGHT, 40))


# The plot of a kind of figure: values up the side, report dates along the bottom.
PLOT_LEFT = 64
PLOT_RIGHT = CHART_WIDTH - 16
PLOT_TOP = 14
PLOT_BOTTOM = 150
DOT_HEIGHT = PLOT_BOTTOM + 34
SIDE_BY_SIDE = 11  # units between reports that give a value on the same date


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Dot:
    """One report's value: where it is drawn, what it links to, and (for a date known only to the month or
    year) the stretch of time it may fall in, drawn as a line through the dot."""

    x: float
    y: float
    value: int
    report: dict
    span_start: float | None = None
    span_end: float | None = None


def _days(report):
    """The first and last day a report's date may be, as ordinals: one day, a month or a year."""
    date, precision = report["date"], report.get("precision", "day")
    if precision == "year":
        return datetime.date(date.year, 1, 1).toordinal(), datetime.date(date.year, 12, 31).toordinal()
    if precision == "month":
        following = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return datetime.date(date.year, date.month, 1).toordinal(), following.toordinal() - 1
    return date.toordinal(), date.toordinal()


@dataclass(frozen=True)
class DotChart:
    dots: list
    value_ticks: list
    date_ticks: list
    undated: list = field(default_factory=list)
    width: int = CHART_WIDTH
    height: int = DOT_HEIGHT
    left: int = PLOT_LEFT
    right: int = PLOT_RIGHT
    top: int = PLOT_TOP
    bottom: int = PLOT_BOTTOM

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def tick_label_y(self):
        return self.bottom + 18


def _scale(low, high, start, end):
    """A function from [low, high] to [start, end]; a single value goes to the middle."""
    if high == low:
        return lambda v: (start + end) / 2
    return lambda v: start + (v - low) * (end - start) / (high - low)


def _value_ticks(values, to_y, number_format):
    distinct = sorted(set(values))
    if len(distinct) > 6:
        low, high = distinct[0], distinct[-1]
        distinct = sorted({low, high, round(low + (high - low) / 2)})
    return [Tick(to_y(v), number_format(v)) for v in distinct]


def dot_chart(reports, number_format=str):
    """A DotChart of reports (dicts with "value" and "date"), every one drawn, none merged.

    Reports that give a value on the same date are set side by side, so the 17, 18 and 20 countries of
    three reports read as three dots, not one.
    """
    dated = [r for r in reports if r["date"] is not None]
    undated = [r for r in reports if r["date"] is None]
    if not dated:
        return DotChart(dots=[], value_ticks=[], date_ticks=[], undated=undated)
    values = [r["value"] for r in dated]
    spans = [_days(r) for r in dated]
    days = [(start + end) // 2 for start, end in spans]
    first, last = min(start for start, _end in spans), max(end for _start, end in spans)
    # A little room at either end so that dots at the first and last date are not cut.
    margin = max((last - first) * 0.06, 20)
    to_x = _scale(first - margin, last + margin, PLOT_LEFT, PLOT_RIGHT)
    to_y = _scale(min(values), max(values), PLOT_BOTTOM - 10, PLOT_TOP + 10)
    seen = {}
    dots = []
    for report, day, (start, end) in zip(dated, days, spans, strict=True):
        key = (day, report["value"])
        shift = seen.get(key, 0)
        seen[key] = shift + 1
        # Alternate right and left of the date: 0, +1, -1, +2, …
        offset = ((shift + 1) // 2) * (1 if shift % 2 else -1) * SIDE_BY_SIDE
        partial = start != end
        dots.append(
            Dot(
                x=to_x(day) + offset,
                y=to_y(report["value"]),
                value=report["value"],
                report=report,
                span_start=to_x(start) if partial else None,
                span_end=to_x(end) if partial else None,
            )
        )
    first_year = datetime.date.fromordinal(first).year
    last_year = datetime.date.fromordinal(last).year
    step = max(1, -(-(last_year - first_year + 1) // 6))
    date_ticks = [
        Tick(to_x(datetime.date(year, 1, 1).toordinal()), str(year))
        for year in range(first_year, last_year + 2, step)
        if PLOT_LEFT <= to_x(datetime.date(year, 1, 1).toordinal()) <= PLOT_RIGHT
    ]
    if not date_ticks:
        date_ticks = [Tick(to_x(first), str(first_year))]
    return DotChart(
        dots=dots, value_ticks=_value_ticks(values, to_y, number_format), date_ticks=date_ticks, undated=undated
    )
