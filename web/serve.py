"""Serves the chat page on loopback and tells it where the Rasa REST channel is."""
from __future__ import annotations

import functools
import http.server
import json
import os
from pathlib import Path

STATIC = Path(__file__).parent / "static"


class ChatPageHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, rasa_url: str, **kwargs):  # type: ignore[no-untyped-def]
        self.rasa_url = rasa_url
        super().__init__(*args, directory=str(STATIC), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path.split("?")[0] == "/config.json":
            body = json.dumps({"rasaUrl": self.rasa_url}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, format: str, *args) -> None:  # type: ignore[no-untyped-def]
        pass  # the page's requests are not worth a log line each


def serve(port: int, rasa_url: str) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(ChatPageHandler, rasa_url=rasa_url)
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


if __name__ == "__main__":
    server = serve(int(os.environ.get("WEB_PORT", "8000")), os.environ.get("LEADQUAL_RASA_URL", "http://127.0.0.1:5005"))
    server.serve_forever()
