import gzip
from pathlib import Path

import fsspec
import pytest

from fetch import raw_store
from newsetl.config import Settings, raw_location


def test_land_is_content_addressed_and_idempotent(tmp_path):
    sha = raw_store.land(tmp_path, b"<rss>body</rss>")
    path = raw_store.raw_path(tmp_path, sha)
    assert path.parent.name == sha[:2] and path.exists()
    mtime = path.stat().st_mtime_ns
    assert raw_store.land(tmp_path, b"<rss>body</rss>") == sha
    assert path.stat().st_mtime_ns == mtime
    assert raw_store.read(tmp_path, sha) == b"<rss>body</rss>"
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_corrupt_object_is_detected(tmp_path):
    sha = raw_store.land(tmp_path, b"original")
    raw_store.raw_path(tmp_path, sha).write_bytes(gzip.compress(b"tampered"))
    with pytest.raises(ValueError, match="corrupt"):
        raw_store.read(tmp_path, sha)


def test_an_object_store_url_keeps_the_names_and_the_gzip_bytes(tmp_path):
    """A raw store named by a URL (any filesystem fsspec knows; `memory://` here, `s3://...` in a cluster)
    holds the same objects under the same names as a local folder."""
    root = raw_location(f"memory://raw-{tmp_path.name}/")
    assert root == f"memory://raw-{tmp_path.name}"
    sha = raw_store.land(root, b"<rss>body</rss>")
    assert sha == raw_store.land(tmp_path, b"<rss>body</rss>")
    assert raw_store.raw_path(root, sha) == f"{root}/{sha[:2]}/{sha}.gz"
    fs, path = fsspec.core.url_to_fs(raw_store.raw_path(root, sha))
    assert fs.cat_file(path) == raw_store.raw_path(tmp_path, sha).read_bytes()  # byte for byte
    modified = fs.info(path).get("created")
    assert raw_store.land(root, b"<rss>body</rss>") == sha  # not written again
    assert fs.info(path).get("created") == modified
    assert raw_store.read(root, sha) == b"<rss>body</rss>"
    fs.pipe_file(path, gzip.compress(b"tampered"))
    with pytest.raises(ValueError, match="corrupt"):
        raw_store.read(root, sha)


def test_the_raw_store_setting_reads_paths_file_urls_and_remote_urls(tmp_path, monkeypatch):
    assert raw_location("warehouse/raw") == Path("warehouse/raw")
    assert raw_location(f"file://{tmp_path}/raw") == tmp_path / "raw"
    assert raw_location("s3://bucket/raw/") == "s3://bucket/raw"
    with pytest.raises(ValueError, match="this machine"):
        raw_location("file://otherhost/raw")
    monkeypatch.setenv("NEWSETL_RAW_DIR", "s3://bucket/news/raw")
    assert Settings.from_env(warehouse_path=tmp_path / "news.duckdb").raw_root == "s3://bucket/news/raw"
    monkeypatch.setenv("NEWSETL_RAW_DIR", f"file://{tmp_path}/raw")
    settings = Settings.from_env(warehouse_path=tmp_path / "news.duckdb")
    assert settings.raw_root == tmp_path / "raw"
    sha = raw_store.land(settings.raw_root, b"x")
    assert raw_store.raw_path(tmp_path / "raw", sha).exists()
