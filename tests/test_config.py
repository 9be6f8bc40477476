from pathlib import Path

import pytest

from newsetl.config import ROOT_SOURCES, ConfigError, Settings, load_sources


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
[[outlets]]
name = "The Independent"
aliases = ["Indy"]

[[sources]]
name = "indy"
kind = "RSS"
url = "feeds/indy.xml"
outlet = "The Independent"
follow_links = true

[[sources]]
name = "remote"
kind = "atom"
url = "https://example.com/atom.xml"
outlet = "Example"
group = "hourly"

[[sources]]
name = "listing"
kind = "listing"
url = "file:///srv/listing.html"
selectors = { card = "//div[@class='card']" }
"""


def test_a_good_file(tmp_path):
    config = load_sources(write(tmp_path, GOOD))
    indy, remote, listing = config.feeds
    assert indy.kind == "rss" and indy.follow_links and indy.group == "default"
    assert indy.url == (tmp_path / "feeds" / "indy.xml").resolve().as_uri()  # relative to the file
    assert remote.url == "https://example.com/atom.xml" and remote.group == "hourly"
    assert listing.url == "file:///srv/listing.html" and listing.outlet is None
    assert listing.selectors.card == "//div[@class='card']"
    assert config.outlets[0].aliases == ("Indy",)
    assert [s.name for s in config.in_group("hourly")] == ["remote"]
    assert indy.feed_id != remote.feed_id


@pytest.mark.parametrize(("entry", "message"), [
    ('name = "x"\nkind = "rs"\nurl = "a.xml"\noutlet = "O"',
     r"sources\[0\] \('x'\): kind must be one of atom, jsonfeed, listing, rss, sitemap \(got 'rs'\)"),
    ('name = "x"\nkind = "rss"\nurl = "a.xml"', r"sources\[0\] \('x'\): outlet is required for a rss source"),
    ('kind = "rss"\nurl = "a.xml"\noutlet = "O"', r"sources\[0\]: name is required"),
    ('name = "x"\nkind = "rss"\nurl = "ftp://h/a.xml"\noutlet = "O"', r"url scheme 'ftp' is not supported"),
    ('name = "x"\nkind = "rss"\nurl = "a.xml"\noutlet = "O"\nfollow_links = "yes"',
     r"follow_links must be true or false"),
    ('name = "x"\nkind = "rss"\nurl = "a.xml"\noutlet = "O"\nurll = "typo"',
     r"unknown field\(s\) \['urll'\]"),
    ('name = "x"\nkind = "listing"\nurl = "a.html"\nselectors = { cards = "//a" }',
     r"selectors: unknown key\(s\) cards; allowed: card, title, link, outlet, time, text$"),
    ('name = "x"\nkind = "listing"\nurl = "a.html"\nselectors = { title = ".//h3[" }',
     r"selectors.title is not a valid XPath expression .*'.//h3\['"),
    ('name = "x"\nkind = "listing"\nurl = "a.html"\ncaptured_at = "last week"',
     r"captured_at must be a date-time such as 2026-11-28T12:00:00Z \(got 'last week'\)"),
])
def test_bad_entries_are_named(tmp_path, entry, message):
    with pytest.raises(ConfigError, match=message) as info:
        load_sources(write(tmp_path, f"[[sources]]\n{entry}\n"))
    assert str(tmp_path / "sources.toml") in str(info.value)


def test_captured_at_is_read_as_utc(tmp_path):
    text = ('[[sources]]\nname = "x"\nkind = "listing"\nurl = "a.html"\n'
            "captured_at = 2026-11-28T13:00:00+01:00\n")
    (source,) = load_sources(write(tmp_path, text)).feeds
    assert str(source.captured_at) == "2026-11-28 12:00:00"
    assert source.relative_times_from(source.captured_at.replace(day=30)) == source.captured_at


def test_bad_toml_missing_file_and_duplicates(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[sources]\n"))
    with pytest.raises(ConfigError, match="sources file not found"):
        load_sources(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match=r"repeated: \['a'\]"):
        load_sources(write(tmp_path, '[[sources]]\nname="a"\nkind="rss"\nurl="x"\noutlet="O"\n' * 2))
    with pytest.raises(ConfigError, match="no \\[\\[sources\\]\\] entries"):
        load_sources(write(tmp_path, "[[outlets]]\nname = 'A'\n"))
    with pytest.raises(ConfigError, match=r"outlets\[0\]: name is required"):
        load_sources(write(tmp_path, "[[outlets]]\ndomain = 'a.com'\n"))


def test_the_bundled_sources_file_is_valid_and_offline():
    config = load_sources(ROOT_SOURCES)
    assert len(config.feeds) >= 4
    assert all(s.is_local and Path(s.url.removeprefix("file://")).exists() for s in config.feeds)


def test_settings_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSETL_WAREHOUSE_PATH", str(tmp_path / "w.duckdb"))
    monkeypatch.setenv("NEWSETL_PAGE_WORKERS", "3")
    settings = Settings.from_env()
    assert settings.warehouse_path == tmp_path / "w.duckdb" and settings.page_workers == 3
    assert settings.raw_root == tmp_path / "raw"
    monkeypatch.setenv("NEWSETL_PAGE_WORKERS", "many")
    with pytest.raises(ConfigError, match="NEWSETL_PAGE_WORKERS='many'"):
        Settings.from_env()


def test_the_readme_documents_every_setting_and_every_source_field():
    """Issue 18: a setting or a source field missing from the README is one a user cannot find."""
    from dataclasses import fields

    from newsetl.config import SOURCE_FIELDS, Settings
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f"NEWSETL_{f.name.upper()}" for f in fields(Settings)
               if f"`NEWSETL_{f.name.upper()}`" not in readme]
    assert missing == []
    example = readme[readme.index("[[sources]]"):]
    assert [f for f in sorted(SOURCE_FIELDS) if f"{f} =" not in example] == []
