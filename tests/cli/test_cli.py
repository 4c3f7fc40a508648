"""The CLI as a person runs it: through a subprocess, checking output, exit codes and errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RESGUARDO = shutil.which("resguardo", path=str(Path(sys.executable).parent)) or "resguardo"


def run(
    *args: str, lang: str = "en", stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["RESGUARDO_LANGUAGE"] = lang
    return subprocess.run(
        [RESGUARDO, *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=180,
        check=False,
        cwd=cwd,
    )


def test_catalogue_stats_json_contract() -> None:
    result = run("catalogue", "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for kind, minimum in {
        "profiles": 12,
        "assets": 10,
        "adversaries": 12,
        "threats": 50,
        "mitigations": 100,
    }.items():
        assert isinstance(data[kind], int) and data[kind] >= minimum
    assert data["languages"]["en"]["complete"] is True
    assert data["languages"]["es"]["complete"] is True


@pytest.mark.parametrize("kind", ["profiles", "assets", "adversaries", "threats", "mitigations"])
def test_catalogue_list_json_contract(kind: str) -> None:
    result = run("catalogue", "list", kind, "--format", "json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items and all(set(i) == {"id", "name"} for i in items)


def test_names_come_in_the_interface_language() -> None:
    en = {
        i["id"]: i["name"] for i in json.loads(run("catalogue", "list", "threats", "--format", "json").stdout)
    }
    es = {
        i["id"]: i["name"]
        for i in json.loads(run("catalogue", "list", "threats", "--format", "json", lang="es").stdout)
    }
    assert en.keys() == es.keys()
    assert en["phishing"] != es["phishing"]


def test_assess_json_contract() -> None:
    result = run("assess", "--profile", "journalist", "--profile", "lawyer", "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    threats = {i["id"] for i in json.loads(run("catalogue", "list", "threats", "--format", "json").stdout)}
    mitigations = {
        i["id"] for i in json.loads(run("catalogue", "list", "mitigations", "--format", "json").stdout)
    }
    assert plan["risks"]
    for risk in plan["risks"]:
        assert risk["threat"] in threats
        for factor in ("likelihood", "impact", "vulnerability", "capacity"):
            assert 1 <= risk[factor] <= 5
        assert risk["score"] == pytest.approx(
            risk["likelihood"] * risk["impact"] * risk["vulnerability"] / risk["capacity"], abs=0.01
        )
        assert risk["band"] in {"low", "medium", "high", "critical"}
        assert risk["response"] in {"open", "mitigating", "mitigated", "accepted", "transferred", "avoided"}
        assert set(risk["mitigations"]) <= mitigations
    for key in ("todo", "emergency", "identity", "review_date"):
        assert key in plan
    assert len(plan["review_date"]) == 10 and plan["review_date"][4] == "-"


def test_assess_with_answers_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "profiles: [street-organiser]\n"
        "answers:\n  phishing-sign-in-from-links: 5\n"
        "todo:\n  use-passkeys: {done: true, owner: Ana}\n",
        encoding="utf-8",
    )
    plain = json.loads(run("assess", "--profile", "street-organiser", "--format", "json").stdout)
    result = run("assess", "--answers", str(answers), "--format", "json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert any(i["mitigation"] == "use-passkeys" and i["done"] and i["owner"] == "Ana" for i in plan["todo"])
    assert plan != plain


def test_assess_markdown_and_pdf(tmp_path: Path) -> None:
    md = run("assess", "--profile", "gbv-survivor", "--format", "md", lang="es")
    assert md.returncode == 0 and md.stdout.startswith("# Plan de seguridad")
    out = tmp_path / "-rf plan ñ.pdf"
    pdf = run("assess", "--profile", "gbv-survivor", "--format", "pdf", "--out", str(out))
    assert pdf.returncode == 0, pdf.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temp file left behind


def test_unknown_profile_is_a_usage_error_in_the_interface_language() -> None:
    result = run("assess", "--profile", "nobody", "--format", "json")
    assert result.returncode == 2
    assert result.stderr.startswith("error[catalogue.unknown_profile]: Unknown profile id: nobody.")
    assert result.stdout == ""
    es = run("assess", "--profile", "nobody", "--format", "json", lang="es")
    assert es.returncode == 2 and es.stderr.startswith("error[catalogue.unknown_profile]: ")
    assert "Unknown" not in es.stderr
    assert es.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["assess", "--format", "json"], "usage.no_profile"),
        (["assess", "--profile", "journalist", "--format", "docx"], "usage.invalid_choice"),
        (["assess", "--profile", "journalist", "--bogus"], "usage.unknown_argument"),
        (["catalogue", "list"], "usage.missing_argument"),
        (["assess", "--profile", "journalist", "--format", "pdf"], "usage.pdf_needs_out"),
        (["assess", "--profile", "journalist", "--date", "yesterday"], "usage.bad_date"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], code: str) -> None:
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error[{code}]: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("profiles: [journalist]\nanswers: {phishing-sign-in-from-links: 9}\n", "input.out_of_range"),
        ("profiles: [journalist]\nanswers: {phishing-sign-in-from-links: 'high'}\n", "input.out_of_range"),
        ("profiles: [journalist]\nanswers: {no-such-question: 3}\n", "catalogue.unknown_question"),
        ("profiles: [journalist]\nthreats_added: [not-a-threat]\n", "catalogue.unknown_threat"),
        ("profiles: [journalist]\nsurprise: 1\n", "input.unknown_field"),
        ("profiles: [journalist\n  : : :\n", "input.malformed"),
        ("- just\n- a list\n", "input.wrong_type"),
        ("profiles: [journalist]\nresponses: {phishing: {status: ignored}}\n", "input.unknown_response"),
        ("profiles: [journalist]\ntodo: {use-passkeys: {due: tomorrow}}\n", "input.bad_date"),
    ],
)
def test_bad_answers_files_are_refused_cleanly(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(content, encoding="utf-8")
    out = tmp_path / "plan.json"
    result = run("assess", "--answers", str(path), "--format", "json", "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error[{code}]: ")
    assert not out.exists()


def test_huge_and_binary_answers_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * 1_100_000)
    assert run("assess", "--answers", str(huge)).stderr.startswith("error[input.too_large]")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    assert run("assess", "--answers", str(binary)).stderr.startswith("error[input.malformed]")
    missing = run("assess", "--answers", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and missing.stderr.startswith("error[input.file_not_found]")


def test_catalogue_check_passes() -> None:
    result = run("catalogue", "check")
    assert result.returncode == 0, result.stdout[-2000:]


def test_help_is_translated() -> None:
    assert "Build a security plan" in run("--help").stdout
    assert "Build a security plan" not in run("--help", lang="es").stdout


def test_createowner_reads_password_from_stdin(tmp_path: Path) -> None:
    env_dir = tmp_path / "data"
    env = {**os.environ, "RESGUARDO_DATA_DIR": str(env_dir), "RESGUARDO_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    ok = subprocess.run(
        [RESGUARDO, "createowner", "--username", "ana"],
        input="correct horse battery staple\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert oct(env_dir.stat().st_mode & 0o777) == "0o700"
    again = subprocess.run(
        [RESGUARDO, "createowner", "--username", "bea"],
        input="another long passphrase here\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert again.returncode == 2 and again.stderr.startswith("error[accounts.owner_exists]")
    weak = subprocess.run(
        [RESGUARDO, "createowner", "--username", "cai"],
        input="123\n",
        capture_output=True,
        text=True,
        env={**env, "RESGUARDO_DATA_DIR": str(tmp_path / "d2")},
        timeout=180,
        check=False,
    )
    assert weak.returncode == 2 and weak.stderr.startswith("error[accounts.weak_password]")
