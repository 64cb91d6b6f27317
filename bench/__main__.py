"""Runs the benchmark and writes bench/REPORT.md, bench/results.json and bench/figures/*.png.

    python -m bench                      # every part
    python -m bench --parts language,extraction
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PARTS = ("train", "nlu", "nlu_blind", "language", "extraction", "speed")
# Run only when named (--parts nlu_diet): DIET's cross-validation takes over an hour on two cores.
OPTIONAL_PARTS = ("nlu_diet",)


def train_part() -> Dict[str, Any]:
    with __import__("tempfile").TemporaryDirectory() as tmp:
        t0 = time.monotonic()
        subprocess.run([str(Path(sys.executable).parent / "rasa"), "train", "--out", tmp, "--fixed-model-name", "bench",
                        "--num-threads", "2", "--force"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        seconds = time.monotonic() - t0
        size = (Path(tmp) / "bench.tar.gz").stat().st_size
    return {"seconds": round(seconds, 1), "model_mib": round(size / 2**20, 2)}


def run_part(name: str) -> Dict[str, Any]:
    from bench import extraction_bench, language_bench, nlu_cv, speed

    runners: Dict[str, Callable[[], Dict[str, Any]]] = {
        "train": train_part, "nlu": nlu_cv.cross_validate, "nlu_blind": nlu_cv.blind, "language": language_bench.run,
        "extraction": extraction_bench.run, "speed": speed.run,
        "nlu_diet": lambda: nlu_cv.cross_validate(config=HERE / "diet.yml", predictions=None, peer=False),
    }
    t0 = time.monotonic()
    result = runners[name]()
    result["bench_seconds"] = round(time.monotonic() - t0, 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--parts", default=",".join(PARTS))
    args = parser.parse_args()
    path = HERE / "results.json"
    names = args.parts.split(",")
    unknown = [name for name in names if name not in PARTS + OPTIONAL_PARTS]
    if unknown:
        parser.error(f"unknown part {unknown[0]!r}: choose from {', '.join(PARTS + OPTIONAL_PARTS)}")
    measured: Dict[str, Any] = {}
    for name in names:
        print(f"bench: {name} …", file=sys.stderr, flush=True)
        measured[name] = {**run_part(name), "date": time.strftime("%Y-%m-%d")}
    # Read only now: another part may have been measured meanwhile (the DIET peer runs for over an hour).
    results: Dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    results.update(measured)
    results["machine"] = {"python": platform.python_version(), "cpus": __import__("os").cpu_count(),
                          "platform": platform.platform(), "date": time.strftime("%Y-%m-%d")}
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    from bench.report import write_report

    write_report(results, HERE)
    print(f"bench: wrote {HERE / 'REPORT.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
