"""Fetching: the Scrapy stage (spider, middlewares, pipelines, settings, scale-out).

The only package that imports Scrapy and Twisted. It reads the registry, asks `discover` what to
fetch, hands pages to the pure `extract`/`analysis` path in a process pool, and writes through
`store`. Nothing else imports it.
"""
