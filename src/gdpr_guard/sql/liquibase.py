"""Liquibase changelogs read as SQL: SQL-formatted changelogs, and the `sql`, `sqlFile`, `dropTable` and
`delete` changes of XML, YAML and JSON changelogs, with the `include`/`includeAll` entries that order the
files of one changelog. A `rollback` is the reverse path: it never deletes on the way forward.

XML is read with expat, which reports line numbers; a document that declares entities is refused rather
than expanded (entity expansion is how XML bombs work), like any changelog that does not parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from gdpr_guard.sql.sources import SqlText

FORMATTED = re.compile(r"^\s*--\s*liquibase\s+formatted\s+sql\b", re.IGNORECASE)
"""The header line of a SQL-formatted changelog (a marker Liquibase reads, not code)."""
ROLLBACK = re.compile(r"^\s*--\s*rollback\b[ \t]?(?P<sql>.*)$", re.IGNORECASE)
"""A `--rollback <sql>` line of a SQL-formatted changelog: the reverse path of its changeset."""
SUFFIXES = (".xml", ".yaml", ".yml", ".json", ".sql")
"""Files `includeAll` takes."""


class ChangelogError(ValueError):
    """A changelog that cannot be read."""


@dataclass(frozen=True)
class Include:
    """A file a changelog names: another changelog (`include`, `includeAll` of a directory) or a file of
    SQL (`sqlFile`)."""

    path: str
    """As written (`classpath:` stripped)."""
    relative: bool
    """`relativeToChangelogFile`: resolved from the changelog's directory."""
    directory: bool = False
    """`includeAll`: every changelog of the directory, in alphabetical order."""
    sql: bool = False
    """`sqlFile`: the file holds plain SQL."""
    reverse: bool = False
    """Named inside a `rollback`."""


Item = SqlText | Include


def is_formatted(source: str) -> bool:
    """Is this `.sql` text a SQL-formatted Liquibase changelog (its first non-blank line the header)?"""
    first = next((line for line in source.splitlines() if line.strip()), "")
    return bool(FORMATTED.match(first))


def formatted(source: str) -> list[Item]:
    """The forward SQL (every changeset in order; Liquibase's own lines are SQL comments) and each
    `--rollback` line as reverse SQL."""
    items: list[Item] = [SqlText(source, 1, False, "sql")]
    for number, line in enumerate(source.splitlines(), 1):
        match = ROLLBACK.match(line)
        if match and match.group("sql").strip():
            items.append(SqlText(match.group("sql"), number, True, "sql"))
    return items


def read(source: str, name: str) -> list[Item]:
    """Items of an XML, YAML or JSON changelog, in document order. Raises ChangelogError."""
    if name.lower().endswith(".xml"):
        return _Xml(source).items
    return _structured(source, name)


class _Xml:
    """An XML changelog walked with expat (element names compared without their namespace prefix)."""

    CAPTURED = frozenset({"sql", "rollback", "createProcedure"})
    """Elements whose own text is SQL (a rollback's text, or the `sql` changes inside it)."""

    def __init__(self, source: str) -> None:
        self.items: list[Item] = []
        self.stack: list[str] = []
        self.rollback = 0
        self.frames: list[tuple[int, list[str], list[int]]] = []
        """Elements being read as SQL: (depth, text chunks, line of the first chunk)."""
        self.delete: tuple[str, int, bool] | None = None
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = self._entity
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        self.parser = parser
        try:
            parser.Parse(source, True)
        except expat.ExpatError as exc:
            raise ChangelogError(f"invalid XML at line {exc.lineno}: {expat.ErrorString(exc.code)}") from None
        except RecursionError:
            raise ChangelogError("XML nested too deeply") from None

    @staticmethod
    def _entity(*_: Any) -> None:
        raise ChangelogError("the document declares XML entities (refused: entity expansion)")

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        name = tag.rsplit(":", 1)[-1]
        line = self.parser.CurrentLineNumber
        self.stack.append(name)
        reverse = self.rollback > 0 or name == "rollback"
        if name == "rollback":
            self.rollback += 1
        if name in self.CAPTURED:
            self.frames.append((len(self.stack), [], []))
        elif name in ("include", "includeAll", "sqlFile"):
            path = attrs.get("file") or attrs.get("path") or ""
            if path:
                self.items.append(Include(_strip_classpath(path), attrs.get("relativeToChangelogFile", "") == "true",
                                          name == "includeAll", name == "sqlFile", reverse))
        elif name == "dropTable" and attrs.get("tableName"):
            self.items.append(SqlText("DROP TABLE " + _qualified(attrs), line, reverse, "sql"))
        elif name == "delete" and attrs.get("tableName"):
            self.delete = (_qualified(attrs), line, reverse)
        elif name == "where" and self.delete is not None:
            self.delete = (self.delete[0] + " WHERE " + "_v_", self.delete[1], self.delete[2])

    def _end(self, tag: str) -> None:
        name = tag.rsplit(":", 1)[-1]
        if self.frames and self.frames[-1][0] == len(self.stack):
            _, chunks, first = self.frames.pop()
            text = "".join(chunks)
            if text.strip():
                self.items.append(SqlText(text, first[0], self.rollback > 0, "sql"))
        if name == "delete" and self.delete is not None:
            table, line, reverse = self.delete
            self.items.append(SqlText("DELETE FROM " + table, line, reverse, "sql"))
            self.delete = None
        if name == "rollback":
            self.rollback -= 1
        self.stack.pop()

    def _data(self, data: str) -> None:
        if self.frames and self.frames[-1][0] == len(self.stack):  # its own text, not a nested <comment>
            _, chunks, first = self.frames[-1]
            if not chunks:
                first.append(self.parser.CurrentLineNumber)
            chunks.append(data)


def _qualified(attrs: dict[str, str]) -> str:
    names = [attrs[k] for k in ("schemaName", "tableName") if attrs.get(k)]
    return ".".join(names)


def _strip_classpath(path: str) -> str:
    return path[len("classpath:"):] if path.startswith("classpath:") else path


def _structured(source: str, name: str) -> list[Item]:
    """A YAML or JSON changelog, composed with line marks (JSON is read as the YAML it also is)."""
    import yaml

    from gdpr_guard.errors import ConfigError
    from gdpr_guard.yamlio import _NoAliasLoader

    try:
        loader = _NoAliasLoader(source)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except (yaml.YAMLError, ConfigError, RecursionError) as exc:
        raise ChangelogError(f"invalid {'JSON' if name.lower().endswith('.json') else 'YAML'}: "
                             f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    entries = _get(root, "databaseChangeLog")
    items: list[Item] = []
    for entry in entries.value if isinstance(entries, yaml.SequenceNode) else []:
        if _get(entry, "include") is not None or _get(entry, "includeAll") is not None:
            node = _get(entry, "include") or _get(entry, "includeAll")
            path = _scalar(_get(node, "file")) or _scalar(_get(node, "path"))
            if path:
                items.append(Include(_strip_classpath(path), _scalar(_get(node, "relativeToChangelogFile")) == "true",
                                     _get(entry, "includeAll") is not None))
        changeset = _get(entry, "changeSet")
        if changeset is not None:
            items += _changes(_get(changeset, "changes"), False)
            items += _changes(_get(changeset, "rollback"), True)
    return items


def _changes(node: Any, reverse: bool) -> list[Item]:
    import yaml

    if node is None:
        return []
    if isinstance(node, yaml.ScalarNode):  # rollback: "DROP TABLE x"
        return [_text(node, reverse)] if node.value.strip() else []
    changes = node.value if isinstance(node, yaml.SequenceNode) else [node]
    out: list[Item] = []
    for change in changes:
        sql = _get(change, "sql")
        if sql is not None:
            body = sql if isinstance(sql, yaml.ScalarNode) else _get(sql, "sql")
            if isinstance(body, yaml.ScalarNode) and body.value.strip():
                out.append(_text(body, reverse))
        sql_file = _get(change, "sqlFile")
        path = _scalar(_get(sql_file, "path")) if sql_file is not None else ""
        if path:
            out.append(Include(_strip_classpath(path), _scalar(_get(sql_file, "relativeToChangelogFile")) == "true",
                               sql=True, reverse=reverse))
        for kind, verb in (("dropTable", "DROP TABLE "), ("delete", "DELETE FROM ")):
            spec = _get(change, kind)
            table = _scalar(_get(spec, "tableName")) if spec is not None else ""
            if table:
                schema = _scalar(_get(spec, "schemaName"))
                where = " WHERE _v_" if kind == "delete" and _get(spec, "where") is not None else ""
                out.append(SqlText(verb + (schema + "." if schema else "") + table + where,
                                   spec.start_mark.line + 1, reverse, "sql"))
    return out


def _text(node: Any, reverse: bool) -> SqlText:
    # a block scalar (`sql: |`) starts on the line after its indicator
    line = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
    return SqlText(node.value, line, reverse, "sql")


def _get(node: Any, key: str) -> Any:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _scalar(node: Any) -> str:
    import yaml

    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""
