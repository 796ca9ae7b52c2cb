"""Our crawl settings as a settings module, for Scrapy's own tools (see scrapy.cfg)."""

from newsarchive.fetch.settings import BASE_SETTINGS

globals().update(BASE_SETTINGS)
