"""Starts the whole assistant locally: action server, Rasa server and the chat page.

Creates a git-ignored .env with a random API token on first run, applies the database
migrations, prints the URLs, and stops every process it started on Ctrl-C.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def load_env_file(path: Path) -> Dict[str, str]:
    if not path.exists():
        path.write_text(
            "# Local settings for `make run` (git-ignored). See the README's configuration table.\n"
            f"RASA_AUTH_TOKEN={secrets.token_urlsafe(24)}\n",
            encoding="utf-8",
        )
        print(f"created {path.name} with a random RASA_AUTH_TOKEN")
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip().strip('"').strip("'")
    return values


def environment() -> Dict[str, str]:
    env = dict(os.environ)
    for key, value in load_env_file(ROOT / ".env").items():
        env.setdefault(key, value)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")  # no network here, and no reporting home
    env.setdefault("RASA_PORT", "5005")
    env.setdefault("ACTION_PORT", "5055")
    env.setdefault("WEB_PORT", "8000")
    env.setdefault("LEADQUAL_DATABASE_URL", "sqlite:///var/leadqual.db")
    env.setdefault("LEADQUAL_ACTION_URL", f"http://127.0.0.1:{env['ACTION_PORT']}/webhook")
    env.setdefault("LEADQUAL_TRACKER_DIALECT", "sqlite")
    env.setdefault("LEADQUAL_TRACKER_URL", "sqlite:///var/tracker.db")
    env.setdefault("LEADQUAL_RASA_URL", f"http://127.0.0.1:{env['RASA_PORT']}")
    return env


def wait_until_up(url: str, seconds: float, processes: List[subprocess.Popen]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(1)
    return False


def main() -> int:
    os.chdir(ROOT)
    (ROOT / "var").mkdir(exist_ok=True)
    env = environment()
    for command in (["check"], ["db", "upgrade"]):
        if subprocess.run([str(BIN / "leadqual"), *command], env=env).returncode != 0:
            return 2  # the command said what is wrong (file and line)
    commands = {
        "actions": [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", env["ACTION_PORT"]],
        "rasa": [str(BIN / "rasa"), "run", "--model", "models", "--enable-api", "--auth-token", env["RASA_AUTH_TOKEN"],
                 "--cors", "*", "--port", env["RASA_PORT"], "--endpoints", "endpoints.yml",
                 "--credentials", "credentials.yml", "--interface", "127.0.0.1"],
        "web": [sys.executable, "web/serve.py"],
    }
    parent = os.getppid()
    processes = [subprocess.Popen(cmd, env=env) for cmd in commands.values()]

    def stop() -> None:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda *_: sys.exit(0))
    try:
        up = wait_until_up(f"{env['LEADQUAL_RASA_URL']}/status?token={env['RASA_AUTH_TOKEN']}", 180, processes)
        if not up:
            print("the Rasa server did not start; see the messages above", file=sys.stderr)
            return 1
        print(
            "\nleadqual is running:\n"
            f"  chat page        http://127.0.0.1:{env['WEB_PORT']}/\n"
            f"  REST webhook     {env['LEADQUAL_RASA_URL']}/webhooks/rest/webhook\n"
            f"  HTTP API         {env['LEADQUAL_RASA_URL']}  (token in .env: RASA_AUTH_TOKEN)\n"
            f"  action server    http://127.0.0.1:{env['ACTION_PORT']}/health\n"
            f"  prospect file    {env['LEADQUAL_DATABASE_URL']}  (leadqual export)\n"
            "Ctrl-C stops everything.\n",
            flush=True,
        )
        while all(p.poll() is None for p in processes):
            if os.getppid() != parent:  # whoever started us (make, a terminal) is gone
                return 0
            time.sleep(1)
        print("a process stopped; stopping the others", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop()


if __name__ == "__main__":
    sys.exit(main())
