"""A real HTTP server in a thread serving a generated set (feeds, pages, robots.txt), with ETags so that
conditional GETs are exercised, and a counter of requests per path."""

import hashlib
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server API
        files, base, hits = self.server.files, self.server.base, self.server.hits
        path = self.path.split("?")[0]
        hits[path] += 1
        if path not in files:
            self.send_response(404)
            self.end_headers()
            return
        content_type, content = files[path]
        content = content.replace(b"{base}", base.encode())
        etag = '"' + hashlib.sha1(content, usedforsecurity=False).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args):
        pass


class LocalServer:
    def __init__(self, files: dict):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.files = files
        self.httpd.hits = Counter()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.httpd.base = self.base
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def hits(self) -> Counter:
        return self.httpd.hits

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
