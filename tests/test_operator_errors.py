"""What an operator meets when something is wrong: one line, the right exit code, no password.

Each test here reproduces a finding of issue 13 by running the command as cron would.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy.engine import make_url

from tests.support import CliRun, query, run_cli

#: Passwords an operator really has: percent signs, @, slashes, spaces.
PASSWORDS = ["pa ss@w/rd%x", "p%40ss%2F word@/"]

#: A port nothing listens on: the database is down.
DOWN = "postgresql://postgres:{password}@127.0.0.1:9/newsarchive"

REGISTRY = (
    '[[outlet]]\nslug = "quiet_wire"\nname = "Quiet Wire"\ndomains = ["127.0.0.1:9"]\n'
    'language = "en"\nkind = "wire"\nfeeds = ["http://127.0.0.1:9/rss"]\n'
)


def with_password(database_url: str, password: str) -> str:
    """The test database's URL with a password, percent-encoded as an operator writes it.
    The test server trusts local connections, so any password connects."""
    parsed = make_url(database_url)
    rest = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    scheme, _, tail = rest.partition("://")
    userinfo, _, hostpart = tail.rpartition("@") if "@" in tail else ("", "", tail)
    user = userinfo.partition(":")[0] or "postgres"
    return f"{scheme}://{user}:{quote(password, safe='')}@{hostpart}"


def assert_one_line(result: CliRun, code: int, *, secret: str | None = None) -> str:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("newsarchive: ")]
    assert len(lines) == 1, result.stderr
    if secret is not None:
        for spelling in {secret, quote(secret, safe=""), quote(secret)}:
            assert spelling not in result.stdout + result.stderr
    return lines[0]


def commands(tmp_path: Path) -> list[tuple[str, ...]]:
    registry = tmp_path / "outlets.toml"
    registry.write_text(REGISTRY)
    return [
        ("db", "current"),
        ("db", "upgrade"),
        ("db", "grant-reader", "analyst_op"),
        ("status",),
        ("status", "--json"),
        ("export", "--since", "2026-11-01", "--until", "2026-11-08", "--output", str(tmp_path)),
        ("reextract",),
        ("stories", "rebuild"),
        ("crawl", "--registry", str(registry), "-s", "RETRY_ENABLED=False"),
    ]


@pytest.mark.parametrize("password", PASSWORDS)
def test_no_command_prints_the_password_when_the_database_is_down(
    password: str, tmp_path: Path
) -> None:
    url = DOWN.format(password=quote(password, safe=""))
    for command in commands(tmp_path):
        result = run_cli(*command, env={"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(tmp_path)})
        line = assert_one_line(result, 1, secret=password)
        assert "cannot reach the database" in line, (command, line)


def test_every_command_works_with_a_password_full_of_escapes(
    database_url: str, tmp_path: Path
) -> None:
    password = "pa ss@w/rd%x"
    url = with_password(database_url, password)
    env = {"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(tmp_path)}
    for command in commands(tmp_path):
        result = run_cli(*command, env=env)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        for spelling in {password, quote(password, safe="")}:
            assert spelling not in result.stdout + result.stderr, command
        # crawl reaches nothing (exit 1), status flags the failed run (3); the rest succeed.
        assert result.returncode in (0, 1, 3), (command, result)
        if command[0] in ("db", "export", "reextract", "stories"):
            assert result.returncode == 0, (command, result)
    printed = run_cli("db", "url", env=env).stdout.strip()
    with psycopg.connect(printed) as conn:  # the URL printed for psql works as it is
        assert conn.execute("SELECT 1").fetchone() == (1,)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://postgres@127.0.0.1:port/x", "is the port a number?"),
        ("mysql://u:secret@127.0.0.1/x", "newsarchive needs PostgreSQL"),
    ],
)
def test_a_wrong_database_url_is_one_line(url: str, words: str, tmp_path: Path) -> None:
    result = run_cli("db", "current", env={"DATABASE_URL": url, "NEWSARCHIVE_HOME": str(tmp_path)})
    assert words in assert_one_line(result, 1, secret="secret")


def test_an_unusable_home_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run_cli("db", "current", env={"NEWSARCHIVE_HOME": str(blocker / "home")})
    assert "NEWSARCHIVE_HOME" in assert_one_line(result, 1)


def test_an_unknown_revision_is_a_usage_error(database_url: str) -> None:
    result = run_cli("db", "upgrade", "--revision", "nosuch", env={"DATABASE_URL": database_url})
    assert "nosuch" in assert_one_line(result, 2)


def test_grant_reader_refuses_the_role_newsarchive_connects_as(database_url: str) -> None:
    user = make_url(database_url).username or "postgres"
    result = run_cli("db", "grant-reader", user, env={"DATABASE_URL": database_url})
    assert "newsarchive connects as" in assert_one_line(result, 2)
    settings = query(
        database_url,
        "SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole"
        " WHERE r.rolname = :user",
        user=user,
    )
    assert settings[0][0] == 0  # its sessions were not made read-only
    assert run_cli("db", "upgrade", env={"DATABASE_URL": database_url}).returncode == 0


def test_exports_honour_the_umask(database_url: str, tmp_path: Path) -> None:
    output = tmp_path / "week.csv"
    result = run_cli(
        "export",
        "--week",
        "2026-W47",
        "--output",
        str(output),
        env={"DATABASE_URL": database_url},
    )
    assert result.returncode == 0, result
    old = os.umask(0o022)
    os.umask(old)
    for path in (output, output.with_suffix(".manifest.json")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~old, path


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (("export", "--week", "2026-W47", "--topic", "nosuchtopic"), "topics: arms_transfer"),
        (("export", "--week", "2026-W47", "--outlet", "nosuchslug"), "outlets: "),
        (("reextract", "--outlet", "nosuchslug"), "outlets: "),
        (("status", "--outlet", "nosuchslug"), "outlets: "),
        (("export", "--since", "2026-11-08", "--until", "2026-11-01"), "--since must be"),
    ],
)
def test_bad_selections_are_usage_errors_naming_the_choices(
    args: tuple[str, ...], choices: str, database_url: str, tmp_path: Path
) -> None:
    output = ("--output", str(tmp_path)) if args[0] == "export" else ()
    result = run_cli(*args, *output, env={"DATABASE_URL": database_url})
    assert choices in assert_one_line(result, 2)


def test_an_unknown_outlet_on_the_crawl_command_line_is_not_a_broken_registry(
    database_url: str,
) -> None:
    result = run_cli("crawl", "--outlet", "nosuchslug", env={"DATABASE_URL": database_url})
    line = assert_one_line(result, 2)
    assert "invalid outlet registry" not in line
    assert "no outlet nosuchslug" in line and "outlets: " in line


def test_verbose_mentions_scrapy_only_where_scrapy_runs() -> None:
    assert "Scrapy" in run_cli("crawl", "--help", env={}).stdout.split("--verbose")[1]
    for command in ("export", "reextract", "db upgrade"):
        help_text = run_cli(*command.split(), "--help", env={}).stdout
        assert "Scrapy" not in help_text.split("--verbose")[1], command


def test_status_on_an_unreachable_database_does_not_speak_of_migrating(tmp_path: Path) -> None:
    url = DOWN.format(password="x")
    result = run_cli("status", env={"DATABASE_URL": url})
    line = assert_one_line(result, 1)
    assert "migrate" not in line and "cannot reach the database" in line
