"""Report rendering: charts drawn by matplotlib as inline SVG, in one HTML page that loads nothing.

Figures are built with `matplotlib.figure.Figure` directly (no pyplot: no global figure state, no
GUI backend) and saved as SVG with text left as text (`svg.fonttype = none`: smaller, and the
browser's fonts draw it) and a fixed hash salt and no date, so one archive gives one page.
"""

from __future__ import annotations

import html
import io
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC
from pathlib import Path as FilePath

import matplotlib
import numpy as np
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.ticker import MaxNLocator

from newsarchive.report.model import Report
from newsarchive.status.model import FAILING, NO_RUNS, RUN_FAILED, SILENT, STALE

INK = "#1f2933"
MUTED = "#6b7785"
GRID = "#e4e7eb"
ACCENT = "#2f6fb2"
ALERT = "#c0392b"
#: Articles per day, binned: 0 stands out as its own (pale) colour, busy days darken.
HEAT_BINS = (0, 1, 2, 4, 8, 16, 32, 64, 10**9)
HEAT_COLOURS = (
    "#f3f4f6",
    "#dbe9f6",
    "#bad6eb",
    "#89bedc",
    "#539ecd",
    "#2b7bba",
    "#0b559f",
    "#08306b",
)
HEAT_LABELS = ("0", "1", "2–3", "4–7", "8–15", "16–31", "32–63", "64+")
#: Failure reasons get steady colours in order of frequency; the rest share the last one.
REASON_COLOURS = (
    "#c0392b",
    "#e67e22",
    "#f1c40f",
    "#8e44ad",
    "#16a085",
    "#2c3e50",
    "#d35400",
    "#7f8c8d",
)


def write_report(report: Report, output: FilePath) -> FilePath:
    """Write the page next to `output` and move it into place: a reader never sees half a file.

    Created with open(), so the file's mode follows the umask like any other the operator makes.
    """
    page = render_html(report)
    partial = output.with_name(f".{output.name}.{os.getpid()}.partial")
    try:
        with partial.open("w", encoding="utf-8") as out:
            out.write(page)
        partial.replace(output)
    finally:
        partial.unlink(missing_ok=True)
    return output


def render_html(report: Report) -> str:
    """The whole page: totals, what needs a look, the charts, and a table of outlets."""
    first, last = report.days[0], report.days[-1]
    title = f"newsarchive report, {first:%Y-%m-%d} to {last:%Y-%m-%d}"
    sections = [
        _totals(report),
        _attention(report),
        _section(
            "Articles per day",
            "Articles the archive stored each day (UTC), all outlets.",
            _daily_chart(report),
        ),
        _section(
            "Articles per day, per outlet",
            "One row per outlet, one square per day; the number is the articles stored that "
            "day. Outlets flagged silent or failing are named in red.",
            _heatmap(report),
        ),
        _failures(report),
        _outlet_table(report),
    ]
    return PAGE.format(
        title=html.escape(title),
        heading=html.escape(title),
        generated=html.escape(f"{report.generated_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC"),
        days=len(report.days),
        style=STYLE,
        body="\n".join(sections),
    )


def _section(heading: str, lead: str, content: str, anchor: str = "") -> str:
    ident = f' id="{anchor}"' if anchor else ""
    return (
        f"<section{ident}><h2>{html.escape(heading)}</h2>"
        f'<p class="lead">{html.escape(lead)}</p>{content}</section>'
    )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _totals(report: Report) -> str:
    totals = report.totals
    period = sum(outlet.articles for outlet in report.outlets)
    dated = sum(outlet.with_date for outlet in report.outlets)
    bodied = sum(outlet.with_body for outlet in report.outlets)
    runs = totals.runs
    run_text = ", ".join(
        f"{runs[o]} {o}" for o in ("ok", "partial", "failed", "running") if o in runs
    )
    since = f"{totals.first_stored:%Y-%m-%d}" if totals.first_stored else "no article yet"
    cards = [
        ("outlets", f"{totals.outlets}", f"{sum(o.in_rotation for o in report.outlets)} crawled"),
        ("articles in the archive", f"{totals.articles:,}", f"since {since}"),
        ("articles in the period", f"{period:,}", f"last {len(report.days)} days"),
        (
            "with a publication date",
            _percent(dated, period),
            f"archive: {_percent(totals.with_date, totals.articles)}",
        ),
        (
            "with a full body",
            _percent(bodied, period),
            f"archive: {_percent(totals.with_body, totals.articles)}",
        ),
        ("crawl runs", f"{sum(runs.values())}", run_text or "none in the period"),
        (
            "failed fetches",
            f"{sum(report.failures.values()):,}",
            f"of {totals.pages_fetched:,} fetches",
        ),
    ]
    items = "".join(
        f'<div class="card"><div class="label">{html.escape(label)}</div>'
        f'<div class="value">{html.escape(value)}</div>'
        f'<div class="note">{html.escape(note)}</div></div>'
        for label, value, note in cards
    )
    return f'<section id="totals"><h2>Totals</h2><div class="cards">{items}</div></section>'


def _attention(report: Report) -> str:
    """Silent outlets, failing feeds and archive-wide flags, as `newsarchive status` sees them."""
    status = report.status
    now = status.generated_at
    items = []
    if NO_RUNS in status.flags:
        items.append("No crawl run is recorded in this archive.")
    if RUN_FAILED in status.flags and status.last_run is not None:
        items.append(
            f"The last crawl run (#{status.last_run.id}) failed: nothing could be fetched."
        )
    if STALE in status.flags:
        items.append("No crawl run started in the last 36 hours: is the scheduled job running?")
    silent = [o for o in status.outlets if SILENT in o.flags]
    for outlet in silent:
        last = (
            f"last new article {outlet.last_new_article_at:%Y-%m-%d}"
            if outlet.last_new_article_at
            else "no article stored yet"
        )
        items.append(f"<b>{html.escape(outlet.slug)}</b> is silent: {html.escape(last)}.")
    rows = []
    for outlet in status.outlets:
        for source in outlet.failing_sources:
            since = (
                f"{(now - source.failing_since).total_seconds() / 3600:.0f} h"
                if source.failing_since
                else "–"
            )
            mark = "bad" if FAILING in outlet.flags else ""
            rows.append(
                "<tr>"
                f'<td class="{mark}">{html.escape(outlet.slug)}</td>'
                f"<td>{html.escape(source.kind)}</td>"
                f'<td class="url">{html.escape(source.url)}</td>'
                f'<td class="num">{source.consecutive_failures}</td><td class="num">{since}</td>'
                f"<td>{html.escape(source.last_error or '')}</td></tr>"
            )
    content = ""
    if items:
        content += '<ul class="alerts">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    if rows:
        content += (
            "<h3>Failing feeds and sitemaps</h3><table><thead><tr><th>outlet</th><th>kind</th>"
            '<th>URL</th><th class="num">failures in a row</th><th class="num">failing for</th>'
            "<th>last error</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )
    if not content:
        content = '<p class="ok">Nothing flagged: no silent outlet, no failing feed.</p>'
    lead = f"What `newsarchive status` flags (silent after {status.silent_days} days)."
    return _section("Needs a look", lead, content, "attention")


def _failures(report: Report) -> str:
    reasons = report.failures
    if not reasons:
        return _section(
            "Failures by reason",
            "Failed fetches of the period.",
            '<p class="ok">No fetch failed in the period.</p>',
            "failures",
        )
    rows = "".join(
        f'<tr><td>{html.escape(reason)}</td><td class="num">{count:,}</td></tr>'
        for reason, count in reasons.items()
    )
    table = (
        '<table class="narrow"><thead><tr><th>reason</th><th class="num">failed fetches</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    lead = "Failed fetches of the period (feeds, sitemaps and articles), per outlet and reason."
    return _section("Failures by reason", lead, _failure_chart(report) + table, "failures")


def _outlet_table(report: Report) -> str:
    rows = []
    for outlet in report.outlets:
        ranked = sorted(outlet.failures.items(), key=lambda item: (-item[1], item[0]))
        top = ", ".join(f"{reason} {count}" for reason, count in ranked[:3])
        flags = " ".join(outlet.flags) or ("" if outlet.in_rotation else "not crawled")
        rows.append(
            "<tr>"
            f'<td><span class="name">{html.escape(outlet.name)}</span> '
            f'<span class="slug">{html.escape(outlet.slug)}</span></td>'
            f'<td class="num">{outlet.articles:,}</td>'
            f'<td class="num">{_percent(outlet.with_date, outlet.articles)}</td>'
            f'<td class="num">{_percent(outlet.with_body, outlet.articles)}</td>'
            f'<td class="num">{outlet.failed:,}</td><td>{html.escape(top)}</td>'
            f'<td class="{"bad" if outlet.flags else ""}">{html.escape(flags)}</td></tr>'
        )
    table = (
        '<table id="outlet-table"><thead><tr><th>outlet</th><th class="num">articles</th>'
        '<th class="num">dated</th><th class="num">full body</th>'
        '<th class="num">failures</th><th>top reasons</th><th>flags</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )
    lead = (
        "Articles stored in the period; the share with a publication date and with a full "
        "(not thin) body; failed fetches by reason; status flags."
    )
    return _section("Outlets", lead, table, "outlets")


# -- charts --------------------------------------------------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
    with matplotlib.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": "newsarchive-report",
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
            "font.size": 9,
            "axes.edgecolor": GRID,
            "axes.labelcolor": MUTED,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "xtick.color": MUTED,
            "ytick.color": INK,
            "text.color": INK,
        }
    ):
        yield


def _svg(figure: Figure) -> str:
    """The figure as an inline <svg> element (no XML prolog or DOCTYPE)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    return f'<div class="chart">{text[text.index("<svg") :]}</div>'


def _mark(bars: BarContainer, name: str) -> None:
    """Give each bar an id (`mark-NAME-3`): the data marks, for a test or a script to find."""
    for number, bar in enumerate(bars):
        bar.set_gid(f"mark-{name}-{number}")


def _day_labels(report: Report) -> list[str]:
    return [f"{day:%d %b}" for day in report.days]


def _tick_positions(count: int) -> list[int]:
    """About eight x labels whatever the period's length, always the last day."""
    step = max(1, round(count / 8))
    return sorted({*range(count - 1, -1, -step)})


def _daily_chart(report: Report) -> str:
    totals = np.array([o.per_day for o in report.outlets], dtype=int).reshape(-1, len(report.days))
    per_day = totals.sum(axis=0)
    with _style():
        figure = Figure(figsize=(9, 2.6))
        axes = figure.add_subplot()
        positions = np.arange(len(report.days))
        _mark(axes.bar(positions, per_day, color=ACCENT, width=0.8), "day")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        ticks = _tick_positions(len(report.days))
        labels = _day_labels(report)
        axes.set_xticks(ticks, [labels[i] for i in ticks])
        axes.set_ylabel("articles")
        axes.yaxis.grid(True, color=GRID)
        axes.set_axisbelow(True)
        axes.set_xlim(-0.6, len(report.days) - 0.4)
        for position, count in zip(positions, per_day, strict=True):
            if len(report.days) <= 16 and count:  # beyond, the labels would overlap
                axes.annotate(
                    f"{count}", (position, count), ha="center", va="bottom", fontsize=7, color=MUTED
                )
        return _svg(figure)


def _heatmap(report: Report) -> str:
    outlets = report.outlets
    if not outlets:
        return '<p class="ok">No outlet in the archive yet: run a crawl first.</p>'
    counts = np.array([o.per_day for o in outlets], dtype=int)
    days = len(report.days)
    with _style():
        figure = Figure(figsize=(max(6.0, 2.2 + days * 0.24), 0.9 + len(outlets) * 0.24))
        axes = figure.add_subplot()
        bins = np.digitize(counts, HEAT_BINS[1:-1])
        handles = []
        for number, (colour, meaning) in enumerate(zip(HEAT_COLOURS, HEAT_LABELS, strict=True)):
            cells = np.argwhere(bins == number)
            if len(cells):
                patch = PathPatch(_squares(cells), facecolor=colour, edgecolor="none")
                patch.set_gid(f"mark-heat-{number}")
                axes.add_artist(patch)  # not add_patch: the limits are set, no need to scan it
            handles.append(Patch(facecolor=colour, label=meaning))
        axes.set_xlim(0, days)
        axes.set_ylim(len(outlets), 0)
        axes.legend(
            handles=handles,
            title="articles a day",
            title_fontsize=8,
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=8,
            handlelength=1.0,
        )
        axes.set_yticks(np.arange(len(outlets)) + 0.5, [o.slug for o in outlets])
        for label, outlet in zip(axes.get_yticklabels(), outlets, strict=True):
            if {SILENT, FAILING} & set(outlet.flags):
                label.set_color(ALERT)
                label.set_fontweight("bold")
        ticks = _tick_positions(days)
        labels = _day_labels(report)
        axes.set_xticks([i + 0.5 for i in ticks], [labels[i] for i in ticks])
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        if counts.size <= 3000:
            for (row, column), count in np.ndenumerate(counts):
                if count:
                    axes.text(
                        column + 0.5,
                        row + 0.5,
                        str(count),
                        ha="center",
                        va="center",
                        fontsize=6.5,
                        color="white" if count >= 8 else INK,
                    )
        return _svg(figure)


def _squares(cells: np.ndarray) -> Path:
    """One compound path of the (row, column) cells' squares, a gap around each.

    One path per colour instead of one per cell: a year of 200 outlets stays a small SVG.
    """
    gap = 0.06
    corners = np.array([(gap, gap), (1 - gap, gap), (1 - gap, 1 - gap), (gap, 1 - gap), (0, 0)])
    origins = cells[:, ::-1].astype(float)  # (x, y) = (column, row)
    vertices = (origins[:, None, :] + corners[None, :, :]).reshape(-1, 2)
    codes = np.tile(
        [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(cells)
    )
    return Path(vertices, codes)


def _failure_chart(report: Report) -> str:
    """Stacked horizontal bars: the outlets with the most failures, split by reason."""
    reasons = list(report.failures)
    shown = reasons[: len(REASON_COLOURS) - 1]
    failing = sorted((o for o in report.outlets if o.failed), key=lambda o: (-o.failed, o.slug))
    failing = failing[:25]
    with _style():
        figure = Figure(figsize=(9, 1.1 + 0.3 * len(failing)))
        axes = figure.add_subplot()
        left = np.zeros(len(failing))
        rows = np.arange(len(failing))
        groups: list[tuple[str, Sequence[int]]] = [
            (reason, [o.failures.get(reason, 0) for o in failing]) for reason in shown
        ]
        if len(reasons) > len(shown):
            other = [sum(o.failures.get(r, 0) for r in reasons[len(shown) :]) for o in failing]
            groups.append(("other", other))
        for number, ((reason, values), colour) in enumerate(
            zip(groups, REASON_COLOURS, strict=False)
        ):
            bars = axes.barh(rows, values, left=left, color=colour, label=reason, height=0.6)
            _mark(bars, f"failure{number}")
            left += np.array(values)
        axes.set_yticks(rows, [o.slug for o in failing])
        axes.set_ylim(len(failing) - 0.4, -0.6)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("failed fetches")
        axes.xaxis.grid(True, color=GRID)
        axes.set_axisbelow(True)
        axes.legend(
            frameon=False,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=min(len(groups), 4),
            fontsize=8,
        )
        return _svg(figure)


STYLE = """
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2933;
       background: #f7f8fa; margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 22px; margin: 0 0 4px; }
header p { color: #6b7785; margin: 0 0 12px; }
section { background: #fff; border: 1px solid #e4e7eb; border-radius: 8px; padding: 16px 20px;
          margin: 16px 0; }
h2 { font-size: 16px; margin: 0 0 4px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
p.lead { color: #6b7785; margin: 0 0 12px; font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
.card { border: 1px solid #e4e7eb; border-radius: 6px; padding: 10px 12px; }
.card .label { color: #6b7785; font-size: 12px; }
.card .value { font-size: 24px; font-weight: 600; }
.card .note { color: #6b7785; font-size: 12px; }
.chart svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
table.narrow { width: auto; min-width: 320px; margin-top: 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eef0f3;
         vertical-align: top; }
th { color: #6b7785; font-weight: 600; border-bottom: 1px solid #d5dae0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.url { word-break: break-all; font-family: ui-monospace, monospace; font-size: 12px; }
.slug { color: #6b7785; font-family: ui-monospace, monospace; font-size: 12px; }
.bad { color: #c0392b; font-weight: 600; }
.ok { color: #1e7b4b; }
ul.alerts { margin: 0; padding-left: 20px; }
ul.alerts li { margin: 2px 0; }
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsarchive report">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<main>
<header><h1>{heading}</h1>
<p>The last {days} days (UTC), generated {generated}. Self-contained: this file loads nothing.</p>
</header>
{body}
</main>
</body>
</html>
"""
