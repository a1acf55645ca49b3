"""GG-CRED-002's conditional-literal refinement reads the same top-level password arguments as the policy."""

from __future__ import annotations

import importlib.util

from conftest import REPO

from gdpr_guard.tf_conditional_literals import PASSWORD_ARGUMENTS
from gdpr_guard.tf_expr import conditional_branches


def test_password_arguments_follow_the_policy() -> None:
    path = REPO / "policies" / "checkov" / "database_hardcoded_password.py"
    spec = importlib.util.spec_from_file_location("database_hardcoded_password", path)
    assert spec is not None and spec.loader is not None
    policy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(policy)
    top_level = {kind: tuple(a for a in arguments if "." not in a and not a.endswith("_wo") and a != "passwords")
                 for kind, arguments in policy.PASSWORD_ARGUMENTS.items()}
    assert {kind: arguments for kind, arguments in top_level.items() if arguments} == PASSWORD_ARGUMENTS


def test_conditional_branches_reads_only_one_conditional() -> None:
    assert conditional_branches(['${var.kind == "mysql" ? "Registry-2025" : null}']) == ("Registry-2025", None)
    assert conditional_branches("${var.password}") == ()
    assert conditional_branches("literal") == ()
    assert conditional_branches('${var.a ? "${var.b}-x" : null}') == ()
