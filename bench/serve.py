"""Serve a directory on 127.0.0.1 (a free port), quietly: no per-request logging.

    python bench/serve.py DIR [--port 0]        # prints the base URL, serves until Ctrl-C

    from serve import serve_directory
    with serve_directory("bench/out/site") as base_url:   # "http://127.0.0.1:PORT"
        ...

A ThreadingHTTPServer with SimpleHTTPRequestHandler: one thread per connection, HTTP/1.1 keep-alive (as a
real news site would allow; requests' sessions reuse connections), Last-Modified from the file's mtime
and 304 on If-Modified-Since, which is what the incremental benchmark run relies on. The listen backlog is
raised from 5 to 256 so that bursts of concurrent article-page fetches are not refused.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


class QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # a client closing a kept-alive connection mid-response is not worth a traceback
        pass


def make_server(directory: str | Path, port: int = 0) -> QuietServer:
    root = Path(directory).resolve()
    if not root.is_dir():
        raise FileNotFoundError(f"not a directory: {root}")
    handler = functools.partial(QuietHandler, directory=str(root))
    return QuietServer((HOST, port), handler)


@contextlib.contextmanager
def serve_directory(directory: str | Path, port: int = 0) -> Iterator[str]:
    """Serve `directory` in a background thread for the duration of the block; yields the base URL."""
    server = make_server(directory, port)
    thread = threading.Thread(target=server.serve_forever, name="bench-http", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve a directory on 127.0.0.1, quietly.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=0, help="0: a free port (default)")
    args = parser.parse_args()
    server = make_server(args.directory, args.port)
    print(f"serving {args.directory.resolve()} at http://{HOST}:{server.server_address[1]}/ (Ctrl-C to stop)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
