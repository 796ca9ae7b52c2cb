"""Imported by the crawl's forkserver (analysis/pool.py, with three or more extraction workers)
before it forks the extraction pool.

Its import loads what every worker needs (the extraction stack, the language model and the
topic and country tables) once, in the forkserver; the workers forked from it share those
pages copy-on-write instead of each loading its own copy (~75 MiB of it the language model).
"""

from newsarchive.analysis.pool import warm_up

warm_up()  # its heap setting (return_large_blocks) is inherited by every worker forked
