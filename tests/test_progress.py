"""Progress of a crawl: a live line on a terminal, a plain log line under cron."""

from __future__ import annotations

import io
import logging

import pytest
from scrapy.utils.test import get_crawler

from newsarchive.fetch.progress import ProgressReport
from newsarchive.logs import StatusLine, TerminalHandler


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _report(stream: io.StringIO, status: StatusLine | None = None) -> ProgressReport:
    stats = get_crawler().stats
    assert stats is not None
    for key, value in {
        "newsarchive/listings_ok": 4,
        "newsarchive/pages_fetched": 120,
        "newsarchive/articles_new": 97,
        "newsarchive/non_articles": 11,
        "newsarchive/failures": 12,
    }.items():
        stats.set_value(key, value)
    clock = iter([1000.0, 1060.0, 1060.0])  # started, then two reports a minute in
    return ProgressReport(
        stats, interval=5.0, stream=stream, clock=lambda: next(clock), status=status or StatusLine()
    )


def test_a_terminal_gets_one_line_rewritten_in_place() -> None:
    terminal = Terminal()
    report = _report(terminal)

    report.report()
    report.report()

    shown = terminal.getvalue()
    assert shown.count("\r\x1b[2K") == 2 and "\n" not in shown
    last = shown.rsplit("\r\x1b[2K", 1)[1]
    assert last.startswith("listings 4 | pages 120 | new 97 | non-articles 11 | failures 12 | ")
    assert last.endswith("| 2.0 pages/s")  # 120 pages in 60 s of the run's clock


def test_a_log_file_gets_plain_log_lines(caplog: pytest.LogCaptureFixture) -> None:
    log_file = io.StringIO()
    report = _report(log_file)

    with caplog.at_level(logging.INFO, logger="newsarchive.fetch.progress"):
        report.report()

    assert log_file.getvalue() == ""  # no control characters in a log
    [record] = caplog.records
    assert record.getMessage().startswith("progress: listings 4 | pages 120 | new 97")


def test_log_lines_and_the_status_line_keep_to_lines_of_their_own() -> None:
    terminal = Terminal()
    status = StatusLine()
    handler = TerminalHandler(terminal, status)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tests.progress.terminal")
    logger.addHandler(handler)
    logger.propagate = False
    report = _report(terminal, status)

    report.report()
    logger.warning("feed failed: dns")

    [first, second] = terminal.getvalue().split("\n")
    # The status line is wiped before the record, then drawn again under it.
    assert first.endswith("pages/s\r\x1b[2KWARNING feed failed: dns")
    assert second == status.text and second.startswith("listings 4 | pages 120")
    report.spider_closed()  # the run's last line stays; later records start on a fresh line
    logger.warning("after")
    assert terminal.getvalue().endswith("pages/s\nWARNING after\n")
