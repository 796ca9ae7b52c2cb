"""Discovery: feeds, sitemaps and URL normalisation, from listing bytes to candidate article URLs.

Pure: no Scrapy, no database. The fetch stage hands it what it downloaded and schedules what it
returns, with the evidence (title, date) each listing gave for each URL.
"""
