"""Property tests: whatever an engine prints and whatever a loader is fed, only our own errors escape.

Engine-output parsers (checkov, semgrep) and every loader (configuration, catalog, YAML, baseline,
migration plan) either return a value or raise a `gdpr_guard.errors.GdprGuardError`; never a
KeyError, TypeError, RecursionError or other traceback.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdpr_guard import config as config_module
from gdpr_guard import resources, yamlio
from gdpr_guard.catalog import Catalog
from gdpr_guard.engines import checkov, semgrep
from gdpr_guard.engines.common import EngineOutput
from gdpr_guard.errors import GdprGuardError

ROOT = Path("/nonexistent-gg-root")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=25)


def _mutate(template: Any, data: st.DataObject, depth: int = 0) -> Any:
    """A copy of `template` where some values are replaced by arbitrary JSON, keys dropped or added."""
    if isinstance(template, dict):
        out = {}
        for key, value in template.items():
            choice = data.draw(st.integers(0, 9))
            if choice == 0:
                continue
            out[key] = data.draw(json_values) if choice == 1 else _mutate(value, data, depth + 1)
        if data.draw(st.integers(0, 9)) == 0:
            out[data.draw(st.text(max_size=8))] = data.draw(json_values)
        return out
    if isinstance(template, list):
        return [data.draw(json_values) if data.draw(st.integers(0, 9)) == 0 else _mutate(v, data, depth + 1)
                for v in template]
    return data.draw(json_values) if data.draw(st.integers(0, 7)) == 0 else template


@pytest.fixture(scope="module")
def cat() -> Catalog:
    from gdpr_guard import catalog
    return catalog.load()


def _checkov_template(cat: Catalog) -> dict[str, Any]:
    rule = cat.for_engine("checkov")[0]
    return {
        "check_type": "terraform",
        "results": {
            "failed_checks": [{
                "check_id": rule.engine_rule, "file_path": "/main.tf", "file_abs_path": str(ROOT / "main.tf"),
                "file_line_range": [1, 3], "resource": "aws_db_instance.lab",
                "code_block": [[1, 'resource "aws_db_instance" "lab" {\n'], [2, "}\n"]],
                "entity_tags": {"data_classification": "health"},
            }],
            "parsing_errors": [str(ROOT / "bad.tf")],
        },
        "summary": {"passed": 0, "failed": 1, "checkov_version": "3.3.30"},
    }


def _semgrep_template(cat: Catalog) -> dict[str, Any]:
    rule = cat.for_engine("semgrep")[0]
    return {
        "version": "1.185.0",
        "results": [{"check_id": rule.engine_rule, "path": "a.py",
                     "start": {"line": 1, "col": 1, "offset": 0}, "end": {"line": 1, "col": 9, "offset": 8},
                     "extra": {"lines": "password = 'x'"}}],
        "errors": [{"type": ["PartialParsing", []], "path": "b.py", "message": "Syntax error"}],
        "paths": {"scanned": ["a.py", "b.py"]},
    }


def _only_our_errors(call: Any) -> Any:
    try:
        return call()
    except GdprGuardError:
        return None


@SETTINGS
@given(st.text(max_size=200))
def test_checkov_parse_any_text(cat: Catalog, text: str) -> None:
    out = _only_our_errors(lambda: checkov.parse(text, cat, ROOT))
    assert out is None or isinstance(out, EngineOutput)


@SETTINGS
@given(json_values)
def test_checkov_parse_any_json(cat: Catalog, value: Any) -> None:
    out = _only_our_errors(lambda: checkov.parse(json.dumps(value), cat, ROOT))
    assert out is None or isinstance(out, EngineOutput)


@SETTINGS
@given(st.data())
def test_checkov_parse_mutated_report(cat: Catalog, data: st.DataObject) -> None:
    report = _mutate(_checkov_template(cat), data)
    document = [report, report] if data.draw(st.booleans()) else report
    out = _only_our_errors(lambda: checkov.parse(json.dumps(document), cat, ROOT))
    assert out is None or isinstance(out, EngineOutput)


@SETTINGS
@given(st.text(max_size=200))
def test_semgrep_parse_any_text(cat: Catalog, text: str) -> None:
    out = _only_our_errors(lambda: semgrep.parse(text, cat, ROOT, ["a.py"]))
    assert out is None or isinstance(out, EngineOutput)


@SETTINGS
@given(json_values)
def test_semgrep_parse_any_json(cat: Catalog, value: Any) -> None:
    out = _only_our_errors(lambda: semgrep.parse(json.dumps(value), cat, ROOT, ["a.py"]))
    assert out is None or isinstance(out, EngineOutput)


@SETTINGS
@given(st.data())
def test_semgrep_parse_mutated_report(cat: Catalog, data: st.DataObject) -> None:
    report = _mutate(_semgrep_template(cat), data)
    expected = data.draw(st.sampled_from([(), ("a.py",), ("a.py", "b.py", "c.py")]))
    out = _only_our_errors(lambda: semgrep.parse(json.dumps(report), cat, ROOT, expected))
    assert out is None or isinstance(out, EngineOutput)


def test_semgrep_parse_reports_unscanned_and_unlisted_targets(cat: Catalog) -> None:
    report = _semgrep_template(cat)
    out = semgrep.parse(json.dumps(report), cat, ROOT, ["a.py", "b.py", "c.py"])
    assert any(e.message == "c.py: semgrep did not scan this file" for e in out.errors)
    del report["paths"]
    with pytest.raises(GdprGuardError, match="no list of scanned paths"):
        semgrep.parse(json.dumps(report), cat, ROOT, ["a.py"])


def test_checkov_parse_empty_list_is_an_error(cat: Catalog) -> None:
    with pytest.raises(GdprGuardError, match="empty list"):
        checkov.parse("[]", cat, ROOT)


# ---- loaders ---------------------------------------------------------------------------------------

CONFIG_TEMPLATE = {
    "fail-on": "medium", "exclude": ["legacy/"], "disable": ["GG-MIN-101"], "severity": {"GG-DEL-101": "high"},
    "personal-data": {"tag-keys": ["data_classification"], "name-patterns": ["patient"]},
    "generic-accounts": ["admin"], "timeout": 600, "jobs": 2, "max-expiry-days": 30,
    "migration-plan": {"name": "migration-plan.yaml", "globs": ["migrations/**"]},
}


@SETTINGS
@given(st.data())
def test_config_from_mapping_mutated(data: st.DataObject) -> None:
    document = _mutate(CONFIG_TEMPLATE, data)
    _only_our_errors(lambda: config_module.from_mapping(document, "cfg.yaml"))


@SETTINGS
@given(json_values)
def test_config_from_mapping_any_value(value: Any) -> None:
    _only_our_errors(lambda: config_module.from_mapping(value, "cfg.yaml"))


yaml_fragments = st.sampled_from([
    "a: 1\n", "- x\n", "&a [1]\n", "*a\n", "!!python/object:os.system x\n", "{", "[", "]", ": :", "\t",
    "key: &x\n  - *x\n", "? [a]\n: b\n", "%YAML 1.1\n---\n", "a: !!binary aGk=\n", "\x00", "\ufeff", "a:\n  b:\n",
    "'unterminated", '"\\x"', "<<: {a: 1}\n", "!tag x\n", "---\n...\n", "a: 1e999\n", "[" * 60,
])


@SETTINGS
@given(st.lists(yaml_fragments | st.text(max_size=20), max_size=8).map("".join))
def test_yamlio_load_text(text: str) -> None:
    _only_our_errors(lambda: yamlio.load_text(text, "f.yaml"))


@SETTINGS
@given(st.lists(yaml_fragments | st.text(max_size=20), max_size=8).map("".join))
def test_config_load_file(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("cfg") / ".gdpr-guard.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    _only_our_errors(lambda: config_module.load(path))


@pytest.mark.parametrize("text", [
    "a: &a [" + ",".join(["x"] * 10) + "]\nb: &b [" + ",".join(["*a"] * 10) + "]\nc: [" + ",".join(["*b"] * 10) + "]\n",
    "[" * 100_000 + "]" * 100_000,
    "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 3000)),
    "x: " + "y" * 1_100_000,
], ids=["alias-bomb", "deep-flow", "deep-block", "huge"])
def test_yamlio_hostile_documents(text: str) -> None:
    with pytest.raises(GdprGuardError):
        yamlio.load_text(text, "hostile.yaml")


@pytest.fixture(scope="module")
def catalog_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((resources.policies_dir() / "catalog.yaml").read_text(encoding="utf-8"))
    # keep it small so each example validates quickly
    data["rules"] = data["rules"][:3]
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(st.data())
def test_catalog_mutated(catalog_data: dict[str, Any], data: st.DataObject) -> None:
    document = _mutate(copy.deepcopy(catalog_data), data)
    _only_our_errors(lambda: Catalog(document, "catalog.yaml"))


@SETTINGS
@given(json_values)
def test_catalog_any_value(value: Any) -> None:
    _only_our_errors(lambda: Catalog(value, "catalog.yaml"))


def test_catalog_load_hostile_files(tmp_path: Path) -> None:
    from gdpr_guard import catalog
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    cases = {"bomb.yaml": bomb, "list.yaml": "- 1\n", "bad.yaml": "rules: [\n", "deep.yaml": "[" * 50_000,
             "latin1.yaml": None, "huge.yaml": "x: " + "y" * 6_000_000 + "\n"}
    for name, text in cases.items():
        path = tmp_path / name
        if text is None:
            path.write_bytes(b"title: caf\xe9\n")
        else:
            path.write_text(text, encoding="utf-8")
        with pytest.raises(GdprGuardError):
            catalog.load(path)


def _loader(module: str, attr: str) -> Any:
    mod = pytest.importorskip(f"gdpr_guard.{module}")
    return getattr(mod, attr)


@SETTINGS
@given(st.one_of(json_values.map(json.dumps), st.text(max_size=100), st.binary(max_size=100)))
def test_baseline_load(tmp_path_factory: pytest.TempPathFactory, content: Any) -> None:
    load = _loader("baseline", "load")
    path = tmp_path_factory.mktemp("bl") / "baseline.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    _only_our_errors(lambda: load(path))


@SETTINGS
@given(st.one_of(json_values.map(lambda v: yaml.safe_dump(v)), st.lists(yaml_fragments | st.text(max_size=20),
                                                                       max_size=8).map("".join),
                 st.binary(max_size=100)))
def test_migration_plan_load(tmp_path_factory: pytest.TempPathFactory, content: Any) -> None:
    load = _loader("migration_plan", "load")
    path = tmp_path_factory.mktemp("plan") / "migration-plan.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    _only_our_errors(lambda: load(path))


@SETTINGS
@given(st.data())
def test_migration_plan_mutated(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    migration_plan = pytest.importorskip("gdpr_guard.migration_plan")
    template = yaml.safe_load(migration_plan.skeleton()) if hasattr(migration_plan, "skeleton") else {}
    document = _mutate(template, data)
    path = tmp_path_factory.mktemp("plan") / "migration-plan.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    _only_our_errors(lambda: migration_plan.load(path))
