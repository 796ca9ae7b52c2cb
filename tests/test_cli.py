"""The command explains itself and refuses a broken registry before touching the network."""

from __future__ import annotations

from pathlib import Path

from tests.support import run_cli


def test_crawl_help_explains_options_and_exit_codes() -> None:
    result = run_cli("crawl", "--help", env={})
    assert result.returncode == 0
    for words in (
        "--registry",
        "--outlet",
        "--max-articles",
        "--backfill",
        "exit codes",
        "partial",
    ):
        assert words in result.stdout


def test_db_upgrade_help_explains_what_it_migrates() -> None:
    result = run_cli("db", "upgrade", "--help", env={})
    assert result.returncode == 0
    assert "DATABASE_URL" in result.stdout
    assert "--revision" in result.stdout


def test_malformed_registry_is_reported_with_file_outlet_and_key_and_nothing_is_crawled(
    tmp_path: Path, database_url: str
) -> None:
    registry = tmp_path / "outlets.toml"
    registry.write_text(
        '[[outlet]]\nslug = "ok_wire"\nname = "OK Wire"\ndomains = ["ok.example"]\n'
        'language = "en"\nkind = "wire"\nfeeds = ["https://ok.example/rss"]\n\n'
        '[[outlet]]\nslug = "broken_daily"\nname = "Broken Daily"\ndomains = ["b.example"]\n'
        'language = "en"\nkind = "tabloid"\nfeeds = ["https://b.example/rss"]\n'
    )
    result = run_cli(
        "crawl",
        "--registry",
        str(registry),
        env={"DATABASE_URL": database_url, "NEWSARCHIVE_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 2
    assert str(registry) in result.stderr
    assert "broken_daily" in result.stderr
    assert "kind" in result.stderr
    assert "Traceback" not in result.stderr
    # Nothing was attempted: no run recorded, no outlet mirrored.
    from sqlalchemy import text

    from newsarchive.store.database import make_engine

    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM crawl_runs")) == 0
        assert conn.scalar(text("SELECT count(*) FROM outlets")) == 0
    engine.dispose()
