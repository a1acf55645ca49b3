"""Static evaluation of the small Terraform expressions that decide whether an instance exists.

`count = var.create ? 1 : 0`, `for_each = var.items`, `create = false`: literals, `var.`/`local.`
references, `! && || == != < > <= >=`, the conditional operator, and the functions of tf_functions.py
(`length`, `keys`, `toset`, `try`, ...). Anything else is UNKNOWN: the caller then keeps the finding.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gdpr_guard.tf_functions import FUNCTIONS, UNKNOWN

MAX_COMBINATIONS = 4096
"""never_together tries at most this many assignments of values to names."""
MAX_DEPTH = 20
_OPERATORS = ("&&", "||", "==", "!=", ">=", "<=", "?", ":", "!", ">", "<", "(", ")", "[", "]", "{", "}", ",",
              "-", "+", "*", "/", "%", "=")


@dataclass(frozen=True)
class Known:
    """A value already evaluated (a module input evaluated in its caller's scope)."""

    value: Any
    defaults: frozenset[str] = frozenset()
    """Root-module variable defaults the value rests on."""


@dataclass
class Scope:
    """What `var.` and `local.` mean in one module instance (hcl2 values, evaluated on demand)."""

    variables: Mapping[str, Any] = field(default_factory=dict)
    locals: Mapping[str, Any] = field(default_factory=dict)
    defaults_used: set[str] = field(default_factory=set)
    """Variables whose value came from their declared default (not from a caller)."""
    default_names: frozenset[str] = frozenset()
    """Variables that hold a declared default rather than a caller's value."""
    depth: int = 0


def evaluate(value: Any, scope: Scope) -> Any:
    """An hcl2 value (`['${var.x ? 1 : 0}']`, `[{}]`, `[0]`) evaluated in `scope`, or UNKNOWN."""
    if isinstance(value, Known):
        return value.value
    if scope.depth > MAX_DEPTH:
        return UNKNOWN
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # hcl2 wraps every attribute value in a one-element list
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("${") and text.endswith("}") and _one_expression(text):
            return _Parser(text[2:-1], scope).parse()
        return UNKNOWN if "${" in text else text
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if not str(k).startswith("__")}
    return value


def conditional_branches(value: Any) -> tuple[Any, ...]:
    """The two results of a value written as one conditional (`${c ? a : b}`), each evaluated with
    nothing known (a quoted literal stays itself, `null` is None); () for any other value."""
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if not isinstance(value, str):
        return ()
    text = value.strip()
    if not (text.startswith("${") and text.endswith("}") and text.count("${") == 1):
        return ()
    parser = _Parser(text[2:-1], Scope())
    try:
        parser._binary(0)
        if parser._peek() != "?":
            return ()
        parser._take("?")
        yes = parser._conditional()
        parser._take(":")
        no = parser._conditional()
    except (IndexError, ValueError, TypeError, RecursionError):
        return ()
    return (yes, no) if parser.pos == len(parser.tokens) else ()


class _Parser:
    """Recursive descent over one expression; evaluates as it parses."""

    def __init__(self, text: str, scope: Scope) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.scope = scope

    def parse(self) -> Any:
        try:
            value = self._conditional()
        except (IndexError, ValueError, TypeError, RecursionError):
            return UNKNOWN  # an expression this evaluator does not read is unknown, never an error
        return value if self.pos == len(self.tokens) else UNKNOWN

    def _peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def _take(self, expected: str | None = None) -> str:
        token = self.tokens[self.pos]
        if expected is not None and token != expected:
            raise ValueError(token)
        self.pos += 1
        return token

    def _conditional(self) -> Any:
        condition = self._binary(0)
        if self._peek() != "?":
            return condition
        self._take("?")
        yes = self._conditional()
        self._take(":")
        no = self._conditional()
        if condition is UNKNOWN or not isinstance(condition, bool):
            return yes if yes == no and yes is not UNKNOWN else UNKNOWN
        return yes if condition else no

    LEVELS: tuple[tuple[str, ...], ...] = (("||",), ("&&",), ("==", "!=", ">", "<", ">=", "<="), ("+", "-"),
                                           ("*", "/", "%"))

    def _binary(self, level: int) -> Any:
        if level == len(self.LEVELS):
            return self._unary()
        left = self._binary(level + 1)
        while self._peek() in self.LEVELS[level]:
            op = self._take()
            right = self._binary(level + 1)
            left = _apply(op, left, right)
        return left

    def _unary(self) -> Any:
        if self._peek() == "!":
            self._take()
            value = self._unary()
            return (not value) if isinstance(value, bool) else UNKNOWN
        if self._peek() == "-":
            self._take()
            value = self._unary()
            return -value if isinstance(value, int) and not isinstance(value, bool) else UNKNOWN
        return self._postfix(self._primary())

    def _postfix(self, value: Any) -> Any:
        while self._peek() in ("[", "."):
            if self._take() == "[":
                self._conditional()
                self._take("]")
            else:
                self._take()
            value = UNKNOWN
        return value

    def _primary(self) -> Any:
        token = self._take()
        if token == "(":
            value = self._conditional()
            self._take(")")
            return value
        if token in ("[", "{"):
            return self._collection(token)
        if token.startswith(('"', "'")):  # hcl2 writes a string nested in an expression in single quotes
            return UNKNOWN if "${" in token else token[1:-1]
        if token.isdigit():
            return int(token)
        lowered = token.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        if lowered in ("null", "none"):
            return None
        if self._peek() == "(":
            return self._call(token)
        return self._reference(token)

    def _collection(self, opener: str) -> Any:
        source: Any = UNKNOWN
        comprehension = self._peek() == "for"
        if comprehension:  # [for x in SOURCE : ...]: empty when SOURCE is empty, unknown otherwise
            while self._take() != "in":
                pass
            source = self._conditional()
        depth, items = 1, 0
        while depth:
            token = self._take()
            if token in ("[", "{", "("):
                depth += 1
            elif token in ("]", "}", ")"):
                depth -= 1
            elif depth == 1 and token != ",":
                items += 1
        if comprehension:
            empty = isinstance(source, (list, dict)) and not source
            return ([] if opener == "[" else {}) if empty else UNKNOWN
        if items == 0:
            return [] if opener == "[" else {}
        return [UNKNOWN] if opener == "[" else {"": UNKNOWN}

    def _call(self, name: str) -> Any:
        self._take("(")
        args: list[Any] = []
        while self._peek() != ")":
            args.append(self._conditional())
            if self._peek() == ",":
                self._take()
        self._take(")")
        function = FUNCTIONS.get(name)
        if function is None:
            return UNKNOWN
        return function(args)

    def _reference(self, token: str) -> Any:
        head, _, rest = token.partition(".")
        name, *attributes = rest.split(".")
        if not name:
            return UNKNOWN
        table = self.scope.variables if head == "var" else self.scope.locals if head == "local" else None
        if table is None or name not in table:
            return UNKNOWN
        if head == "var" and name in self.scope.default_names:
            self.scope.defaults_used.add(name)
        if isinstance(table[name], Known):
            self.scope.defaults_used.update(table[name].defaults)
        inner = Scope(self.scope.variables, self.scope.locals, self.scope.defaults_used, self.scope.default_names,
                      self.scope.depth + 1)
        value = evaluate(table[name], inner)
        for attribute in attributes:  # `var.flow_logs.destination_type`: a key of an object value
            if not isinstance(value, dict) or attribute not in value:
                return UNKNOWN  # an attribute the object leaves to a type's optional() default: unknown
            value = evaluate(value[attribute], inner)
        return value


def _apply(op: str, left: Any, right: Any) -> Any:
    if op == "||":
        if left is True or right is True:
            return True
        return False if left is False and right is False else UNKNOWN
    if op == "&&":
        if left is False or right is False:
            return False
        return True if left is True and right is True else UNKNOWN
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    numbers = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if not numbers:
        return UNKNOWN
    comparisons: dict[str, Callable[[int, int], Any]] = {
        ">": lambda a, b: a > b, "<": lambda a, b: a < b, ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b,
        "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    }
    return comparisons[op](left, right) if op in comparisons else UNKNOWN


def _one_expression(text: str) -> bool:
    """Is `${...}` one interpolation, the `${` at the start closing at the end (`${a} ${b}` is not)?
    Interpolations inside its quoted strings (`${x ? [] : ['${x}']}`) are part of it."""
    depth, quote = 0, ""
    for index, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "\"'":
            j = i + 1
            while j < len(text) and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
            continue
        if ch.isalnum() or ch == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] in "_.-" and not _minus_operator(text, j)):
                j += 1
            out.append(text[i:j].rstrip("."))
            i = j
            continue
        operator = next((op for op in _OPERATORS if text.startswith(op, i)), ch)  # `.`, `...`: unknown
        out.append(operator)
        i += len(operator)
    return out


def references(text: str) -> list[tuple[str, ...]]:
    """The dotted references in an expression, index steps dropped: `module.logs[0].bucket.arn` gives
    ("module", "logs", "bucket", "arn"); names of one part (functions, keywords) are left out."""
    return list(_references(text))


@lru_cache(maxsize=65536)
def _references(text: str) -> tuple[tuple[str, ...], ...]:
    # The refinements ask for the same expressions' references once per finding they examine.
    tokens = _tokens(text)
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if not (token[:1].isalpha() or token[:1] == "_"):
            continue
        parts = token.split(".")
        while i < len(tokens) and tokens[i] == "[":
            depth = 0
            while i < len(tokens):  # skip the index expression, brackets balanced
                depth += {"[": 1, "]": -1}.get(tokens[i], 0)
                i += 1
                if depth == 0:
                    break
            if i + 1 < len(tokens) and tokens[i] == "." and tokens[i + 1][:1].isalpha():
                parts += tokens[i + 1].split(".")
                i += 2
        if len(parts) > 1:
            out.append(tuple(parts))
    return tuple(out)


def never_together(first: Any, second: Any, scope: Scope, limit: int = 6) -> bool:
    """True when two `count` expressions cannot both be non-zero: for every value of the `var.`/`local.`
    names they read (at most `limit`; a local defined in `scope` is read through its definition), one of
    them is 0 (`x && y ? 1 : 0` against `x && !y ? 1 : 0`). A name takes true, false and every string
    literal the expressions compare with (`var.kind == "opensearch"` against `== "elasticsearch"`).
    Anything not decided this way is False: the two may coexist."""
    texts: list[str] = []
    names = sorted(_leaves([first, second], scope, texts, 0))
    literals = sorted({t[1:-1] for text in texts for t in _tokens(text) if t.startswith('"') and "${" not in t})
    candidates: list[Any] = [True, False, *literals]
    if not names or len(names) > limit or len(candidates) ** len(names) > MAX_COMBINATIONS:
        return False
    for values in itertools.product(candidates, repeat=len(names)):
        variables, locals_ = dict(scope.variables), dict(scope.locals)
        for (head, name), value in zip(names, values, strict=True):
            (variables if head == "var" else locals_)[name] = Known(value)
        probe = Scope(variables, locals_)
        counts = [evaluate(value, probe) for value in (first, second)]
        if not any(isinstance(c, int) and not isinstance(c, bool) and c == 0 for c in counts):
            return False
    return True


def _leaves(values: list[Any], scope: Scope, texts: list[str], depth: int) -> set[tuple[str, str]]:
    """The `var.` names and undefined `local.` names the values read, through the locals `scope` defines;
    every text read is appended to `texts`."""
    found: set[tuple[str, str]] = set()
    for text in (t for value in values for t in _strings(value)):
        texts.append(text)
        for ref in references(text):
            if ref[0] == "local" and ref[1] in scope.locals and depth < MAX_DEPTH:
                found |= _leaves([scope.locals[ref[1]]], scope, texts, depth + 1)
            elif ref[0] in ("var", "local"):
                found.add((ref[0], ref[1]))
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _minus_operator(text: str, j: int) -> bool:
    # `a-b` is a name in HCL (identifiers may hold dashes), `a - b` a subtraction
    return text[j] == "-" and (j + 1 >= len(text) or text[j + 1] == " ")
