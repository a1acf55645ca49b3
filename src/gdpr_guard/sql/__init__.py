"""The SQL analysis (issue 12): SQL found in `.sql` files, Python calls and shell commands, split into
statements, read with sqlglot (the lexer of `sqltext.py` where sqlglot cannot), turned into facts
(copies, exports, removals, stars that extract, accounts) and judged by the SQL rules per migration set.
"""
