"""The SQL tokenizer the refinements read statements with: comments, quotes, dollar bodies, depth."""

from __future__ import annotations

from gdpr_guard.sqltext import PUNCT, STRING, WORD, statements, tokens


def test_comments_are_skipped_and_quotes_kept_whole() -> None:
    text = "SELECT * -- all of it; really\nFROM \"Patients\" /* a; b */ WHERE name = 'O''Brien; x';"
    got = [(t.kind, t.text) for t in tokens(text)]
    assert got == [(WORD, "select"), (PUNCT, "*"), (WORD, "from"), (WORD, "patients"), (WORD, "where"),
                   (WORD, "name"), (PUNCT, "="), (STRING, "O''Brien; x"), (PUNCT, ";")]


def test_dollar_quoted_bodies_are_one_string_and_statements_split_outside_them() -> None:
    text = "CREATE FUNCTION f() RETURNS void AS $body$ BEGIN DELETE FROM t; END $body$ LANGUAGE plpgsql;\nSELECT 1;"
    stmts = statements(tokens(text))
    assert len(stmts) == 2
    assert [t.text for t in stmts[0] if t.kind == STRING] == [" BEGIN DELETE FROM t; END "]


def test_positions_and_depth() -> None:
    toks = tokens("select *\n  from (select id from t) s")
    star = toks[1]
    assert (star.line, star.column, star.depth) == (1, 8, 0)
    inner = [t for t in toks if t.text == "id"][0]
    assert (inner.line, inner.depth) == (2, 1)
    assert [t.depth for t in toks if t.text in ("(", ")")] == [0, 0]
