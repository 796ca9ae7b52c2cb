"""The crawl's garbage-collector tuning is in force only while the spider is open."""

from __future__ import annotations

import gc

from newsarchive.fetch.collector import YOUNG_THRESHOLD, CollectorTuning


def test_open_spider_freezes_start_up_and_close_restores_the_collector() -> None:
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    tuning = CollectorTuning()
    try:
        tuning.spider_opened()
        assert gc.get_threshold() == (max(YOUNG_THRESHOLD, before[0]), *before[1:])
        assert gc.get_freeze_count() > frozen_before
        tuning.spider_opened()  # a second signal changes nothing
        assert gc.get_threshold()[0] == max(YOUNG_THRESHOLD, before[0])
    finally:
        tuning.spider_closed()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    tuning.spider_closed()  # closing twice is harmless
    assert gc.get_threshold() == before
