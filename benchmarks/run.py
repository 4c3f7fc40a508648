"""Measure plan generation and rendering; write docs/benchmarks.md.

There is no other tool that turns this catalogue into a plan, so plan generation is
compared with the budget the issue sets (50 ms), as a ratio; rendering and the CLI are
reported beside it so a reader sees where the time goes.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

from resguardo.catalogue import load
from resguardo.catalogue.loader import load as cached_load
from resguardo.risk import Answers, build_plan
from resguardo.risk.answers import AdversaryRating, TodoDecision
from resguardo.risk.document import plan_markdown, plan_pdf
from resguardo.risk.export import plan_to_dict

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "benchmarks.md"
BUDGET_MS = 50.0
#: Links to the benchmarks that write their own page. Lines starting "See also" already at the
#: end of docs/benchmarks.md are kept too, so each benchmark can add its own.
SEE_ALSO = (
    "See also: [metadata benchmark](benchmarks-metadata.md) (`benchmarks/metadata.py`).",
    "See also: [faces](benchmarks-faces.md) (`benchmarks/faces.py`).",
)
TODAY = dt.date(2026, 11, 22)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def full_answers() -> Answers:
    """Every profile, every adversary, every threat, every question answered, half the
    mitigations done: the most work a plan can take."""
    cat = load("en")
    answers = {}
    for n, threat in enumerate(cat.threats.values()):
        for q in (*threat.vulnerability_questions, *threat.capacity_questions):
            answers[q.id] = 1 + n % 5
    mitigations = sorted(cat.mitigations)
    return Answers(
        profiles=tuple(cat.profiles),
        contexts=tuple(cat.contexts),
        assets=tuple(cat.assets),
        adversaries=MappingProxyType({a: AdversaryRating(4, 4) for a in cat.adversaries}),
        threats_added=tuple(cat.threats),
        answers=MappingProxyType(answers),
        todo=MappingProxyType(
            {m: TodoDecision(done=i % 2 == 0, owner="ana") for i, m in enumerate(mitigations)}
        ),
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main() -> int:
    cat = load("en")
    answers = full_answers()
    profile_only = Answers(profiles=("journalist",))
    rows: list[tuple[str, float, float, str]] = []

    med, p95 = timed(lambda: build_plan(cat, answers, TODAY), 200)
    rows.append(
        ("plan, whole catalogue (52 threats, all answered)", med, p95, f"{med / BUDGET_MS:.3f} of budget")
    )
    med, p95 = timed(lambda: build_plan(cat, profile_only, TODAY), 500)
    rows.append(("plan, one profile's defaults", med, p95, f"{med / BUDGET_MS:.3f} of budget"))
    plan = build_plan(cat, answers, TODAY)
    med, p95 = timed(lambda: plan_to_dict(plan, cat), 100)
    rows.append(("plan to JSON data", med, p95, ""))
    med, p95 = timed(lambda: plan_markdown(plan, cat), 100)
    rows.append(("plan to Markdown", med, p95, ""))
    med, p95 = timed(lambda: plan_pdf(build_plan(cat, profile_only, TODAY), cat), 5)
    rows.append(("plan to PDF (WeasyPrint)", med, p95, ""))

    def cold_load() -> None:
        cached_load.cache_clear()
        load("es")

    med, p95 = timed(cold_load, 10)
    rows.append(("catalogue load, cold (YAML, Spanish overlay)", med, p95, "once per process"))
    resguardo = str(Path(sys.executable).parent / "resguardo")
    med, p95 = timed(
        lambda: subprocess.run(
            [resguardo, "assess", "--profile", "journalist", "--format", "json"],
            capture_output=True,
            check=True,
        ),
        5,
    )
    rows.append(("`resguardo assess --format json`, whole process", med, p95, "start-up dominated"))

    whole = rows[0][1]
    lines = [
        "# Benchmarks",
        "",
        f"Run on {dt.date.today().isoformat()} with `make benchmark` (`.venv/bin/python benchmarks/run.py`).",  # noqa: DTZ011
        f"Machine: {machine()}.",
        "",
        "## Plan generation (issue: full-catalogue plan generation in well under 50 ms)",
        "",
        "No other tool turns this catalogue into a plan, so the comparison is with the budget:",
        f"the whole catalogue is planned in **{whole:.2f} ms** (median), **{whole / BUDGET_MS:.3f}** of the",
        f"50 ms budget ({BUDGET_MS / whole:.0f}× under it).",
        "",
        "| what | median ms | p95 ms | note |",
        "|---|---:|---:|---|",
    ]
    lines += [f"| {name} | {med:.2f} | {p95:.2f} | {note} |" for name, med, p95, note in rows]
    lines += [
        "",
        "Timings are wall-clock medians on a shared machine; compare ratios, not absolute values.",
        "No test asserts a timing.",
        "",
    ]
    previous = OUT.read_text(encoding="utf-8").splitlines() if OUT.exists() else []
    kept = (
        x
        for x in previous
        if x.startswith("See also") and (OUT.parent / x.split("](")[1].split(")")[0]).exists()
    )
    lines += [*dict.fromkeys([*SEE_ALSO, *kept]), ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    sys.stdout.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
