"""Choropleth maps drawn on the server as SVG: the world by country, Morocco by region (2015 division).

The geometry is committed in dashboards/geodata/ (already projected and simplified by
scripts/vendor-maps from the npm packages package.json names): no script, no CDN, nothing projected at
run time. Each place is one path with a <title> (its name in the page's language and its figure as the
panel's table shows it); places share a colour class, explained by a legend in the page's reading
direction. The map itself is never mirrored. The table under the map stays the accessible form of the
figures. Figures arrive as the table shows them, so a count hidden by core.disclosure ("< 5") is drawn in
its own class, never in the class its true value would fall in.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from community.profiles.choices import Region
from core.countries import country_name
from core.disclosure import Below

GEODATA = Path(__file__).resolve().parent / "geodata"
FILES = {"world": "world.json", "morocco": "morocco-regions.json"}
# Sequential greens (ColorBrewer "Greens"), light to dark; dashboard.css holds the same colours by class.
PALETTE = ("#c7e9c0", "#74c476", "#31a354", "#006d2c", "#00441b")
NONE_COLOUR = "#e2e2e2"
HIDDEN_COLOUR = "#b7a5d6"
MAX_CLASSES = len(PALETTE)


@dataclass
class LegendItem:
    css: str
    label: str


@dataclass
class DrawnMap:
    svg: str
    legend: list
    credit: str = ""


@lru_cache(maxsize=len(FILES))
def geometry(kind: str) -> dict:
    return json.loads((GEODATA / FILES[kind]).read_text(encoding="utf-8"))


def place_name(kind: str, code: str) -> str:
    if kind == "morocco":
        return str(dict(Region.choices).get(code, code))
    return country_name(code)


def _number(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def breaks(values) -> list:
    """Upper bounds of up to five classes, by quantiles of the positive figures (each bound a figure)."""
    figures = sorted(v for v in values if v is not None and v > 0)
    if not figures:
        return []
    classes = min(MAX_CLASSES, len(set(figures)))
    uppers = []
    for i in range(1, classes + 1):
        upper = figures[math.ceil(i * len(figures) / classes) - 1]
        if not uppers or upper > uppers[-1]:
            uppers.append(upper)
    return uppers


def _class_of(value, uppers) -> int:
    for index, upper in enumerate(uppers):
        if value <= upper:
            return index
    return len(uppers) - 1


def _range_label(low, high, shown) -> str:
    if low == high:
        return shown(high)
    return _("%(low)s to %(high)s") % {"low": shown(low), "high": shown(high)}


def choropleth(kind, keys, rows, cells, *, title_id: str, shown, countries=None) -> DrawnMap:
    """The map of a panel's first measure: ``keys`` name the place of each row (None: not on the map).

    ``countries``: a restricted reader's countries (a relay's); the world map names only those."""
    data = geometry(kind)
    values, texts = {}, {}
    for key, row, cell in zip(keys, rows, cells, strict=True):
        if key and len(row) > 1:
            values[key] = row[1]
            texts[key] = cell[1]
    uppers = breaks(_number(v) for v in values.values())
    lows, previous = [], None
    numbers = sorted(n for n in (_number(v) for v in values.values()) if n is not None and n > 0)
    for upper in uppers:
        above = [n for n in numbers if (previous is None or n > previous) and n <= upper]
        lows.append(above[0] if above else upper)
        previous = upper

    def css(value) -> str:
        number = _number(value)
        if number is not None and number > 0:
            return f"dash-map-c{_class_of(number, uppers) + 1}"
        if isinstance(value, Below | str) and str(value):
            return "dash-map-hidden"
        return "dash-map-none"

    fills = {f"dash-map-c{i + 1}": colour for i, colour in enumerate(PALETTE)}
    fills.update({"dash-map-hidden": HIDDEN_COLOUR, "dash-map-none": NONE_COLOUR})
    paths = []
    for shape in data["shapes"]:
        code = shape["code"]
        name = place_name(kind, code)
        value = values.get(code)
        klass = css(value)
        figure = texts.get(code) or "—"
        if kind == "world" and countries is not None and code not in countries:
            paths.append(
                format_html('<path class="{}" fill="{}" d="{}"></path>', klass, fills[klass], shape["d"])
            )
            continue
        title = _("%(place)s: %(figure)s") % {"place": name, "figure": figure}
        paths.append(
            format_html(
                '<path class="{}" fill="{}" d="{}"><title>{}</title></path>',
                klass,
                fills[klass],
                shape["d"],
                title,
            )
        )
    body = mark_safe("".join(paths))  # noqa: S308 (every part went through format_html)
    extra = ""
    if data.get("unnamed"):
        extra = format_html(
            '<path class="dash-map-none" fill="{}" d="{}"></path>', NONE_COLOUR, data["unnamed"]
        )
    mesh = ""
    if data.get("mesh"):
        mesh = format_html(
            '<path class="dash-map-mesh" fill="none" stroke="#ffffff" d="{}"></path>', data["mesh"]
        )
    svg = format_html(
        '<svg class="dash-map dash-map-{}" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'preserveAspectRatio="xMidYMid meet">{}{}{}</svg>',
        kind,
        data["width"],
        data["height"],
        title_id,
        body,
        extra,
        mesh,
    )
    legend = [
        LegendItem(f"dash-map-c{i + 1}", _range_label(low, high, shown))
        for i, (low, high) in enumerate(zip(lows, uppers, strict=True))
    ]
    if any(css(v) == "dash-map-hidden" for v in values.values()):
        legend.append(LegendItem("dash-map-hidden", _("Small figure, hidden")))
    legend.append(LegendItem("dash-map-none", _("No figure shown (none, or counted with the others)")))
    if kind == "morocco":
        credit = _("Region boundaries: amCharts geodata (free licence with credit).")
    else:
        credit = _(
            "Countries too small to draw at this scale are in the table only. "
            "Country boundaries: Natural Earth, through world-atlas."
        )
    return DrawnMap(svg=svg, legend=legend, credit=credit)
