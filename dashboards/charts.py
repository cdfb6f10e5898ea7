"""Charts drawn on the server as SVG: no script, no CDN, mirrored for right-to-left languages.

The chart repeats its panel's table, which stays the accessible form of the figures: the SVG is named
by the panel's title and hidden from nothing else.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.disclosure import Below

WIDTH = 640
COLOURS = ("#0b5d3b", "#b5651d", "#2f5d8a", "#7a3e8f")
BAR = 14
GAP = 6
LABEL = 190  # room for the row label, on the start side
MAX_LINE_POINTS = 60


def _number(value) -> float:
    if isinstance(value, bool) or value is None or isinstance(value, Below):
        return 0.0
    if isinstance(value, int | float):
        return float(value)
    return 0.0


def _x(x, width, rtl):
    return WIDTH - x - width if rtl else x


def bar_chart(columns, rows, cells, *, title_id: str, rtl: bool) -> str:
    """Horizontal bars, one group per row, one bar per measure; each bar ends with its shown figure."""
    series = len(columns) - 1
    if not rows or series < 1:
        return ""
    peak = max((_number(v) for row in rows for v in row[1:]), default=0.0) or 1.0
    group = series * (BAR + 2) + GAP
    height = len(rows) * group + (24 if series > 1 else 0)
    room = WIDTH - LABEL - 60
    anchor_start, anchor_end = ("end", "start") if rtl else ("start", "end")
    parts = []
    for i, (row, shown) in enumerate(zip(rows, cells, strict=True)):
        top = i * group
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" class="dash-label">{}</text>',
                _x(LABEL - 8, 0, rtl),
                top + BAR,
                anchor_end,
                str(row[0])[:32],
            )
        )
        for s in range(series):
            value = _number(row[s + 1])
            length = round(room * value / peak, 1)
            y = top + s * (BAR + 2)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                    '<text x="{}" y="{}" text-anchor="{}" class="dash-value">{}</text>',
                    _x(LABEL, length, rtl),
                    y,
                    length,
                    BAR,
                    COLOURS[s % len(COLOURS)],
                    _x(LABEL + length + 4, 0, rtl),
                    y + BAR - 3,
                    anchor_start,
                    shown[s + 1],
                )
            )
    if series > 1:
        parts.append(_legend(columns[1:], height - 8, rtl))
    return _svg(height, title_id, mark_safe("".join(parts)))  # noqa: S308 (every part went through format_html)


def line_chart(columns, rows, cells, *, title_id: str, rtl: bool) -> str:
    """One line per measure over rows in time order; time runs with the reading direction."""
    series = len(columns) - 1
    rows = rows[-MAX_LINE_POINTS:]
    cells = cells[-MAX_LINE_POINTS:]
    if len(rows) < 1 or series < 1:
        return ""
    plot_h, top, left, right = 160, 10, 50, WIDTH - 20
    peak = max((_number(v) for row in rows for v in row[1:]), default=0.0) or 1.0
    step = (right - left) / max(len(rows) - 1, 1)
    parts = []
    for s in range(series):
        points = []
        for i, row in enumerate(rows):
            x = left + i * step
            x = WIDTH - x if rtl else x
            y = top + plot_h - plot_h * _number(row[s + 1]) / peak
            points.append(f"{x:.1f},{y:.1f}")
        parts.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"></polyline>',
                " ".join(points),
                COLOURS[s % len(COLOURS)],
            )
        )
    base = top + plot_h
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#666"></line>',
            left if not rtl else WIDTH - left,
            base,
            right if not rtl else WIDTH - right,
            base,
        )
    )
    first, last = str(rows[0][0]), str(rows[-1][0])
    parts.append(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle" class="dash-label">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" class="dash-label">{}</text>'
            '<text x="{}" y="{}" text-anchor="middle" class="dash-label">{}</text>',
            WIDTH - left if rtl else left,
            base + 16,
            first,
            WIDTH - right if rtl else right,
            base + 16,
            last,
            WIDTH - 25 if rtl else 25,
            top + 10,
            _peak_label(rows, cells),
        )
    )
    height = base + 24 + (24 if series > 1 else 0)
    if series > 1:
        parts.append(_legend(columns[1:], height - 8, rtl))
    return _svg(height, title_id, mark_safe("".join(parts)))  # noqa: S308 (every part went through format_html)


def _peak_label(rows, cells):
    best = None
    for row, shown in zip(rows, cells, strict=True):
        for value, text in zip(row[1:], shown[1:], strict=True):
            if best is None or _number(value) > best[0]:
                best = (_number(value), text)
    return best[1] if best else ""


def _legend(names, y, rtl):
    parts = []
    x = 0
    for s, name in enumerate(names):
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="10" height="10" fill="{}"></rect>'
                '<text x="{}" y="{}" text-anchor="{}" class="dash-label">{}</text>',
                _x(x, 10, rtl),
                y - 9,
                COLOURS[s % len(COLOURS)],
                _x(x + 14, 0, rtl),
                y,
                "end" if rtl else "start",
                str(name)[:28],
            )
        )
        x += 14 + 8 * min(len(str(name)), 28) + 16
    return mark_safe("".join(parts))  # noqa: S308 (format_html above)


def _svg(height, title_id, body):
    return format_html(
        '<svg class="dash-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'preserveAspectRatio="xMinYMin meet">{}</svg>',
        WIDTH,
        height,
        title_id,
        body,
    )


def chart(kind, columns, rows, cells, *, title_id, rtl):
    draw = line_chart if kind == "line" else bar_chart
    return draw(columns, rows, cells, title_id=title_id, rtl=rtl)
