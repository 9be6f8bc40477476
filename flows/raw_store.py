"""The raw landing zone: every fetched body stored unchanged, once, gzip-compressed, under the SHA-256 of
its bytes: `raw/ab/abcdef....gz`. The `fetches` table indexes it (url, status, fetched_at, sha256), so any
run can be replayed from here without the network.

A body is written to a temporary file in the same folder and renamed into place, so a crash never leaves a
half-written object under a name a later run would trust.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def raw_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / f"{sha256}.gz"


def land(root: Path, body: bytes) -> str:
    """Store `body` (if not already stored) and return its SHA-256."""
    sha = body_sha256(body)
    target = raw_path(root, sha)
    if target.exists():
        return sha
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".landing-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(gzip.compress(body, compresslevel=6, mtime=0))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return sha


def read(root: Path, sha256: str) -> bytes:
    """A landed body, checked against its name."""
    body = gzip.decompress(raw_path(root, sha256).read_bytes())
    if body_sha256(body) != sha256:
        raise ValueError(f"raw object {sha256} is corrupt (content hash differs)")
    return body
