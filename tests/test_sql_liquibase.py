"""Liquibase changelogs through the real SQL engine (issue 12): JSON changelogs (no comments to annotate),
changelogs that cannot be read are scan errors (entities refused, not expanded), how targets are
classified, and the items read from each format. The annotated fixtures are in
tests/fixtures/scripts/liquibase (test_rules_scripts.py)."""

from __future__ import annotations

from pathlib import Path

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan
from gdpr_guard.sql import liquibase
from gdpr_guard.sql.sources import SqlText
from gdpr_guard.targets import Kind, classify

SQL_RULES = ("GG-DEL-101", "GG-DEL-105", "GG-MIN-105", "GG-CRED-109", "GG-CRED-110")
MASTER = ('<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">\n'
          '  <includeAll path="changes" relativeToChangelogFile="true"/>\n</databaseChangeLog>\n')


def _scan(root: Path, catalog: Catalog, paths: list[Path] | None = None):
    others = tuple(r for r in catalog.rules if r not in SQL_RULES)
    return run_scan(paths or [root], root, Config(disable=others), catalog)


def _found(result) -> set[tuple[str, str, int]]:
    return {(f.rule_id, f.location.path, f.location.start_line) for f in result.findings}


def test_json_changelog_copy_and_later_delete(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "changes").mkdir()
    (tmp_path / "changelog.xml").write_text(MASTER, encoding="utf-8")
    (tmp_path / "changes" / "01.json").write_text(
        '{"databaseChangeLog": [\n'
        ' {"changeSet": {"id": "1", "author": "a", "changes": [\n'
        '   {"sql": {"sql": "CREATE TABLE invoices_copy AS SELECT id, iban FROM invoices"}},\n'
        '   {"sql": {"sql": "CREATE TABLE cards_copy AS SELECT id, pan FROM cards"}}]}}]}\n', encoding="utf-8")
    (tmp_path / "changes" / "02.json").write_text(
        '{"databaseChangeLog": [{"changeSet": {"id": "2", "author": "a", "changes": [\n'
        '  {"delete": {"tableName": "invoices"}}]}}]}\n', encoding="utf-8")
    result = _scan(tmp_path, catalog)
    assert result.errors == ()
    assert _found(result) == {("GG-DEL-101", "changes/01.json", 4)}
    # pre-commit of the first file alone: the master above it still orders the later delete after it
    assert _found(_scan(tmp_path, catalog, [tmp_path / "changes" / "01.json"])) == \
        {("GG-DEL-101", "changes/01.json", 4)}


def test_partial_delete_in_a_later_changelog_is_housekeeping(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "changes").mkdir()
    (tmp_path / "changelog.xml").write_text(MASTER, encoding="utf-8")
    (tmp_path / "changes" / "01.yaml").write_text(
        "databaseChangeLog:\n  - changeSet:\n      id: 1\n      author: a\n      changes:\n"
        "        - sql: INSERT INTO visits_copy SELECT id, notes FROM visits\n", encoding="utf-8")
    (tmp_path / "changes" / "02.yaml").write_text(
        "databaseChangeLog:\n  - changeSet:\n      id: 2\n      author: a\n      changes:\n"
        "        - delete:\n            tableName: visits_copy\n            where: created < now()\n",
        encoding="utf-8")
    assert _found(_scan(tmp_path, catalog)) == {("GG-DEL-101", "changes/01.yaml", 6)}


def test_entities_and_broken_changelogs_are_scan_errors(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "bomb.changelog.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<databaseChangeLog><changeSet id="1" author="a"><sql>&b;</sql></changeSet></databaseChangeLog>\n',
        encoding="utf-8")
    (tmp_path / "broken.changelog.xml").write_text('<databaseChangeLog><changeSet id="1">\n', encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("databaseChangeLog:\n  - changeSet: [\n", encoding="utf-8")
    result = _scan(tmp_path, catalog)
    assert sorted((e.source, e.path) for e in result.errors) == [
        ("sql", "bomb.changelog.xml"), ("sql", "broken.changelog.xml"), ("sql", "broken.yaml")]
    bomb = next(e for e in result.errors if e.path == "bomb.changelog.xml")
    assert "entities" in bomb.message


def test_classification(tmp_path: Path) -> None:
    files = {"changelog.xml": MASTER, "pom.xml": "<project/>\n", "db.changelog.yaml": "databaseChangeLog: []\n",
             "compose.yaml": "services: {}\n", "c.json": '{"databaseChangeLog": []}'}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert {name: classify(tmp_path / name) for name in files} == {
        "changelog.xml": Kind.CHANGELOG, "pom.xml": None, "db.changelog.yaml": Kind.CHANGELOG,
        "compose.yaml": Kind.OTHER, "c.json": Kind.CHANGELOG}


def test_items_of_each_format() -> None:
    xml = ('<databaseChangeLog>\n<changeSet id="1" author="a">\n<sql>\nDROP TABLE a</sql>\n'
           '<delete tableName="b" schemaName="s"><where>x = 1</where></delete>\n'
           '<rollback><sql>DROP TABLE c</sql></rollback>\n'
           '<sqlFile path="classpath:db/x.sql"/>\n</changeSet>\n</databaseChangeLog>\n')
    assert liquibase.read(xml, "c.xml") == [
        SqlText("\nDROP TABLE a", 3, False, "sql"), SqlText("DELETE FROM s.b WHERE _v_", 5, False, "sql"),
        SqlText("DROP TABLE c", 6, True, "sql"), liquibase.Include("db/x.sql", False, sql=True)]
    formatted = "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n"
    assert liquibase.is_formatted(formatted)
    assert liquibase.formatted(formatted) == [SqlText(formatted, 1, False, "sql"),
                                              SqlText("DROP TABLE t;", 4, True, "sql")]


def test_xml_comment_suppresses_the_change_below(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "db.changelog.xml").write_text(
        '<databaseChangeLog>\n<changeSet id="1" author="a">\n'
        '<!-- gdpr-guard: ignore[GG-DEL-101] reason="kept for the audit, purged by the retention job" -->\n'
        '<sql>CREATE TABLE audit_copy AS SELECT id, email FROM users</sql>\n'
        '<sql>CREATE TABLE other_copy AS SELECT id, email FROM users</sql>\n'
        '</changeSet>\n</databaseChangeLog>\n', encoding="utf-8")
    result = _scan(tmp_path, catalog)
    assert {(f.rule_id, f.location.start_line, f.suppression is not None) for f in result.findings} == \
        {("GG-DEL-101", 4, True), ("GG-DEL-101", 5, False)}
