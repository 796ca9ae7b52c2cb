"""`newsarchive report`: the archive's health and output as one self-contained HTML page.

queries.py reads the archive into the shapes of model.py (reusing the status report for silent
outlets and failing feeds); render.py draws the charts with matplotlib as inline SVG and writes
the page. Nothing is fetched or written to the database; the page loads nothing from anywhere.

Definitions (for a period of `days` whole UTC days ending today):

- articles per day: articles first stored by the archive that day (first_seen_at), by outlet.
  It shows what the crawler brought in, so a gap is a crawl problem, not a quiet newsroom.
- failures: failed fetches of the period (pages with outcome failed), by the reason the crawl
  recorded (dns, timeout, http_404, ...), for feeds, sitemaps and articles alike.
- date coverage: share of the period's articles with a publication date (published_at).
- body coverage: share of the period's articles whose body is not thin (at least
  extract.quality.THIN_WORDS words).
- silent outlets and failing feeds: as `newsarchive status` flags them (SILENT, FAILING).
"""

from newsarchive.report.model import ArchiveTotals, OutletReport, Report
from newsarchive.report.queries import build_report
from newsarchive.report.render import render_html, write_report

__all__ = ["ArchiveTotals", "OutletReport", "Report", "build_report", "render_html", "write_report"]
