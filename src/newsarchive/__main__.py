"""Allow ``python -m newsarchive``: the tests and cron jobs without a PATH entry use it."""

from newsarchive.cli import main

raise SystemExit(main())
