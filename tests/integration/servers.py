"""Real servers on loopback for integration tests: the action server, the Rasa server, a webhook receiver."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebhookReceiver:
    """An HTTP server that records every POSTed JSON body (a sales rep's endpoint)."""

    def __init__(self, status: int = 200) -> None:
        self.received: List[Dict[str, Any]] = []
        self.status = status
        self.arrived = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.arrived:
                    receiver.received.append({"path": self.path, "json": json.loads(body or b"null")})
                    receiver.arrived.notify_all()
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 15) -> List[Dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.received) < count and time.monotonic() < deadline:
                self.arrived.wait(deadline - time.monotonic())
            return list(self.received)

    def close(self) -> None:
        self.server.shutdown()


def wait_http(url: str, timeout: float, process: Optional[subprocess.Popen] = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@contextmanager
def assistant(env: Dict[str, str], log_dir: Path) -> Iterator[Dict[str, str]]:
    """Action server + Rasa server with the trained model, on free ports; yields their URLs."""
    action_port, rasa_port = free_port(), free_port()
    env = {
        **os.environ,
        **env,
        "LEADQUAL_ACTION_URL": f"http://127.0.0.1:{action_port}/webhook",
        "LEADQUAL_TRACKER_DIALECT": "sqlite",
        "LEADQUAL_TRACKER_URL": f"sqlite:///{log_dir / 'tracker.db'}",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    token = env.setdefault("RASA_AUTH_TOKEN", "integration-token")
    logs = [open(log_dir / "actions.log", "wb"), open(log_dir / "rasa.log", "wb")]
    actions = subprocess.Popen([str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(action_port)],
                               cwd=ROOT, env=env, stdout=logs[0], stderr=subprocess.STDOUT)
    rasa = subprocess.Popen([str(BIN / "rasa"), "run", "--model", "models", "--enable-api", "--auth-token", token,
                             "--cors", "*", "--port", str(rasa_port), "--interface", "127.0.0.1",
                             "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
                            cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT)
    try:
        try:
            wait_http(f"http://127.0.0.1:{action_port}/health", 120, actions)
            wait_http(f"http://127.0.0.1:{rasa_port}/status?token={token}", 240, rasa)
        except (RuntimeError, TimeoutError) as error:
            for log in logs:
                log.flush()
            tails = {name: (log_dir / f"{name}.log").read_text(errors="replace")[-3000:] for name in ("actions", "rasa")}
            raise RuntimeError(f"{error}\n--- actions.log\n{tails['actions']}\n--- rasa.log\n{tails['rasa']}") from error
        yield {"rasa": f"http://127.0.0.1:{rasa_port}", "actions": f"http://127.0.0.1:{action_port}", "token": token,
               "pids": {"rasa": rasa.pid, "actions": actions.pid}}
    finally:
        for process in (rasa, actions):
            process.terminate()
        for process in (rasa, actions):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()


def say(rasa_url: str, sender: str, text: str, metadata: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """One prospect message over the REST channel; returns the bot's replies."""
    body = json.dumps({"sender": sender, "message": text, "metadata": metadata or {}}).encode()
    request = urllib.request.Request(f"{rasa_url}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def tracker(urls: Dict[str, str], sender: str) -> Dict[str, Any]:
    with urllib.request.urlopen(f"{urls['rasa']}/conversations/{sender}/tracker?token={urls['token']}", timeout=30) as r:
        return json.loads(r.read())
