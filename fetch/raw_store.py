"""The raw landing zone: every fetched body stored unchanged, once, gzip-compressed, under the SHA-256 of
its bytes: `raw/ab/abcdef....gz`. The `fetches` table indexes it (url, status, fetched_at, sha256), so any
run can be replayed from here without the network.

The store is a local folder (a `Path`) or, for workers on several machines, any filesystem fsspec reaches,
named by a URL (`s3://bucket/raw`, `gcs://...`, `memory://...`): the same names, the same gzip bytes.
`newsetl.config.raw_location` reads the setting as one or the other (`file:///srv/raw`: the folder
/srv/raw).

A local body is written to a temporary file in the same folder and renamed into place, so a crash never
leaves a half-written object under a name a later run would trust. On an object store one PUT is atomic
(an object is there whole or not at all), so a body is written once under its name. Landing twice is
harmless: the name is the content, and a body already there is not written again.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

RawRoot = Path | str  # a local folder, or the URL of a folder on a filesystem fsspec knows


def is_local(root: RawRoot) -> bool:
    return isinstance(root, Path)


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def raw_path(root: RawRoot, sha256: str) -> Path | str:
    """Where the body named `sha256` lives under `root` (a Path, or a URL under a remote root)."""
    if is_local(root):
        return root / sha256[:2] / f"{sha256}.gz"
    return f"{root}/{sha256[:2]}/{sha256}.gz"


def land(root: RawRoot, body: bytes) -> str:
    """Store `body` (if not already stored) and return its SHA-256."""
    sha = body_sha256(body)
    if is_local(root):
        _land_local(raw_path(root, sha), body)
    else:
        _land_remote(raw_path(root, sha), body)
    return sha


def read(root: RawRoot, sha256: str) -> bytes:
    """A landed body, checked against its name."""
    where = raw_path(root, sha256)
    if is_local(root):
        compressed = where.read_bytes()
    else:
        fs, path = _filesystem(where)
        compressed = fs.cat_file(path)
    body = gzip.decompress(compressed)
    if body_sha256(body) != sha256:
        raise ValueError(f"raw object {sha256} is corrupt (content hash differs)")
    return body


def _compressed(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=6, mtime=0)  # mtime 0: the same body, the same bytes


def _land_local(target: Path, body: bytes) -> None:
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".landing-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_compressed(body))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _land_remote(url: str, body: bytes) -> None:
    fs, path = _filesystem(url)
    if fs.exists(path):
        return
    fs.pipe_file(path, _compressed(body))


def _filesystem(url: str):
    """The fsspec filesystem of `url` and the path within it (the filesystem instance is cached by fsspec,
    so its connection is reused from one body to the next)."""
    import fsspec  # only for a remote store: a local one never pays the import

    return fsspec.core.url_to_fs(url)
