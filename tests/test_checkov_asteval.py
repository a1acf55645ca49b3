"""checkov reusing its expression evaluators (gdpr_guard/checkov_asteval.py): the same results as stock
checkov, in place only for the exact versions it was checked against."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from gdpr_guard import checkov_asteval, prestart

REPO = Path(__file__).resolve().parents[1]
TERRAFORM = REPO / "tests" / "fixtures" / "terraform"
PATCH = REPO / "src" / "gdpr_guard" / "checkov_asteval.py"
# Module calls with count/for_each, wrappers, `try(...)` (nested evaluation), dynamic blocks, locals.
FIXTURES = ("instance_existence", "module_called_by_examples", "module_input_disables_encryption",
            "module_input_makes_public", "ec2_block_device_unencrypted")


def _checkov(directory: Path, workdir: Path, patch: str) -> Any:
    """The real checkov, run as gdpr-guard's worker program runs it, all built-in checks and ours; JSON."""
    # One hash seed for both runs: checkov lists some sets (`evaluated_keys`, breadcrumbs) in hash order.
    env = {**prestart.checkov_env(workdir), prestart.ASTEVAL_PATCH_ENV: patch, "PYTHONHASHSEED": "0"}
    completed = subprocess.run(  # noqa: S603 - fixed argv
        [sys.executable, "-c", prestart._program(), "-d", str(directory), "--framework", "terraform",
         "-o", "json", "--skip-download", "--external-checks-dir", str(REPO / "policies" / "checkov")],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert completed.returncode in (0, 1), completed.stderr[-2000:]
    return json.loads(completed.stdout)


def _results(report: Any) -> dict[str, list[str]]:
    """Every passed, failed and skipped check result, whole (resource, lines, evaluated values, code),
    as a sorted list: checkov's graph checks finish in no fixed order, so the order is not compared."""
    assert isinstance(report, dict) and report["check_type"] == "terraform", report
    out = {kind: sorted(json.dumps(item, sort_keys=True) for item in items)
           for kind, items in report["results"].items()}
    out["summary"] = [json.dumps(report["summary"], sort_keys=True)]
    return out


def test_checkov_gives_the_same_results_with_reused_evaluators(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for name in FIXTURES:
        shutil.copytree(TERRAFORM / name, corpus / name)
    (tmp_path / "stock").mkdir()
    (tmp_path / "reused").mkdir()
    stock = _results(_checkov(corpus, tmp_path / "stock", "0"))
    reused = _results(_checkov(corpus, tmp_path / "reused", str(PATCH)))
    assert len(stock["failed_checks"]) > 50 and len(stock["passed_checks"]) > 50  # a real run, not an empty one
    assert reused == stock


EVALUATIONS = textwrap.dedent("""
    import importlib.util, json, sys
    spec = importlib.util.spec_from_file_location("checkov_asteval", sys.argv[1])
    checkov_asteval = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checkov_asteval)
    from checkov.terraform.graph_builder.variable_rendering import evaluate_terraform
    from checkov.terraform.graph_builder.variable_rendering import safe_eval_functions as functions

    EXPRESSIONS = [
        "1 + 2", "'a' + 'b'", "upper('abc')", "lookup({'a': 1}, 'b', 3)", "length([1, 2, 3])",
        "try('undefined_name', 'fallback')", "try(\\"try('1 + 1', 0)\\", 5)", "1 / 0", "undefined_name",
        "'x' if True else 'y'", "[1, 2][5]", "concat([1], [2])", "merge({'a': 1}, {'b': 2})", "1 +",
        "range(3)", "join('-', ['a', 'b'])", "format('%s-%s', 'a', 'b')", "", "...", "continue",
        "coalesce(None, 'x')", "toset([1, 1, 2])", "element(['a', 'b'], 1)", "try('1 / 0', 'x')",
        "try(\\"try('nope', 'inner')\\", 'outer')", "x = 5", "x",
    ]

    def run():
        out = []
        for text in EXPRESSIONS * 3:  # again and again: a reused interpreter must not carry anything over
            try:
                out.append(["ok", repr(evaluate_terraform.evaluate(text))])
            except Exception as exc:
                out.append(["error", type(exc).__name__, str(exc)])
        return out

    built = []
    stock_class = functions.Interpreter
    class Counted(stock_class):
        def __init__(self, *args, **kwargs):
            built.append(1)
            super().__init__(*args, **kwargs)
    functions.Interpreter = Counted
    table = dict(functions.SAFE_EVAL_DICT)  # shared by every interpreter, stock ones too (`x = 5` stays)
    stock = run()
    stock_built = len(built)
    functions.SAFE_EVAL_DICT.clear()
    functions.SAFE_EVAL_DICT.update(table)
    installed = checkov_asteval.install()
    del built[:]
    reused = run()
    print(json.dumps({"installed": installed, "same": stock == reused, "stock_built": stock_built,
                      "reused_built": len(built), "evaluations": len(stock), "sample": reused[:8]}))
""")


def test_reused_evaluators_evaluate_like_fresh_ones_and_are_built_once_per_nesting_level() -> None:
    completed = subprocess.run(  # noqa: S603 - fixed argv; a child: the patch must not stay in this process
        [sys.executable, "-c", EVALUATIONS, str(PATCH)], capture_output=True, text=True, timeout=300,
        check=True)
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    assert report["installed"] is True
    assert report["same"] is True, report
    assert report["stock_built"] > 60  # stock checkov: one interpreter per evaluation (nested ones too)
    assert report["reused_built"] == 3  # reused: one per nesting level (`try(try(...))`: three deep)
    assert report["sample"][:3] == [["ok", "3"], ["ok", "'ab'"], ["ok", "'ABC'"]]


@pytest.mark.parametrize("component", ["checkov", "asteval"])
def test_any_other_version_leaves_checkov_untouched(monkeypatch: pytest.MonkeyPatch, component: str) -> None:
    import asteval
    import checkov.version
    from checkov.terraform.graph_builder.variable_rendering import evaluate_terraform
    from checkov.terraform.graph_builder.variable_rendering import safe_eval_functions as functions

    stock = (functions.evaluate, functions.get_asteval, evaluate_terraform.evaluate)
    if component == "checkov":
        monkeypatch.setattr(checkov.version, "version", "3.3.31")
    else:
        monkeypatch.setattr(asteval, "__version__", "1.0.7")
    assert checkov_asteval.install() is False
    assert (functions.evaluate, functions.get_asteval, evaluate_terraform.evaluate) == stock


def test_the_installed_versions_are_the_checked_ones() -> None:
    """pyproject pins checkov; if an upgrade brings other versions, the patch silently stops applying:
    this test says so, so that someone re-checks it (module docstring) and moves the versions."""
    import asteval
    from checkov.version import version

    assert (version, asteval.__version__) == (checkov_asteval.CHECKOV_VERSION, checkov_asteval.ASTEVAL_VERSION)


def test_checkov_is_given_the_patch_unless_the_user_opts_out(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    monkeypatch.delenv(prestart.ASTEVAL_PATCH_ENV, raising=False)
    assert prestart.checkov_env(tmp_path)[prestart.ASTEVAL_PATCH_ENV] == str(PATCH)
    monkeypatch.setenv(prestart.ASTEVAL_PATCH_ENV, "0")
    assert prestart.checkov_env(tmp_path)[prestart.ASTEVAL_PATCH_ENV] == "0"
    assert f'os.environ.get("{prestart.ASTEVAL_PATCH_ENV}")' in prestart._program()  # the worker reads it
