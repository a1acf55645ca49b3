"""Let checkov 3.3.30 reuse its expression evaluators instead of building one per expression.

Runs in checkov's interpreter, not gdpr-guard's: checkov_worker.py loads this file by its path (given in
GDPR_GUARD_CHECKOV_ASTEVAL) and calls `install()` after importing checkov, so it imports nothing of
gdpr_guard.

Why: checkov renders Terraform variables by evaluating each expression with
`safe_eval_functions.evaluate`, which builds a new `asteval.Interpreter` every time (`get_asteval()`).
Building one costs about as much as the evaluation itself (44 us of 103 us per call, measured), and a
graph with modules instantiated many times makes hundreds of thousands of calls (PERF.md: ~20 % of
checkov's time). Each evaluation now borrows an interpreter from a small per-thread pool instead.

Why the results cannot change (checked against asteval 1.0.6 and checkov 3.3.30 only; any other version
of either leaves checkov untouched):
* every interpreter checkov builds shares one symbol table, `SAFE_EVAL_DICT` (it is passed in, not
  copied): whatever an expression stores there is already seen by every later evaluation, so reusing
  the interpreter adds no shared state there;
* the rest of an interpreter's state is what its constructor sets; `eval()` resets `error`,
  `error_msg`, `lineno` and `start_time` itself, and `_borrow` resets the others (`_interrupt`,
  `expr`, `retval`, `_calldepth`, `code_text`) and redoes the constructor's one write to the shared
  table (`print`). `config`, `node_handlers` and `readonly_symbols` are never changed by evaluation;
  `no_deepcopy` is read only by `user_defined_symbols()`, which checkov does not call;
* an evaluation can start another one before it ends (`try(...)` evaluates its arguments through
  `evaluate`): each evaluation in progress holds its own interpreter, released when it returns, so a
  nested one never resets the state of the one that called it;
* outside a (patched) `evaluate`, `get_asteval()` builds a fresh interpreter, as before.
tests/test_checkov_asteval.py runs the real checkov on fixtures with and without this patch and
compares every result; README "Performance" says what it saves.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any

CHECKOV_VERSION = "3.3.30"
ASTEVAL_VERSION = "1.0.6"
_MARK = "_gdpr_guard_pooled"


def install() -> bool:
    """Patch checkov's evaluator if checkov and asteval are exactly the versions this was checked
    against; return whether it is in place. Any other version, or anything unexpected: stock checkov."""
    try:  # by name: typed as Any, these are another project's internals
        asteval: Any = importlib.import_module("asteval")
        rendering = "checkov.terraform.graph_builder.variable_rendering"
        evaluate_terraform: Any = importlib.import_module(f"{rendering}.evaluate_terraform")
        functions: Any = importlib.import_module(f"{rendering}.safe_eval_functions")
        version = importlib.import_module("checkov.version").version
    except ImportError:
        return False
    if version != CHECKOV_VERSION or getattr(asteval, "__version__", None) != ASTEVAL_VERSION:
        return False
    if getattr(functions, _MARK, False):
        return True
    if evaluate_terraform.evaluate is not functions.evaluate:
        return False  # someone else replaced it: do not stack on top
    evaluate = _pooled(functions)
    functions.evaluate = evaluate  # `try(...)` calls it through the module's globals
    evaluate_terraform.evaluate = evaluate  # imported by name there
    setattr(functions, _MARK, True)
    return True


def _pooled(functions: Any) -> Callable[[str], Any]:
    """`evaluate` and `get_asteval` of checkov's module, made to share interpreters; returns the new
    `evaluate` (also sets the module's `get_asteval`)."""
    stock_evaluate = functions.evaluate
    stock_get = functions.get_asteval
    state = threading.local()  # checkov renders in one thread, but nothing here depends on it

    def evaluate(input_str: str) -> Any:
        held = getattr(state, "held", None)  # interpreters held by the evaluations in progress
        state.held = held or 0
        try:
            return stock_evaluate(input_str)
        finally:
            state.held = held  # this evaluation's interpreter (and any nested ones') are free again

    def get_asteval() -> Any:
        held = getattr(state, "held", None)
        if held is None:  # not called from `evaluate`: as checkov does it
            return stock_get()
        pool: list[Any] = state.__dict__.setdefault("pool", [])
        state.held = held + 1
        if held == len(pool) or pool[held].symtable is not functions.SAFE_EVAL_DICT:
            interpreter = stock_get()
            pool[held:held + 1] = [interpreter]
            return interpreter
        return _borrow(pool[held], functions.SAFE_EVAL_DICT)

    functions.get_asteval = get_asteval
    return evaluate


def _borrow(interpreter: Any, symtable: dict[str, Any]) -> Any:
    """An interpreter in the state its constructor leaves (what `eval()` does not reset itself)."""
    symtable["print"] = interpreter._printer
    interpreter._interrupt = None
    interpreter.expr = None
    interpreter.retval = None
    interpreter._calldepth = 0
    interpreter.code_text = []
    interpreter.error = []
    interpreter.error_msg = None
    interpreter.lineno = 0
    return interpreter
