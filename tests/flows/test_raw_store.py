import gzip

import pytest

from flows import raw_store


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
