"""One filter for every credential rule: values that are not secrets (placeholders, names, types).

An environment variable's name given as the value (`"PASSWORD": "SNOWFLAKE_PASSWORD"`), a template
reference (`${DB_PASSWORD}`, `{{ secrets.X }}`), a type name in a schema (`secret_uri = string`) or a
GitHub `secrets: inherit` name where a secret comes from; none of them is the secret.
"""

from __future__ import annotations

import re

WORDS = frozenset({
    "", "string", "str", "bytes", "bool", "boolean", "int", "integer", "number", "float", "any", "object",
    "list", "map", "dict", "set", "tuple", "null", "none", "nil", "true", "false", "undefined", "inherit",
    "required", "optional", "sensitive", "secret", "secrets", "password", "passwd", "pwd", "pass", "token",
    "key", "apikey", "api_key", "example", "placeholder", "redacted", "masked", "hidden", "todo", "tbd",
    "fixme", "xxx", "your_password", "yourpassword", "your-password", "your_secret", "your_token", "value",
    "url", "uri", "dsn", "host", "hostname", "name", "username", "user", "email", "id", "path", "file",
})
"""Lower-cased values that name a type, a keyword, a settings field or a blank to fill in, never a secret."""
TEMPLATE = re.compile(r"""^(?:\$\{\{?.*\}\}?|\{\{.*\}\}|\$\(.*\)|\$[A-Za-z_]\w*|%\(\w+\)[sd]|%[sd]|<[^<>]+>|\{[\w.]*\}|
                      \[\[.*\]\]|@@?\w+|:\w+|\?)$""", re.VERBOSE)
"""Template or bind-parameter references: ${X}, {{ x }}, $X, %(x)s, <x>, {x}, :x, ?."""
ENV_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
"""An environment variable's name, e.g. SNOWFLAKE_PASSWORD."""
REFERENCE = re.compile(r"^(?:var|local|data|module|secrets|env|vars|inputs|settings|config|os\.environ)"
                       r"(?:\.|\[)", re.IGNORECASE)
"""A reference to where the secret comes from: var.x, secrets.X, env.X, os.environ[...]."""
KEY_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*[_-](?:password|passwd|pwd|secret|token|key|apikey)$")
"""A key's own name given as the value: db_password, snowflake-secret."""
FILLER = re.compile(r"^([*xX.#-])\1*$")
PATTERN_ONLY = re.compile(r"^[.*+?^$|()\[\]\\]+$")
"""A value made only of wildcards (`.*` in `grep "_PASS='.*'"`): a search pattern, not a secret."""
MARKERS = frozenset({"fake", "dummy", "mock", "mocked", "example", "sample", "placeholder", "valid", "invalid",
                     "test", "testing", "notreal", "not-a-secret", "redacted", "simulated"})
"""Whole segments (between - _ . : /) that mark a made-up value: `xoxb-valid`, `sk_test_dummy`."""
SEGMENTS = re.compile(r"[-_.:/]+")
CREDENTIAL_WORDS = frozenset({"password", "passwords", "passwort", "passe", "contraseña", "secret", "token",
                              "passphrase", "pin"})
"""Words naming a credential, in the languages messages of our users' code are written in (mot de passe)."""


def is_placeholder(value: str) -> bool:
    """True when `value` cannot be a secret: a blank, a name, a type, a template or a reference."""
    text = value.strip().strip("\"'`").strip()
    return (text.lower() in WORDS or bool(FILLER.match(text)) or bool(PATTERN_ONLY.match(text))
            or bool(TEMPLATE.match(text))
            or bool(ENV_NAME.match(text)) or bool(REFERENCE.match(text)) or bool(KEY_NAME.match(text))
            or bool(MARKERS & set(SEGMENTS.split(text.lower()))) or _message_about_credential(text))


def _message_about_credential(text: str) -> bool:
    """A phrase of plain words that names the credential ("password changed", "Mot de passe modifié"):
    a message or label about the secret, not the secret. A passphrase of plain words that never names
    a credential is still reported."""
    words = text.split()
    return len(words) >= 2 and all(w.isalpha() for w in words) and bool(CREDENTIAL_WORDS & {w.lower() for w in words})
