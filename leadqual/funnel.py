"""The sales funnel of the prospect file: cold -> warm -> hot -> won, per language and per source.

A prospect counts at every stage up to the highest temperature it ever reached (its score
history), so a hot prospect was also warm and cold; a won prospect has been through them all.
The counting is done by the database (``ProspectRepository.funnel_counts``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from leadqual.storage.repository import ProspectRepository

STAGES = ("cold", "warm", "hot", "won")
DIMENSIONS = {"language": "language", "source": "prospect_source"}


@dataclass(frozen=True)
class FunnelRow:
    group: str
    counts: Tuple[int, ...]  # one per stage in STAGES
    lost: int = 0

    def rate(self, stage: int) -> Optional[float]:
        """Share of the previous stage that reached ``stage`` (1..3); None when the previous one is empty."""
        before = self.counts[stage - 1]
        return self.counts[stage] / before if before else None


@dataclass(frozen=True)
class Funnel:
    by: str
    rows: Tuple[FunnelRow, ...]
    total: FunnelRow


def funnel(repository: ProspectRepository, by: str) -> Funnel:
    """The funnel per language or per source (``by``: a key of DIMENSIONS)."""
    if by not in DIMENSIONS:
        raise ValueError(f"the funnel is split by {' or '.join(DIMENSIONS)}, not {by!r}")
    rows = tuple(
        FunnelRow(row["group"] or "unknown", tuple(row[stage] for stage in STAGES), row["lost"])
        for row in repository.funnel_counts(DIMENSIONS[by])
    )
    total = FunnelRow("total", tuple(sum(r.counts[i] for r in rows) for i in range(len(STAGES))), sum(r.lost for r in rows))
    return Funnel(by, rows, total)


def render_table(funnels: Sequence[Funnel]) -> str:
    """A plain-text table: counts per stage, then the conversion from each stage to the next."""
    blocks: List[str] = []
    for f in funnels:
        width = max([len(f.by)] + [len(r.group) for r in f.rows] + [5])
        head = f"{f.by:<{width}}" + "".join(f"{s:>7}" for s in STAGES) + f"{'lost':>7}" + "".join(
            f"{a + '→' + b:>12}" for a, b in zip(STAGES, STAGES[1:]))
        lines = [head, "-" * len(head)]
        for row in f.rows + (f.total,):
            if row is f.total:
                lines.append("-" * len(head))
            rates = "".join(f"{_percent(row.rate(i)):>12}" for i in range(1, len(STAGES)))
            lines.append(f"{row.group:<{width}}" + "".join(f"{n:>7}" for n in row.counts) + f"{row.lost:>7}" + rates)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def render_png(funnels: Sequence[Funnel], path: Path) -> Path:
    """A bar chart per split, one bar per stage in each group; written with matplotlib's Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # heavy: only when a chart is asked for
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4 * len(funnels)))
    FigureCanvasAgg(figure)
    colours: Dict[str, str] = {"cold": "#6baed6", "warm": "#fd8d3c", "hot": "#e6550d", "won": "#31a354"}
    for index, f in enumerate(funnels, start=1):
        axes = figure.add_subplot(len(funnels), 1, index)
        groups = [r.group for r in f.rows] or ["(none)"]
        width = 0.8 / len(STAGES)
        for s, stage in enumerate(STAGES):
            values = [r.counts[s] for r in f.rows] or [0]
            positions = [g + (s - (len(STAGES) - 1) / 2) * width for g in range(len(groups))]
            axes.bar(positions, values, width, label=stage, color=colours[stage])
        axes.set_xticks(range(len(groups)))
        axes.set_xticklabels(groups)
        axes.set_ylabel("prospects")
        axes.set_title(f"funnel per {f.by}")
        axes.legend()
    figure.tight_layout()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path


def _percent(rate: Optional[float]) -> str:
    return "-" if rate is None else f"{rate:.0%}"
