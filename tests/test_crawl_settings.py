"""The crawl's settings table: a RetryPolicy read from unset settings is the store's default."""

from __future__ import annotations

from datetime import timedelta

from scrapy.settings import Settings

from newsarchive.fetch.settings import read_retry_policy
from newsarchive.store.frontier import RetryPolicy


def test_unset_retry_settings_give_the_stores_default_policy() -> None:
    assert read_retry_policy(Settings()) == RetryPolicy()


def test_retry_settings_are_read_in_the_units_their_keys_name() -> None:
    settings = Settings(
        {
            "NEWSARCHIVE_RETRY_BACKOFF_MINUTES": "5",
            "NEWSARCHIVE_RETRY_MAX_BACKOFF_HOURS": "1.5",
            "NEWSARCHIVE_RETRY_MAX_ATTEMPTS": "3",
        }
    )
    policy = read_retry_policy(settings)
    assert (policy.backoff, policy.max_backoff, policy.max_attempts) == (
        timedelta(minutes=5),
        timedelta(minutes=90),
        3,
    )
    assert policy.max_attempts_gone == RetryPolicy().max_attempts_gone
