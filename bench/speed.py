"""Reply latency of one REST turn and memory of the running servers (real servers on loopback)."""
from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List

from tests.integration.servers import assistant, say

CONVERSATION = ["hello", "for my company", "we need a CRM for our sales team", "we're in Lyon", "about 120 people",
                "next month", "anna@example.com", "yes"]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def run(conversations: int = 15) -> Dict[str, object]:
    from leadqual.storage.database import upgrade

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/leadqual.db"
        upgrade(url)
        started = time.monotonic()
        with assistant({"LEADQUAL_DATABASE_URL": url}, Path(tmp)) as urls:
            startup = time.monotonic() - started
            say(urls["rasa"], "warmup", "hello")  # first call loads lazy parts; not counted
            latencies: List[float] = []
            for _ in range(conversations):
                sender = uuid.uuid4().hex
                for line in CONVERSATION:
                    t0 = time.perf_counter()
                    say(urls["rasa"], sender, line)
                    latencies.append((time.perf_counter() - t0) * 1000)
            memory = {name: rss_mib(pid) for name, pid in urls["pids"].items()}
    latencies.sort()
    return {
        "turns": len(latencies),
        "startup_seconds": round(startup, 1),
        "latency_ms": {
            "p50": round(statistics.median(latencies), 1),
            "p95": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
            "max": round(latencies[-1], 1),
        },
        "latencies_ms": [round(x, 1) for x in latencies],
        "rss_mib": memory,
    }
